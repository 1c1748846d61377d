import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requireAgent, requireUser } from '../../plugins/auth.ts';
import type { Audience, CaseView } from '../../plugins/context.ts';
import { notFound } from '../../lib/problem.ts';
import { AnyObject, errorResponses, IdParams, Uuid } from '../../lib/schemas.ts';
import { assertCanSee } from './access.ts';
import { caseViewFor, TimelineEventSchema } from './views.ts';

export const audienceOf = (req: FastifyRequest): Audience => (req.user?.kind === 'agent' ? 'agent' : 'citizen');

export async function visibleCase(app: FastifyInstance, req: FastifyRequest, id: string): Promise<CaseView> {
  requireUser(req);
  const found = await app.queries.getCase(id);
  assertCanSee(req, found);
  return found!;
}

export default async function caseQueryRoutes(app: FastifyInstance) {
  app.get(
    '/cases/:id',
    {
      schema: {
        tags: ['demandes'],
        summary: 'Une demande (son usager ou un agent de son service)',
        params: IdParams,
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (req, reply) => {
      const c = await visibleCase(app, req, (req.params as { id: string }).id);
      reply.header('etag', `"${c.version}"`);
      return caseViewFor(app, c, audienceOf(req));
    },
  );

  app.get(
    '/cases/:id/timeline',
    {
      schema: {
        tags: ['demandes'],
        summary: 'Historique complet (sans les notes internes pour l’usager)',
        params: IdParams,
        response: { 200: Type.Object({ events: Type.Array(TimelineEventSchema) }), ...errorResponses },
      },
    },
    async (req) => {
      const c = await visibleCase(app, req, (req.params as { id: string }).id);
      return { events: await app.queries.timeline(c.id, audienceOf(req)) };
    },
  );

  app.get(
    '/cases/:id/as-of',
    {
      schema: {
        tags: ['demandes'],
        summary: 'La demande telle qu’elle était à un instant passé (agents)',
        params: IdParams,
        querystring: Type.Object({ at: Type.String({ format: 'date-time' }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ case: AnyObject, events: Type.Array(TimelineEventSchema) }), ...errorResponses },
      },
    },
    async (req) => {
      requireAgent(req);
      const c = await visibleCase(app, req, (req.params as { id: string }).id);
      const { at } = req.query as { at: string };
      const past = await app.queries.caseAsOf(c.id, new Date(at).toISOString());
      if (!past) throw notFound("La demande n'existait pas encore à cette date.");
      return { case: await caseViewFor(app, past.case, 'agent', { asOf: true }), events: past.events };
    },
  );

  app.get(
    '/cases/:id/documents/:documentId',
    {
      schema: {
        tags: ['demandes'],
        summary: 'Télécharger un document de la demande',
        params: Type.Object({ id: Uuid, documentId: Type.String({ minLength: 1, maxLength: 64 }) }),
      },
    },
    async (req, reply) => {
      const { id, documentId } = req.params as { id: string; documentId: string };
      await visibleCase(app, req, id);
      return sendDocument(app, reply, id, audienceOf(req), documentId);
    },
  );
}

/** A document of the case, found in the events the audience may see, streamed from the blob store. */
export async function sendDocument(
  app: FastifyInstance,
  reply: FastifyReply,
  caseId: string,
  audience: Audience,
  documentId: string,
) {
  const events = await app.queries.timeline(caseId, audience);
  const doc = findDocument(
    events.map((e) => e.data),
    documentId,
  );
  if (!doc) throw notFound('Document introuvable.');
  const stream = await app.blobs.get(doc.sha256);
  if (!stream) throw notFound('Le contenu de ce document est introuvable.');
  const inline = /^(image\/(png|jpeg|gif|webp)|application\/pdf|text\/plain)$/.test(doc.mediaType);
  return reply
    .type(doc.mediaType)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
    .header(
      'content-disposition',
      `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
    )
    .send(stream);
}

interface Doc {
  documentId: string;
  fileName: string;
  mediaType: string;
  sha256: string;
}

/** Documents hide in event data: attachments, answers, letters, file fields of the form. */
function findDocument(values: unknown[], documentId: string): Doc | null {
  const stack = [...values];
  while (stack.length > 0) {
    const v = stack.pop();
    if (!v || typeof v !== 'object') continue;
    const o = v as Record<string, unknown>;
    if (o.documentId === documentId && typeof o.sha256 === 'string') return o as unknown as Doc;
    stack.push(...Object.values(o));
  }
  return null;
}
