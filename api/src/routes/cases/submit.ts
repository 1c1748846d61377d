import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import {
  caseDecider,
  caseStreamId,
  type Channel,
  type DocumentRef,
  type Profile as DomainProfile,
} from '@guichet/domain';
import { commandMeta } from '../../plugins/idempotency.ts';
import { runCommand } from '../../lib/commands.ts';
import { resolveDocuments } from '../../lib/documents.ts';
import { newId, newTrackingCode, normaliseTrackingCode, sha256, uuidFrom } from '../../lib/ids.ts';
import { badRequest, forbidden, notFound, unauthorized } from '../../lib/problem.ts';
import { AnyObject, errorResponses, Profile, Uuid } from '../../lib/schemas.ts';
import { serviceIdsOf } from '../../plugins/auth.ts';
import { CASE_SCREENS } from '../../lib/consistency.ts';

const SubmitBody = Type.Object(
  {
    procedureId: Type.String({ minLength: 1, maxLength: 100 }),
    data: AnyObject,
    documents: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
    channel: Type.Optional(Type.Union(['web', 'phone', 'email', 'letter', 'counter'].map((c) => Type.Literal(c)))),
    citizenId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    contact: Type.Optional(Profile),
  },
  { additionalProperties: false },
);

const SubmitAnswer = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  version: Type.Integer(),
  trackingCode: Type.Optional(Type.String()),
});

/** Form file fields arrive as uploaded document ids and leave as document references. */
async function withDocuments(
  app: FastifyInstance,
  req: FastifyRequest,
  fields: { name: string; type: string }[],
  data: Record<string, unknown>,
) {
  const out: Record<string, unknown> = { ...data };
  for (const field of fields) {
    const value = data[field.name];
    if (field.type === 'file' && typeof value === 'string' && value !== '') {
      [out[field.name]] = await resolveDocuments(app, req, [value], () => `data.${field.name}`);
    }
  }
  return out;
}

export default async function submitRoute(app: FastifyInstance) {
  await app.db.exec('create sequence if not exists api_case_reference');
  // References continue after the requests already in the log (demo town, restored backup).
  await app.db.query(
    `select setval('api_case_reference', c.n)
       from (select count(*) as n from events where type = 'CaseSubmitted') c, api_case_reference s
      where c.n > s.last_value`,
  );

  app.post(
    '/cases',
    {
      schema: {
        tags: ['demandes'],
        summary: 'Déposer une demande (usager, agent pour le compte d’un usager, ou anonyme si la démarche le permet)',
        body: SubmitBody,
        response: { 201: SubmitAnswer, ...errorResponses },
      },
    },
    async (req, reply) => {
      const body = req.body as Static<typeof SubmitBody>;
      const user = req.user;
      const procedure = await app.queries.getProcedure(body.procedureId);
      if (!procedure || procedure.retired) {
        throw notFound("Cette démarche n'existe pas ou n'est plus proposée.");
      }
      const definition = procedure.definition;
      if (!user && definition.access !== 'anonymous') {
        throw unauthorized('Connectez-vous pour faire cette démarche.');
      }
      if (user?.kind === 'agent' && !serviceIdsOf(user).includes(definition.serviceId)) {
        throw forbidden("Vous n'appartenez pas au service qui traite cette démarche.");
      }
      let channel: Channel = 'web';
      let citizenId: string | null = null;
      let contact: DomainProfile | null = null;
      if (user?.kind === 'citizen') {
        citizenId = user.id;
        contact = (await app.queries.citizenProfile(user.id)) as DomainProfile | null;
      } else if (user?.kind === 'agent') {
        channel = (body.channel as Channel | undefined) ?? 'counter';
        citizenId = body.citizenId ?? null;
        contact =
          body.contact ?? (citizenId ? ((await app.queries.citizenProfile(citizenId)) as DomainProfile | null) : null);
        if (citizenId && !contact) {
          throw badRequest('Usager introuvable.', [{ field: 'citizenId', message: 'Usager introuvable.' }]);
        }
      } else if (body.contact) {
        contact = body.contact;
      }
      const trackingCode = user ? null : newTrackingCode();
      const documents: DocumentRef[] = await resolveDocuments(app, req, body.documents);
      const data = await withDocuments(app, req, definition.fields ?? [], body.data);
      const caseId = req.idempotencyKey ? uuidFrom('case', req.idempotencyKey) : newId();
      // The request belongs to the organisation offering the procedure, whoever's account files it.
      const meta = commandMeta(req, procedure.tenant, channel);
      const { rows } = await app.db.query<{ n: number }>("select nextval('api_case_reference') as n");
      const reference = `S-${meta.now.slice(0, 4)}-${String(rows[0]!.n).padStart(5, '0')}`;

      const result = await runCommand(app, {
        streamId: caseStreamId(caseId),
        decider: caseDecider,
        meta,
        expectedVersion: 0,
        command: {
          type: 'SubmitCase',
          data: {
            caseId,
            reference,
            procedure: {
              procedureId: procedure.id,
              version: procedure.version,
              retired: procedure.retired,
              definition: definition as never,
            },
            channel,
            citizenId,
            contact,
            trackingCodeHash: trackingCode ? sha256(normaliseTrackingCode(trackingCode)) : null,
            data,
            documents,
          },
        },
      });
      await app.waitForProjections(result.positions.at(-1)!, {
        projections: CASE_SCREENS,
        transactionId: result.transactionId,
      });
      return reply
        .code(201)
        .header('location', `/api/v1/cases/${caseId}`)
        .send({ id: caseId, reference, version: result.version, ...(trackingCode ? { trackingCode } : {}) });
    },
  );
}
