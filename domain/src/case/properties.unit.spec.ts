import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../catalogue.ts';
import { DomainError, type Actor, type CommandMeta } from '../common.ts';
import { OTHER_SERVICE, SERVICE, birthCertificate, doc, workflow } from '../fixtures.ts';
import { metaFor } from '../testing.ts';
import type { CaseCommand } from './commands.ts';
import { decideCase } from './decide.ts';
import type { CaseEvent, CaseStatus, DocumentRef } from './events.ts';
import { HASH, T0, procedure, submitCommand } from './fixtures.ts';
import { evolveCase, initialCaseState, type CaseState } from './state.ts';

const STATUSES: CaseStatus[] = ['submitted', 'in_progress', 'waiting_citizen', 'decided', 'closed'];
const owner: Actor = { kind: 'citizen', id: 'cit-1' };
const holder: Actor = { kind: 'anonymous', trackingCodeHash: HASH };
const serviceAgent: Actor = { kind: 'agent', id: 'ag-1', roles: [{ serviceId: SERVICE, role: 'agent' }] };
const manager: Actor = { kind: 'agent', id: 'mgr-1', roles: [{ serviceId: SERVICE, role: 'manager' }] };
const otherAgent: Actor = { kind: 'agent', id: 'ag-9', roles: [{ serviceId: OTHER_SERVICE, role: 'agent' }] };
/** Actors with no business on the case: whatever they send, nothing may be recorded. */
const strangers: Actor[] = [
  { kind: 'citizen', id: 'cit-2' },
  { kind: 'anonymous', trackingCodeHash: 'c'.repeat(64) },
  { kind: 'anonymous' },
];

const text = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('Bonjour', ' Pièce jointe. ', 'Motif') },
  { weight: 1, arbitrary: fc.constantFrom('', '  ', 'x'.repeat(10_001)) },
);
const command: fc.Arbitrary<CaseCommand> = fc.oneof(
  fc.constant<CaseCommand>({ type: 'AcknowledgeCase', data: {} }),
  fc.constantFrom('ag-1', 'ag-2', '').map<CaseCommand>((assignee) => ({ type: 'AssignCase', data: { assignee } })),
  fc.constant<CaseCommand>({ type: 'UnassignCase', data: {} }),
  fc
    .record({ toServiceId: fc.constantFrom(SERVICE, OTHER_SERVICE, 'svc-3'), reason: text })
    .map<CaseCommand>((data) => ({ type: 'TransferCase', data })),
  fc
    .record({ requestId: fc.constantFrom('req-1', 'req-2'), message: text })
    .map<CaseCommand>((data) => ({ type: 'RequestInformation', data })),
  fc
    .record({ message: text, documents: fc.constantFrom<DocumentRef[]>([], [doc()]) })
    .map<CaseCommand>((data) => ({ type: 'ProvideInformation', data })),
  fc
    .record({ messageId: fc.constant('m'), text, documents: fc.constant<DocumentRef[]>([]) })
    .map<CaseCommand>((data) => ({ type: 'SendMessage', data })),
  fc
    .record({
      direction: fc.constantFrom('inbound' as const, 'outbound' as const),
      durationSeconds: fc.integer({ min: -5, max: 90_000 }),
      summary: text,
    })
    .map<CaseCommand>((data) => ({ type: 'LogPhoneCall', data })),
  fc
    .record({ direction: fc.constant('inbound' as const), summary: text, documents: fc.constant<DocumentRef[]>([]) })
    .map<CaseCommand>((data) => ({ type: 'LogLetter', data })),
  text.map<CaseCommand>((summary) => ({ type: 'LogCounterVisit', data: { summary } })),
  fc.constant<CaseCommand>({ type: 'AttachDocument', data: { document: doc() } }),
  text.map<CaseCommand>((t) => ({ type: 'WriteInternalNote', data: { noteId: 'n', text: t } })),
  fc
    .constantFrom(...workflow().transitions.map((t) => t.id), 'nope')
    .map<CaseCommand>((transitionId) => ({ type: 'TransitionWorkflow', data: { transitionId, workflow: workflow() } })),
  fc
    .record({ outcome: fc.constantFrom('accepted' as const, 'rejected' as const), reason: text })
    .map<CaseCommand>((data) => ({ type: 'DecideCase', data })),
  // Closing and rating are weighted up so that sequences often go past closure.
  { weight: 3, arbitrary: text.map<CaseCommand>((reason) => ({ type: 'CloseCase', data: { reason } })) },
  text.map<CaseCommand>((reason) => ({ type: 'ReopenCase', data: { reason } })),
  {
    weight: 3,
    arbitrary: fc
      .record({ score: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(2.5)), comment: text })
      .map<CaseCommand>((data) => ({ type: 'RateCase', data })),
  },
);
const step = fc.record({
  command,
  actor: fc.constantFrom<Actor>(owner, holder, serviceAgent, manager, otherAgent, { kind: 'system' }, ...strangers),
  // Mostly forward, sometimes a clock a little behind the previous command.
  gapMs: fc.oneof(fc.integer({ min: 0, max: 5 * 86_400_000 }), fc.integer({ min: -60_000, max: 0 })),
});
const start = fc.constantFrom<[CaseCommand, Actor]>(
  [submitCommand(), owner],
  [submitCommand({ channel: 'phone', citizenId: 'cit-1' }), serviceAgent],
  [
    submitCommand({ procedure: procedure(2, birthCertificate({ access: 'anonymous' })), trackingCodeHash: HASH }),
    { kind: 'anonymous' },
  ],
);

/** Plain checks, not expect(): this loop runs tens of thousands of times. */
function must(condition: boolean, what: string): void {
  if (!condition) throw new Error(`invariant broken: ${what}`);
}
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What each event must have done to the state, whatever happened before. */
function checkEffect(event: CaseEvent, before: CaseState, after: CaseState): void {
  switch (event.type) {
    case 'CaseRated':
      must(before.status === 'closed' && !before.rated, 'rated only once, and only when closed');
      break;
    case 'MessageSent':
      must(before.status !== 'closed', 'no message on a closed case');
      break;
    case 'CaseDecided':
      must(same(after.decision, { outcome: event.data.outcome, reason: event.data.reason }), 'decision recorded');
      must(before.status === 'submitted' || before.status === 'in_progress', 'decided only while instructing');
      break;
    case 'InformationRequested':
      must(after.openRequest?.requestId === event.data.requestId, 'open request recorded');
      break;
    case 'InformationProvided':
      must(event.data.pausedMs >= 0, 'pause never negative');
      must(Date.parse(after.dueAt) - Date.parse(before.dueAt) === event.data.pausedMs, 'deadline pushed by the pause');
      break;
    case 'WorkflowTransitioned':
      must(
        before.workflowState === event.data.from && after.workflowState === event.data.to,
        'workflow follows the transition',
      );
      break;
    case 'CaseTransferred':
      must(after.serviceId === event.data.toServiceId && after.assignee === null, 'transfer moves and unassigns');
      break;
    default:
      break;
  }
}

function checkInvariants(state: CaseState, firstDueAt: string): void {
  must(STATUSES.includes(state.status), 'status is one of five');
  must(state.status !== 'decided' || state.decision !== null, 'decided => decision');
  must(!state.decision || state.status === 'decided' || state.status === 'closed', 'decision => decided or closed');
  must((state.status === 'waiting_citizen') === (state.openRequest !== null), 'waiting <=> open request');
  must(Date.parse(state.dueAt) >= Date.parse(firstDueAt), 'deadline never earlier than at submission');
  must(state.procedureVersion > 0, 'procedure version kept');
}

describe('case decider properties', () => {
  it('random command sequences from random actors keep every invariant', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(start, fc.array(step, { minLength: 10, maxLength: 60 }), ([submit, submitter], steps) => {
        let now = Date.parse(T0);
        const meta = (actor: Actor): CommandMeta => metaFor(actor, { now: new Date(now).toISOString() });
        let state = decideCase(submit, initialCaseState(), meta(submitter)).reduce(evolveCase, initialCaseState());
        const firstDueAt = state.dueAt;
        for (const { command: c, actor, gapMs } of steps) {
          now += gapMs;
          let events: CaseEvent[];
          try {
            events = decideCase(c, state, meta(actor));
          } catch (error) {
            must(error instanceof DomainError, `refusals are domain errors, not crashes: ${String(error)}`);
            continue;
          }
          must(same(decideCase(c, state, meta(actor)), events), 'deterministic');
          must(!strangers.includes(actor), 'strangers record nothing');
          must(actor !== otherAgent || state.serviceId !== SERVICE, 'another service acts only after a transfer');
          for (const event of events) {
            must(event.data.caseId === state.caseId, 'events name their case');
            if (event.type === 'InternalNoteWritten')
              must(actor.kind === 'agent' || actor.kind === 'system', 'notes by staff');
            seen.add(event.type);
            const after = evolveCase(state, event);
            checkEffect(event, state, after);
            state = after;
            checkInvariants(state, firstDueAt);
          }
        }
      }),
      { numRuns: 250 },
    );
    // The sequences must reach every kind of event, or the invariants above were checked on little.
    expect([...seen].sort()).toEqual(EVENT_TYPES.case.filter((t) => t !== 'CaseSubmitted').sort());
  }, 30_000); // generous: the suite may share two cores with other builds
});
