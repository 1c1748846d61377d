import type { FastifyInstance } from 'fastify';
import {
  procedureDecider,
  procedureStreamId,
  type ProcedureDefinition,
  type ProcedureEvent,
  type ProcedureState,
} from '@guichet/domain';
import { ConcurrencyError, type RecordedEvent } from '@guichet/eventstore';
import { conflict } from '../../lib/problem.ts';
import { diffDefinitions } from './diff.ts';

/** One thing someone else did to the procedure since the version the designer had. */
export interface DraftChange {
  version: number;
  at: string;
  actor: string;
  type: string;
  /** French: what it did, the draft's differences spelled out field by field. */
  summary: string;
  details: string[];
}

const fold = (events: readonly RecordedEvent[]): ProcedureState =>
  events.reduce((s, e) => procedureDecider.evolve(s, e as unknown as ProcedureEvent), procedureDecider.initialState());

/** What an event did, measured against the draft just before it. */
function describe(e: RecordedEvent, before: ProcedureDefinition | null): { summary: string; details: string[] } {
  const d = e.data as { version?: number; reason?: string; definition?: ProcedureDefinition };
  switch (e.type) {
    case 'ProcedureDraftUpdated': {
      const details = before && d.definition ? diffDefinitions(before, d.definition).map((c) => c.label) : [];
      return { summary: details.length > 0 ? 'Brouillon modifié' : 'Brouillon enregistré sans changement', details };
    }
    case 'ProcedureVersionPublished':
      return { summary: `Version ${d.version} publiée`, details: [] };
    case 'ProcedureRetired':
      return { summary: 'Démarche retirée', details: d.reason ? [d.reason] : [] };
    default:
      return { summary: 'Autre modification de la démarche', details: [] };
  }
}

/**
 * A draft saved with a stale If-Match: the 409 says who changed what since the version the
 * designer had, from the log (the read models may not show the winner yet). A double submit with
 * one Idempotency-Key that raced itself is not a conflict: its own answer is returned.
 */
export async function draftConflict(
  app: FastifyInstance,
  err: unknown,
  procedureId: string,
  commandId: string,
): Promise<{ version: number }> {
  if (!(err instanceof ConcurrencyError) || typeof err.expected !== 'number') throw err;
  const history = await app.store.readStream(procedureStreamId(procedureId));
  const since = history.filter((e) => e.streamVersion > (err.expected as number));
  const mine = since.filter((e) => e.metadata.commandId === commandId);
  if (mine.length > 0) return { version: mine.at(-1)!.streamVersion };

  const { rows } = await app.db.query<{ id: string; name: string }>(
    'select id, name from rm_accounts where id = any($1)',
    [[...new Set(since.map((e) => e.metadata.actor))]],
  );
  const names = new Map(rows.map((r) => [r.id, r.name]));
  let state = fold(history.filter((e) => e.streamVersion <= (err.expected as number)));
  const yours = state.draft;
  const changes: DraftChange[] = since.map((e) => {
    const described = describe(e, state.draft);
    state = procedureDecider.evolve(state, e as unknown as ProcedureEvent);
    return {
      version: e.streamVersion,
      at: e.metadata.recordedAt,
      actor: names.get(e.metadata.actor) ?? (e.metadata.actor === 'system' ? 'Système' : e.metadata.actor),
      type: e.type,
      ...described,
    };
  });
  // Everything that differs between the draft the designer started from and the draft now.
  const draftDiff =
    yours && state.draft
      ? diffDefinitions(yours, state.draft).map(({ kind, path, label }) => ({ kind, path, label }))
      : [];
  throw conflict(
    "Quelqu'un d'autre a modifié cette démarche pendant que vous la modifiiez. Voyez ce qui a changé avant d'enregistrer à nouveau.",
    { currentVersion: err.actual, expectedVersion: err.expected, changes, draftDiff },
  );
}
