import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { procedureStreamId, type ProcedureCommand, type ProcedureDefinition } from '@guichet/domain';
import { hasRole, isDelegate, requireAgent, requireUser, type AuthUser } from '../../plugins/auth.ts';
import { forbidden } from '../../lib/problem.ts';
import { AnyObject, errorResponses, IdParams } from '../../lib/schemas.ts';
import { expectedVersionOf } from '../cases/access.ts';
import { diffDefinitions } from './diff.ts';
import { procedureCommands } from './procedures.ts';

/** Administrators moderate every proposal; designers those of their services (the domain checks each one). */
function requireModerator(req: FastifyRequest): AuthUser {
  const user = requireAgent(req);
  if (!hasRole(user, 'designer') && !hasRole(user, 'admin')) {
    throw forbidden('La modération est réservée aux concepteurs et administrateurs.');
  }
  return user;
}

const mayModerate = (user: AuthUser, serviceId: string) =>
  hasRole(user, 'admin') || hasRole(user, 'designer', serviceId);

interface Pending {
  id: string;
  slug: string;
  title: string;
  serviceId: string;
  serviceName: string | null;
  draft: ProcedureDefinition;
  published: ProcedureDefinition | null;
  currentVersion: number | null;
  submittedAt: string;
  submittedBy: string;
  submittedByName: string | null;
  organisation: string | null;
  streamVersion?: number;
}

/**
 * Moderation of what delegates (third parties) propose: they submit a draft of their category, a
 * designer of the owning service or an administrator approves it (published with every check of a
 * publication) or rejects it with a reason the delegate reads.
 */
export default async function adminModerationRoutes(app: FastifyInstance) {
  const tags = ['conception des démarches'];

  const runProcedure = procedureCommands(app);
  const run = async (req: FastifyRequest, id: string, command: ProcedureCommand) => ({
    version: (await runProcedure(req, id, command, expectedVersionOf(req))).version,
  });

  app.get(
    '/admin/moderation',
    {
      schema: {
        tags,
        summary: 'Propositions des délégués en attente de modération, avec ce qu’elles changent',
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      const user = requireModerator(req);
      const { rows } = await app.db.query<Pending>(
        `select p.id, p.slug, p.draft->>'title' as title, p.draft->>'serviceId' as "serviceId", s.name as "serviceName",
                p.draft, v.definition as published, p.current_version as "currentVersion",
                m.submitted_at as "submittedAt", m.submitted_by as "submittedBy", a.name as "submittedByName",
                d.organisation
           from rm_procedure_moderation m
           join rm_procedures p on p.id = m.procedure_id
           left join rm_procedure_versions v on v.procedure_id = p.id and v.version = p.current_version
           left join rm_services s on s.id = p.draft->>'serviceId'
           left join rm_accounts a on a.id = m.submitted_by
           left join rm_delegations d on d.agent_id = m.submitted_by and d.category = p.draft->>'theme'
          where m.status = 'pending' and p.tenant = $1 and not p.retired
          order by m.submitted_at`,
        [user.tenant],
      );
      const mine = rows.filter((r) => mayModerate(user, r.serviceId));
      const items = await Promise.all(
        mine.map(async ({ draft, published, ...r }) => ({
          ...r,
          theme: draft.theme,
          // A first proposal has nothing published to compare with: the whole draft is new.
          changes: published ? diffDefinitions(published, draft) : null,
          streamVersion: await app.store.streamVersion(procedureStreamId(r.id)),
        })),
      );
      return { items };
    },
  );

  app.post(
    '/admin/procedures/:id/submit',
    {
      schema: {
        tags,
        summary: 'Délégué : soumettre le brouillon à la modération (If-Match conseillé)',
        params: IdParams,
        body: Type.Optional(Type.Object({}, { additionalProperties: false })),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      if (!isDelegate(requireUser(req))) {
        throw forbidden('La soumission à la modération concerne les délégués : les concepteurs publient directement.');
      }
      return run(req, (req.params as { id: string }).id, { type: 'SubmitProcedureForModeration', data: {} });
    },
  );

  app.post(
    '/admin/procedures/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approuver la proposition d’un délégué : elle est publiée comme nouvelle version',
        params: IdParams,
        body: Type.Optional(Type.Object({}, { additionalProperties: false })),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      requireModerator(req);
      return run(req, (req.params as { id: string }).id, { type: 'ApproveProcedureModeration', data: {} });
    },
  );

  app.post(
    '/admin/procedures/:id/reject',
    {
      schema: {
        tags,
        summary: 'Refuser la proposition d’un délégué, avec le motif qu’il lira',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      requireModerator(req);
      const { reason } = req.body as { reason: string };
      return run(req, (req.params as { id: string }).id, { type: 'RejectProcedureModeration', data: { reason } });
    },
  );
}
