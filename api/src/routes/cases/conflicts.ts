import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ConcurrencyError } from '@guichet/eventstore';
import { conflict } from '../../lib/problem.ts';

/**
 * A stale If-Match becomes a 409 that says what changed meanwhile, in the words of the
 * timeline, so the agent sees what they would have overwritten.
 */
export async function conflictWithChanges(
  app: FastifyInstance,
  err: unknown,
  caseId: string,
  req: FastifyRequest,
): Promise<never> {
  if (!(err instanceof ConcurrencyError) || typeof err.expected !== 'number') throw err;
  const audience = req.user?.kind === 'agent' ? 'agent' : 'citizen';
  const timeline = await app.queries.timeline(caseId, audience);
  const changes = timeline
    .filter((e) => e.version > (err.expected as number))
    .map((e) => ({ version: e.version, type: e.type, at: e.at, actor: e.actor.name, summary: e.summary }));
  throw conflict(
    "Quelqu'un d'autre a modifié cette demande pendant que vous la consultiez. Vérifiez ce qui a changé avant de recommencer.",
    { currentVersion: err.actual, expectedVersion: err.expected, changes },
  );
}
