import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../eventstore/src/db.ts';
import { testDatabases } from '../../../eventstore/src/testing.ts';
import type { EventStore } from '../../../eventstore/src/types.ts';
import { allProjections } from '../all.ts';
import type { ProjectionRunner } from '../runner.ts';
import { runnerFor, withStore } from '../testing/setup.ts';
import { queryAlerts } from './alerts.ts';
import { drillDown } from './drilldown.ts';
import type { StatsFilter } from './filter.ts';
import { statsOverview } from './overview.ts';
import { indicatorsProjection } from './projection.ts';
import { ETAT_CIVIL, mayAtTheTownHall, settle, VOIRIE } from './scenario.ts';

const TABLES = ['rm_ind_cases', 'rm_ind_daily', 'rm_ind_contacts', 'rm_ind_agent_actions'];

async function dump(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of TABLES)
    out[t] = (await db.query<{ r: string }>(`select to_jsonb(t)::text as r from ${t} t`)).rows.map((x) => x.r).sort();
  return out;
}

describe.each(testDatabases())('quality indicators on $name', ({ open }) => {
  let db: Db;
  let store: EventStore;
  let close: () => Promise<void>;
  let runner: ProjectionRunner;
  const story = mayAtTheTownHall();
  const period: StatsFilter = {
    tenant: 'ville-s',
    serviceIds: [ETAT_CIVIL, VOIRIE],
    from: '2026-04-27',
    to: '2026-05-20',
    now: story.now,
  };

  beforeAll(async () => {
    ({ db, store, close } = await withStore(open));
    await story.history.appendTo(store);
    await story.other.appendTo(store);
    // Batches of 7 events: batch boundaries fall in the middle of cases.
    runner = runnerFor(db, store, { projections: allProjections });
    await settle(db, runner);
  });
  afterAll(async () => {
    await runner.stop();
    await close();
  });

  it('counts requests received by channel, closures, reopenings and the backlog', async () => {
    const o = await statsOverview(db, period);
    expect(o.totals).toEqual({
      received: 6,
      decided: 2,
      closed: 3,
      closedOnTime: 2,
      reopened: 1,
      backlogStart: 0,
      backlogEnd: 4,
      onTimeRate: 0.6667,
    });
    expect(o.byChannel).toEqual([
      { channel: 'web', received: 4 },
      { channel: 'phone', received: 0 },
      { channel: 'email', received: 1 },
      { channel: 'letter', received: 0 },
      { channel: 'counter', received: 1 },
    ]);
    expect(o.granularity).toBe('day');
    expect(o.businessDays).toBe(15);
    const day = (d: string) => o.series.find((p) => p.period === d);
    expect(day('2026-05-11')).toMatchObject({
      received: 2,
      receivedByChannel: { web: 1, counter: 1, phone: 0, email: 0, letter: 0 },
      backlog: 3,
    });
    expect(day('2026-05-18')).toMatchObject({ reopened: 1, backlog: 5 });
    expect(day('2026-05-20')?.backlog).toBe(4);
    // A transfer moves the request from one service's backlog to the other's.
    expect((await statsOverview(db, { ...period, serviceIds: [ETAT_CIVIL] })).totals).toMatchObject({
      received: 3,
      backlogEnd: 0,
    });
    expect((await statsOverview(db, { ...period, serviceIds: [VOIRIE] })).totals).toMatchObject({
      received: 3,
      backlogEnd: 4,
    });
    expect((await statsOverview(db, { ...period, channel: 'web' })).totals.received).toBe(4);
  });

  it('measures durations in business hours, without weekends, holidays or waits for the resident', async () => {
    const { durations } = await statsOverview(db, period);
    // c1: Thu 30 Apr 10:00 → Mon 4 May 10:00 across 1 May = 24 h; c2: Fri 8 May (holiday) → Mon 9:00 = 9 h; c4: 1 h.
    expect(durations.acknowledgement).toEqual({ count: 3, p50: 9, p90: 21, mean: 11.33 });
    // c3 20 h, c1 26 h, c2 33 h, c6 95 h (the Ascension Thursday does not count).
    expect(durations.firstResponse).toEqual({ count: 4, p50: 29.5, p90: 76.4, mean: 43.5 });
    // c1: 98 business hours minus the 48 h waiting for the resident = 50 h; c2: 57 h.
    expect(durations.decision).toEqual({ count: 2, p50: 53.5, p90: 56.3, mean: 53.5 });
    // c1 52 h; c2 to its second closure, 130 h.
    expect(durations.closure).toEqual({ count: 2, p50: 91, p90: 122.2, mean: 91 });
    const { resolution } = await statsOverview(db, period);
    expect(resolution.map((b) => b.count)).toEqual([0, 0, 1, 1, 0, 0]);
  });

  it('knows what is overdue, waiting for the resident and due soon now', async () => {
    const o = await statsOverview(db, period);
    expect(o.current).toEqual({ open: 4, overdue: 1, waiting: 1, waitingMeanDays: 8, waitingMaxDays: 8 });
    const alerts = await queryAlerts(db, { tenant: 'ville-s', serviceIds: [ETAT_CIVIL, VOIRIE], now: story.now });
    expect(alerts.dueSoonBefore).toBe('2026-05-22T08:00:00.000Z');
    expect(alerts.items.map((a) => [a.reference, a.level, a.procedureTitle, a.assigneeName])).toEqual([
      ['S-2026-00104', 'overdue', 'Signalement voirie', 'Julie Moreau'],
      ['S-2026-00105', 'due_soon', 'Signalement voirie', null],
    ]);
    expect(alerts.services).toEqual([
      { serviceId: ETAT_CIVIL, overdue: 0, dueSoon: 0 },
      { serviceId: VOIRIE, overdue: 1, dueSoon: 1 },
    ]);
  });

  it('gives satisfaction, the per-service table and the workload of each agent', async () => {
    const o = await statsOverview(db, period);
    expect(o.satisfaction).toEqual({
      count: 2,
      mean: 3.5,
      distribution: [
        { score: 1, count: 0 },
        { score: 2, count: 1 },
        { score: 3, count: 0 },
        { score: 4, count: 0 },
        { score: 5, count: 1 },
      ],
    });
    expect(o.byService).toEqual([
      {
        serviceId: ETAT_CIVIL,
        received: 3,
        closed: 3,
        closedOnTime: 2,
        onTimeRate: 0.6667,
        open: 0,
        overdue: 0,
        closureP50: 91,
        satisfactionMean: 3.5,
      },
      {
        serviceId: VOIRIE,
        received: 3,
        closed: 0,
        closedOnTime: 0,
        onTimeRate: null,
        open: 4,
        overdue: 1,
        closureP50: null,
        satisfactionMean: null,
      },
    ]);
    expect(o.workload).toEqual([
      { agentId: 'ag-paul', name: 'Paul Durand', open: 1, actions: 5, actionsPerDay: 0.3 },
      { agentId: 'ag-julie', name: 'Julie Moreau', open: 1, actions: 2, actionsPerDay: 0.1 },
      { agentId: 'ag-claire', name: 'Claire Martin', open: 0, actions: 10, actionsPerDay: 0.7 },
      { agentId: 'ag-marc', name: 'Marc Petit', open: 0, actions: 1, actionsPerDay: 0.1 },
    ]);
  });

  it('lists the requests behind a figure', async () => {
    const refs = async (f: Parameters<typeof drillDown>[1]) =>
      (await drillDown(db, f)).items.map((i) => i.reference).sort();
    expect(await refs({ ...period, metric: 'overdue' })).toEqual(['S-2026-00104']);
    expect(await refs({ ...period, metric: 'closed_late' })).toEqual(['S-2026-00102']);
    expect(await refs({ ...period, metric: 'received', channel: 'counter' })).toEqual(['S-2026-00103']);
    expect(await refs({ ...period, metric: 'closed', minDays: 5, maxDays: 10 })).toEqual(['S-2026-00102']);
    expect(await refs({ ...period, metric: 'open', assignee: 'ag-paul' })).toEqual(['S-2026-00103']);
    expect(await refs({ ...period, metric: 'rated', score: 5 })).toEqual(['S-2026-00101']);
    expect((await drillDown(db, { ...period, metric: 'received' })).total).toBe(6);
  });

  it('keeps one row per contact, whatever the channel, and no personal data', async () => {
    const { rows } = await db.query<{ channel: string; n: number }>(
      `select channel, count(*)::int as n from rm_ind_contacts where tenant = 'ville-s' group by channel order by channel`,
    );
    expect(rows).toEqual([
      { channel: 'counter', n: 1 },
      { channel: 'email', n: 1 },
      { channel: 'phone', n: 1 },
      { channel: 'web', n: 8 },
    ]);
    const all = JSON.stringify(await dump(db));
    for (const personal of ['Léa', 'Moreau', 'lea.moreau', '0601020304', 'Texte libre', 'Merci Claire'])
      expect(all).not.toContain(personal);
  });

  it('rebuilds from position 0 to identical rows, and ignores a batch delivered twice', async () => {
    const before = await dump(db);
    await runner.rebuild('indicators');
    await settle(db, runner);
    expect(await dump(db)).toEqual(before);
    const events = await store.readAll({ limit: 1000 });
    await db.transaction((tx) => indicatorsProjection.handleBatch(tx, events));
    expect(await dump(db)).toEqual(before);
  });
});
