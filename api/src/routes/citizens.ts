import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { citizenDecider, citizenStreamId } from '@guichet/domain';
import { requireAgent, serviceIdsOf } from '../plugins/auth.ts';
import { commandMeta } from '../plugins/idempotency.ts';
import { runCommand } from '../lib/commands.ts';
import { newId, uuidFrom } from '../lib/ids.ts';
import { forbidden, notFound } from '../lib/problem.ts';
import { AnyObject, errorResponses, Profile } from '../lib/schemas.ts';

export default async function citizenRoutes(app: FastifyInstance) {
  const tags = ['agents'];

  app.get(
    '/citizens',
    {
      schema: {
        tags,
        summary: 'Trouver un usager (nom, e-mail, téléphone) pour enregistrer une demande à sa place',
        querystring: Type.Object({ q: Type.String({ minLength: 2, maxLength: 100 }) }, { additionalProperties: false }),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      const user = requireAgent(req);
      return { items: await app.queries.findCitizens((req.query as { q: string }).q, user.tenant) };
    },
  );

  app.post(
    '/citizens',
    {
      schema: {
        tags,
        summary: 'Créer un contact (usager sans compte) pour une demande reçue par téléphone, courrier ou à l’accueil',
        body: Type.Object({ profile: Profile }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Type.String() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const user = requireAgent(req);
      const citizenId = req.idempotencyKey ? uuidFrom('contact', req.idempotencyKey) : newId();
      const result = await runCommand(app, {
        streamId: citizenStreamId(citizenId),
        decider: citizenDecider,
        command: {
          type: 'CreateCitizenContact',
          data: { citizenId, profile: (req.body as { profile: never }).profile },
        },
        meta: commandMeta(req, user.tenant, 'counter'),
        expectedVersion: 0,
      });
      await app.waitForProjections(result.positions.at(-1)!);
      return reply.code(201).send({ id: citizenId });
    },
  );

  app.get(
    '/citizens/:id/history',
    {
      schema: {
        tags,
        summary: "Historique d'un usager, limité aux demandes de mes services",
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      const user = requireAgent(req);
      const { id } = req.params as { id: string };
      // One resident account serves every organisation: another one's agents learn nothing of it
      // unless the resident has a request with theirs.
      const { rows } = await app.db.query(
        `select 1 from rm_accounts a where a.id = $1 and a.kind = 'citizen'
            and (a.tenant = $2 or exists (select 1 from rm_cases c where c.citizen_id = a.id and c.tenant = $2))`,
        [id, user.tenant],
      );
      if (rows.length === 0) throw notFound('Usager introuvable.');
      return {
        profile: await app.queries.citizenProfile(id),
        items: await app.queries.citizenHistory(id, serviceIdsOf(user)),
      };
    },
  );

  app.get(
    '/agents',
    {
      schema: {
        tags,
        summary: 'Collègues de mes services (pour attribuer une demande)',
        querystring: Type.Object(
          { service: Type.Optional(Type.String({ maxLength: 64 })) },
          { additionalProperties: false },
        ),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      const user = requireAgent(req);
      const mine = serviceIdsOf(user);
      const asked = (req.query as { service?: string }).service;
      if (asked && !mine.includes(asked)) throw forbidden("Vous n'appartenez pas à ce service.");
      return { items: await app.queries.agents(asked ? [asked] : mine) };
    },
  );
}
