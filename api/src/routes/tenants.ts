import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { DEFAULT_BRANDING_COLOURS } from '@guichet/domain';
import { getTenantPortal, listTenantPortals, type TenantPortal } from '@guichet/projections';
import { notFound } from '../lib/problem.ts';
import { errorResponses } from '../lib/schemas.ts';

const TenantId = Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' });

export const TenantAnswer = Type.Object({
  id: Type.String(),
  name: Type.String(),
  tagline: Type.Union([Type.String(), Type.Null()]),
  primaryColour: Type.String(),
  accentColour: Type.String(),
  /** Path of the logo under the API (changes with its content), or null without a logo. */
  logoUrl: Type.Union([Type.String(), Type.Null()]),
});

/** An organisation as residents see it: unbranded ones get the default colours. */
export function publicTenant(t: TenantPortal) {
  return {
    id: t.id,
    name: t.name,
    tagline: t.tagline,
    primaryColour: t.primaryColour ?? DEFAULT_BRANDING_COLOURS.primaryColour,
    accentColour: t.accentColour ?? DEFAULT_BRANDING_COLOURS.accentColour,
    logoUrl: t.logo ? `/api/v1/tenants/${t.id}/logo?v=${t.logo.sha256.slice(0, 12)}` : null,
  };
}

export default async function tenantRoutes(app: FastifyInstance) {
  const tags = ['collectivités'];

  app.get(
    '/tenants',
    {
      schema: {
        tags,
        summary:
          "Les collectivités de l'installation (commune, CCAS/CPAS, intercommunalité…) et leur identité visuelle",
        response: {
          200: Type.Object({ items: Type.Array(TenantAnswer), defaultTenant: Type.String() }),
        },
      },
    },
    async () => ({
      items: (await listTenantPortals(app.db)).map(publicTenant),
      defaultTenant: app.config.tenant,
    }),
  );

  app.get(
    '/tenants/:id',
    {
      schema: {
        tags,
        summary: 'Une collectivité : nom, présentation, couleurs, logo',
        params: Type.Object({ id: TenantId }),
        response: { 200: TenantAnswer, ...errorResponses },
      },
    },
    async (req) => {
      const t = await getTenantPortal(app.db, (req.params as { id: string }).id);
      if (!t) throw notFound('Collectivité introuvable.');
      return publicTenant(t);
    },
  );

  app.get(
    '/tenants/:id/logo',
    {
      schema: {
        tags,
        summary: "Le logo d'une collectivité (PNG ou JPEG)",
        params: Type.Object({ id: TenantId }),
        querystring: Type.Object({ v: Type.Optional(Type.String({ maxLength: 64 })) }),
      },
    },
    async (req, reply) => {
      const t = await getTenantPortal(app.db, (req.params as { id: string }).id);
      if (!t?.logo) throw notFound("Cette collectivité n'a pas de logo.");
      const stream = await app.blobs.get(t.logo.sha256);
      if (!stream) throw notFound('Le contenu du logo est introuvable.');
      return reply
        .type(t.logo.mediaType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'")
        .header('cache-control', 'public, max-age=300')
        .send(stream);
    },
  );
}
