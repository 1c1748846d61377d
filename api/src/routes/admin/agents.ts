import type { FastifyInstance, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import {
  agentDecider,
  agentStreamId,
  organisationDecider,
  serviceStreamId,
  ROLES,
  type AgentCommand,
  type Role,
} from '@guichet/domain';
import { hasRole, requireAgent, type AuthUser } from '../../plugins/auth.ts';
import { commandMeta } from '../../plugins/idempotency.ts';
import { runCommand } from '../../lib/commands.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { uuidFrom } from '../../lib/ids.ts';
import { badRequest, conflict, forbidden } from '../../lib/problem.ts';
import { AnyObject, errorResponses, IdParams } from '../../lib/schemas.ts';

const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));
const RoleBody = Type.Object(
  { serviceId: Type.String({ minLength: 1, maxLength: 64 }), role: RoleSchema },
  { additionalProperties: false },
);

export function requireAdmin(req: FastifyRequest): AuthUser {
  const user = requireAgent(req);
  if (!hasRole(user, 'admin')) throw forbidden("L'administration des comptes est réservée aux administrateurs.");
  return user;
}

/** A first password the administrator hands over; the agent is asked to change it. */
export const temporaryPassword = () => randomBytes(12).toString('base64url');

/** Runs an account command for the requesting administrator; answers once the read models show it. */
export function agentCommands(app: FastifyInstance) {
  return async function run(req: FastifyRequest, agentId: string, command: AgentCommand, expectedVersion?: number) {
    const result = await runCommand(app, {
      streamId: agentStreamId(agentId),
      decider: agentDecider,
      command,
      meta: commandMeta(req, req.user!.tenant),
      expectedVersion,
    });
    if (result.positions.length > 0) await app.waitForProjections(result.positions.at(-1)!);
    return { version: result.version };
  };
}

export default async function adminAgentRoutes(app: FastifyInstance) {
  const tags = ['administration'];
  const run = agentCommands(app);

  app.get(
    '/admin/agents',
    {
      schema: {
        tags,
        summary: 'Comptes des agents et leurs rôles par service',
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      const user = requireAdmin(req);
      const { rows } = await app.db.query(
        `select a.id, a.name, a.email, a.active,
              coalesce(json_agg(json_build_object('serviceId', r.service_id, 'role', r.role) order by r.service_id, r.role)
                       filter (where r.agent_id is not null), '[]') as roles
         from rm_accounts a left join rm_agent_roles r on r.agent_id = a.id
        where a.kind = 'agent' and a.tenant = $1
          -- Third parties with a delegation have their own page (GET /admin/delegations).
          and not exists (select 1 from rm_delegations d where d.agent_id = a.id)
        group by a.id, a.name, a.email, a.active order by a.name`,
        [user.tenant],
      );
      return { items: rows };
    },
  );

  app.post(
    '/admin/agents',
    {
      schema: {
        tags,
        summary: 'Inviter un agent : crée son compte, ses rôles, et un mot de passe provisoire à lui transmettre',
        body: Type.Object(
          {
            email: Type.String({ format: 'email', maxLength: 254 }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            roles: Type.Array(RoleBody, { maxItems: 50 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: AnyObject, ...errorResponses },
      },
    },
    async (req, reply) => {
      const user = requireAdmin(req);
      const body = req.body as { email: string; name: string; roles: { serviceId: string; role: Role }[] };
      const email = body.email.trim().toLowerCase();
      if (await app.directory.findAccountByEmail(email)) {
        throw conflict('Un compte existe déjà avec cette adresse.', {
          errors: [{ field: 'email', message: 'Adresse déjà utilisée.' }],
        });
      }
      const services = new Set(
        (await app.queries.listServices()).filter((s) => s.tenant === user.tenant).map((s) => s.id),
      );
      const unknown = body.roles.findIndex((r) => !services.has(r.serviceId));
      if (unknown >= 0)
        throw badRequest('Service inconnu.', [{ field: `roles.${unknown}.serviceId`, message: 'Service inconnu.' }]);
      const agentId = uuidFrom('agent', user.tenant, email);
      const password = temporaryPassword();
      await run(
        req,
        agentId,
        {
          type: 'CreateAgentAccount',
          data: { agentId, email, name: body.name, passwordHash: await hashPassword(password) },
        },
        0,
      );
      for (const r of body.roles) await run(req, agentId, { type: 'GrantRole', data: r });
      return reply.code(201).send({ id: agentId, email, temporaryPassword: password });
    },
  );

  app.post(
    '/admin/agents/:id/roles',
    {
      schema: {
        tags,
        summary: 'Donner un rôle dans un service',
        params: IdParams,
        body: RoleBody,
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      requireAdmin(req);
      return run(req, (req.params as { id: string }).id, {
        type: 'GrantRole',
        data: req.body as { serviceId: string; role: Role },
      });
    },
  );

  app.delete(
    '/admin/agents/:id/roles/:serviceId/:role',
    {
      schema: {
        tags,
        summary: 'Retirer un rôle',
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          serviceId: Type.String({ maxLength: 64 }),
          role: RoleSchema,
        }),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      requireAdmin(req);
      const { id, serviceId, role } = req.params as { id: string; serviceId: string; role: Role };
      return run(req, id, { type: 'RevokeRole', data: { serviceId, role } });
    },
  );

  app.post(
    '/admin/agents/:id/deactivate',
    {
      schema: {
        tags,
        summary: 'Désactiver un compte (ses sessions sont fermées)',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      requireAdmin(req);
      const { id } = req.params as { id: string };
      const answer = await run(req, id, { type: 'DeactivateAgent', data: req.body as { reason: string } });
      await app.db.query('delete from api_sessions where account_id = $1', [id]);
      return answer;
    },
  );

  app.post(
    '/admin/agents/:id/reset-access',
    {
      schema: {
        tags,
        summary: "Réinitialiser l'accès : nouveau mot de passe provisoire, sessions fermées",
        params: IdParams,
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      requireAdmin(req);
      const { id } = req.params as { id: string };
      const password = temporaryPassword();
      const answer = await run(req, id, {
        type: 'ResetAgentPassword',
        data: { passwordHash: await hashPassword(password) },
      });
      await app.db.query('delete from api_sessions where account_id = $1', [id]);
      return { ...answer, temporaryPassword: password };
    },
  );

  app.post(
    '/admin/agents/:id/reactivate',
    {
      schema: {
        tags,
        summary: 'Réactiver un compte',
        params: IdParams,
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      requireAdmin(req);
      return run(req, (req.params as { id: string }).id, { type: 'ReactivateAgent', data: {} });
    },
  );

  app.get(
    '/admin/audit',
    {
      schema: {
        tags,
        summary: 'Journal des actions administratives (démarches, comptes, rôles, services)',
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            before: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      const user = requireAdmin(req);
      const { limit = 100, before } = req.query as { limit?: number; before?: number };
      const { rows } = await app.db.query(
        `select a.position, a.at, a.actor, coalesce(acc.name, a.actor) as "actorName", a.type, a.stream_id as "streamId", a.summary
           from rm_audit a left join rm_accounts acc on acc.id = a.actor
          where a.tenant = $1 and ($2::bigint is null or a.position < $2)
          order by a.position desc limit $3`,
        [user.tenant, before ?? null, limit],
      );
      return { items: rows };
    },
  );

  app.post(
    '/admin/services',
    {
      schema: {
        tags,
        summary: 'Créer un service',
        body: Type.Object(
          {
            id: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: AnyObject, ...errorResponses },
      },
    },
    async (req, reply) => {
      const user = requireAdmin(req);
      const { id, name } = req.body as { id: string; name: string };
      const result = await runCommand(app, {
        streamId: serviceStreamId(id),
        decider: organisationDecider,
        command: { type: 'CreateService', data: { serviceId: id, name } },
        meta: commandMeta(req, user.tenant),
        expectedVersion: 0,
      });
      await app.waitForProjections(result.positions.at(-1)!);
      return reply.code(201).send({ id });
    },
  );
}
