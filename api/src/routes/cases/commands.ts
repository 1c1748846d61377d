import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { caseDecider, caseStreamId, type CaseCommand, type CaseState, type Channel } from '@guichet/domain';
import { requireUser } from '../../plugins/auth.ts';
import { commandMeta } from '../../plugins/idempotency.ts';
import { runCommand } from '../../lib/commands.ts';
import { resolveDocuments } from '../../lib/documents.ts';
import { newId } from '../../lib/ids.ts';
import { badRequest, forbidden } from '../../lib/problem.ts';
import { errorResponses, IdParams, Uuid, VersionAnswer } from '../../lib/schemas.ts';
import { assertCanSee, expectedVersionOf } from './access.ts';
import { conflictWithChanges } from './conflicts.ts';
import { procedureWorkflow } from './procedure-of.ts';
import { CASE_SCREENS } from '../../lib/consistency.ts';

const Text = (max = 10_000) => Type.String({ minLength: 1, maxLength: max });
const DocumentIds = Type.Optional(Type.Array(Uuid, { maxItems: 20 }));
const Direction = Type.Union([Type.Literal('inbound'), Type.Literal('outbound')]);
const strict = <T extends Record<string, TSchema>>(props: T) => Type.Object(props, { additionalProperties: false });

interface Ctx {
  app: FastifyInstance;
  req: FastifyRequest;
  state: CaseState;
}

interface Action<B extends TSchema> {
  summary: string;
  body: B;
  toCommand(body: Static<B>, ctx: Ctx): Promise<CaseCommand> | CaseCommand;
}

const action = <B extends TSchema>(a: Action<B>) => a as unknown as Action<TSchema>;

/** One route per case action: the path, the body it takes and the domain command it becomes. */
const ACTIONS: Record<string, Action<TSchema>> = {
  acknowledge: action({
    summary: 'Accuser réception',
    body: strict({}),
    toCommand: () => ({ type: 'AcknowledgeCase', data: {} }),
  }),
  assign: action({
    summary: 'Attribuer à un agent (« me » : à soi-même)',
    body: strict({ assignee: Type.String({ minLength: 1, maxLength: 64 }) }),
    async toCommand(body, { app, req, state }) {
      // Who asks comes before whom they name: a resident gets 403, not a 400 about the assignee.
      if (requireUser(req).kind !== 'agent') throw forbidden('Seuls les agents attribuent les demandes.');
      const assignee = body.assignee === 'me' ? requireUser(req).id : body.assignee;
      const roles = await app.directory.rolesOf(assignee);
      if (!roles.some((r) => r.serviceId === state.serviceId)) {
        throw badRequest("Cet agent n'appartient pas au service de la demande.", [
          { field: 'assignee', message: 'Choisissez un agent du service.' },
        ]);
      }
      return { type: 'AssignCase', data: { assignee } };
    },
  }),
  unassign: action({
    summary: 'Retirer l’attribution',
    body: strict({}),
    toCommand: () => ({ type: 'UnassignCase', data: {} }),
  }),
  transfer: action({
    summary: 'Transférer à un autre service',
    body: strict({ serviceId: Type.String({ minLength: 1, maxLength: 64 }), reason: Text(2000) }),
    async toCommand(body, { app }) {
      const services = await app.queries.listServices();
      if (!services.some((s) => s.id === body.serviceId)) {
        throw badRequest('Service inconnu.', [{ field: 'serviceId', message: 'Service inconnu.' }]);
      }
      return { type: 'TransferCase', data: { toServiceId: body.serviceId, reason: body.reason } };
    },
  }),
  'request-information': action({
    summary: 'Demander des informations au demandeur (suspend le délai)',
    body: strict({ message: Text() }),
    toCommand: (body) => ({ type: 'RequestInformation', data: { requestId: newId(), message: body.message } }),
  }),
  'provide-information': action({
    summary: 'Répondre à une demande d’informations',
    body: strict({ message: Text(), documents: DocumentIds }),
    toCommand: async (body, { app, req }) => ({
      type: 'ProvideInformation',
      data: { message: body.message, documents: await resolveDocuments(app, req, body.documents) },
    }),
  }),
  messages: action({
    summary: 'Envoyer un message',
    body: strict({ message: Text(), documents: DocumentIds }),
    toCommand: async (body, { app, req }) => ({
      type: 'SendMessage',
      data: { messageId: newId(), text: body.message, documents: await resolveDocuments(app, req, body.documents) },
    }),
  }),
  'phone-calls': action({
    summary: 'Consigner un appel téléphonique',
    body: strict({
      direction: Direction,
      durationSeconds: Type.Integer({ minimum: 0, maximum: 86_400 }),
      summary: Text(),
    }),
    toCommand: (body) => ({ type: 'LogPhoneCall', data: body }),
  }),
  letters: action({
    summary: 'Consigner un courrier',
    body: strict({ direction: Direction, summary: Text(), documents: DocumentIds }),
    toCommand: async (body, { app, req }) => ({
      type: 'LogLetter',
      data: {
        direction: body.direction,
        summary: body.summary,
        documents: await resolveDocuments(app, req, body.documents),
      },
    }),
  }),
  visits: action({
    summary: 'Consigner un passage à l’accueil',
    body: strict({ summary: Text() }),
    toCommand: (body) => ({ type: 'LogCounterVisit', data: body }),
  }),
  notes: action({
    summary: 'Écrire une note interne (jamais visible du demandeur)',
    body: strict({ text: Text() }),
    toCommand: (body) => ({ type: 'WriteInternalNote', data: { noteId: newId(), text: body.text } }),
  }),
  transitions: action({
    summary: 'Faire avancer la demande dans son circuit',
    body: strict({ transitionId: Type.String({ minLength: 1, maxLength: 100 }) }),
    toCommand: async (body, { app, state }) => ({
      type: 'TransitionWorkflow',
      data: { transitionId: body.transitionId, workflow: await procedureWorkflow(app, state) },
    }),
  }),
  decision: action({
    summary: 'Rendre la décision',
    body: strict({
      outcome: Type.Union([Type.Literal('accepted'), Type.Literal('rejected')]),
      reason: Type.Optional(Type.String({ maxLength: 5000 })),
    }),
    toCommand: (body) => ({ type: 'DecideCase', data: { outcome: body.outcome, reason: body.reason?.trim() ?? '' } }),
  }),
  close: action({
    summary: 'Clôturer',
    body: strict({ reason: Type.Optional(Type.String({ maxLength: 2000 })) }),
    toCommand: (body) => ({ type: 'CloseCase', data: { reason: body.reason?.trim() ?? '' } }),
  }),
  reopen: action({
    summary: 'Rouvrir',
    body: strict({ reason: Text(2000) }),
    toCommand: (body) => ({ type: 'ReopenCase', data: body }),
  }),
  rating: action({
    summary: 'Noter le service (demande clôturée)',
    body: strict({
      score: Type.Integer({ minimum: 1, maximum: 5 }),
      comment: Type.Optional(Type.String({ maxLength: 2000 })),
    }),
    toCommand: (body) => ({ type: 'RateCase', data: { score: body.score, comment: body.comment?.trim() ?? '' } }),
  }),
  documents: action({
    summary: 'Joindre des documents',
    body: strict({ documents: Type.Array(Uuid, { minItems: 1, maxItems: 20 }) }),
    async toCommand(body, { app, req }) {
      const [document, ...rest] = await resolveDocuments(app, req, body.documents);
      if (rest.length > 0)
        throw badRequest('Joignez les documents un par un.', [
          { field: 'documents', message: 'Un seul document à la fois.' },
        ]);
      return { type: 'AttachDocument', data: { document: document! } };
    },
  }),
};

const CHANNEL_HEADER = new Set<Channel>(['web', 'phone', 'email', 'letter', 'counter']);

/** A call is by phone, a letter by post, a visit at the counter, whatever the agent's screen. */
const CHANNEL_OF_ACTION: Record<string, Channel> = { 'phone-calls': 'phone', letters: 'letter', visits: 'counter' };

/** Agents recording a contact say by which channel it came (`X-Channel`); residents are always on the web. */
function channelOf(req: FastifyRequest, path: string): Channel {
  const fixed = CHANNEL_OF_ACTION[path];
  if (fixed && req.user?.kind === 'agent') return fixed;
  const h = req.headers['x-channel'];
  if (req.user?.kind === 'agent' && typeof h === 'string' && CHANNEL_HEADER.has(h as Channel)) return h as Channel;
  return 'web';
}

export default async function caseCommandRoutes(app: FastifyInstance) {
  for (const [path, a] of Object.entries(ACTIONS)) {
    app.post(
      `/cases/:id/${path}`,
      {
        schema: {
          tags: ['demandes — actions'],
          summary: a.summary,
          params: IdParams,
          body: a.body,
          headers: Type.Object({
            'if-match': Type.Optional(Type.String({ maxLength: 40 })),
            'idempotency-key': Type.Optional(Type.String({ maxLength: 128 })),
          }),
          response: { 200: VersionAnswer, ...errorResponses },
        },
      },
      async (req) => {
        requireUser(req);
        const { id } = req.params as { id: string };
        const expectedVersion = expectedVersionOf(req);
        const meta = commandMeta(req, req.user!.tenant, channelOf(req, path));
        const result = await runCommand(app, {
          streamId: caseStreamId(id),
          decider: caseDecider,
          meta,
          expectedVersion,
          // Built only once the case is known to be visible: nobody probes other people's cases.
          async command(state: CaseState) {
            assertCanSee(req, state.exists ? state : null);
            // A resident's account spans the installation: their request is handled in its organisation.
            if (req.user!.kind === 'citizen') meta.tenant = state.tenant || meta.tenant;
            return a.toCommand(req.body, { app, req, state });
          },
        }).catch((err: unknown) => conflictWithChanges(app, err, id, req, meta.commandId));
        if (result.positions.length > 0)
          await app.waitForProjections(result.positions.at(-1)!, {
            projections: CASE_SCREENS,
            transactionId: result.transactionId,
          });
        return { version: result.version };
      },
    );
  }
}
