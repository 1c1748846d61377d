import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type TSchema } from '@sinclair/typebox';
import { CHANNELS } from '@guichet/domain';
import {
  addDays,
  DRILL_METRICS,
  drillDown,
  parisDay,
  queryAlerts,
  statsDimensions,
  statsOverview,
  type DrillMetric,
  type StatsFilter,
} from '@guichet/projections';
import { requireAgent, serviceIdsOf, type AuthUser } from '../plugins/auth.ts';
import { badRequest, forbidden } from '../lib/problem.ts';
import { errorResponses } from '../lib/schemas.ts';

const Day = Type.String({ format: 'date', description: 'Jour (AAAA-MM-JJ, heure de Paris)' });
const Channel = Type.Union(CHANNELS.map((c) => Type.Literal(c)));
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Int = Type.Integer();
const Num = Nullable(Type.Number());

const PeriodQuery = {
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  service: Type.Optional(Type.String({ maxLength: 64 })),
  procedure: Type.Optional(Type.String({ maxLength: 100 })),
  channel: Type.Optional(Channel),
};
const OverviewQuery = Type.Object(PeriodQuery, { additionalProperties: false });
const CasesQuery = Type.Object(
  {
    ...PeriodQuery,
    metric: Type.Union(DRILL_METRICS.map((m) => Type.Literal(m))),
    assignee: Type.Optional(Type.String({ maxLength: 64 })),
    minDays: Type.Optional(Type.Number({ minimum: 0 })),
    maxDays: Type.Optional(Type.Number({ minimum: 0 })),
    score: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);
const AlertsQuery = Type.Object(
  {
    service: Type.Optional(Type.String({ maxLength: 64 })),
    withinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 30 })),
  },
  { additionalProperties: false },
);

const Duration = Type.Object({ count: Int, p50: Num, p90: Num, mean: Num }, { description: 'Heures ouvrées' });
const Overview = Type.Object({
  filter: Type.Object({
    from: Day,
    to: Day,
    serviceIds: Type.Array(Type.String()),
    procedureId: Nullable(Type.String()),
    channel: Nullable(Type.String()),
    now: Type.String(),
  }),
  granularity: Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')]),
  businessDays: Int,
  totals: Type.Object({
    received: Int,
    decided: Int,
    closed: Int,
    closedOnTime: Int,
    reopened: Int,
    backlogStart: Int,
    backlogEnd: Int,
    onTimeRate: Num,
  }),
  current: Type.Object({ open: Int, overdue: Int, waiting: Int, waitingMeanDays: Num, waitingMaxDays: Num }),
  durations: Type.Object({ acknowledgement: Duration, firstResponse: Duration, decision: Duration, closure: Duration }),
  byChannel: Type.Array(Type.Object({ channel: Type.String(), received: Int })),
  series: Type.Array(
    Type.Object({
      period: Day,
      received: Int,
      receivedByChannel: Type.Record(Type.String(), Int),
      decided: Int,
      closed: Int,
      closedOnTime: Int,
      reopened: Int,
      backlog: Int,
    }),
  ),
  resolution: Type.Array(Type.Object({ label: Type.String(), min: Type.Number(), max: Num, count: Int })),
  satisfaction: Type.Object({
    count: Int,
    mean: Num,
    distribution: Type.Array(Type.Object({ score: Int, count: Int })),
  }),
  byService: Type.Array(
    Type.Object({
      serviceId: Type.String(),
      received: Int,
      closed: Int,
      closedOnTime: Int,
      onTimeRate: Num,
      open: Int,
      overdue: Int,
      closureP50: Num,
      satisfactionMean: Num,
    }),
  ),
  workload: Type.Array(
    Type.Object({ agentId: Type.String(), name: Nullable(Type.String()), open: Int, actions: Int, actionsPerDay: Num }),
  ),
  services: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  procedures: Type.Array(
    Type.Object({ id: Type.String(), title: Type.String(), serviceId: Type.String(), deadlineDays: Int }),
  ),
});
const CaseItem = Type.Object({
  caseId: Type.String(),
  reference: Type.String(),
  serviceId: Type.String(),
  procedureId: Type.String(),
  procedureTitle: Nullable(Type.String()),
  channel: Type.String(),
  status: Type.String(),
  assignee: Nullable(Type.String()),
  assigneeName: Nullable(Type.String()),
  submittedAt: Type.String(),
  dueAt: Type.String(),
});
const Cases = Type.Object({
  total: Int,
  items: Type.Array(
    Type.Intersect([
      CaseItem,
      Type.Object({
        closedAt: Nullable(Type.String()),
        closureHours: Num,
        closedOnTime: Nullable(Type.Boolean()),
        ratingScore: Num,
        overdue: Type.Boolean(),
      }),
    ]),
  ),
});
const Alerts = Type.Object({
  now: Type.String(),
  dueSoonBefore: Type.String(),
  services: Type.Array(Type.Object({ serviceId: Type.String(), overdue: Int, dueSoon: Int })),
  items: Type.Array(
    Type.Intersect([CaseItem, Type.Object({ level: Type.Union([Type.Literal('overdue'), Type.Literal('due_soon')]) })]),
  ),
});

/** At most three years at once: beyond, the curves say nothing a yearly export does not. */
const MAX_DAYS = 3 * 366;

/** Services whose figures this agent may see: those where they are manager or administrator. */
export function managedServices(user: AuthUser, asked?: string): string[] {
  const mine = [
    ...new Set(user.roles.filter((r) => r.role === 'manager' || r.role === 'admin').map((r) => r.serviceId)),
  ];
  if (mine.length === 0) throw forbidden('Les indicateurs sont réservés aux responsables et aux administrateurs.');
  if (asked === undefined) return mine;
  if (!mine.includes(asked)) throw forbidden("Vous n'êtes ni responsable ni administrateur de ce service.");
  return [asked];
}

type PeriodParams = { from?: string; to?: string; service?: string; procedure?: string; channel?: string };

function filterOf(req: FastifyRequest, q: PeriodParams): StatsFilter {
  const user = requireAgent(req);
  const now = new Date().toISOString();
  const to = q.to ?? parisDay(now);
  const from = q.from ?? addDays(to, -29);
  if (from > to)
    throw badRequest('La période est inversée.', [
      { field: 'from', message: 'La date de début doit précéder la date de fin.' },
    ]);
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= MAX_DAYS) {
    throw badRequest('La période est trop longue.', [
      { field: 'from', message: 'Choisissez une période de trois ans au plus.' },
    ]);
  }
  return {
    tenant: user.tenant,
    serviceIds: managedServices(user, q.service),
    from,
    to,
    procedureId: q.procedure,
    channel: q.channel,
    now,
  };
}

export default async function statsRoutes(app: FastifyInstance) {
  const tags = ['indicateurs'];

  app.get(
    '/stats/overview',
    {
      schema: {
        tags,
        summary:
          'Indicateurs de qualité de service sur une période : volumes, stock, délais (p50, p90), respect des délais, satisfaction, charge',
        querystring: OverviewQuery,
        response: { 200: Overview, ...errorResponses },
      },
    },
    async (req) => {
      const f = filterOf(req, req.query as PeriodParams);
      const dims = await statsDimensions(app.db, f.tenant);
      const visible = new Set(f.serviceIds);
      return {
        ...(await statsOverview(app.db, f)),
        services: dims.services.filter((s) => visible.has(s.id)),
        procedures: dims.procedures.filter((p) => visible.has(p.serviceId)),
      };
    },
  );

  app.get(
    '/stats/cases',
    {
      schema: {
        tags,
        summary: 'Les demandes derrière un chiffre du tableau de bord',
        querystring: CasesQuery,
        response: { 200: Cases, ...errorResponses },
      },
    },
    async (req) => {
      const q = req.query as PeriodParams & {
        metric: DrillMetric;
        assignee?: string;
        minDays?: number;
        maxDays?: number;
        score?: number;
        limit?: number;
      };
      return drillDown(app.db, {
        ...filterOf(req, q),
        metric: q.metric,
        assignee: q.assignee,
        minDays: q.minDays,
        maxDays: q.maxDays,
        score: q.score,
        limit: q.limit,
      });
    },
  );

  app.get(
    '/stats/alerts',
    {
      schema: {
        tags,
        summary: 'Demandes en retard ou proches de leur échéance, par service (agents : leurs services)',
        querystring: AlertsQuery,
        response: { 200: Alerts, ...errorResponses },
      },
    },
    async (req) => {
      const user = requireAgent(req);
      const q = req.query as { service?: string; withinDays?: number };
      const mine = serviceIdsOf(user);
      if (q.service !== undefined && !mine.includes(q.service)) throw forbidden("Vous n'appartenez pas à ce service.");
      return queryAlerts(app.db, {
        tenant: user.tenant,
        serviceIds: q.service ? [q.service] : mine,
        now: new Date().toISOString(),
        withinBusinessDays: q.withinDays ?? 2,
      });
    },
  );
}
