import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { hashPassword } from '../../lib/passwords.ts';
import { uuidFrom } from '../../lib/ids.ts';
import { conflict, notFound } from '../../lib/problem.ts';
import { AnyObject, errorResponses } from '../../lib/schemas.ts';
import { agentCommands, requireAdmin, temporaryPassword } from './agents.ts';

const Category = Type.String({ minLength: 1, maxLength: 100 });

/**
 * Delegation of a procedure category (theme) to a third party — the president of an association,
 * an elected official: an account without any service role, which drafts the procedures of that
 * category and submits them for moderation (see moderation.ts).
 */
export default async function adminDelegationRoutes(app: FastifyInstance) {
  const tags = ['administration'];

  const run = agentCommands(app);

  app.get(
    '/admin/delegations',
    {
      schema: {
        tags,
        summary: 'Délégués extérieurs et catégories de démarches qui leur sont déléguées',
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      const user = requireAdmin(req);
      const { rows: items } = await app.db.query(
        `select a.id, a.name, a.email, a.active,
                json_agg(json_build_object('category', d.category, 'organisation', d.organisation,
                                           'delegatedAt', d.delegated_at) order by d.category) as delegations
           from rm_accounts a join rm_delegations d on d.agent_id = a.id
          where a.kind = 'agent' and a.tenant = $1
          group by a.id, a.name, a.email, a.active order by a.name`,
        [user.tenant],
      );
      // The categories the town's procedures use, so the form offers them.
      const { rows } = await app.db.query<{ category: string }>(
        `select distinct draft->>'theme' as category from rm_procedures where tenant = $1 and not retired order by 1`,
        [user.tenant],
      );
      return { items, categories: rows.map((r) => r.category) };
    },
  );

  app.post(
    '/admin/delegations',
    {
      schema: {
        tags,
        summary:
          'Déléguer une catégorie à un tiers : crée son compte (mot de passe provisoire à lui transmettre) ou ajoute la catégorie',
        body: Type.Object(
          {
            email: Type.String({ format: 'email', maxLength: 254 }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            organisation: Type.String({ minLength: 1, maxLength: 200 }),
            category: Category,
          },
          { additionalProperties: false },
        ),
        response: { 201: AnyObject, ...errorResponses },
      },
    },
    async (req, reply) => {
      const user = requireAdmin(req);
      const body = req.body as { email: string; name: string; organisation: string; category: string };
      const email = body.email.trim().toLowerCase();
      const existing = await app.directory.findAccountByEmail(email);
      const delegate = {
        type: 'DelegateCategory' as const,
        data: { category: body.category, organisation: body.organisation },
      };
      if (existing) {
        // An existing third party gets one more category; a resident's or a staff account never becomes a delegate.
        const staff = existing.kind === 'agent' && (await app.directory.rolesOf(existing.id)).length > 0;
        if (existing.kind !== 'agent' || existing.tenant !== user.tenant || staff) {
          throw conflict('Un compte existe déjà avec cette adresse.', {
            errors: [{ field: 'email', message: 'Adresse déjà utilisée par un usager ou un agent de la commune.' }],
          });
        }
        const answer = await run(req, existing.id, delegate);
        return reply.code(201).send({ id: existing.id, email, ...answer });
      }
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
      const answer = await run(req, agentId, delegate);
      return reply.code(201).send({ id: agentId, email, temporaryPassword: password, ...answer });
    },
  );

  app.delete(
    '/admin/delegations/:id/:category',
    {
      schema: {
        tags,
        summary: 'Retirer une délégation : le délégué perd aussitôt l’accès à cette catégorie',
        params: Type.Object({ id: Type.String({ format: 'uuid' }), category: Category }),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      const user = requireAdmin(req);
      const { id, category } = req.params as { id: string; category: string };
      const { rows } = await app.db.query<{ tenant: string }>('select tenant from rm_accounts where id = $1', [id]);
      if (rows[0]?.tenant !== user.tenant) throw notFound('Délégué introuvable.');
      const answer = await run(req, id, { type: 'RevokeDelegation', data: { category } });
      // Nothing left to do here: the sessions of a delegate without any category end now.
      if ((await app.directory.delegationsOf(id)).length === 0) {
        await app.db.query('delete from api_sessions where account_id = $1', [id]);
      }
      return answer;
    },
  );
}
