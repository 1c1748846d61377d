import type { CaseStatus, Outcome } from '@guichet/domain';
import type { Queryable } from '@guichet/eventstore';
import type { ContactDirection } from '../citizen-history/projection.ts';
import { decodeCursor, encodeCursor, iso, Where } from '../sql.ts';

/** One contact between the citizen and the town. */
export interface CitizenContact {
  caseId: string;
  reference: string;
  procedureTitle: string | null;
  position: number;
  type: string;
  at: string;
  channel: string;
  direction: ContactDirection;
  summary: string;
  data: Record<string, unknown>;
}

/** A request as the citizen's "my requests" page lists it: nothing internal (no assignee). */
export interface CitizenCaseSummary {
  id: string;
  reference: string;
  procedureId: string;
  procedureTitle: string | null;
  serviceId: string;
  channel: string;
  status: CaseStatus;
  workflowPublicLabel: string | null;
  submittedAt: string;
  dueAt: string;
  /** The deadline clock is stopped (a request awaits the answer, or a state that pauses it). */
  pausedSince: string | null;
  decisionOutcome: Outcome | null;
  closedAt: string | null;
  lastActivityAt: string;
  rated: boolean;
  version: number;
}

/** Newest first. `before` is the `next` of the previous page. */
export async function queryCitizenHistory(
  db: Queryable,
  citizenId: string,
  options: { limit?: number; before?: string | null } = {},
): Promise<{ items: CitizenContact[]; next: string | null }> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const where = new Where().add('h.citizen_id = ?', citizenId);
  const before = decodeCursor(options.before);
  if (before && before.length === 2)
    where.add('(h.at, h.position) < (?::timestamptz, ?::bigint)', before[0], before[1]);
  const { rows } = await db.query<Record<string, unknown>>(
    `select h.*, c.procedure_title from rm_citizen_history h left join rm_cases c on c.id = h.case_id
     ${where} order by h.at desc, h.position desc limit ${where.param(limit + 1)}`,
    where.params,
  );
  const items: CitizenContact[] = rows.slice(0, limit).map((r) => ({
    caseId: String(r.case_id),
    reference: String(r.reference),
    procedureTitle: (r.procedure_title as string | null) ?? null,
    position: Number(r.position),
    type: String(r.type),
    at: iso(r.at) as string,
    channel: String(r.channel),
    direction: r.direction as ContactDirection,
    summary: String(r.summary),
    data: r.data as Record<string, unknown>,
  }));
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? encodeCursor([last.at, last.position]) : null };
}

/** The citizen's requests, newest first. */
export async function queryCitizenCases(db: Queryable, citizenId: string): Promise<CitizenCaseSummary[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select id, reference, procedure_id, procedure_title, service_id, channel, status, workflow_public_label, submitted_at,
            due_at, paused_since, decision_outcome, closed_at, last_public_activity_at, rating_score, stream_version
       from rm_cases where citizen_id = $1 order by submitted_at desc, id`,
    [citizenId],
  );
  return rows.map((r) => ({
    id: String(r.id),
    reference: String(r.reference),
    procedureId: String(r.procedure_id),
    procedureTitle: (r.procedure_title as string | null) ?? null,
    serviceId: String(r.service_id),
    channel: String(r.channel),
    status: r.status as CaseStatus,
    workflowPublicLabel: (r.workflow_public_label as string | null) ?? null,
    submittedAt: iso(r.submitted_at) as string,
    dueAt: iso(r.due_at) as string,
    pausedSince: iso(r.paused_since),
    decisionOutcome: (r.decision_outcome as Outcome | null) ?? null,
    closedAt: iso(r.closed_at),
    lastActivityAt: iso(r.last_public_activity_at) as string,
    rated: r.rating_score !== null,
    version: Number(r.stream_version),
  }));
}
