import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor, ServiceRole } from '@guichet/domain';
import { newToken, sha256 } from '../lib/ids.ts';
import { forbidden, unauthorized } from '../lib/problem.ts';

export interface AuthUser {
  id: string;
  kind: 'citizen' | 'agent';
  email: string;
  name: string;
  tenant: string;
  roles: ServiceRole[];
  /** A third party without a service role: the procedure categories delegated to them (read on every request). */
  delegations?: string[];
}

export const SESSION_COOKIE = 'guichet_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: AuthUser | null;
  }
  interface FastifyInstance {
    sessions: {
      open(account: Omit<AuthUser, 'roles'>): Promise<string>;
      close(token: string): Promise<void>;
    };
  }
}

function tokenOf(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  return req.cookies?.[SESSION_COOKIE] ?? null;
}

/** Roles change rarely; a short cache keeps one query off each request without delaying a grant for long. */
const ROLE_TTL_MS = 2000;

async function authPlugin(app: FastifyInstance, opts: { sessionHours: number }) {
  const roleCache = new Map<string, { roles: ServiceRole[]; at: number }>();

  async function rolesOf(agentId: string): Promise<ServiceRole[]> {
    const hit = roleCache.get(agentId);
    if (hit && Date.now() - hit.at < ROLE_TTL_MS) return hit.roles;
    const roles = await app.directory.rolesOf(agentId);
    roleCache.set(agentId, { roles, at: Date.now() });
    return roles;
  }

  app.decorate('sessions', {
    async open(account) {
      const token = newToken();
      await app.db.query(
        `insert into api_sessions (token_hash, account_id, kind, email, name, tenant, expires_at)
         values ($1, $2, $3, $4, $5, $6, now() + make_interval(hours => $7))`,
        [sha256(token), account.id, account.kind, account.email, account.name, account.tenant, opts.sessionHours],
      );
      return token;
    },
    async close(token) {
      await app.db.query('delete from api_sessions where token_hash = $1', [sha256(token)]);
    },
  });

  app.decorateRequest('user', null);
  app.addHook('onRequest', async (req) => {
    const token = tokenOf(req);
    if (!token || token.length > 200) return;
    const { rows } = await app.db.query<Omit<AuthUser, 'roles'> & { active: boolean }>(
      `select account_id as id, kind, email, name, tenant from api_sessions
        where token_hash = $1 and expires_at > now()`,
      [sha256(token)],
    );
    const row = rows[0];
    if (!row) return;
    const roles = row.kind === 'agent' ? await rolesOf(row.id) : [];
    req.user = { id: row.id, kind: row.kind, email: row.email, name: row.name, tenant: row.tenant, roles };
    // Not cached: revoking a delegation must stop the delegate's next request.
    if (row.kind === 'agent' && roles.length === 0) req.user.delegations = await app.directory.delegationsOf(row.id);
  });
}

export default fp(authPlugin, { name: 'auth', dependencies: ['directory'] });

export function requireUser(req: FastifyRequest): AuthUser {
  if (!req.user) throw unauthorized();
  return req.user;
}

export function requireCitizen(req: FastifyRequest): AuthUser {
  const user = requireUser(req);
  if (user.kind !== 'citizen') throw forbidden('Cette action est réservée aux usagers.');
  return user;
}

export function requireAgent(req: FastifyRequest): AuthUser {
  const user = requireUser(req);
  if (user.kind !== 'agent' || user.roles.length === 0) throw forbidden('Cette action est réservée aux agents.');
  return user;
}

export const serviceIdsOf = (user: AuthUser): string[] => [...new Set(user.roles.map((r) => r.serviceId))];

export const hasRole = (user: AuthUser, role: ServiceRole['role'], serviceId?: string): boolean =>
  user.roles.some((r) => r.role === role && (serviceId === undefined || r.serviceId === serviceId));

/** A third party (association, elected official): no service role, procedure categories delegated. */
export const isDelegate = (user: AuthUser): boolean =>
  user.kind === 'agent' && user.roles.length === 0 && (user.delegations?.length ?? 0) > 0;

export function actorOf(user: AuthUser | null): Actor {
  if (!user) return { kind: 'anonymous' };
  if (user.kind === 'citizen') return { kind: 'citizen', id: user.id };
  return {
    kind: 'agent',
    id: user.id,
    roles: user.roles,
    ...(user.delegations ? { delegations: user.delegations } : {}),
  };
}
