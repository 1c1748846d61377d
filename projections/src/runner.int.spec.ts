import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db, EventStore } from '@guichet/eventstore';
import { testDatabases } from '../../eventstore/src/testing.ts';
import { accountsProjection } from './accounts/projection.ts';
import { allProjections } from './all.ts';
import type { ProjectionChange } from './changes.ts';
import { getCase } from './queries/cases.ts';
import { History } from './testing/history.ts';
import { probe, probeRows } from './testing/probes.ts';
import { townHallFortnight } from './testing/scenario.ts';
import { dumpReadModels, eventually, runnerFor, silent, withStore } from './testing/setup.ts';

describe.each(testDatabases())('projection runner on $name', ({ open }) => {
  let db: Db;
  let store: EventStore;
  let close: () => Promise<void>;
  const story = townHallFortnight();

  beforeAll(async () => {
    ({ db, store, close } = await withStore(open));
  });
  afterAll(() => close());

  it('reports how far behind each projection is, then nothing once caught up', async () => {
    await story.history.appendTo(store, 0, 20);
    const runner = runnerFor(db, store);
    const before = await runner.lag();
    const written = story.history.appends.slice(0, 20).reduce((n, a) => n + a.events.length, 0);
    expect(before.map((l) => [l.name, l.behind, l.caughtUp])).toEqual(
      allProjections.map((p) => [p.name, written, false]),
    );
    await runner.catchUp();
    const after = await runner.lag();
    expect(after.every((l) => l.behind === 0 && l.caughtUp)).toBe(true);
    expect(after[0]?.checkpoint).toEqual(after[0]?.head);
    await runner.stop();
  });

  it('gives the same rows when rebuilt from the start as when fed live, batch after batch', async () => {
    const live = runnerFor(db, store, { batchSize: 5 });
    await live.start();
    for (let i = 20; i < story.history.appends.length; i += 6) {
      await story.history.appendTo(store, i, i + 6);
      await eventually(async () => (await live.lag()).every((l) => l.caughtUp));
    }
    const fedLive = await dumpReadModels(db);
    expect(fedLive.rm_cases).toHaveLength(5);

    for (const p of allProjections) await live.rebuild(p.name);
    // The running runner is woken up and rebuilds in the background.
    await eventually(async () => (await live.lag()).every((l) => l.caughtUp));
    await live.stop();
    expect(await dumpReadModels(db)).toEqual(fedLive);

    const rebuiltInOneGo = runnerFor(db, store, { batchSize: 1000 });
    for (const p of allProjections) await rebuiltInOneGo.rebuild(p.name);
    expect(await getCase(db, 'case-a')).toBeNull();
    await rebuiltInOneGo.catchUp();
    await rebuiltInOneGo.stop();
    expect(await dumpReadModels(db)).toEqual(fedLive);
  });

  it('applies re-delivered events (checkpoint moved back) without changing any row', async () => {
    const before = await dumpReadModels(db);
    const middle = (await store.readAll({ limit: 40 })).at(-1);
    await db.query('update projection_checkpoints set transaction_id = $1, position = $2', [
      middle?.transactionId,
      middle?.position,
    ]);
    const runner = runnerFor(db, store, { batchSize: 3 });
    expect((await runner.lag()).every((l) => l.behind > 0)).toBe(true);
    await runner.catchUp();
    expect(await dumpReadModels(db)).toEqual(before);
    await runner.stop();
  });

  it('ignores an event type it does not know, and goes on with the next ones', async () => {
    const h = new History('2026-03-21T09:00:00.000Z');
    h.raw(
      'case-case-a',
      { actor: 'ag-marc' },
      { type: 'CaseArchivedToMicrofilm', data: { caseId: 'case-a', reel: 42 } },
    );
    h.raw('parking-p1', { actor: 'system' }, { type: 'ParkingPermitIssued', data: { plate: 'AB-123-CD' } });
    h.add(
      'case-case-a',
      { actor: 'cit-lea' },
      {
        type: 'MessageSent',
        data: { caseId: 'case-a', messageId: 'msg-3', from: 'citizen', text: 'Merci !', documents: [] },
      },
    );
    await h.appendTo(store);
    const runner = runnerFor(db, store);
    await runner.catchUp();
    expect((await runner.lag()).every((l) => l.caughtUp && l.lastError === null)).toBe(true);
    const a = await getCase(db, 'case-a');
    expect(a?.version).toBe(17);
    expect(a?.messages.at(-1)?.text).toBe('Merci !');
    const { rows } = await db.query('select type from rm_case_timeline where case_id = $1 and stream_version = 16', [
      'case-a',
    ]);
    expect(rows).toEqual([]);
    await runner.stop();
  });

  it('notifies the API after each committed batch, in process and by NOTIFY', async () => {
    const runner = runnerFor(db, store, { batchSize: 100 });
    await runner.catchUp();
    const seen: ProjectionChange[] = [];
    const heard: ProjectionChange[] = [];
    const sub = runner.changes$.subscribe((c) => seen.push(c));
    const unlisten = await db.listen('projections', (payload) => heard.push(JSON.parse(payload) as ProjectionChange));
    const h = new History('2026-03-22T09:00:00.000Z');
    h.add(
      'case-case-b',
      { actor: 'ag-claire' },
      { type: 'CaseAssigned', data: { caseId: 'case-b', assignee: 'ag-claire', previousAssignee: null } },
    );
    await h.appendTo(store);
    const [last] = (await store.readAll({ from: (await runner.lag())[0]?.checkpoint })).slice(-1);
    // A batch the accounts do not handle only moves their checkpoint: no transaction, no handler call.
    const accountsBatch = vi.spyOn(accountsProjection, 'handleBatch');
    await runner.catchUp();
    expect(accountsBatch).not.toHaveBeenCalled();
    accountsBatch.mockRestore();
    const cases = {
      projection: 'cases',
      caseIds: ['case-b'],
      serviceIds: ['svc-voirie'],
      citizenIds: ['cit-lea'],
      position: last?.position,
    };
    expect(seen).toContainEqual(cases);
    // An assignment is internal and not searchable: the citizen's history and the search index did not change.
    const changed = seen.filter((c) => c.caseIds.length > 0).map((c) => c.projection);
    expect(changed.sort()).toEqual(['case_timeline', 'cases']);
    // Every projection still tells how far it got, for those waiting to read their own writes.
    expect(new Set(seen.map((c) => c.projection))).toEqual(new Set(allProjections.map((p) => p.name)));
    expect(seen.every((c) => c.position === last?.position)).toBe(true);
    await eventually(async () => expect(heard).toContainEqual(cases));
    await eventually(async () =>
      expect(new Set(heard.map((c) => c.projection))).toEqual(new Set(allProjections.map((p) => p.name))),
    );
    sub.unsubscribe();
    await unlisten();
    await runner.stop();
  });

  it('stops a projection whose handler fails, retries it, and never skips the event', async () => {
    let broken = true;
    const fragile = probe('fragile', { failOn: (e) => broken && e.type === 'CaseReopened' });
    const error = vi.fn();
    const runner = runnerFor(db, store, {
      projections: [fragile, probe('steady')],
      logger: { ...silent, error },
      retry: { initialMs: 20, maxMs: 100 },
    });
    await runner.start();
    const lagOf = async (name: string) => (await runner.lag()).find((l) => l.name === name);
    await eventually(async () => (await lagOf('probe_steady'))?.caughtUp === true);
    const failed = await eventually(async () => {
      const lag = await lagOf('probe_fragile');
      return lag?.state === 'failed' && error.mock.calls.length >= 2 ? lag : false;
    });
    expect(failed.lastError).toMatch(/refuses CaseReopened/);
    expect(failed.behind).toBeGreaterThan(0);
    expect(error.mock.calls[0]?.[0]).toMatchObject({ projection: 'probe_fragile' });
    expect((await probeRows(db, 'fragile')).map((r) => r.type)).not.toContain('CaseReopened');

    broken = false;
    await eventually(async () => (await lagOf('probe_fragile'))?.caughtUp === true);
    await runner.stop();
    const rows = await probeRows(db, 'fragile');
    expect(rows).toEqual(await probeRows(db, 'steady'));
    expect(rows.filter((r) => r.type === 'CaseReopened')).toHaveLength(1);
    expect(rows.every((r) => r.applied === 1)).toBe(true);
  });

  it('rebuilds a projection whose version changed', async () => {
    const v1 = runnerFor(db, store, { projections: [probe('versioned', { version: 1, mark: 'v1' })] });
    await v1.catchUp();
    await v1.stop();
    const v2 = runnerFor(db, store, { projections: [probe('versioned', { version: 2, mark: 'v2' })] });
    await v2.catchUp();
    await v2.stop();
    const rows = await probeRows(db, 'versioned');
    expect(rows.length).toBe((await store.readAll()).length);
    expect(rows.every((r) => r.mark === 'v2' && r.applied === 1)).toBe(true);
  });

  it('lets two runners on the same database apply each event exactly once', async () => {
    const first = runnerFor(db, store, { projections: [probe('shared')], batchSize: 4, standbyPollMs: 50 });
    const second = runnerFor(db, store, { projections: [probe('shared')], batchSize: 4, standbyPollMs: 50 });
    // Counted while nothing else writes: a reader sees no event past a transaction still open.
    const total = (await store.readAll()).length + 12;
    await Promise.all([first.start(), second.start()]);
    const h = new History('2026-03-23T09:00:00.000Z');
    for (let i = 0; i < 12; i++)
      h.add(
        'case-case-e',
        { actor: 'cit-jean' },
        { type: 'CaseRated', data: { caseId: 'case-e', score: 4, comment: `avis ${i}` } },
      );
    await h.appendTo(store);
    await eventually(async () => (await probeRows(db, 'shared')).length === total);
    const states = [...(await first.lag()), ...(await second.lag())].map((l) => l.state).sort();
    // PostgreSQL: the advisory lock keeps one of them on standby. PGlite is one process: the checkpoint's compare-and-set arbitrates.
    if (db.kind === 'postgres') expect(states).toEqual(['running', 'standby']);
    await Promise.all([first.stop(), second.stop()]);
    expect((await probeRows(db, 'shared')).every((r) => r.applied === 1)).toBe(true);
  });
});
