import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../common.ts';
import { birthCertificate, workflow } from '../fixtures.ts';
import type { Workflow } from '../procedure/events.ts';
import { actors, metaFor } from '../testing.ts';
import type { CaseCommand } from './commands.ts';
import type { CaseEvent } from './events.ts';
import { CASE, agentMeta, citizenMeta, given, inProgress, procedure, submitCommand, submitted } from './fixtures.ts';

const DAY = 86_400_000;
/** Day `n` after the submission at T0, 09:00 UTC. */
const day = (n: number) => new Date(Date.parse('2026-03-02T09:00:00.000Z') + n * DAY).toISOString();
const DUE = '2026-03-12T09:00:00.000Z';

/** The sample workflow, with an automatic closing after 30 days of waiting for documents. */
const wf = (): Workflow => {
  const w = workflow();
  w.transitions.push({
    id: 'sans_suite',
    label: 'Classer sans suite',
    from: 'attente_pieces',
    to: 'refusee',
    autoAfterDays: 30,
  });
  return w;
};
const transition = (transitionId: string, automatic = false): CaseCommand => ({
  type: 'TransitionWorkflow',
  data: { transitionId, workflow: wf(), ...(automatic ? { automatic } : {}) },
});
const answer: CaseCommand = { type: 'ProvideInformation', data: { message: 'Voici le livret.', documents: [] } };
const requestInfo: CaseCommand = { type: 'RequestInformation', data: { requestId: 'req-1', message: 'Le livret ?' } };
const at = (n: number) => agentMeta({ now: day(n) });

/** Runs commands one after the other from a history, returning every event and the last state. */
function play(history: CaseEvent[], steps: [CaseCommand, ReturnType<typeof agentMeta>][]) {
  const events = [...history];
  for (const [command, meta] of steps) events.push(...given(events).when(command, meta).events());
  return { events };
}
const stateAfter = (events: CaseEvent[]) =>
  given(events)
    .when({ type: 'LogCounterVisit', data: { summary: 'Passage.' } }, at(0))
    .then([{ type: 'CounterVisitLogged', data: { caseId: CASE, summary: 'Passage.' } }]);

describe('a workflow state that pauses the deadline', () => {
  const entered = [...inProgress(), ...given(inProgress()).when(transition('prendre'), at(0)).events()];

  it('stops the clock on entry and pushes the due date back by the time spent when the case leaves', () => {
    const pause = given(entered).when(transition('demander_pieces'), at(1)).events();
    expect(pause.at(-1)?.data).toMatchObject({ pausesDeadline: true, deadline: 'paused', at: day(1) });
    expect(stateAfter([...entered, ...pause])).toMatchObject({ pausedSince: day(1), dueAt: DUE });

    const resume = given([...entered, ...pause])
      .when(transition('pieces_recues'), at(4))
      .events();
    expect(resume.at(-1)?.data).toMatchObject({ pausesDeadline: false, deadline: 'resumed', pausedMs: 3 * DAY });
    expect(stateAfter([...entered, ...pause, ...resume])).toMatchObject({
      pausedSince: null,
      statePausesDeadline: false,
      dueAt: '2026-03-15T09:00:00.000Z',
    });
  });

  it('leaves transitions between states that do not pause exactly as before', () => {
    const [event] = given(entered).when(transition('delivrer'), at(1)).events();
    expect(event?.data).toEqual({
      caseId: CASE,
      transitionId: 'delivrer',
      from: 'instruction',
      to: 'delivree',
      message: 'Votre acte a été envoyé.',
    });
  });

  it('overlapping a request (request first): one pause, from the request to leaving the state', () => {
    const { events } = play(entered, [
      [requestInfo, at(1)],
      [transition('demander_pieces'), at(2)],
    ]);
    // The citizen's answer does not restart a clock the state still holds.
    const answered = given(events)
      .when(answer, citizenMeta({ now: day(3) }))
      .events();
    expect(answered[0]?.data).toMatchObject({ pausedMs: 0, deadlineStaysPaused: true });
    expect(stateAfter([...events, ...answered])).toMatchObject({ pausedSince: day(1), dueAt: DUE });

    const resumed = given([...events, ...answered])
      .when(transition('pieces_recues'), at(5))
      .events();
    expect(resumed[0]?.data).toMatchObject({ deadline: 'resumed', pausedMs: 4 * DAY });
    expect(stateAfter([...events, ...answered, ...resumed])).toMatchObject({
      pausedSince: null,
      dueAt: '2026-03-16T09:00:00.000Z',
    });
  });

  it('overlapping a request (state first): the answer ends the pause that started with the state', () => {
    const { events } = play(entered, [
      [transition('demander_pieces'), at(1)],
      [requestInfo, at(2)],
    ]);
    const left = given(events).when(transition('pieces_recues'), at(3)).events();
    // The citizen still owes an answer: the clock stays stopped.
    expect(left[0]?.data).toMatchObject({ pausesDeadline: false });
    expect(left[0]?.data).not.toHaveProperty('deadline');
    expect(stateAfter([...events, ...left])).toMatchObject({ pausedSince: day(1), dueAt: DUE });

    const answered = given([...events, ...left])
      .when(answer, citizenMeta({ now: day(6) }))
      .events();
    expect(answered[0]?.data).toMatchObject({ pausedMs: 5 * DAY });
    expect(answered[0]?.data).not.toHaveProperty('deadlineStaysPaused');
    expect(stateAfter([...events, ...left, ...answered])).toMatchObject({
      pausedSince: null,
      dueAt: '2026-03-17T09:00:00.000Z',
    });
  });

  it('a request alone still pauses from the request to the answer', () => {
    const { events } = play(entered, [[requestInfo, at(1)]]);
    const answered = given(events)
      .when(answer, citizenMeta({ now: day(3) }))
      .events();
    expect(answered[0]?.data).toMatchObject({ pausedMs: 2 * DAY });
    expect(stateAfter([...events, ...answered])).toMatchObject({ dueAt: '2026-03-14T09:00:00.000Z' });
  });

  it('stays one pause from one pausing state to another', () => {
    const w = wf();
    w.states.push({ id: 'attente_rdv', label: 'Attente de rendez-vous', pausesDeadline: true });
    w.transitions.push({ id: 'rdv', label: 'Proposer un rendez-vous', from: 'attente_pieces', to: 'attente_rdv' });
    const move = (transitionId: string, n: number) =>
      [{ type: 'TransitionWorkflow', data: { transitionId, workflow: w } }, at(n)] as [
        CaseCommand,
        ReturnType<typeof at>,
      ];
    const { events } = play(entered, [move('demander_pieces', 1), move('rdv', 2)]);
    expect(events.at(-1)?.data).toEqual(expect.objectContaining({ pausesDeadline: true }));
    expect(events.at(-1)?.data).not.toHaveProperty('deadline');
    expect(stateAfter(events)).toMatchObject({ pausedSince: day(1), statePausesDeadline: true, dueAt: DUE });
  });

  it('an initial state that pauses the deadline stops the clock from the submission', () => {
    const definition = birthCertificate();
    definition.workflow.states[0] = { ...definition.workflow.states[0]!, pausesDeadline: true };
    const [event] = given([])
      .when(submitCommand({ procedure: procedure(1, definition), citizenId: 'cit-1' }), citizenMeta())
      .events();
    expect(event?.data).toMatchObject({ pausesDeadline: true });
    expect(stateAfter([event!])).toMatchObject({ pausedSince: '2026-03-02T09:00:00.000Z', statePausesDeadline: true });
  });
});

describe('an automatic transition', () => {
  const waiting = [...inProgress(), ...given(inProgress()).when(transition('prendre'), at(0)).events()];
  const inState = [...waiting, ...given(waiting).when(transition('demander_pieces'), at(1)).events()];
  const system = metaFor(actors.system(), { now: day(31) });

  it('is taken by the system with its reason, and resumes the clock it leaves', () => {
    const [event] = given(inState).when(transition('sans_suite', true), system).events();
    expect(event?.data).toMatchObject({
      transitionId: 'sans_suite',
      to: 'refusee',
      automatic: { afterDays: 30, reason: 'passage automatique après 30 jours' },
      deadline: 'resumed',
      pausedMs: 30 * DAY,
    });
  });

  it('is refused to anyone else, and for a transition the circuit does not make automatic', () => {
    given(inState).when(transition('sans_suite', true), at(31)).thenThrows(ForbiddenError);
    given(inState).when(transition('pieces_recues', true), system).thenThrows(ForbiddenError);
  });

  it('does not acknowledge a case nobody looked at', () => {
    const w = wf();
    w.transitions.push({ id: 'relance', label: 'Relancer', from: 'recue', to: 'attente_pieces', autoAfterDays: 5 });
    const events = given([submitted()])
      .when({ type: 'TransitionWorkflow', data: { transitionId: 'relance', workflow: w, automatic: true } }, system)
      .events();
    expect(events.map((e) => e.type)).toEqual(['WorkflowTransitioned']);
  });

  it('is an ordinary transition for an agent who takes it by hand', () => {
    const [event] = given(inState).when(transition('sans_suite'), at(2)).events();
    expect(event?.data).not.toHaveProperty('automatic');
  });
});
