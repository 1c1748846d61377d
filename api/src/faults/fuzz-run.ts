import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import type { Db } from '@guichet/eventstore';
import { FUZZ_ROLES, hostileRequest, type FuzzOptions, type FuzzRole, type HostileRequest } from './fuzz.ts';

const EMAILS: Record<Exclude<FuzzRole, 'anonymous'>, string> = {
  citizen: 'citoyen@demo.guichet.test',
  agent: 'agent@demo.guichet.test',
  manager: 'responsable@demo.guichet.test',
  admin: 'admin@demo.guichet.test',
};

/** Everything a request could change: the log and the API's own tables. */
const STATE_SQL = `select (select count(*) from events)::int as events, (select count(*) from api_sessions)::int as sessions,
  (select count(*) from api_uploads)::int as uploads, (select count(*) from api_drafts)::int as drafts,
  (select count(*) from api_idempotency)::int as idempotency`;

export interface State {
  events: number;
  sessions: number;
  uploads: number;
  drafts: number;
  idempotency: number;
}

export async function stateOf(db: Db): Promise<State> {
  return (await db.query<State>(STATE_SQL)).rows[0]!;
}

/** What is wrong with the answer to a hostile request, or null. */
function fault(status: number, contentType: string, body: string): string | null {
  if (status >= 500) return `answered ${status}`;
  if (status < 400) return null;
  if (!contentType.startsWith('application/problem+json'))
    return `refused with ${status} but ${contentType || 'no content type'}`;
  try {
    const problem = JSON.parse(body) as { status?: unknown; title?: unknown };
    if (problem.status !== status || typeof problem.title !== 'string')
      return `problem body does not match: ${body.slice(0, 200)}`;
  } catch {
    return `problem body is not JSON: ${body.slice(0, 200)}`;
  }
  return null;
}

/** Sends `runs` hostile requests through `app.inject`; every refusal must be problem+json and nothing 5xx. */
export async function fuzzApi(
  app: FastifyInstance,
  runs: number,
  options: FuzzOptions = { brokenUrls: false, nulBytes: false },
): Promise<{ statuses: Map<number, number> }> {
  const tokens = new Map<FuzzRole, string>();
  for (const role of FUZZ_ROLES) {
    if (role === 'anonymous') continue;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: EMAILS[role], password: 'guichet-demo' },
    });
    tokens.set(role, (JSON.parse(res.body) as { token: string }).token);
  }
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(hostileRequest(options), async (r: HostileRequest) => {
      const token = tokens.get(r.role);
      const headers = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...r.headers };
      const res = await app.inject({
        method: r.method as 'GET',
        url: r.url,
        headers,
        ...(r.payload !== undefined ? { payload: r.payload } : {}),
      });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      const wrong = fault(res.statusCode, String(res.headers['content-type'] ?? ''), res.body);
      if (wrong) throw new Error(`${r.method} ${r.url.slice(0, 200)} as ${r.role}: ${wrong}`);
    }),
    { numRuns: runs, endOnFailure: true },
  );
  return { statuses };
}
