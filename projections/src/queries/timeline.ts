import type { Queryable, RecordedEvent } from '@guichet/eventstore';
import { applyCaseEvent, type CaseContext } from '../cases/reducer.ts';
import { procedureLabelsTable } from '../procedure-labels.ts';
import { iso } from '../sql.ts';
import { toCaseView, type Audience, type CaseView } from './cases.ts';

export interface TimelineEntry {
  position: number;
  /** Version of the case after this event. */
  version: number;
  type: string;
  at: string;
  /** Account id of who did it; in the citizen's view, only the citizen's own id (agents stay anonymous). */
  actor: string | null;
  /** Agent's name for agents; "Vous", the service's name or "Mairie" for the citizen. */
  actorName: string | null;
  actorRole: string | null;
  channel: string;
  internal: boolean;
  summary: string;
  data: Record<string, unknown>;
}

interface Row {
  stream_version: number;
  position: number;
  type: string;
  at: Date | string;
  actor: string;
  actor_role: string | null;
  channel: string;
  internal: boolean;
  summary: string;
  data: Record<string, unknown>;
  actor_name?: string | null;
  assignee_name?: string | null;
}

const TOWN = 'Mairie';

/** Every event of a case, oldest first. The citizen's view has no internal rows and names no agent. */
export async function queryTimeline(
  db: Queryable,
  caseId: string,
  options: { audience: Audience },
): Promise<TimelineEntry[]> {
  if (options.audience === 'agent') {
    const { rows } = await db.query<Row>(
      `select t.*, a.name as actor_name, g.name as assignee_name
         from rm_case_timeline t
         left join rm_accounts a on a.id = t.actor
         left join rm_accounts g on t.type = 'CaseAssigned' and g.id = t.data->>'assignee'
        where t.case_id = $1 order by t.stream_version`,
      [caseId],
    );
    return rows.map((r) => ({
      ...entry(r),
      actorName: r.actor_name ?? null,
      summary: r.assignee_name ? r.summary.replace(String(r.data.assignee), r.assignee_name) : r.summary,
    }));
  }

  const [{ rows }, owner] = await Promise.all([
    db.query<Row>('select * from rm_case_timeline where case_id = $1 and not internal order by stream_version', [
      caseId,
    ]),
    db.query<{ citizen_id: string | null }>('select citizen_id from rm_cases where id = $1', [caseId]),
  ]);
  const citizenId = owner.rows[0]?.citizen_id ?? null;
  // Which service spoke for the town at each event: the one the case belonged to then.
  const serviceAt: (string | null)[] = [];
  let service: string | null = null;
  for (const r of rows) {
    if (r.type === 'CaseSubmitted') service = String(r.data.serviceId);
    if (r.type === 'CaseTransferred') service = String(r.data.toServiceId);
    serviceAt.push(service);
  }
  const ids = [...new Set(serviceAt.filter((s): s is string => s !== null))];
  const names = new Map<string, string>();
  if (ids.length > 0) {
    const found = await db.query<{ id: string; name: string }>('select id, name from rm_services where id = any($1)', [
      ids,
    ]);
    for (const s of found.rows) names.set(s.id, s.name);
  }
  return rows.map((r, i) => {
    const byCitizen = r.actor === 'anonymous' || (citizenId !== null && r.actor === citizenId);
    const serviceName = names.get(serviceAt[i] ?? '') ?? TOWN;
    return {
      ...entry(r),
      actor: byCitizen && r.actor !== 'anonymous' ? r.actor : null,
      actorName: byCitizen ? 'Vous' : serviceName,
      actorRole: byCitizen ? r.actor_role : null,
    };
  });
}

function entry(r: Row): TimelineEntry {
  return {
    position: Number(r.position),
    version: Number(r.stream_version),
    type: r.type,
    at: iso(r.at) as string,
    actor: r.actor,
    actorName: null,
    actorRole: r.actor_role,
    channel: r.channel,
    internal: r.internal,
    summary: r.summary,
    data: r.data,
  };
}

const labels = procedureLabelsTable('rm_case_procedures');

/**
 * The case as it was at instant `at` (ISO): its events up to then, folded by the same reducer that
 * builds rm_cases, so the answer has exactly the shape of the current case. Null if it did not exist yet.
 */
export async function caseAsOf(
  db: Queryable,
  caseId: string,
  at: string,
  options: { audience?: Audience } = {},
): Promise<CaseView | null> {
  const { rows } = await db.query<Row>(
    'select * from rm_case_timeline where case_id = $1 and at <= $2::timestamptz order by stream_version',
    [caseId, at],
  );
  const first = rows[0];
  if (!first || first.type !== 'CaseSubmitted') return null;
  const [book, current] = await Promise.all([
    labels.open(db, [String(first.data.procedureId)]),
    db.query<{ tenant: string }>('select tenant from rm_cases where id = $1', [caseId]),
  ]);
  const tenant = current.rows[0]?.tenant ?? '';
  const ctx: CaseContext = { row: null, at: '', labels: (id, version) => book.get(id, version) };
  for (const r of rows) applyCaseEvent(ctx, asEvent(caseId, tenant, r));
  return ctx.row ? toCaseView(ctx.row, options.audience) : null;
}

function asEvent(caseId: string, tenant: string, r: Row): RecordedEvent {
  return {
    type: r.type,
    data: r.data,
    streamId: `case-${caseId}`,
    streamVersion: Number(r.stream_version),
    position: Number(r.position),
    transactionId: '0',
    schemaVersion: 1,
    storedAt: iso(r.at) as string,
    metadata: {
      eventId: `${caseId}:${r.stream_version}`,
      commandId: '',
      correlationId: '',
      causationId: null,
      actor: r.actor,
      actorRole: r.actor_role ?? undefined,
      tenant,
      channel: r.channel as RecordedEvent['metadata']['channel'],
      recordedAt: iso(r.at) as string,
    },
  };
}
