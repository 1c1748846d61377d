import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureDefinition, WorkflowTransitioned } from '@guichet/domain';
import { testDatabases } from '@guichet/eventstore/testing';
import { getCase, plannedTransitions } from '@guichet/projections';
import { DAY, History } from '../../../projections/src/testing/history.ts';
import { runnerFor, withStore } from '../../../projections/src/testing/setup.ts';
import { submitted } from '../../../projections/src/testing/submissions.ts';
import { claire, ETAT_CIVIL, marc, system } from '../../../projections/src/testing/town.ts';
import { createScheduler } from './scheduler.ts';

const T0 = '2026-03-02T09:00:00.000Z';
const at = (days: number) => new Date(Date.parse(T0) + days * DAY).toISOString();

/** « Attente de pièces » pauses the deadline; after 30 days there the request is closed without follow-up. */
const procedure = (): ProcedureDefinition => ({
  title: 'Inscription à la cantine',
  description: 'Inscription à la cantine scolaire.',
  theme: 'Éducation',
  serviceId: ETAT_CIVIL,
  deadlineDays: 10,
  access: 'account',
  documentsToProvide: [],
  fields: [{ name: 'description', type: 'textarea', label: 'Description' }],
  workflow: {
    initial: 'recue',
    states: [
      { id: 'recue', label: 'Reçue' },
      { id: 'attente', label: 'Attente de pièces', pausesDeadline: true },
      { id: 'classee', label: 'Classée sans suite', publicLabel: 'Classée', final: true },
    ],
    transitions: [
      { id: 'demander', label: 'Demander des pièces', from: 'recue', to: 'attente' },
      { id: 'recues', label: 'Pièces reçues', from: 'attente', to: 'recue' },
      {
        id: 'sans_suite',
        label: 'Classer sans suite',
        from: 'attente',
        to: 'classee',
        autoAfterDays: 30,
        messageTemplate: 'Sans nouvelles de votre part, votre demande est classée.',
      },
    ],
  },
});

const moved = (caseId: string, transitionId: string, from: string, to: string, extra: object = {}) => ({
  type: 'WorkflowTransitioned' as const,
  data: { caseId, transitionId, from, to, message: null, ...extra },
});

function story(): History {
  const h = new History(T0);
  h.add(
    'procedure-proc-cantine',
    marc,
    {
      type: 'ProcedureDefined',
      data: { procedureId: 'proc-cantine', tenant: 'ville-s', slug: 'cantine', definition: procedure() },
    },
    { type: 'ProcedureVersionPublished', data: { procedureId: 'proc-cantine', version: 1, definition: procedure() } },
  );
  for (const id of ['case-1', 'case-2', 'case-3']) {
    h.add(
      `case-${id}`,
      system,
      submitted({
        caseId: id,
        reference: `S-${id}`,
        procedureId: 'proc-cantine',
        serviceId: ETAT_CIVIL,
        citizenId: 'cit-lea',
        contact: null,
        data: {},
        at: T0,
        deadlineDays: 10,
      }),
    );
  }
  // case-3 waits for documents from the day it arrives, case-1 and case-2 from the next day.
  h.add(
    'case-case-3',
    claire,
    moved('case-3', 'demander', 'recue', 'attente', { pausesDeadline: true, deadline: 'paused', at: T0 }),
  );
  h.wait(DAY);
  for (const id of ['case-1', 'case-2']) {
    h.add(
      `case-${id}`,
      claire,
      moved(id, 'demander', 'recue', 'attente', { pausesDeadline: true, deadline: 'paused', at: at(1) }),
    );
  }
  // case-2 gets its documents on day 10: it leaves the state before the automatic step is due.
  h.wait(9 * DAY);
  h.add(
    'case-case-2',
    claire,
    moved('case-2', 'recues', 'attente', 'recue', {
      pausesDeadline: false,
      deadline: 'resumed',
      pausedMs: 9 * DAY,
      at: at(10),
    }),
  );
  return h;
}

describe.each(testDatabases())('automatic transitions on $name', ({ open }) => {
  let env: Awaited<ReturnType<typeof withStore>>;
  let runner: ReturnType<typeof runnerFor>;
  let now = at(10);
  const clock = () => new Date(now);
  const scheduler = () => createScheduler({ db: env.db, store: env.store, clock });
  const automaticSteps = async (caseId: string) =>
    (await env.store.readStream(`case-${caseId}`)).filter(
      (e) => e.type === 'WorkflowTransitioned' && (e.data as WorkflowTransitioned['data']).automatic,
    );

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

  it('plans the step N calendar days after the case entered the state, and only while it stays there', async () => {
    expect(await plannedTransitions(env.db, 'case-1')).toEqual([
      expect.objectContaining({
        transitionId: 'sans_suite',
        to: 'classee',
        toLabel: 'Classée sans suite',
        dueAt: at(31),
      }),
    ]);
    expect(await plannedTransitions(env.db, 'case-2')).toEqual([]);
    now = new Date(Date.parse(at(30)) - 1).toISOString();
    expect((await scheduler().tick()).taken).toEqual([]);
  });

  it('drops the step when an agent moved the case after the read model last saw it', async () => {
    const { version } = await env.store
      .append('case-case-3', [
        {
          type: 'WorkflowTransitioned',
          data: moved('case-3', 'recues', 'attente', 'recue', {
            pausesDeadline: false,
            deadline: 'resumed',
            pausedMs: DAY,
            at: at(2),
          }).data,
          metadata: {
            eventId: crypto.randomUUID(),
            commandId: crypto.randomUUID(),
            correlationId: 'c',
            causationId: null,
            actor: 'ag-claire',
            actorRole: 'agent',
            tenant: 'ville-s',
            channel: 'web',
            recordedAt: at(2),
          },
        },
      ])
      .then((r) => ({ version: r.nextVersion }));
    expect(version).toBe(3);
    now = at(30.5);
    // The projection has not seen the agent's move: case-3 is still listed as due.
    expect((await plannedTransitions(env.db, 'case-3')).map((d) => d.transitionId)).toEqual(['sans_suite']);
    const report = await scheduler().tick();
    expect(report.moved.map((d) => d.caseId)).toEqual(['case-3']);
    expect(report.taken).toEqual([]);
    expect(await automaticSteps('case-3')).toEqual([]);
  });

  it('takes the step once when two schedulers race, and a restarted one does not take it again', async () => {
    now = at(32);
    const [a, b] = await Promise.all([scheduler().tick(), scheduler().tick()]);
    // The loser either lost the append race or found its events already stored: nothing twice.
    expect([...a.taken, ...b.taken, ...a.moved, ...b.moved].map((d) => d.caseId)).toContain('case-1');
    const steps = await automaticSteps('case-1');
    expect(steps).toHaveLength(1);
    expect(steps[0]?.metadata.actor).toBe('system');
    expect(steps[0]?.data).toMatchObject({
      transitionId: 'sans_suite',
      to: 'classee',
      message: 'Sans nouvelles de votre part, votre demande est classée.',
      automatic: { afterDays: 30, reason: 'passage automatique après 30 jours' },
      deadline: 'resumed',
      pausedMs: 31 * DAY,
    });
    // Before the projection catches up the row is still there: a restarted scheduler finds the case moved.
    const again = await scheduler().tick();
    expect(again.taken).toEqual([]);
    expect(await automaticSteps('case-1')).toHaveLength(1);

    await runner.catchUp();
    expect(await plannedTransitions(env.db, 'case-1')).toEqual([]);
    // The time spent in « Attente de pièces » pushed the due date back; the clock runs again.
    expect(await getCase(env.db, 'case-1')).toMatchObject({
      workflowState: 'classee',
      pausedSince: null,
      dueAt: at(10 + 31),
    });
  });
});
