import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import {
  procedureDecider,
  procedureStreamId,
  validateProcedureDefinition,
  type ProcedureCommand,
  type ProcedureDefinition,
} from '@guichet/domain';
import { hasRole, isDelegate, requireAgent, requireUser, type AuthUser } from '../../plugins/auth.ts';
import { commandMeta } from '../../plugins/idempotency.ts';
import { runCommand } from '../../lib/commands.ts';
import { newId, uuidFrom } from '../../lib/ids.ts';
import { badRequest, forbidden, notFound } from '../../lib/problem.ts';
import { AnyObject, errorResponses, IdParams } from '../../lib/schemas.ts';
import { expectedVersionOf } from '../cases/access.ts';
import { diffDefinitions } from './diff.ts';
import { draftConflict } from './draft-conflict.ts';

const EXPORT_FORMAT = 'guichet-procedure/1';
const Definition = Type.Object(
  {},
  { additionalProperties: true, description: 'ProcedureDefinition (voir domain/src/procedure/events.ts)' },
);

/**
 * Designers and admins; the domain checks the owning service of each procedure. Delegates (third
 * parties) come in too, for the procedures of their categories only, and never publish.
 */
function requireDesigner(req: FastifyRequest): AuthUser {
  if (req.user && isDelegate(requireUser(req))) return req.user;
  const user = requireAgent(req);
  if (!hasRole(user, 'designer') && !hasRole(user, 'admin')) {
    throw forbidden('La conception des démarches est réservée aux concepteurs et administrateurs.');
  }
  return user;
}

const mayDesign = (user: AuthUser, serviceId: string) =>
  hasRole(user, 'admin') || user.roles.some((r) => r.serviceId === serviceId && r.role === 'designer');

/** What a person may open: their services' procedures, or for a delegate those whose draft is in their categories. */
const mayOpen = (user: AuthUser, row: { serviceId: string; draftTheme: string }) =>
  isDelegate(user) ? user.delegations!.includes(row.draftTheme) : mayDesign(user, row.serviceId);

interface AdminRow {
  id: string;
  slug: string;
  title: string;
  theme: string;
  serviceId: string;
  currentVersion: number | null;
  retired: boolean;
  draft: ProcedureDefinition;
  updatedAt: string;
}

/** Runs a procedure command for the requesting person; answers once the read models show it. */
export function procedureCommands(app: FastifyInstance) {
  return async function run(
    req: FastifyRequest,
    id: string,
    command: ProcedureCommand,
    expectedVersion?: number,
    meta = commandMeta(req, req.user!.tenant),
  ) {
    const result = await runCommand(app, {
      streamId: procedureStreamId(id),
      decider: procedureDecider,
      command,
      meta,
      expectedVersion,
    });
    if (result.positions.length > 0) await app.waitForProjections(result.positions.at(-1)!);
    return result;
  };
}

export default async function adminProcedureRoutes(app: FastifyInstance) {
  const tags = ['conception des démarches'];

  async function requireTenantService(user: AuthUser, serviceId: unknown) {
    const services = await app.queries.listServices();
    if (!services.some((s) => s.id === serviceId && s.tenant === user.tenant)) {
      throw badRequest('Service inconnu.', [
        { field: 'definition.serviceId', message: 'Choisissez un service de la commune.' },
      ]);
    }
  }

  async function load(id: string, user: AuthUser) {
    const { rows } = await app.db.query<AdminRow & { tenant: string; draftTheme: string }>(
      `select id, tenant, slug, title, theme, service_id as "serviceId", current_version as "currentVersion", retired, draft,
              draft->>'theme' as "draftTheme", updated_at as "updatedAt"
         from rm_procedures where id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row || row.tenant !== user.tenant || !mayOpen(user, row)) throw notFound('Démarche introuvable.');
    const versions = await app.db.query<{ version: number; publishedAt: string; definition: ProcedureDefinition }>(
      'select version, published_at as "publishedAt", definition from rm_procedure_versions where procedure_id = $1 order by version',
      [id],
    );
    const streamVersion = await app.store.streamVersion(procedureStreamId(id));
    const moderation = await app.db.query(
      `select m.status, m.submitted_at as "submittedAt", m.reason, m.decided_at as "decidedAt",
              coalesce(s.name, m.submitted_by) as "submittedByName"
         from rm_procedure_moderation m left join rm_accounts s on s.id = m.submitted_by where m.procedure_id = $1`,
      [id],
    );
    return { ...row, versions: versions.rows, streamVersion, moderation: moderation.rows[0] ?? null };
  }

  const run = procedureCommands(app);

  app.get(
    '/admin/procedures',
    {
      schema: {
        tags,
        summary: 'Toutes les démarches que je peux concevoir (brouillons, publiées, retirées)',
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      const user = requireDesigner(req);
      const { rows } = await app.db.query<AdminRow & { tenant: string; draftTheme: string }>(
        `select p.id, p.tenant, p.slug, p.title, p.theme, p.service_id as "serviceId", p.current_version as "currentVersion",
              p.retired, p.updated_at as "updatedAt", p.draft->>'theme' as "draftTheme", m.status as "moderation"
         from rm_procedures p left join rm_procedure_moderation m on m.procedure_id = p.id
        where p.tenant = $1 order by p.title`,
        [user.tenant],
      );
      return { items: rows.filter((r) => mayOpen(user, r)) };
    },
  );

  app.get(
    '/admin/procedures/:id',
    {
      schema: {
        tags,
        summary: 'Une démarche : brouillon et versions publiées',
        params: IdParams,
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = await load((req.params as { id: string }).id, requireDesigner(req));
      reply.header('etag', `"${p.streamVersion}"`);
      return p;
    },
  );

  app.post(
    '/admin/procedures/validate',
    {
      schema: {
        tags,
        summary: 'Vérifier une définition sans rien enregistrer',
        body: Type.Object({ definition: Definition }),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      requireDesigner(req);
      const errors = validateProcedureDefinition((req.body as { definition: ProcedureDefinition }).definition);
      return { valid: errors.length === 0, errors: errors.map((e) => ({ ...e, field: `definition.${e.field}` })) };
    },
  );

  app.post(
    '/admin/procedures',
    {
      schema: {
        tags,
        summary: 'Créer une démarche (brouillon)',
        body: Type.Object(
          { slug: Type.String({ minLength: 1, maxLength: 80 }), definition: Definition },
          { additionalProperties: false },
        ),
        response: { 201: AnyObject, ...errorResponses },
      },
    },
    async (req, reply) => {
      const user = requireDesigner(req);
      const { slug, definition } = req.body as { slug: string; definition: ProcedureDefinition };
      // Staff design for their own services; a delegate names one of the town's, which the domain cannot know.
      if (isDelegate(user)) await requireTenantService(user, definition?.serviceId);
      const existing = await app.db.query('select 1 from rm_procedures where slug = $1', [slug]);
      if (existing.rowCount > 0)
        throw badRequest('Cette adresse est déjà prise.', [
          { field: 'slug', message: 'Adresse déjà utilisée par une autre démarche.' },
        ]);
      const id = req.idempotencyKey ? uuidFrom('procedure', req.idempotencyKey) : newId();
      const result = await run(req, id, { type: 'DefineProcedure', data: { procedureId: id, slug, definition } }, 0);
      return reply.code(201).send({ id, version: result.version });
    },
  );

  app.put(
    '/admin/procedures/:id/draft',
    {
      schema: {
        tags,
        summary: 'Enregistrer le brouillon (If-Match conseillé)',
        params: IdParams,
        body: Type.Object({ definition: Definition }, { additionalProperties: false }),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      requireDesigner(req);
      const { id } = req.params as { id: string };
      // A stale If-Match: the 409 lists what the other person changed (see draft-conflict.ts).
      const meta = commandMeta(req, req.user!.tenant);
      const result = await run(
        req,
        id,
        { type: 'UpdateProcedureDraft', data: req.body as { definition: ProcedureDefinition } },
        expectedVersionOf(req),
        meta,
      ).catch((err: unknown) => draftConflict(app, err, id, meta.commandId));
      return { version: result.version };
    },
  );

  app.post(
    '/admin/procedures/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publier le brouillon comme nouvelle version',
        params: IdParams,
        body: Type.Optional(Type.Object({})),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      const user = requireDesigner(req);
      const { id } = req.params as { id: string };
      const result = await run(req, id, { type: 'PublishProcedureVersion', data: {} }, expectedVersionOf(req));
      const p = await load(id, user);
      return { version: result.version, publishedVersion: p.currentVersion };
    },
  );

  app.post(
    '/admin/procedures/:id/retire',
    {
      schema: {
        tags,
        summary: 'Retirer la démarche du catalogue',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      requireDesigner(req);
      const { id } = req.params as { id: string };
      const result = await run(
        req,
        id,
        { type: 'RetireProcedure', data: req.body as { reason: string } },
        expectedVersionOf(req),
      );
      return { version: result.version };
    },
  );

  app.get(
    '/admin/procedures/:id/diff',
    {
      schema: {
        tags,
        summary: 'Ce qui a changé entre deux versions (ou entre la dernière version et le brouillon : to=draft)',
        params: IdParams,
        querystring: Type.Object(
          { from: Type.Integer({ minimum: 1 }), to: Type.Union([Type.Integer({ minimum: 1 }), Type.Literal('draft')]) },
          { additionalProperties: false },
        ),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req) => {
      const p = await load((req.params as { id: string }).id, requireDesigner(req));
      const { from, to } = req.query as { from: number; to: number | 'draft' };
      const a = p.versions.find((v) => v.version === from)?.definition;
      const b = to === 'draft' ? p.draft : p.versions.find((v) => v.version === to)?.definition;
      if (!a || !b) throw notFound('Version introuvable.');
      return { from, to, changes: diffDefinitions(a, b) };
    },
  );

  app.get(
    '/admin/procedures/:id/export',
    { schema: { tags, summary: 'Exporter la démarche (JSON partageable avec d’autres communes)', params: IdParams } },
    async (req, reply) => {
      const p = await load((req.params as { id: string }).id, requireDesigner(req));
      const definition = p.versions.at(-1)?.definition ?? p.draft;
      reply.header('content-disposition', `attachment; filename="${p.slug}.guichet.json"`);
      return { format: EXPORT_FORMAT, exportedAt: new Date().toISOString(), slug: p.slug, definition };
    },
  );

  app.post(
    '/admin/procedures/import',
    {
      schema: {
        tags,
        summary: 'Importer une démarche exportée par une autre commune (créée en brouillon)',
        body: Type.Object(
          {
            format: Type.Literal(EXPORT_FORMAT),
            slug: Type.String({ minLength: 1, maxLength: 80 }),
            definition: Definition,
            serviceId: Type.Optional(Type.String({ maxLength: 64 })),
          },
          { additionalProperties: true },
        ),
        response: { 201: AnyObject, ...errorResponses },
      },
    },
    async (req, reply) => {
      const user = requireDesigner(req);
      const body = req.body as { slug: string; definition: ProcedureDefinition; serviceId?: string };
      // The sharing town's services are not ours: the importer says which of theirs owns it.
      const definition = { ...body.definition, serviceId: body.serviceId ?? body.definition.serviceId };
      if (isDelegate(user)) await requireTenantService(user, definition.serviceId);
      let slug = body.slug;
      const taken = await app.db.query('select 1 from rm_procedures where slug = $1', [slug]);
      if (taken.rowCount > 0) slug = `${slug}-importee`.slice(0, 80);
      const id = req.idempotencyKey ? uuidFrom('procedure', req.idempotencyKey) : newId();
      const result = await run(req, id, { type: 'DefineProcedure', data: { procedureId: id, slug, definition } }, 0);
      return reply.code(201).send({ id, slug, version: result.version });
    },
  );
}
