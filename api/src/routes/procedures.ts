import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { notFound } from '../lib/problem.ts';
import { AnyObject, errorResponses } from '../lib/schemas.ts';

export default async function procedureRoutes(app: FastifyInstance) {
  const tags = ['démarches'];

  app.get(
    '/procedures',
    {
      schema: {
        tags,
        summary: 'Catalogue des démarches publiées',
        querystring: Type.Object(
          {
            theme: Type.Optional(Type.String({ maxLength: 60 })),
            q: Type.Optional(Type.String({ maxLength: 200 })),
            /** The organisation whose catalogue is listed; by default the agent's own, else the installation's. */
            tenant: Type.Optional(Type.String({ maxLength: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      const { theme, q, tenant } = req.query as { theme?: string; q?: string; tenant?: string };
      const catalogueOf = tenant || (req.user?.kind === 'agent' ? req.user.tenant : app.config.tenant);
      return { items: await app.queries.listProcedures({ theme, q: q?.trim() || undefined, tenant: catalogueOf }) };
    },
  );

  app.get(
    '/procedures/:idOrSlug',
    {
      schema: {
        tags,
        summary: "Une démarche : formulaire et circuit de sa version publiée (ou d'une version donnée)",
        params: Type.Object({ idOrSlug: Type.String({ minLength: 1, maxLength: 100 }) }),
        querystring: Type.Object(
          { version: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      const { idOrSlug } = req.params as { idOrSlug: string };
      const { version } = req.query as { version?: number };
      const p = await app.queries.getProcedure(idOrSlug, version);
      if (!p) throw notFound("Cette démarche n'existe pas.");
      return p;
    },
  );

  app.get(
    '/services',
    { schema: { tags, summary: 'Services de la commune', response: { 200: AnyObject } } },
    async () => ({ items: await app.queries.listServices() }),
  );
}
