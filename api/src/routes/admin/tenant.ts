import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { LOGO_MEDIA_TYPES, MAX_LOGO_BYTES, MIN_CONTRAST } from '@guichet/domain';
import { getTenantPortal } from '@guichet/projections';
import { hasRole, requireAgent, type AuthUser } from '../../plugins/auth.ts';
import { commandMeta } from '../../plugins/idempotency.ts';
import { resolveDocuments } from '../../lib/documents.ts';
import { forbidden, notFound } from '../../lib/problem.ts';
import { currentBranding, setTenantBranding } from '../../lib/tenants.ts';
import { errorResponses, Uuid } from '../../lib/schemas.ts';
import { publicTenant, TenantAnswer } from '../tenants.ts';

const BrandingBody = Type.Object(
  {
    name: Type.String({ maxLength: 200 }),
    tagline: Type.Optional(Type.Union([Type.String({ maxLength: 400 }), Type.Null()])),
    primaryColour: Type.String({ maxLength: 20 }),
    accentColour: Type.String({ maxLength: 20 }),
    /** An uploaded PNG/JPEG (`POST /documents`); null removes the logo; absent keeps it. */
    logo: Type.Optional(Type.Union([Uuid, Type.Null()])),
  },
  { additionalProperties: false },
);

const Rules = Type.Object({
  logoMediaTypes: Type.Array(Type.String()),
  maxLogoBytes: Type.Integer(),
  minContrast: Type.Number(),
});

const AdminTenantAnswer = Type.Composite([
  TenantAnswer,
  Type.Object({ logoFileName: Type.Union([Type.String(), Type.Null()]), rules: Rules }),
]);

function requireTenantAdmin(req: FastifyRequest): AuthUser {
  const user = requireAgent(req);
  if (!hasRole(user, 'admin')) throw forbidden("L'identité de la collectivité est réservée à ses administrateurs.");
  return user;
}

const RULES = { logoMediaTypes: [...LOGO_MEDIA_TYPES], maxLogoBytes: MAX_LOGO_BYTES, minContrast: MIN_CONTRAST };

export default async function adminTenantRoutes(app: FastifyInstance) {
  const tags = ['administration'];

  async function answer(tenant: string) {
    const t = await getTenantPortal(app.db, tenant);
    if (!t) throw notFound('Collectivité introuvable.');
    return { ...publicTenant(t), logoFileName: t.logo?.fileName ?? null, rules: RULES };
  }

  app.get(
    '/admin/tenant',
    {
      schema: {
        tags,
        summary: 'Identité de ma collectivité (nom, présentation, couleurs, logo) et les règles qui s’y appliquent',
        response: {
          200: AdminTenantAnswer,
          ...errorResponses,
        },
      },
    },
    async (req) => answer(requireTenantAdmin(req).tenant),
  );

  app.put(
    '/admin/tenant/branding',
    {
      schema: {
        tags,
        summary:
          'Changer l’identité de ma collectivité : couleurs lisibles sous un texte blanc (contraste 4,5:1), logo PNG ou JPEG de 512 Ko au plus',
        body: BrandingBody,
        response: {
          200: AdminTenantAnswer,
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const user = requireTenantAdmin(req);
      const body = req.body as Static<typeof BrandingBody>;
      const current = await currentBranding(app.store, user.tenant);
      if (!current) throw notFound('Collectivité introuvable.');
      const logo =
        body.logo === undefined
          ? current.logo
          : body.logo === null
            ? null
            : (await resolveDocuments(app, req, [body.logo], () => 'logo'))[0]!;
      const result = await setTenantBranding(
        app,
        {
          name: body.name,
          tagline: body.tagline ?? null,
          primaryColour: body.primaryColour,
          accentColour: body.accentColour,
          logo,
        },
        commandMeta(req, user.tenant),
      );
      if (result.positions.length > 0) await app.waitForProjections(result.positions.at(-1)!);
      return answer(user.tenant);
    },
  );
}
