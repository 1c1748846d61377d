import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { caseDecider, caseStreamId, type CaseCommand } from '@guichet/domain';
import { commandMeta } from '../plugins/idempotency.ts';
import { runCommand } from '../lib/commands.ts';
import { resolveDocuments } from '../lib/documents.ts';
import { newId, normaliseTrackingCode, sha256 } from '../lib/ids.ts';
import { notFound } from '../lib/problem.ts';
import { AnyObject, errorResponses, Uuid, VersionAnswer } from '../lib/schemas.ts';
import { caseViewFor, TimelineEventSchema } from './cases/views.ts';
import { streamCase } from './cases/live.ts';
import { sendDocument } from './cases/queries.ts';
import { CASE_SCREENS } from '../lib/consistency.ts';

const CodeParams = Type.Object({ code: Type.String({ minLength: 12, maxLength: 20, pattern: '^[A-Za-z0-9-]+$' }) });
const MessageBody = Type.Object(
  {
    message: Type.String({ minLength: 1, maxLength: 10_000 }),
    documents: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
  },
  { additionalProperties: false },
);

const unknownCode = () => notFound('Aucune demande ne correspond à ce code de suivi. Vérifiez-le et réessayez.');

async function caseOfCode(app: FastifyInstance, req: FastifyRequest) {
  const hash = sha256(normaliseTrackingCode((req.params as { code: string }).code));
  const c = await app.queries.caseByTrackingHash(hash);
  if (!c) throw unknownCode();
  return { c, hash };
}

/** Anonymous requests are followed with their tracking code: it is the only key, and it opens only that case. */
export default async function trackingRoutes(app: FastifyInstance) {
  const tags = ['suivi anonyme'];

  app.get(
    '/tracking/:code',
    {
      schema: {
        tags,
        summary: 'Suivre une demande avec son code de suivi',
        params: CodeParams,
        response: { 200: Type.Object({ case: AnyObject, events: Type.Array(TimelineEventSchema) }), ...errorResponses },
      },
    },
    async (req) => {
      const { c } = await caseOfCode(app, req);
      return { case: await caseViewFor(app, c, 'citizen'), events: await app.queries.timeline(c.id, 'citizen') };
    },
  );

  app.get(
    '/tracking/:code/live',
    { schema: { tags, summary: 'Flux en direct (SSE) d’une demande anonyme', params: CodeParams } },
    async (req, reply) => {
      const { c } = await caseOfCode(app, req);
      streamCase(app, req, reply, c.id, 'citizen');
    },
  );

  app.get(
    '/tracking/:code/documents/:documentId',
    {
      schema: {
        tags,
        summary: 'Télécharger un document d’une demande anonyme',
        params: Type.Object({
          code: CodeParams.properties.code,
          documentId: Type.String({ minLength: 1, maxLength: 64 }),
        }),
      },
    },
    async (req, reply) => {
      const { c } = await caseOfCode(app, req);
      return sendDocument(app, reply, c.id, 'citizen', (req.params as { documentId: string }).documentId);
    },
  );

  const act = (
    path: string,
    toCommand: (body: { message: string }, docs: Awaited<ReturnType<typeof resolveDocuments>>) => CaseCommand,
  ) =>
    app.post(
      `/tracking/:code/${path}`,
      { schema: { tags, params: CodeParams, body: MessageBody, response: { 200: VersionAnswer, ...errorResponses } } },
      async (req) => {
        const { c, hash } = await caseOfCode(app, req);
        const body = req.body as { message: string; documents?: string[] };
        const docs = await resolveDocuments(app, req, body.documents);
        const meta = { ...commandMeta(req, c.tenant), actor: { kind: 'anonymous' as const, trackingCodeHash: hash } };
        const result = await runCommand(app, {
          streamId: caseStreamId(c.id),
          decider: caseDecider,
          command: toCommand(body, docs),
          meta,
        });
        if (result.positions.length > 0)
          await app.waitForProjections(result.positions.at(-1)!, {
            projections: CASE_SCREENS,
            transactionId: result.transactionId,
          });
        return { version: result.version };
      },
    );

  act('messages', (b, documents) => ({
    type: 'SendMessage',
    data: { messageId: newId(), text: b.message, documents },
  }));
  act('provide-information', (b, documents) => ({
    type: 'ProvideInformation',
    data: { message: b.message, documents },
  }));
}
