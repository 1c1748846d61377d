import type { ServiceRole } from '@guichet/domain';
import type { Db } from '@guichet/eventstore';
import {
  caseAsOf,
  getCase,
  OPEN_STATUSES,
  queryCitizenCases,
  queryCitizenHistory,
  queryQueue,
  queryTimeline,
  searchCases,
  type QueueItem,
} from '@guichet/projections';
import type {
  Audience,
  CaseSummary,
  CaseView,
  Directory,
  HistoryItem,
  ProcedureRecord,
  Queries,
  TimelineEvent,
} from '../plugins/context.ts';

type ProjectionCase = NonNullable<Awaited<ReturnType<typeof getCase>>>;
type ProjectionEntry = Awaited<ReturnType<typeof queryTimeline>>[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Names of people (agents, residents) and services, for lists: one query each for a whole page. */
async function names(db: Db, agentIds: (string | null)[], serviceIds: string[]) {
  const agents = [...new Set(agentIds.filter((a): a is string => a !== null))];
  const [a, s] = await Promise.all([
    agents.length
      ? db.query<{ id: string; name: string }>('select id, name from rm_accounts where id = any($1)', [agents])
      : { rows: [] },
    db.query<{ id: string; name: string }>('select id, name from rm_services where id = any($1)', [
      [...new Set(serviceIds)],
    ]),
  ]);
  return {
    agent: new Map(a.rows.map((r) => [r.id, r.name])),
    service: new Map(s.rows.map((r) => [r.id, r.name])),
  };
}

function summaryOf(c: QueueItem | ProjectionCase, n: Awaited<ReturnType<typeof names>>, now: number): CaseSummary {
  const paused = 'pausedSince' in c && c.pausedSince !== null;
  const open = c.status === 'submitted' || c.status === 'in_progress' || c.status === 'waiting_citizen';
  const overdue =
    'overdue' in c ? c.overdue : open && Date.parse(c.dueAt) < (paused ? Date.parse(c.pausedSince!) : now);
  return {
    id: c.id,
    reference: c.reference,
    procedureId: c.procedureId,
    procedureTitle: c.procedureTitle,
    serviceId: c.serviceId,
    serviceName: n.service.get(c.serviceId) ?? null,
    channel: c.channel,
    status: c.status,
    workflowState: c.workflowState,
    assignee: c.assignee,
    assigneeName: c.assignee ? (n.agent.get(c.assignee) ?? null) : null,
    citizenId: c.citizenId,
    citizenName:
      ('contactName' in c ? c.contactName : null) ?? (c.citizenId ? (n.agent.get(c.citizenId) ?? null) : null),
    submittedAt: c.submittedAt,
    dueAt: c.dueAt,
    paused,
    overdue,
    lastActivityAt: c.lastActivityAt,
    version: c.version,
  };
}

async function viewOf(db: Db, c: ProjectionCase): Promise<CaseView> {
  const n = await names(db, [c.assignee, c.citizenId], [c.serviceId]);
  return {
    ...summaryOf(c, n, Date.now()),
    tenant: c.tenant,
    procedureVersion: c.procedureVersion,
    workflowLabel: c.workflowLabel,
    workflowPublicLabel: c.workflowPublicLabel,
    submittedBy: c.submittedBy,
    contact: c.contact,
    acknowledgedAt: c.acknowledgedAt,
    pausedSince: c.pausedSince,
    openInformationRequest: c.openRequest,
    decision: c.decision,
    closedAt: c.closedAt,
    reopenCount: c.reopenCount,
    rating: c.rating,
    data: c.data,
    documents: c.documents,
    messages: c.messages,
  };
}

function timelineEvent(e: ProjectionEntry): TimelineEvent {
  // Residents see the town's staff as their service, never as individuals or as "system".
  const kind = e.actorRole ?? 'service';
  return {
    position: e.position,
    version: e.version,
    type: e.type,
    at: e.at,
    actor: { kind, ...(e.actor ? { id: e.actor } : {}), name: e.actorName ?? 'Mairie' },
    channel: e.channel,
    internal: e.internal,
    summary: e.summary,
    data: e.data,
  };
}

/**
 * Workflow steps are stored by id; people read them by the label of the procedure version the
 * case runs under (the public label for residents).
 */
async function withStepLabels(
  db: Db,
  caseId: string,
  audience: Audience,
  events: TimelineEvent[],
): Promise<TimelineEvent[]> {
  if (!events.some((e) => e.type === 'WorkflowTransitioned')) return events;
  const { rows } = await db.query<{ states: { id: string; label: string; publicLabel?: string }[] }>(
    `select v.definition -> 'workflow' -> 'states' as states
       from rm_cases c join rm_procedure_versions v on v.procedure_id = c.procedure_id and v.version = c.procedure_version
      where c.id = $1`,
    [caseId],
  );
  const labels = new Map(
    (rows[0]?.states ?? []).map((st) => [st.id, audience === 'citizen' ? (st.publicLabel ?? st.label) : st.label]),
  );
  return events.map((e) => {
    if (e.type !== 'WorkflowTransitioned') return e;
    const from = labels.get(String(e.data.from)) ?? String(e.data.from);
    const to = labels.get(String(e.data.to)) ?? String(e.data.to);
    const message = typeof e.data.message === 'string' && e.data.message ? ` : ${e.data.message}` : '';
    // A step the scheduler took says so (« passage automatique après N jours »).
    const reason = (e.data.automatic as { reason?: string } | undefined)?.reason;
    return { ...e, summary: `Étape « ${from} » → « ${to} »${reason ? ` (${reason})` : ''}${message}` };
  });
}

interface ProcedureRow {
  id: string;
  slug: string;
  version: number;
  retired: boolean;
  definition: Record<string, any>;
}

/** The query side of the API: projections only, shaped as API v1 documents them. */
export function createQueries(db: Db): Queries {
  return {
    async listServices() {
      return (
        await db.query<{ id: string; name: string; tenant: string }>(
          'select id, name, tenant from rm_services order by name',
        )
      ).rows;
    },

    async listProcedures({ theme, q, tenant }) {
      const { rows } = await db.query<Record<string, unknown>>(
        `select p.id, p.slug, p.tenant, p.title, p.description, p.theme, p.service_id as "serviceId", s.name as "serviceName",
                p.access, p.deadline_days as "deadlineDays", p.current_version as version,
                v.definition -> 'documentsToProvide' as "documentsToProvide"
           from rm_procedures p
           join rm_procedure_versions v on v.procedure_id = p.id and v.version = p.current_version
           left join rm_services s on s.id = p.service_id
          where not p.retired and p.current_version is not null
            and ($1::text is null or p.theme = $1)
            and ($2::text is null or p.title ilike '%' || $2 || '%' or p.description ilike '%' || $2 || '%')
            and ($3::text is null or p.tenant = $3)
          order by p.theme, p.title`,
        [theme ?? null, q?.replace(/[%_\\]/g, (m) => `\\${m}`) ?? null, tenant ?? null],
      );
      return rows;
    },

    async getProcedure(idOrSlug, version) {
      const { rows } = await db.query<ProcedureRow>(
        `select p.id, p.slug, p.tenant, v.version, p.retired, v.definition
           from rm_procedures p
           join rm_procedure_versions v on v.procedure_id = p.id and v.version = coalesce($2::int, p.current_version)
          where ${UUID.test(idOrSlug) ? 'p.id = $1' : 'p.slug = $1'}`,
        [idOrSlug, version ?? null],
      );
      return (rows[0] as ProcedureRecord | undefined) ?? null;
    },

    async getCase(id) {
      if (!UUID.test(id)) return null;
      const c = await getCase(db, id, { audience: 'agent' });
      return c ? viewOf(db, c) : null;
    },

    async caseByTrackingHash(hash) {
      const { rows } = await db.query<{ id: string }>('select id from rm_cases where tracking_code_hash = $1', [hash]);
      return rows[0] ? this.getCase(rows[0].id) : null;
    },

    async timeline(caseId, audience: Audience) {
      return withStepLabels(db, caseId, audience, (await queryTimeline(db, caseId, { audience })).map(timelineEvent));
    },

    async caseAsOf(caseId, at) {
      const past = await caseAsOf(db, caseId, at, { audience: 'agent' });
      if (!past) return null;
      const events = (await queryTimeline(db, caseId, { audience: 'agent' }))
        .filter((e) => e.at <= at)
        .map(timelineEvent);
      return { case: await viewOf(db, past), events };
    },

    async citizenCases(citizenId) {
      const cases = await queryCitizenCases(db, citizenId);
      // One account for the whole installation: each request says which organisation handles it.
      const { rows: owners } = await db.query<{ id: string; tenant: string; tenantName: string | null }>(
        `select c.id, c.tenant, t.name as "tenantName" from rm_cases c
           left join rm_tenant_portals t on t.id = c.tenant where c.citizen_id = $1`,
        [citizenId],
      );
      const owner = new Map(owners.map((o) => [o.id, o]));
      const n = await names(
        db,
        [],
        cases.map((c) => c.serviceId),
      );
      return cases.map((c) => ({
        id: c.id,
        reference: c.reference,
        procedureId: c.procedureId,
        procedureTitle: c.procedureTitle,
        serviceId: c.serviceId,
        serviceName: n.service.get(c.serviceId) ?? null,
        tenant: owner.get(c.id)?.tenant,
        tenantName: owner.get(c.id)?.tenantName ?? null,
        channel: c.channel,
        status: c.status,
        workflowState: c.workflowPublicLabel,
        assignee: null,
        assigneeName: null,
        citizenId,
        citizenName: null,
        submittedAt: c.submittedAt,
        dueAt: c.dueAt,
        paused: c.pausedSince !== null,
        overdue: false,
        lastActivityAt: c.lastActivityAt,
        version: c.version,
        decisionOutcome: c.decisionOutcome,
        closedAt: c.closedAt,
        rated: c.rated,
      }));
    },

    async citizenHistory(citizenId, serviceIds) {
      const { items } = await queryCitizenHistory(db, citizenId, { limit: 500 });
      let visible = items;
      if (serviceIds) {
        const { rows } = await db.query<{ id: string }>(
          'select id from rm_cases where citizen_id = $1 and service_id = any($2)',
          [citizenId, serviceIds],
        );
        const allowed = new Set(rows.map((r) => r.id));
        visible = items.filter((i) => allowed.has(i.caseId));
      }
      return visible.map((i): HistoryItem => ({
        at: i.at,
        caseId: i.caseId,
        reference: i.reference,
        procedureTitle: i.procedureTitle,
        type: i.type,
        channel: i.channel,
        direction: i.direction,
        summary: i.summary,
      }));
    },

    async citizenProfile(citizenId) {
      const { rows } = await db.query<{ profile: Record<string, unknown> | null }>(
        "select profile from rm_accounts where id = $1 and kind = 'citizen'",
        [citizenId],
      );
      return rows[0]?.profile ?? null;
    },

    async queue(f) {
      const page = await queryQueue(db, {
        serviceIds: f.serviceIds,
        ...(f.status ? { status: f.status === 'open' ? OPEN_STATUSES : (f.status as never) } : {}),
        ...(f.assignee ? { assignee: f.assignee } : {}),
        ...(f.unassigned ? { unassigned: true } : {}),
        ...(f.overdue ? { overdue: f.now } : {}),
        ...(f.channel ? { channel: f.channel } : {}),
        ...(f.procedureId ? { procedureId: f.procedureId } : {}),
        sort: f.sort,
        limit: f.limit,
        now: f.now,
      });
      const n = await names(
        db,
        page.items.map((i) => i.assignee),
        page.items.map((i) => i.serviceId),
      );
      const now = Date.parse(f.now);
      // The "mine" and "unassigned" tabs count open requests under the same other filters.
      const tab = async (extra: { assignee?: string; unassigned?: boolean }) =>
        (
          await queryQueue(db, {
            serviceIds: f.serviceIds,
            ...(f.channel ? { channel: f.channel } : {}),
            ...(f.procedureId ? { procedureId: f.procedureId } : {}),
            ...extra,
            limit: 1,
            now: f.now,
          })
        ).counts.open;
      const [mine, unassigned] = await Promise.all([tab({ assignee: f.viewerId }), tab({ unassigned: true })]);
      return { items: page.items.map((i) => summaryOf(i, n, now)), counts: { ...page.counts, mine, unassigned } };
    },

    async search(f) {
      const { items } = await searchCases(db, {
        serviceIds: f.serviceIds,
        ...(f.text ? { text: f.text } : {}),
        ...(f.reference ? { reference: f.reference } : {}),
        ...(f.procedureId ? { procedureId: f.procedureId } : {}),
        ...(f.status && f.status !== 'open' ? { status: f.status as never } : {}),
        ...(f.from ? { from: f.from } : {}),
        ...(f.to ? { to: f.to } : {}),
        ...(f.citizenId ? { citizenId: f.citizenId } : {}),
        limit: f.limit,
      });
      const n = await names(
        db,
        items.map((i) => i.assignee),
        items.map((i) => i.serviceId),
      );
      return items.map((i) => summaryOf(i, n, Date.now()));
    },

    async findCitizens(text, tenant) {
      const needle = text
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .toLowerCase()
        .replace(/[%_\\]/g, (m) => `\\${m}`);
      const { rows } = await db.query<{
        id: string;
        name: string;
        email: string | null;
        phone: string | null;
        hasAccount: boolean;
      }>(
        `select id, name, profile ->> 'email' as email, profile ->> 'phone' as phone, (password_hash is not null) as "hasAccount"
           from rm_accounts
          where kind = 'citizen' and search_text like '%' || $2 || '%'
            and (tenant = $1 or exists (select 1 from rm_cases c where c.citizen_id = rm_accounts.id and c.tenant = $1))
          order by name limit 20`,
        [tenant, needle],
      );
      return rows;
    },

    async agents(serviceIds) {
      const { rows } = await db.query<{ id: string; name: string; email: string; roles: ServiceRole[] }>(
        `select a.id, a.name, a.email,
                json_agg(json_build_object('serviceId', r.service_id, 'role', r.role) order by r.service_id, r.role) as roles
           from rm_accounts a join rm_agent_roles r on r.agent_id = a.id
          where a.kind = 'agent' and a.active and r.service_id = any($1)
          group by a.id, a.name, a.email order by a.name`,
        [serviceIds],
      );
      return rows;
    },
  };
}

export function createDirectory(db: Db): Directory {
  return {
    async findAccountByEmail(email) {
      const { rows } = await db.query<{
        id: string;
        kind: 'citizen' | 'agent';
        email: string;
        name: string;
        tenant: string;
        passwordHash: string | null;
        active: boolean;
      }>(
        `select id, kind, email, name, tenant, password_hash as "passwordHash", active
           from rm_accounts where email = $1`,
        [email],
      );
      return rows[0] ?? null;
    },
    async rolesOf(agentId) {
      const { rows } = await db.query<ServiceRole>(
        `select r.service_id as "serviceId", r.role from rm_agent_roles r
           join rm_accounts a on a.id = r.agent_id and a.active
          where r.agent_id = $1 order by r.service_id, r.role`,
        [agentId],
      );
      return rows;
    },
    async delegationsOf(agentId) {
      const { rows } = await db.query<{ category: string }>(
        `select d.category from rm_delegations d join rm_accounts a on a.id = d.agent_id and a.active
          where d.agent_id = $1 order by d.category`,
        [agentId],
      );
      return rows.map((r) => r.category);
    },
  };
}
