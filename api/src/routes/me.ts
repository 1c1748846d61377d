import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { citizenDecider, citizenStreamId } from '@guichet/domain';
import { requireCitizen } from '../plugins/auth.ts';
import { commandMeta } from '../plugins/idempotency.ts';
import { runCommand } from '../lib/commands.ts';
import { notFound, Problem } from '../lib/problem.ts';
import { AnyObject, errorResponses, Profile } from '../lib/schemas.ts';
import { caseViewFor, summaryFor } from './cases/views.ts';

const ProcedureParam = Type.Object({ procedureId: Type.String({ minLength: 1, maxLength: 100 }) });

export default async function meRoutes(app: FastifyInstance) {
  const tags = ['usager'];

  app.get(
    '/me',
    { schema: { tags, summary: 'Mon compte', response: { 200: AnyObject, ...errorResponses } } },
    async (req) => {
      const user = requireCitizen(req);
      return { user, profile: await app.queries.citizenProfile(user.id) };
    },
  );

  app.put(
    '/me/profile',
    {
      schema: {
        tags,
        summary: 'Modifier mon profil (il pré-remplit les formulaires)',
        body: Type.Object({ profile: Profile }, { additionalProperties: false }),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      const user = requireCitizen(req);
      const { profile } = req.body as { profile: Record<string, unknown> };
      const result = await runCommand(app, {
        streamId: citizenStreamId(user.id),
        decider: citizenDecider,
        command: {
          type: 'UpdateCitizenProfile',
          data: { profile: { ...profile, email: profile.email ?? user.email } as never },
        },
        meta: commandMeta(req, user.tenant),
      });
      if (result.positions.length > 0) await app.waitForProjections(result.positions.at(-1)!);
      return { profile: await app.queries.citizenProfile(user.id) };
    },
  );

  app.get(
    '/me/cases',
    { schema: { tags, summary: 'Mes demandes', response: { 200: AnyObject, ...errorResponses } } },
    async (req) => {
      const user = requireCitizen(req);
      const items = await app.queries.citizenCases(user.id);
      return { items: items.map((c) => summaryFor(c, 'citizen')) };
    },
  );

  app.get(
    '/me/history',
    {
      schema: {
        tags,
        summary: 'Mon historique : tous mes échanges avec la mairie',
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => ({ items: await app.queries.citizenHistory(requireCitizen(req).id) }),
  );

  app.get(
    '/me/export',
    {
      schema: {
        tags,
        summary: 'Toutes mes données (JSON téléchargeable)',
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req, reply) => {
      const user = requireCitizen(req);
      const cases = await app.queries.citizenCases(user.id);
      const requests = [];
      for (const summary of cases) {
        const c = await app.queries.getCase(summary.id);
        if (!c) continue;
        requests.push({
          ...(await caseViewFor(app, c, 'citizen')),
          timeline: await app.queries.timeline(c.id, 'citizen'),
        });
      }
      const { rows: drafts } = await app.db.query(
        'select procedure_id as "procedureId", data, updated_at as "updatedAt" from api_drafts where citizen_id = $1',
        [user.id],
      );
      reply.header(
        'content-disposition',
        `attachment; filename="mes-donnees-guichet-${new Date().toISOString().slice(0, 10)}.json"`,
      );
      return {
        exportedAt: new Date().toISOString(),
        account: { id: user.id, email: user.email, tenant: user.tenant },
        profile: await app.queries.citizenProfile(user.id),
        requests,
        drafts,
        history: await app.queries.citizenHistory(user.id),
      };
    },
  );

  app.get(
    '/me/drafts',
    { schema: { tags, summary: 'Mes brouillons', response: { 200: AnyObject, ...errorResponses } } },
    async (req) => {
      const user = requireCitizen(req);
      const { rows } = await app.db.query(
        'select procedure_id as "procedureId", data, updated_at as "updatedAt" from api_drafts where citizen_id = $1 order by updated_at desc',
        [user.id],
      );
      return { items: rows };
    },
  );

  app.get(
    '/me/drafts/:procedureId',
    {
      schema: {
        tags,
        summary: 'Un brouillon',
        params: ProcedureParam,
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      const user = requireCitizen(req);
      const { rows } = await app.db.query(
        'select procedure_id as "procedureId", data, updated_at as "updatedAt" from api_drafts where citizen_id = $1 and procedure_id = $2',
        [user.id, (req.params as { procedureId: string }).procedureId],
      );
      if (!rows[0]) throw notFound('Aucun brouillon pour cette démarche.');
      return rows[0];
    },
  );

  app.put(
    '/me/drafts/:procedureId',
    {
      schema: {
        tags,
        summary: 'Enregistrer un brouillon (non envoyé à la mairie)',
        params: ProcedureParam,
        body: Type.Object({ data: AnyObject }, { additionalProperties: false }),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      const user = requireCitizen(req);
      const { procedureId } = req.params as { procedureId: string };
      if (!(await app.queries.getProcedure(procedureId))) throw notFound('Démarche inconnue.');
      const data = (req.body as { data: Record<string, unknown> }).data;
      if (JSON.stringify(data).length > 200_000)
        throw new Problem(413, 'Trop volumineux', 'Brouillon trop volumineux.');
      const { rows } = await app.db.query(
        `insert into api_drafts (citizen_id, procedure_id, data) values ($1, $2, $3)
         on conflict (citizen_id, procedure_id) do update set data = excluded.data, updated_at = now()
         returning procedure_id as "procedureId", data, updated_at as "updatedAt"`,
        [user.id, procedureId, JSON.stringify(data)],
      );
      return rows[0]!;
    },
  );

  app.delete(
    '/me/drafts/:procedureId',
    { schema: { tags, summary: 'Supprimer un brouillon', params: ProcedureParam } },
    async (req, reply) => {
      const user = requireCitizen(req);
      await app.db.query('delete from api_drafts where citizen_id = $1 and procedure_id = $2', [
        user.id,
        (req.params as { procedureId: string }).procedureId,
      ]);
      return reply.code(204).send();
    },
  );
}
