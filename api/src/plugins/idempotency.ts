import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Channel, CommandMeta } from '@guichet/domain';
import { actorOf } from './auth.ts';
import { newId, uuidFrom } from '../lib/ids.ts';
import { badRequest } from '../lib/problem.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** The replay key is scoped to the caller and the route: two people never share one. */
function scopedKey(req: FastifyRequest, key: string): string {
  return `${req.user?.id ?? 'anonymous'} ${req.method} ${req.routeOptions.url ?? req.url} ${key}`;
}

/**
 * `Idempotency-Key` on a POST: the first answer is kept; the same key again gets that answer
 * back and records nothing. Combined with event ids derived from the key, a retry racing the
 * original is also stored once.
 */
async function idempotencyPlugin(app: FastifyInstance) {
  app.decorateRequest('idempotencyKey', null);

  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || key === undefined) return;
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw badRequest("L'en-tête Idempotency-Key doit faire 8 à 128 caractères (lettres, chiffres, - _ . :).", [
        { field: 'Idempotency-Key', message: 'Valeur invalide.' },
      ]);
    }
    req.idempotencyKey = scopedKey(req, key);
    const { rows } = await app.db.query<{ status: number; response: unknown }>(
      'select status, response from api_idempotency where key = $1',
      [req.idempotencyKey],
    );
    const hit = rows[0];
    if (hit) return reply.code(hit.status).header('idempotent-replay', 'true').send(hit.response);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.idempotencyKey || reply.statusCode >= 300 || reply.getHeader('idempotent-replay')) return payload;
    if (typeof payload === 'string' && String(reply.getHeader('content-type') ?? '').startsWith('application/json')) {
      await app.db.query(
        'insert into api_idempotency (key, status, response) values ($1, $2, $3) on conflict (key) do nothing',
        [req.idempotencyKey, reply.statusCode, payload],
      );
    }
    return payload;
  });
}

export default fp(idempotencyPlugin, { name: 'idempotency', dependencies: ['auth'] });

/** Command metadata from the request: the actor, the tenant, the channel and the command id. */
export function commandMeta(req: FastifyRequest, tenant: string, channel: Channel = 'web'): CommandMeta {
  return {
    commandId: req.idempotencyKey ? uuidFrom(req.idempotencyKey) : newId(),
    actor: actorOf(req.user),
    tenant,
    channel,
    now: new Date().toISOString(),
  };
}
