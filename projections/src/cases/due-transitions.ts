import { readFileSync } from 'node:fs';
import type { CaseEvent, ProcedureDefinition, ProcedureEvent } from '@guichet/domain';
import type { Queryable, RecordedEvent } from '@guichet/eventstore';
import { dispatch, defineProjection, emptyTouched, type Handlers } from '../projection.ts';
import { iso, list, writeRows } from '../sql.ts';

const DAY_MS = 86_400_000;

interface Rule {
  id: string;
  from: string;
  to: string;
  toLabel: string | null;
  afterDays: number;
}

interface CaseSpot {
  case_id: string;
  tenant: string;
  service_id: string;
  procedure_id: string;
  procedure_version: number;
  state: string;
  entered_version: number;
  entered_at: string;
  closed: boolean;
  stream_version: number;
}

interface DueRow {
  case_id: string;
  transition_id: string;
  tenant: string;
  service_id: string;
  from_state: string;
  to_state: string;
  to_label: string | null;
  after_days: number;
  entered_version: number;
  entered_at: string;
  due_at: string;
}

const rulesOf = (d: ProcedureDefinition): Rule[] => {
  const states = d.workflow?.states ?? [];
  return (d.workflow?.transitions ?? [])
    .filter((t) => Number.isInteger(t.autoAfterDays) && (t.autoAfterDays ?? 0) >= 1)
    .map((t) => ({
      id: t.id,
      from: t.from,
      to: t.to,
      toLabel: states.find((s) => s.id === t.to)?.label ?? null,
      afterDays: t.autoAfterDays as number,
    }));
};

interface Ctx {
  spot: CaseSpot | null;
  event: RecordedEvent;
  rules: Map<string, Rule[]>;
  changedRules: Set<string>;
}

const key = (procedureId: string, version: number) => `${procedureId}@${version}`;
const spot = (c: Ctx) => c.spot as CaseSpot;
/** The case enters a state now: the days before an automatic step count from here. */
const enter = (c: Ctx, state: string) => {
  Object.assign(spot(c), { state, entered_version: c.event.streamVersion, entered_at: c.event.metadata.recordedAt });
};

const procedureHandlers: Partial<Handlers<ProcedureEvent, Ctx>> = {
  ProcedureDefined: (c, d) => putRules(c, d.procedureId, 0, d.definition),
  ProcedureDraftUpdated: (c, d) => putRules(c, d.procedureId, 0, d.definition),
  ProcedureVersionPublished: (c, d) => putRules(c, d.procedureId, d.version, d.definition),
};

function putRules(c: Ctx, procedureId: string, version: number, definition: ProcedureDefinition) {
  c.rules.set(key(procedureId, version), rulesOf(definition));
  c.changedRules.add(key(procedureId, version));
}

const caseHandlers: Partial<Handlers<CaseEvent, Ctx>> = {
  CaseSubmitted: (c, d, e) => {
    c.spot = {
      case_id: d.caseId,
      tenant: d.tenant ?? e.metadata.tenant,
      service_id: d.serviceId,
      procedure_id: d.procedureId,
      procedure_version: d.procedureVersion,
      state: d.workflowState,
      entered_version: e.streamVersion,
      entered_at: e.metadata.recordedAt,
      closed: false,
      stream_version: 0,
    };
  },
  WorkflowTransitioned: (c, d) => enter(c, d.to),
  CaseTransferred: (c, d) => {
    spot(c).service_id = d.toServiceId;
  },
  CaseClosed: (c) => {
    spot(c).closed = true;
  },
  // A reopened case starts counting again from its reopening.
  CaseReopened: (c) => {
    spot(c).closed = false;
    enter(c, spot(c).state);
  },
};

/** The events that decide which automatic transition is due (the scheduler reads the same ones). */
export const ENTRY_EVENTS: ReadonlySet<string> = new Set(['CaseSubmitted', 'WorkflowTransitioned', 'CaseReopened']);
const CASE_TYPES = new Set(Object.keys(caseHandlers));
const PROCEDURE_TYPES = new Set(Object.keys(procedureHandlers));
const caseIdOf = (e: RecordedEvent) => (CASE_TYPES.has(e.type) ? String((e.data as { caseId: string }).caseId) : null);
const procedureIdOf = (e: RecordedEvent) =>
  e.type === 'CaseSubmitted' || PROCEDURE_TYPES.has(e.type)
    ? String((e.data as { procedureId: string }).procedureId)
    : null;

const SPOT_COLUMNS = [
  'case_id',
  'tenant',
  'service_id',
  'procedure_id',
  'procedure_version',
  'state',
  'entered_version',
  'entered_at',
  'closed',
  'stream_version',
] as const;
const DUE_COLUMNS = [
  'case_id',
  'transition_id',
  'tenant',
  'service_id',
  'from_state',
  'to_state',
  'to_label',
  'after_days',
  'entered_version',
  'entered_at',
  'due_at',
] as const;

function duesOf(s: CaseSpot, rules: Rule[]): DueRow[] {
  if (s.closed) return [];
  return rules
    .filter((r) => r.from === s.state)
    .map((r) => ({
      case_id: s.case_id,
      transition_id: r.id,
      tenant: s.tenant,
      service_id: s.service_id,
      from_state: r.from,
      to_state: r.to,
      to_label: r.toLabel,
      after_days: r.afterDays,
      entered_version: s.entered_version,
      entered_at: s.entered_at,
      // Calendar days: N × 24 hours after entering the state, whatever the weekends and holidays.
      due_at: new Date(Date.parse(s.entered_at) + r.afterDays * DAY_MS).toISOString(),
    }));
}

/**
 * rm_due_transitions: for each open case, the automatic transitions leaving its current state and
 * the instant each falls due. The scheduler (api/src/scheduler) reads it; the log stays the judge.
 */
export const dueTransitionsProjection = defineProjection({
  name: 'due_transitions',
  version: 1,
  migrations: readFileSync(new URL('./due-schema.sql', import.meta.url), 'utf8'),
  reset: 'truncate rm_due_transitions, rm_due_cases, rm_due_rules',
  handles: (e) => CASE_TYPES.has(e.type) || PROCEDURE_TYPES.has(e.type),
  async handleBatch(tx, events) {
    const touched = emptyTouched();
    const relevant = events.filter((e) => CASE_TYPES.has(e.type) || PROCEDURE_TYPES.has(e.type));
    if (relevant.length === 0) return touched;

    const caseIds = list(relevant.map(caseIdOf).filter((id): id is string => id !== null));
    const spots = new Map<string, CaseSpot>();
    if (caseIds.length > 0) {
      const { rows } = await tx.query<Record<string, unknown>>('select * from rm_due_cases where case_id = any($1)', [
        caseIds,
      ]);
      for (const r of rows)
        spots.set(String(r.case_id), { ...(r as unknown as CaseSpot), entered_at: iso(r.entered_at)! });
    }
    const procedureIds = list([
      ...[...spots.values()].map((s) => s.procedure_id),
      ...relevant.map(procedureIdOf).filter((id): id is string => id !== null),
    ]);
    const ctx: Ctx = { spot: null, event: relevant[0]!, rules: new Map(), changedRules: new Set() };
    if (procedureIds.length > 0) {
      const { rows } = await tx.query<{ procedure_id: string; version: number; transitions: Rule[] }>(
        'select procedure_id, version, transitions from rm_due_rules where procedure_id = any($1)',
        [procedureIds],
      );
      for (const r of rows) ctx.rules.set(key(r.procedure_id, r.version), r.transitions);
    }

    const changed = new Set<string>();
    for (const event of relevant) {
      ctx.event = event;
      const caseId = caseIdOf(event);
      if (!caseId) {
        dispatch(procedureHandlers, ctx, event);
        continue;
      }
      ctx.spot = spots.get(caseId) ?? null;
      // Re-delivered, or a case never seen submitted: nothing to do.
      if (ctx.spot ? event.streamVersion <= ctx.spot.stream_version : event.type !== 'CaseSubmitted') continue;
      dispatch(caseHandlers, ctx, event);
      const s = ctx.spot as CaseSpot;
      s.stream_version = event.streamVersion;
      spots.set(caseId, s);
      changed.add(caseId);
      touched.caseIds.add(caseId);
    }

    await writeRows(
      tx,
      'rm_due_rules',
      [...ctx.changedRules].map((k) => {
        const at = k.lastIndexOf('@');
        return { procedure_id: k.slice(0, at), version: Number(k.slice(at + 1)), transitions: ctx.rules.get(k) };
      }),
      {
        columns: ['procedure_id', 'version', 'transitions'],
        conflict: ['procedure_id', 'version'],
        update: ['transitions'],
      },
    );
    if (changed.size === 0) return touched;
    const changedSpots = [...changed].map((id) => spots.get(id) as CaseSpot);
    await writeRows(tx, 'rm_due_cases', changedSpots, {
      columns: SPOT_COLUMNS,
      conflict: ['case_id'],
      update: SPOT_COLUMNS.filter((c) => c !== 'case_id'),
    });
    await tx.query('delete from rm_due_transitions where case_id = any($1)', [[...changed]]);
    const rulesFor = (s: CaseSpot) =>
      ctx.rules.get(key(s.procedure_id, s.procedure_version)) ?? ctx.rules.get(key(s.procedure_id, 0)) ?? [];
    await writeRows(
      tx,
      'rm_due_transitions',
      changedSpots.flatMap((s) => duesOf(s, rulesFor(s))),
      { columns: DUE_COLUMNS, conflict: ['case_id', 'transition_id'], update: DUE_COLUMNS.slice(2) },
    );
    return touched;
  },
});

export interface DueTransition {
  caseId: string;
  transitionId: string;
  tenant: string;
  serviceId: string;
  from: string;
  to: string;
  toLabel: string | null;
  afterDays: number;
  enteredVersion: number;
  enteredAt: string;
  dueAt: string;
}

const toDue = (r: Record<string, unknown>): DueTransition => ({
  caseId: String(r.case_id),
  transitionId: String(r.transition_id),
  tenant: String(r.tenant),
  serviceId: String(r.service_id),
  from: String(r.from_state),
  to: String(r.to_state),
  toLabel: (r.to_label as string | null) ?? null,
  afterDays: Number(r.after_days),
  enteredVersion: Number(r.entered_version),
  enteredAt: iso(r.entered_at)!,
  dueAt: iso(r.due_at)!,
});

/** Automatic transitions due at `now` or before, oldest first. */
export async function dueTransitions(db: Queryable, now: string, limit = 100): Promise<DueTransition[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    'select * from rm_due_transitions where due_at <= $1 order by due_at, case_id, transition_id limit $2',
    [now, limit],
  );
  return rows.map(toDue);
}

/** The automatic transitions a case is heading for, soonest first (for the case page). */
export async function plannedTransitions(db: Queryable, caseId: string): Promise<DueTransition[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    'select * from rm_due_transitions where case_id = $1 order by due_at, transition_id',
    [caseId],
  );
  return rows.map(toDue);
}
