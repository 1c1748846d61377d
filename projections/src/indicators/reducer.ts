import type { CaseEvent } from '../../../domain/src/case/events.ts';
import { CHANNELS, ROLES } from '../../../domain/src/common.ts';
import type { RecordedEvent } from '../../../eventstore/src/types.ts';
import { dispatch, type Handlers } from '../projection.ts';
import { businessHours, HOUR_MS, parisDay, type Interval } from './business-time.ts';
import type { IndicatorBatch } from './batch.ts';
import type { CaseFact } from './facts.ts';

const AGENT_ROLES: ReadonlySet<string> = new Set(ROLES);
const REAL_CHANNELS: ReadonlySet<string> = new Set(CHANNELS);

interface Ctx {
  batch: IndicatorBatch;
  fact: CaseFact | null;
  event: RecordedEvent;
  at: string;
  day: string;
}

const fact = (c: Ctx) => c.fact as CaseFact;
const ms = (iso: string) => Date.parse(iso);
const OPEN = new Set(['submitted', 'in_progress', 'waiting_citizen']);

/** Pauses up to `until`, the one still running included. */
function pausesUntil(f: CaseFact, until: string): Interval[] {
  const done = f.pauses.map(([a, b]): Interval => [ms(a), ms(b)]);
  return f.waiting_since ? [...done, [ms(f.waiting_since), ms(until)]] : done;
}

const elapsed = (f: CaseFact, until: string) => businessHours(ms(f.submitted_at), ms(until), pausesUntil(f, until));

function respond(c: Ctx): void {
  const f = fact(c);
  if (f.first_response_at) return;
  f.first_response_at = c.at;
  f.first_response_day = c.day;
  f.first_response_hours = elapsed(f, c.at);
}

function contact(c: Ctx, kind: string, channel: string, direction: 'inbound' | 'outbound'): void {
  const f = fact(c);
  c.batch.contacts.push({
    position: c.event.position,
    log_txid: c.event.transactionId,
    case_id: f.case_id,
    tenant: f.tenant,
    service_id: f.service_id,
    procedure_id: f.procedure_id,
    kind,
    channel,
    direction,
    at: c.at,
    day: c.day,
  });
}

/** The channel recorded with the event; web when the API wrote it as a system action. */
const channelOf = (c: Ctx) => (REAL_CHANNELS.has(c.event.metadata.channel) ? c.event.metadata.channel : 'web');

function endPause(f: CaseFact, at: string): void {
  if (!f.waiting_since) return;
  f.pauses.push([f.waiting_since, at]);
  f.paused_hours += (ms(at) - ms(f.waiting_since)) / HOUR_MS;
  f.waiting_since = null;
}

const handlers: Handlers<CaseEvent, Ctx> = {
  CaseSubmitted: (c, d) => {
    c.fact = {
      case_id: d.caseId,
      tenant: d.tenant ?? c.event.metadata.tenant,
      reference: d.reference,
      service_id: d.serviceId,
      procedure_id: d.procedureId,
      procedure_version: d.procedureVersion,
      channel: d.channel,
      submitted_by: d.submittedBy,
      status: 'submitted',
      assignee: null,
      submitted_at: d.submittedAt,
      submitted_day: parisDay(d.submittedAt),
      due_at: d.dueAt,
      acknowledged_at: null,
      acknowledged_day: null,
      first_response_at: null,
      first_response_day: null,
      decided_at: null,
      decided_day: null,
      decision_outcome: null,
      closed_at: null,
      closed_day: null,
      waiting_since: d.pausesDeadline ? d.submittedAt : null,
      pauses: [],
      paused_hours: 0,
      ack_hours: null,
      first_response_hours: null,
      decision_hours: null,
      closure_hours: null,
      closed_on_time: null,
      reopen_count: 0,
      rating_score: null,
      rated_at: null,
      rated_day: null,
      stream_version: 0,
      position: 0,
      log_txid: '0',
    };
    c.batch.flow(c.fact, parisDay(d.submittedAt), 'received');
    contact(c, 'request', d.channel, 'inbound');
  },
  CaseAcknowledged: (c) => {
    const f = fact(c);
    if (f.status === 'submitted') f.status = 'in_progress';
    if (f.acknowledged_at) return;
    f.acknowledged_at = c.at;
    f.acknowledged_day = c.day;
    f.ack_hours = elapsed(f, c.at);
  },
  CaseAssigned: (c, d) => {
    fact(c).assignee = d.assignee;
  },
  CaseUnassigned: (c) => {
    fact(c).assignee = null;
  },
  CaseTransferred: (c, d) => {
    const f = fact(c);
    if (OPEN.has(f.status) || f.status === 'decided') {
      c.batch.flow(f, c.day, 'transferred_out', d.fromServiceId);
      c.batch.flow(f, c.day, 'transferred_in', d.toServiceId);
    }
    f.service_id = d.toServiceId;
    f.assignee = null;
  },
  InformationRequested: (c, d) => {
    const f = fact(c);
    respond(c);
    f.status = 'waiting_citizen';
    // A pause already running (workflow state that pauses the deadline) goes on: one pause.
    f.waiting_since ??= d.requestedAt;
    contact(c, 'information_request', channelOf(c), 'outbound');
  },
  InformationProvided: (c, d) => {
    const f = fact(c);
    if (!d.deadlineStaysPaused) endPause(f, d.providedAt);
    f.status = 'in_progress';
    f.due_at = new Date(ms(f.due_at) + d.pausedMs).toISOString();
    contact(c, 'information_response', channelOf(c), 'inbound');
  },
  MessageSent: (c, d) => {
    if (d.from === 'agent') respond(c);
    contact(c, 'message', channelOf(c), d.from === 'citizen' ? 'inbound' : 'outbound');
  },
  PhoneCallLogged: (c, d) => {
    respond(c);
    contact(c, 'phone_call', 'phone', d.direction);
  },
  LetterLogged: (c, d) => {
    if (d.direction === 'outbound') respond(c);
    contact(c, 'letter', 'letter', d.direction);
  },
  CounterVisitLogged: (c) => {
    respond(c);
    contact(c, 'counter_visit', 'counter', 'inbound');
  },
  DocumentAttached: () => {},
  InternalNoteWritten: () => {},
  WorkflowTransitioned: (c, d) => {
    const f = fact(c);
    if (d.deadline === 'paused') f.waiting_since ??= d.at ?? c.at;
    if (d.deadline === 'resumed') {
      endPause(f, d.at ?? c.at);
      f.due_at = new Date(ms(f.due_at) + (d.pausedMs ?? 0)).toISOString();
    }
  },
  CaseDecided: (c, d) => {
    const f = fact(c);
    respond(c);
    f.status = 'decided';
    f.decision_outcome = d.outcome;
    c.batch.flow(f, c.day, 'decided');
    // Time to decision is time to the first answer on the merits, as for the other first milestones.
    if (f.decided_at) return;
    f.decided_at = c.at;
    f.decided_day = c.day;
    f.decision_hours = elapsed(f, c.at);
  },
  CaseClosed: (c) => {
    const f = fact(c);
    // A deadline does not run while the town waits for the resident, even if the case closes then.
    const dueAt = f.waiting_since ? ms(f.due_at) + (ms(c.at) - ms(f.waiting_since)) : ms(f.due_at);
    f.closure_hours = elapsed(f, c.at);
    endPause(f, c.at);
    f.status = 'closed';
    f.closed_at = c.at;
    f.closed_day = c.day;
    f.closed_on_time = ms(c.at) <= dueAt;
    c.batch.flow(f, c.day, 'closed');
    if (f.closed_on_time) c.batch.flow(f, c.day, 'closed_on_time');
  },
  CaseReopened: (c) => {
    const f = fact(c);
    f.status = 'in_progress';
    f.reopen_count += 1;
    // Resolution is the last closure: the case leaves the closed figures until it is closed again.
    f.closed_at = f.closed_day = null;
    f.closure_hours = null;
    f.closed_on_time = null;
    c.batch.flow(f, c.day, 'reopened');
  },
  CaseRated: (c, d) => {
    const f = fact(c);
    f.rating_score = d.score;
    f.rated_at = c.at;
    f.rated_day = c.day;
  },
};

export const INDICATOR_TYPES: ReadonlySet<string> = new Set(Object.keys(handlers));

/**
 * Applies one case event to its fact row (mutated) and the batch's counters. False when nothing
 * changed: unknown type, no row yet, or an event the row already reflects (re-delivery).
 */
export function applyIndicatorEvent(
  batch: IndicatorBatch,
  current: CaseFact | null,
  event: RecordedEvent,
): CaseFact | null {
  if (!INDICATOR_TYPES.has(event.type)) return null;
  if (current ? event.streamVersion <= current.stream_version : event.type !== 'CaseSubmitted') return null;
  const at = event.metadata.recordedAt;
  const ctx: Ctx = { batch, fact: current, event, at, day: parisDay(at) };
  // A transfer is work done for the service the case leaves.
  const serviceBefore = current?.service_id;
  dispatch(handlers, ctx, event);
  const f = ctx.fact;
  if (!f) return null;
  f.stream_version = event.streamVersion;
  f.position = event.position;
  f.log_txid = event.transactionId;
  const role = event.metadata.actorRole;
  if (role && AGENT_ROLES.has(role))
    batch.action(f.tenant, serviceBefore ?? f.service_id, event.metadata.actor, ctx.day);
  return f;
}
