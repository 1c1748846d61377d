/**
 * The people and things of the authorisation matrix: eight principals, a pothole report of
 * citizen A handled by the road service, and factories for fresh resources in a given state
 * (each allowed cell acts on its own, so cells never depend on each other's order).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { SIGNALEMENT_VOIRIE } from '../demo/procedures-voirie.ts';

export const PRINCIPALS = [
  'anonymous',
  'citizenA',
  'citizenB',
  'agentOfService',
  'agentOfOther',
  'manager',
  'admin',
  'delegate',
] as const;
export type Principal = (typeof PRINCIPALS)[number];

export const EMAILS: Record<Exclude<Principal, 'anonymous'>, string> = {
  citizenA: 'citoyen@demo.guichet.test',
  citizenB: 'jean.petit@demo.guichet.test',
  agentOfService: 'julie.moreau@demo.guichet.test', // voirie only
  agentOfOther: 'karim.benali@demo.guichet.test', // état civil only
  manager: 'responsable@demo.guichet.test',
  admin: 'admin@demo.guichet.test',
  // A third party (« Les Amis du Parc ») with the road category delegated: the pothole procedure is theirs to draft.
  delegate: 'delegue@demo.guichet.test',
};

export const POTHOLE = {
  type: 'nid-de-poule',
  localisation: '12 rue de la République',
  description: 'Un gros nid-de-poule sur la chaussée devant la boulangerie, dangereux pour les vélos.',
};

export type Stage = 'submitted' | 'open' | 'assigned' | 'waiting' | 'decided' | 'closed';

export interface Answer {
  status: number;
  body: any;
  contentType: string;
}

const unique = () => randomBytes(4).toString('hex');

export async function matrixContext(app: FastifyInstance) {
  async function call(
    method: string,
    url: string,
    token?: string | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined && !headers['content-type'] ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined
        ? { payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) }
        : {}),
    });
    let parsed: unknown = res.body;
    try {
      parsed = res.body ? JSON.parse(res.body) : null;
    } catch {
      // not JSON
    }
    return { status: res.statusCode, body: parsed, contentType: String(res.headers['content-type'] ?? '') };
  }
  async function ok(
    method: string,
    url: string,
    token?: string | null,
    body?: unknown,
    headers?: Record<string, string>,
  ) {
    const r = await call(method, url, token, body, headers);
    if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }
  const login = async (email: string) =>
    (await ok('POST', '/api/v1/session', null, { email, password: 'guichet-demo' })).token as string;

  const tokens: Record<Principal, string | null> = { anonymous: null } as Record<Principal, string | null>;
  for (const [p, email] of Object.entries(EMAILS)) tokens[p as Principal] = await login(email);
  const token = (p: Principal) => tokens[p];
  const agent = tokens.agentOfService;
  const citizenA = tokens.citizenA;

  const upload = async (p: Principal) =>
    (
      await ok('POST', '/api/v1/documents?fileName=photo.txt', token(p), `Photo du trou ${unique()}`, {
        'content-type': 'text/plain',
        'x-upload-key': 'matrix-anonymous-key',
      })
    ).documentId as string;

  const setups: Record<Stage, (id: string) => Promise<void>> = {
    submitted: async () => {},
    open: (id) => ok('POST', `/api/v1/cases/${id}/acknowledge`, agent, {}),
    assigned: async (id) => {
      await setups.open(id);
      await ok('POST', `/api/v1/cases/${id}/assign`, agent, { assignee: 'me' });
    },
    waiting: async (id) => {
      await setups.open(id);
      await ok('POST', `/api/v1/cases/${id}/request-information`, agent, { message: 'Quel numéro de rue ?' });
    },
    decided: async (id) => {
      await setups.open(id);
      await ok('POST', `/api/v1/cases/${id}/decision`, agent, {
        outcome: 'accepted',
        reason: 'Intervention programmée.',
      });
    },
    closed: async (id) => {
      await setups.decided(id);
      await ok('POST', `/api/v1/cases/${id}/close`, agent, { reason: 'Réparé.' });
    },
  };
  /** A new pothole report of citizen A, brought to `stage` by the road service's agent. */
  async function freshCase(stage: Stage, documents: string[] = []): Promise<string> {
    const { id } = await ok('POST', '/api/v1/cases', citizenA, {
      procedureId: 'signalement-voirie',
      data: POTHOLE,
      documents,
    });
    await setups[stage](id);
    return id;
  }
  const shared = new Map<Stage, Promise<string>>();
  /** One case per stage for the refused cells: a refusal changes nothing, so they can share it. */
  const sharedCase = (stage: Stage) => shared.get(stage) ?? shared.set(stage, freshCase(stage)).get(stage)!;

  // The case the queries read, with an attachment, and an anonymous report with its tracking code.
  const documentId = await upload('citizenA');
  const caseId = await freshCase('open', [documentId]);
  const anonymousDocumentId = await upload('anonymous');
  const anonymous = await ok(
    'POST',
    '/api/v1/cases',
    null,
    { procedureId: 'signalement-voirie', data: POTHOLE, documents: [anonymousDocumentId] },
    { 'x-upload-key': 'matrix-anonymous-key' },
  );
  await ok('PUT', '/api/v1/me/drafts/signalement-voirie', citizenA, { data: { localisation: 'rue des Lilas' } });
  const me = await ok('GET', '/api/v1/session', citizenA);
  const colleague = await ok('GET', '/api/v1/session', agent);
  const procedure = await ok('GET', '/api/v1/procedures/signalement-voirie');

  /** A new anonymous report: its tracking code. */
  const freshTrackingCode = async () =>
    (await ok('POST', '/api/v1/cases', null, { procedureId: 'signalement-voirie', data: POTHOLE }))
      .trackingCode as string;

  const definition = (title = 'Signalement test') => ({ ...SIGNALEMENT_VOIRIE, title });
  async function freshProcedure(publish = false): Promise<string> {
    const { id } = await ok('POST', '/api/v1/admin/procedures', tokens.admin, {
      slug: `essai-${unique()}`,
      definition: definition(),
    });
    if (publish) await ok('POST', `/api/v1/admin/procedures/${id}/publish`, tokens.admin, {});
    return id;
  }
  /** A procedure of the delegated category, proposed by the delegate and waiting for moderation. */
  async function freshSubmitted(): Promise<string> {
    const id = await freshProcedure();
    await ok('POST', `/api/v1/admin/procedures/${id}/submit`, tokens.delegate, {});
    return id;
  }
  /** A new third party holding the road category. */
  async function freshDelegate(): Promise<string> {
    const { id } = await ok('POST', '/api/v1/admin/delegations', tokens.admin, {
      email: `delegue.${unique()}@exemple.fr`,
      name: 'Délégué Test',
      organisation: 'Comité de quartier',
      category: 'voirie-cadre-de-vie',
    });
    return id;
  }
  async function freshAgent(state: 'active' | 'deactivated' = 'active'): Promise<string> {
    const { id } = await ok('POST', '/api/v1/admin/agents', tokens.admin, {
      email: `agent.${unique()}@demo.guichet.test`,
      name: 'Agent Test',
      roles: [{ serviceId: 'voirie', role: 'agent' }],
    });
    if (state === 'deactivated')
      await ok('POST', `/api/v1/admin/agents/${id}/deactivate`, tokens.admin, { reason: 'Départ.' });
    return id;
  }

  return {
    call,
    token,
    login,
    upload,
    freshCase,
    sharedCase,
    freshProcedure,
    freshAgent,
    freshSubmitted,
    freshDelegate,
    freshTrackingCode,
    definition,
    unique,
    caseId,
    documentId,
    trackingCode: anonymous.trackingCode as string,
    anonymousDocumentId,
    citizenAId: me.user.id as string,
    agentOfServiceId: colleague.user.id as string,
    procedureId: procedure.id as string,
  };
}

export type MatrixContext = Awaited<ReturnType<typeof matrixContext>>;
