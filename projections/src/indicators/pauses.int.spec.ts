import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../eventstore/src/testing.ts';
import { getCase } from '../queries/cases.ts';
import { queryQueue } from '../queries/queue.ts';
import { DAY, History } from '../testing/history.ts';
import { runnerFor, withStore } from '../testing/setup.ts';
import { submitted } from '../testing/submissions.ts';
import { claire, ETAT_CIVIL, lea } from '../testing/town.ts';
import { currentState } from './overview.ts';

const T0 = '2026-05-04T09:00:00.000Z';
const at = (days: number) => new Date(Date.parse(T0) + days * DAY).toISOString();
const HOURS = (days: number) => days * 24;

const move = (caseId: string, from: string, to: string, extra: object) => ({
  type: 'WorkflowTransitioned' as const,
  data: { caseId, transitionId: `${from}-${to}`, from, to, message: null, ...extra },
});

/**
 * p1: « Attente de pièces » from day 1 to day 5, overlapping a request answered on day 3: one pause of 4 days.
 * p2: in « Attente de pièces » since day 1 and still there on day 20, past its 10-day deadline.
 */
function story(): History {
  const h = new History(T0);
  for (const id of ['p1', 'p2']) {
    h.add(
      `case-${id}`,
      lea,
      submitted({
        caseId: id,
        reference: `S-${id}`,
        procedureId: 'proc-acte',
        serviceId: ETAT_CIVIL,
        citizenId: 'cit-lea',
        contact: null,
        data: {},
        at: T0,
        deadlineDays: 10,
      }),
    );
  }
  h.wait(DAY);
  for (const id of ['p1', 'p2'])
    h.add(`case-${id}`, claire, move(id, 'recue', 'attente', { pausesDeadline: true, deadline: 'paused', at: at(1) }));
  h.wait(DAY);
  h.add('case-p1', claire, {
    type: 'InformationRequested',
    data: { caseId: 'p1', requestId: 'r1', message: 'Le justificatif ?', requestedAt: at(2) },
  });
  h.wait(DAY);
  h.add('case-p1', lea, {
    type: 'InformationProvided',
    data: {
      caseId: 'p1',
      requestId: 'r1',
      message: 'Voici.',
      documents: [],
      providedAt: at(3),
      pausedMs: 0,
      deadlineStaysPaused: true,
    },
  });
  h.wait(2 * DAY);
  h.add(
    'case-p1',
    claire,
    move('p1', 'attente', 'recue', { pausesDeadline: false, deadline: 'resumed', pausedMs: 4 * DAY, at: at(5) }),
  );
  return h;
}

describe.each(testDatabases())('deadline pauses of a workflow state, in every read model, on $name', ({ open }) => {
  let env: Awaited<ReturnType<typeof withStore>>;
  let runner: ReturnType<typeof runnerFor>;
  beforeAll(async () => {
    env = await withStore(open);
    await story().appendTo(env.store);
    runner = runnerFor(env.db, env.store);
    await runner.catchUp();
  });
  afterAll(async () => {
    await runner.stop();
    await env.close();
  });

  it('records one pause for overlapping reasons and pushes the due date back by it', async () => {
    const { rows } = await env.db.query<Record<string, unknown>>(
      'select pauses, paused_hours, waiting_since, due_at from rm_ind_cases where case_id = $1',
      ['p1'],
    );
    expect(rows[0]).toMatchObject({ pauses: [[at(1), at(5)]], paused_hours: HOURS(4), waiting_since: null });
    expect(new Date(rows[0]!.due_at as string).toISOString()).toBe(at(14));
    expect(await getCase(env.db, 'p1')).toMatchObject({ pausedSince: null, dueAt: at(14) });
  });

  it('does not count a case late while a state pauses it, in the queue and the indicators alike', async () => {
    const now = at(20);
    const queue = await queryQueue(env.db, { serviceIds: [ETAT_CIVIL], now });
    expect(queue.items.find((i) => i.id === 'p2')).toMatchObject({ pausedSince: at(1), overdue: false });
    // p1's clock ran again from day 5: due on day 14, it is late on day 20.
    const late = (await queryQueue(env.db, { serviceIds: [ETAT_CIVIL], overdue: now })).items;
    expect(late.map((i) => i.id)).toEqual(['p1']);
    const state = await currentState(env.db, {
      tenant: 'ville-s',
      serviceIds: [ETAT_CIVIL],
      from: '2026-05-01',
      to: '2026-05-31',
      now,
    });
    expect(state).toMatchObject({ open: 2, overdue: 1 });
  });
});
