import type { FastifyInstance, FastifyRequest } from 'fastify';
import { caseStreamId, INTERNAL_CASE_EVENTS } from '@guichet/domain';
import { ConcurrencyError } from '@guichet/eventstore';
import { summarize } from '@guichet/projections';
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
  commandId: string,
): Promise<{ version: number; positions: number[]; transactionId: string | null }> {
  if (!(err instanceof ConcurrencyError) || typeof err.expected !== 'number') throw err;
  // From the log itself: the projections may not have caught up with the winner yet.
  const internal = new Set<string>(req.user?.kind === 'agent' ? [] : INTERNAL_CASE_EVENTS);
  const events = await app.store.readStream(caseStreamId(caseId), { fromVersion: err.expected + 1 });
  // A double submit with one Idempotency-Key raced itself: the winner was this very command.
  const mine = events.filter((e) => e.metadata.commandId === commandId);
  if (mine.length > 0)
    return {
      version: mine.at(-1)!.streamVersion,
      positions: mine.map((e) => e.position),
      transactionId: mine.at(-1)!.transactionId,
    };
  const visible = events.filter((e) => !internal.has(e.type));
  const { rows } = await app.db.query<{ id: string; name: string }>(
    'select id, name from rm_accounts where id = any($1)',
    [[...new Set(visible.map((e) => e.metadata.actor))]],
  );
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const changes = visible.map((e) => ({
    version: e.streamVersion,
    type: e.type,
    at: e.metadata.recordedAt,
    actor: req.user?.kind === 'agent' ? (names.get(e.metadata.actor) ?? e.metadata.actor) : 'Mairie',
    summary: summarize(e) ?? e.type,
  }));
  throw conflict(
    "Quelqu'un d'autre a modifié cette demande pendant que vous la consultiez. Vérifiez ce qui a changé avant de recommencer.",
    { currentVersion: err.actual, expectedVersion: err.expected, changes },
  );
}
