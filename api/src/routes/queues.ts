import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { filter } from 'rxjs';
import { requireAgent, serviceIdsOf } from '../plugins/auth.ts';
import { forbidden } from '../lib/problem.ts';
import { AnyObject, errorResponses } from '../lib/schemas.ts';
import { openSse } from '../lib/sse.ts';
import { summaryFor } from './cases/views.ts';

const Status = Type.Union(
  ['submitted', 'in_progress', 'waiting_citizen', 'decided', 'closed', 'open'].map((s) => Type.Literal(s)),
);
const Bool = Type.Union([Type.Literal('true'), Type.Literal('false')]);

const QueueQuery = Type.Object(
  {
    service: Type.Optional(Type.String({ maxLength: 64 })),
    status: Type.Optional(Status),
    assignee: Type.Optional(Type.String({ maxLength: 64 })),
    mine: Type.Optional(Bool),
    unassigned: Type.Optional(Bool),
    overdue: Type.Optional(Bool),
    channel: Type.Optional(Type.Union(['web', 'phone', 'email', 'letter', 'counter'].map((c) => Type.Literal(c)))),
    procedure: Type.Optional(Type.String({ maxLength: 100 })),
    sort: Type.Optional(Type.Union([Type.Literal('due'), Type.Literal('activity')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);

const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    reference: Type.Optional(Type.String({ maxLength: 40 })),
    procedure: Type.Optional(Type.String({ maxLength: 100 })),
    status: Type.Optional(Status),
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
    citizen: Type.Optional(Type.String({ maxLength: 64 })),
    service: Type.Optional(Type.String({ maxLength: 64 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);

export default async function queueRoutes(app: FastifyInstance) {
  const tags = ['agents'];

  /** The services the agent asked for, never beyond the ones they belong to. */
  function servicesFor(agentServices: string[], asked: string | undefined): string[] {
    if (!asked) return agentServices;
    if (!agentServices.includes(asked)) throw forbidden("Vous n'appartenez pas à ce service.");
    return [asked];
  }

  app.get(
    '/queues',
    {
      schema: {
        tags,
        summary: "File d'attente des demandes de mes services",
        querystring: QueueQuery,
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      const user = requireAgent(req);
      const q = req.query as Record<string, string | number | undefined>;
      const result = await app.queries.queue({
        serviceIds: servicesFor(serviceIdsOf(user), q.service as string | undefined),
        status: q.status as string | undefined,
        assignee: q.mine === 'true' ? user.id : (q.assignee as string | undefined),
        unassigned: q.unassigned === 'true',
        overdue: q.overdue === 'true',
        channel: q.channel as string | undefined,
        procedureId: q.procedure as string | undefined,
        sort: q.sort === 'activity' ? 'activity' : 'due',
        limit: (q.limit as number | undefined) ?? 100,
        now: new Date().toISOString(),
        viewerId: user.id,
      });
      return { items: result.items.map((c) => summaryFor(c, 'agent')), counts: result.counts };
    },
  );

  app.get(
    '/queues/live',
    { schema: { tags, summary: 'Flux en direct des demandes de mes services (SSE)' } },
    async (req, reply) => {
      const user = requireAgent(req);
      const services = new Set(serviceIdsOf(user));
      const sse = openSse(req, reply);
      const sub = app.changes
        .pipe(filter((n) => n.serviceIds.some((s) => services.has(s))))
        .subscribe((n) =>
          sse.send('case', { caseIds: n.caseIds, serviceIds: n.serviceIds.filter((s) => services.has(s)) }, n.position),
        );
      sse.onClose(() => sub.unsubscribe());
    },
  );

  app.get(
    '/search',
    {
      schema: {
        tags,
        summary: 'Rechercher dans les demandes de mes services (plein texte, français)',
        querystring: SearchQuery,
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      const user = requireAgent(req);
      const q = req.query as Record<string, string | number | undefined>;
      const items = await app.queries.search({
        serviceIds: servicesFor(serviceIdsOf(user), q.service as string | undefined),
        text: (q.q as string | undefined)?.trim() || undefined,
        reference: q.reference as string | undefined,
        procedureId: q.procedure as string | undefined,
        status: q.status as string | undefined,
        from: q.from as string | undefined,
        to: q.to as string | undefined,
        citizenId: q.citizen as string | undefined,
        limit: (q.limit as number | undefined) ?? 50,
      });
      return { items: items.map((c) => summaryFor(c, 'agent')) };
    },
  );
}
