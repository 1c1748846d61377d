import type { CaseStatus } from '../../../domain/src/case/events.ts';

/** One row of rm_ind_cases; keys are the column names, instants ISO strings, days `YYYY-MM-DD`. */
export interface CaseFact {
  case_id: string;
  tenant: string;
  reference: string;
  service_id: string;
  procedure_id: string;
  procedure_version: number;
  channel: string;
  submitted_by: string;
  status: CaseStatus;
  assignee: string | null;
  submitted_at: string;
  submitted_day: string;
  due_at: string;
  acknowledged_at: string | null;
  acknowledged_day: string | null;
  first_response_at: string | null;
  first_response_day: string | null;
  decided_at: string | null;
  decided_day: string | null;
  decision_outcome: string | null;
  closed_at: string | null;
  closed_day: string | null;
  waiting_since: string | null;
  pauses: [string, string][];
  paused_hours: number;
  ack_hours: number | null;
  first_response_hours: number | null;
  decision_hours: number | null;
  closure_hours: number | null;
  closed_on_time: boolean | null;
  reopen_count: number;
  rating_score: number | null;
  rated_at: string | null;
  rated_day: string | null;
  stream_version: number;
  position: number;
  log_txid: string;
}

export const FACT_COLUMNS = [
  'case_id',
  'tenant',
  'reference',
  'service_id',
  'procedure_id',
  'procedure_version',
  'channel',
  'submitted_by',
  'status',
  'assignee',
  'submitted_at',
  'submitted_day',
  'due_at',
  'acknowledged_at',
  'acknowledged_day',
  'first_response_at',
  'first_response_day',
  'decided_at',
  'decided_day',
  'decision_outcome',
  'closed_at',
  'closed_day',
  'waiting_since',
  'pauses',
  'paused_hours',
  'ack_hours',
  'first_response_hours',
  'decision_hours',
  'closure_hours',
  'closed_on_time',
  'reopen_count',
  'rating_score',
  'rated_at',
  'rated_day',
  'stream_version',
  'position',
  'log_txid',
] as const satisfies readonly (keyof CaseFact)[];

const INSTANTS = [
  'submitted_at',
  'due_at',
  'acknowledged_at',
  'first_response_at',
  'decided_at',
  'closed_at',
  'waiting_since',
  'rated_at',
] as const;
const DAYS = [
  'submitted_day',
  'acknowledged_day',
  'first_response_day',
  'decided_day',
  'closed_day',
  'rated_day',
] as const;

/** A row as the drivers return it (Date objects, xid8 as text) back to the shape the reducer works on. */
export function factFromDb(raw: Record<string, unknown>): CaseFact {
  const row: Record<string, unknown> = { ...raw };
  for (const col of INSTANTS) {
    const v = row[col];
    row[col] = v instanceof Date ? v.toISOString() : (v ?? null);
  }
  for (const col of DAYS) {
    const v = row[col];
    row[col] =
      v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? null : String(v).slice(0, 10);
  }
  row.log_txid = String(row.log_txid);
  return row as unknown as CaseFact;
}

/** Counters of rm_ind_daily for one (service, procedure, channel, day). */
export interface DailyFlows {
  received: number;
  decided: number;
  closed: number;
  closed_on_time: number;
  reopened: number;
  transferred_in: number;
  transferred_out: number;
}

export const FLOW_COLUMNS = [
  'received',
  'decided',
  'closed',
  'closed_on_time',
  'reopened',
  'transferred_in',
  'transferred_out',
] as const satisfies readonly (keyof DailyFlows)[];

export interface ContactRow {
  position: number;
  log_txid: string;
  case_id: string;
  tenant: string;
  service_id: string;
  procedure_id: string;
  /** request | message | information_request | information_response | phone_call | letter | counter_visit */
  kind: string;
  channel: string;
  direction: 'inbound' | 'outbound';
  at: string;
  day: string;
}

export const CONTACT_COLUMNS = [
  'position',
  'log_txid',
  'case_id',
  'tenant',
  'service_id',
  'procedure_id',
  'kind',
  'channel',
  'direction',
  'at',
  'day',
] as const satisfies readonly (keyof ContactRow)[];
