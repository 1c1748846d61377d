import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWriters } from './concurrent-writers.ts';
import { caseStream, collect, instrument, newEvent, noted, settledHead, sleep } from './contract-helpers.ts';
import type { Db } from './db.ts';
import { createEventStore } from './postgres-event-store.ts';
import { testDatabases } from './testing.ts';
import { ConcurrencyError, EventIdConflictError, START, type EventStore, type RecordedEvent } from './types.ts';

describe.each(testDatabases())('event store contract on $name', ({ open }) => {
  let db: Db;
  let store: EventStore;
  beforeAll(async () => {
    db = await open();
    store = await createEventStore(db, { pollIntervalMs: 100 });
  });
  afterAll(async () => {
    await store.close();
    await db.close();
  });

  it('reads back what was appended, with every metadata field, the stream version and the positions', async () => {
    const stream = caseStream();
    const submitted = newEvent(
      'RequestSubmitted',
      { procedureId: 'acte-naissance', data: { nom: 'Martin' } },
      { channel: 'web', actor: 'citizen-7', actorRole: 'usager' },
    );
    const noteAdded = newEvent('NoteAdded', { text: 'Pièce manquante' }, { causationId: submitted.metadata.eventId });
    const result = await store.append(stream, [submitted, noteAdded], 'no_stream');
    expect(result).toMatchObject({ streamId: stream, nextVersion: 2, duplicate: false });
    expect(result.positions).toHaveLength(2);
    expect(result.positions[1]).toBeGreaterThan(result.positions[0]!);

    const read = await store.readStream(stream);
    expect(
      read.map((e) => [e.type, e.data, e.metadata, e.streamId, e.streamVersion, e.position, e.schemaVersion]),
    ).toEqual([
      ['RequestSubmitted', submitted.data, submitted.metadata, stream, 1, result.positions[0], 1],
      ['NoteAdded', noteAdded.data, noteAdded.metadata, stream, 2, result.positions[1], 1],
    ]);
    expect(new Date(read[0]!.storedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(read[0]!.transactionId).toMatch(/^\d+$/);
    // The append says which transaction wrote the events: the checkpoint a reader must reach.
    expect(read.map((e) => e.transactionId)).toEqual([result.transactionId, result.transactionId]);
    expect(await store.streamVersion(stream)).toBe(2);
    expect(await store.streamVersion(caseStream())).toBe(0);
    await settledHead(db, store);
    const all = await store.readAll();
    expect(all.filter((e) => e.streamId === stream)).toEqual(read);
  });

  it('checks the expected version: any, no_stream (= 0) and an exact version', async () => {
    const stream = caseStream();
    await expect(store.append(stream, [noted(1)], 'any')).resolves.toMatchObject({ nextVersion: 1 });
    await expect(store.append(stream, [noted(2)], 1)).resolves.toMatchObject({ nextVersion: 2 });
    await expect(store.append(stream, [noted(3), noted(4)])).resolves.toMatchObject({ nextVersion: 4 });
    const fresh = caseStream();
    await expect(store.append(fresh, [noted(1)], 0)).resolves.toMatchObject({ nextVersion: 1 });

    const refusals = await Promise.allSettled([
      store.append(stream, [noted(5)], 'no_stream'),
      store.append(stream, [noted(5)], 0),
      store.append(stream, [noted(5)], 3),
      store.append(caseStream(), [noted(1)], 2),
    ]);
    const errors = refusals.map((r) => (r.status === 'rejected' ? r.reason : r.value));
    errors.forEach((error) => expect(error).toBeInstanceOf(ConcurrencyError));
    expect(errors.map((e: ConcurrencyError) => [e.expected, e.actual])).toEqual([
      ['no_stream', 4],
      [0, 4],
      [3, 4],
      [2, 0],
    ]);
    expect((errors[0] as ConcurrencyError).streamId).toBe(stream);
    expect(await store.streamVersion(stream)).toBe(4);
  });

  it('lets exactly one of 20 racing appends with the same expected version win', async () => {
    const stream = caseStream();
    await store.append(stream, [noted(1)], 'no_stream');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => store.append(stream, [noted(i), noted(i)], 1)),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const error of lost) expect(error).toMatchObject({ name: 'ConcurrencyError', expected: 1, actual: 3 });
    expect((await store.readStream(stream)).map((e) => e.streamVersion)).toEqual([1, 2, 3]);
  });

  it('stores a retried append once and answers with the original result', async () => {
    const stream = caseStream();
    const batch = [noted(1), noted(2)];
    const first = await store.append(stream, batch, 'no_stream');
    const third = noted(3);
    await store.append(stream, [third], 2);
    // The retry's expected version is stale by now: it still gets the original answer.
    const retry = await store.append(stream, batch, 'no_stream');
    expect(retry).toEqual({ ...first, duplicate: true });
    expect((await store.readStream(stream)).map((e) => e.metadata.eventId)).toEqual(
      [...batch, third].map((e) => e.metadata.eventId),
    );
    expect(await store.streamVersion(stream)).toBe(3);
  });

  it.each(['no_stream', 'any'] as const)(
    'stores concurrent identical appends once (expected %s): one writes, the others get its result as duplicates',
    async (expected) => {
      const stream = caseStream();
      await store.append(stream, [noted(0)]);
      const batch = [noted(1), noted(2), noted(3)];
      const results = await Promise.all(
        Array.from({ length: 8 }, () => store.append(stream, batch, expected === 'any' ? 'any' : 1)),
      );
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      const original = results.find((r) => !r.duplicate)!;
      expect(original.nextVersion).toBe(4);
      for (const r of results) expect({ ...r, duplicate: false }).toEqual(original);
      expect(await store.readStream(stream)).toHaveLength(4);
    },
  );

  it('refuses a batch that is partly stored, or stored in another stream, and writes nothing', async () => {
    const stream = caseStream();
    const stored = noted(1);
    await store.append(stream, [stored]);
    await expect(store.append(stream, [stored, noted(2)])).rejects.toThrow(
      /1 of the 2 event ids of this batch are already stored/,
    );
    await expect(store.append(caseStream(), [stored])).rejects.toBeInstanceOf(EventIdConflictError);
    const twice = noted(3);
    await expect(store.append(stream, [twice, twice])).rejects.toThrow(/appears twice/);
    expect(await store.streamVersion(stream)).toBe(1);
  });

  it('refuses to append inside a transaction that already wrote (its xid would predate the stream lock)', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('select pg_current_xact_id()');
        await tx.query('select * from append_events($1, null, $2)', [
          caseStream(),
          JSON.stringify([{ ...noted(1), schemaVersion: 1 }]),
        ]);
      }),
    ).rejects.toThrow(/must run in a transaction of its own/);
  });

  it('an empty append writes nothing but still checks the expected version', async () => {
    const stream = caseStream();
    await store.append(stream, [noted(1)]);
    await expect(store.append(stream, [], 1)).resolves.toEqual({
      streamId: stream,
      nextVersion: 1,
      positions: [],
      transactionId: null,
      duplicate: false,
    });
    await expect(store.append(stream, [], 'no_stream')).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it('stores the current schema version of each type and upcasts older events on read', async () => {
    const stream = caseStream();
    const v1 = await createEventStore(db);
    await v1.append(stream, [newEvent('ContactRecorded', { phone: '0601020304' })]);
    await v1.close();
    const schemas = {
      ContactRecorded: {
        version: 2,
        upcasters: { 1: (d: { phone: string }) => ({ contact: { kind: 'phone', value: d.phone } }) },
      },
    };
    const v2 = await createEventStore(db, { schemas });
    await v2.append(stream, [newEvent('ContactRecorded', { contact: { kind: 'email', value: 'a@b.fr' } }), noted(2)]);
    const read = await v2.readStream(stream);
    expect(read.map((e) => [e.schemaVersion, e.data])).toEqual([
      [2, { contact: { kind: 'phone', value: '0601020304' } }],
      [2, { contact: { kind: 'email', value: 'a@b.fr' } }],
      [1, { text: 'note 2' }],
    ]);
    await settledHead(db, v2);
    expect((await v2.readAll()).filter((e) => e.streamId === stream)).toEqual(read);
    const stored = await db.query<{ schema_version: number }>(
      'select schema_version from events where stream_id = $1 order by stream_version',
      [stream],
    );
    expect(stored.rows.map((r) => r.schema_version)).toEqual([1, 2, 1]);
    await v2.close();
    await expect(
      createEventStore(db, {
        schemas: { ContactRecorded: { version: 3, upcasters: schemas.ContactRecorded.upcasters } },
      }),
    ).rejects.toThrow(/no upcaster from version 2 to 3/);
  });

  it('refuses to start on events whose transaction ids are ahead of the database (a restore from another cluster)', async () => {
    const { positions } = await store.append(caseStream(), [noted(1)]);
    const [position] = positions;
    const original = await db.query<{ txid: string }>(
      'select transaction_id::text as txid from events where position = $1',
      [position],
    );
    await db.query(`update events set transaction_id = '90000000000'::xid8 where position = $1`, [position]);
    try {
      await expect(createEventStore(db)).rejects.toThrow(
        /transaction ids up to 90000000000 .*restored from another cluster/,
      );
    } finally {
      await db.query('update events set transaction_id = $2::xid8 where position = $1', [
        position,
        original.rows[0]!.txid,
      ]);
    }
    const again = await createEventStore(db);
    await again.close();
  });

  it('reads a stream from a version and up to a position', async () => {
    const stream = caseStream();
    const { positions } = await store.append(stream, [noted(1), noted(2), noted(3), noted(4)]);
    expect((await store.readStream(stream, { fromVersion: 3 })).map((e) => e.streamVersion)).toEqual([3, 4]);
    expect((await store.readStream(stream, { toPosition: positions[1]! })).map((e) => e.streamVersion)).toEqual([1, 2]);
    expect(await store.readStream(stream, { fromVersion: 5 })).toEqual([]);
  });

  it('pages through $all from a checkpoint with a limit, without gaps or repeats, up to head()', async () => {
    const from = await settledHead(db, store);
    const appended = [];
    for (let i = 0; i < 7; i++) appended.push(...(await store.append(caseStream(), [noted(i), noted(i)])).positions);
    await settledHead(db, store);
    const pages = [];
    let checkpoint = from;
    for (;;) {
      const page = await store.readAll({ from: checkpoint, limit: 3 });
      if (page.length === 0) break;
      expect(page.length).toBeLessThanOrEqual(3);
      pages.push(...page);
      const last = page.at(-1)!;
      checkpoint = { transactionId: last.transactionId, position: last.position };
    }
    expect(pages.map((e) => e.position)).toEqual(appended);
    expect(await store.head()).toEqual(checkpoint);
    expect(await store.readAll({ from: START, limit: 1 })).toHaveLength(1);
  });

  it('subscribes from a checkpoint: only later events, the stored ones then the live ones', async () => {
    await store.append(caseStream(), [noted(1)]);
    const mid = await settledHead(db, store);
    const later = (await store.append(caseStream(), [noted(2), noted(3)])).positions;
    const sub = collect(store.subscribe(mid));
    await sub.until(2);
    later.push(...(await store.append(caseStream(), [noted(4)])).positions);
    await sub.until(3);
    sub.subscription.unsubscribe();
    expect(sub.received.map((e) => e.position)).toEqual(later);
  });

  it('stops reading when unsubscribed', async () => {
    const { db: counted, control } = instrument(db);
    const own = await createEventStore(counted, { pollIntervalMs: 20 });
    const sub = collect(own.subscribe(await settledHead(db, store)));
    await own.append(caseStream(), [noted(1)]);
    await sub.until(1);
    sub.subscription.unsubscribe();
    await sleep(50);
    const queries = control.queries;
    await own.append(caseStream(), [noted(2)]);
    await sleep(200); // ten poll intervals: a reader still running would have queried
    expect(control.queries).toBe(queries + 1);
    expect(sub.received).toHaveLength(1);
    await own.close();
  });

  it('completes its subscriptions when closed, and refuses appends afterwards', async () => {
    const own = await createEventStore(db);
    const sub = collect(own.subscribe(await own.head()));
    await own.close();
    expect(sub.completed).toBe(true);
    expect(sub.failure).toBeUndefined();
    await expect(own.append(caseStream(), [noted(1)])).rejects.toThrow(/closed/);
    expect(collect(own.subscribe()).completed).toBe(true);
  });

  it('keeps a subscription alive through database errors and resumes where it was', async () => {
    const { db: flaky, control } = instrument(db);
    const errors: unknown[] = [];
    const own = await createEventStore(flaky, { pollIntervalMs: 20, onSubscriptionError: (e) => errors.push(e) });
    const sub = collect(own.subscribe(await settledHead(db, own)));
    const first = (await own.append(caseStream(), [noted(1)])).positions;
    await sub.until(1);
    control.failing = true;
    await sleep(300);
    const second = (await store.append(caseStream(), [noted(2)])).positions;
    control.failing = false;
    await sub.until(2);
    expect(errors.length).toBeGreaterThan(0);
    expect(sub.failure).toBeUndefined();
    expect(sub.received.map((e) => e.position)).toEqual([...first, ...second]);
    await own.close();
  });

  it('wakes waitForEvents on a local append and on an append by another store (NOTIFY; directly on PGlite) before the poll interval', async () => {
    const slow = { pollIntervalMs: 60_000 };
    const [a, b] = [await createEventStore(db, slow), await createEventStore(db, slow)];
    for (const [waiter, writer] of [
      [a, a],
      [a, b],
    ] as const) {
      const woken = waiter.waitForEvents();
      await writer.append(caseStream(), [noted(1)]);
      const first = await Promise.race([woken.then(() => 'woken'), sleep(10_000).then(() => 'poll')]);
      expect(first).toBe('woken');
    }
    const aborted = new AbortController();
    const waiting = a.waitForEvents(aborted.signal);
    aborted.abort();
    await waiting;

    // A projection waits after every batch for as long as the process lives: each wait must leave
    // nothing behind (AbortSignal.any kept ~2.7 KB per wait referenced on Node 20: 54 MB here).
    v8.setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const heapAfterGc = () => {
      collect();
      return process.memoryUsage().heapUsed;
    };
    const before = heapAfterGc();
    for (let i = 0; i < 20_000; i++) {
      const done = new AbortController();
      done.abort();
      await a.waitForEvents(done.signal);
    }
    expect(heapAfterGc() - before).toBeLessThan(10 * 2 ** 20);
    await Promise.all([a.close(), b.close()]);
  });
});

describe.each(testDatabases())('event store under concurrent writers on $name', ({ name, open }) => {
  it('delivers every event exactly once, in one consistent order, to a subscriber live during 16 concurrent writers', async () => {
    const db = await open();
    const store = await createEventStore(db, { pollIntervalMs: 100 });
    try {
      const total = 10_000;
      const sub = collect(store.subscribe(START));
      const started = performance.now();
      // PGlite runs one statement at a time: larger batches keep its share of the suite short.
      const { streams, appends } = await runWriters(store, {
        writers: 16,
        total,
        streamsPerWriter: 4,
        maxBatch: name === 'pglite' ? 15 : 3,
      });
      const appendSeconds = (performance.now() - started) / 1000;
      await sub.until(total, 60_000);
      const deliveredSeconds = (performance.now() - started) / 1000;
      await sleep(300); // three poll intervals: room for a duplicate to show up
      console.log(
        `[event store on ${name}] 16 writers: ${total} events in ${appends} appends in ${appendSeconds.toFixed(2)} s ` +
          `(${Math.round(total / appendSeconds)} events/s, ${Math.round(appends / appendSeconds)} appends/s); ` +
          `live subscriber had every event ${deliveredSeconds.toFixed(2)} s after the start`,
      );

      const received = sub.received;
      expect(received).toHaveLength(total);
      expect(new Set(received.map((e) => e.metadata.eventId)).size).toBe(total);
      // Each stream arrives whole and in its own order: versions 1, 2, 3, … with the ids written.
      const arrivedByStream = new Map<string, RecordedEvent[]>();
      for (const e of received) arrivedByStream.set(e.streamId, [...(arrivedByStream.get(e.streamId) ?? []), e]);
      for (const { streamId, eventIds } of streams) {
        const arrived = arrivedByStream.get(streamId) ?? [];
        expect(arrived.map((e) => e.streamVersion)).toEqual(eventIds.map((_, i) => i + 1));
        expect(arrived.map((e) => e.metadata.eventId)).toEqual(eventIds);
      }
      // $all order is (transaction id, position), strictly increasing, and a later read agrees.
      const keys = received.map((e) => [BigInt(e.transactionId), e.position] as const);
      keys
        .slice(1)
        .forEach(([xid, pos], i) => expect(xid > keys[i]![0] || (xid === keys[i]![0] && pos > keys[i]![1])).toBe(true));
      const reread = await store.readAll({ from: START });
      expect(reread.map((e) => e.position)).toEqual(received.map((e) => e.position));
      sub.subscription.unsubscribe();
    } finally {
      await store.close();
      await db.close();
    }
  });
});

// PGlite has a single connection, so no transaction can stay open beside an append there.
describe.each(testDatabases().filter((d) => d.name === 'postgres'))('the transaction-id fence on $name', ({ open }) => {
  it('holds readers behind an open appending transaction, then delivers its events first, skipping nothing', async () => {
    const db = await open();
    const store = await createEventStore(db, { pollIntervalMs: 50 });
    const session = await db.connect();
    try {
      const before = await store.append(caseStream(), [noted(0)]);
      const sub = collect(store.subscribe(START));
      await sub.until(1);

      await session.query('begin');
      const pending = [noted(1), noted(2)];
      const { rows } = await session.query<{ positions: string[] }>(
        'select positions from append_events($1, null, $2)',
        [caseStream(), JSON.stringify(pending.map((e) => ({ ...e, schemaVersion: 1 })))],
      );
      const pendingPositions = rows[0]!.positions.map(Number);
      const later = await store.append(caseStream(), [noted(3), noted(4)]);

      // The hazard is real: a later position is committed while earlier ones are not, so a reader
      // that remembered "last position seen" would move past the pending events for good.
      const committed = await db.query<{ max: number }>('select max(position) as max from events');
      expect(committed.rows[0]!.max).toBe(later.positions[1]);
      expect(Math.max(...pendingPositions)).toBeLessThan(later.positions[0]!);

      await sleep(300); // six poll intervals
      expect(sub.received.map((e) => e.position)).toEqual(before.positions);
      expect((await store.readAll({ from: START })).map((e) => e.position)).toEqual(before.positions);
      const atBefore = sub.received[0]!;
      expect(await store.head()).toEqual({ transactionId: atBefore.transactionId, position: atBefore.position });

      await session.query('commit');
      await sub.until(5, 10_000);
      const expected = [...before.positions, ...pendingPositions, ...later.positions];
      expect(sub.received.map((e) => e.position)).toEqual(expected);
      expect(sub.received.map((e) => e.metadata.eventId).slice(1, 3)).toEqual(pending.map((e) => e.metadata.eventId));
      expect((await store.readAll({ from: START })).map((e) => e.position)).toEqual(expected);
      sub.subscription.unsubscribe();
    } finally {
      await session.query('rollback').catch(() => {});
      await session.release();
      await store.close();
      await db.close();
    }
  });

  it('delivers soon, without waiting for a poll, events that another open transaction held back', async () => {
    const db = await open();
    const store = await createEventStore(db, { pollIntervalMs: 60_000 });
    const session = await db.connect();
    try {
      const sub = collect(store.subscribe(await store.head()));
      // A transaction that wrote something else (a projection's, say): it ends without any NOTIFY.
      await session.query('begin');
      await session.query('select pg_current_xact_id()');
      const { positions } = await store.append(caseStream(), [noted(1)]);
      await sleep(200);
      expect(sub.received).toHaveLength(0);
      await session.query('commit');
      await sub.until(1, 10_000);
      expect(sub.received.map((e) => e.position)).toEqual(positions);
      sub.subscription.unsubscribe();
    } finally {
      await session.query('rollback').catch(() => {});
      await session.release();
      await store.close();
      await db.close();
    }
  });
});

describe.each(testDatabases().filter((d) => d.name === 'postgres'))(
  'NOTIFY after a lost connection on $name',
  ({ open }) => {
    it('listens again after its connection was cut, so waiters are still woken without polling', async () => {
      const db = await open();
      const slow = { pollIntervalMs: 60_000 };
      const [a, b] = [await createEventStore(db, slow), await createEventStore(db, slow)];
      const listeners = `select pid from pg_stat_activity where query = 'listen ${db.schema}_events'`;
      try {
        const cut = await db.query(`select pg_terminate_backend(pid) from (${listeners}) l`);
        expect(cut.rows).toHaveLength(2);
        for (let i = 0; i < 100 && (await db.query(listeners)).rows.length < 2; i++) await sleep(50);
        const woken = a.waitForEvents();
        await b.append(caseStream(), [noted(1)]);
        expect(await Promise.race([woken.then(() => 'woken'), sleep(10_000).then(() => 'poll')])).toBe('woken');
      } finally {
        await Promise.all([a.close(), b.close()]);
        await db.close();
      }
    });
  },
);
