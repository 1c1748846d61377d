import { readFileSync } from 'node:fs';
import { INTERNAL_CASE_EVENTS } from '@guichet/domain';
import { caseIdOf } from '../cases/projection.ts';
import { defineProjection, emptyTouched } from '../projection.ts';
import { writeRows } from '../sql.ts';
import { summarize } from '../summaries.ts';

const INTERNAL: ReadonlySet<string> = new Set(INTERNAL_CASE_EVENTS);

/** rm_case_timeline: what happened on a case, who did it, when and by which channel. */
export const timelineProjection = defineProjection({
  name: 'case_timeline',
  version: 1,
  migrations: readFileSync(new URL('./schema.sql', import.meta.url), 'utf8'),
  reset: 'truncate rm_case_timeline',
  handles: (e) => caseIdOf(e) !== null,
  async handleBatch(tx, events) {
    const touched = emptyTouched();
    const rows = [];
    for (const e of events) {
      const caseId = caseIdOf(e);
      const summary = caseId ? summarize(e) : null;
      if (!caseId || summary === null) continue;
      touched.caseIds.add(caseId);
      rows.push({
        case_id: caseId,
        stream_version: e.streamVersion,
        position: e.position,
        type: e.type,
        at: e.metadata.recordedAt,
        actor: e.metadata.actor,
        actor_role: e.metadata.actorRole ?? null,
        channel: e.metadata.channel,
        internal: INTERNAL.has(e.type),
        summary,
        data: e.data,
      });
    }
    // The key is the event's place in its stream: a re-delivered event finds its row and is skipped.
    await writeRows(tx, 'rm_case_timeline', rows, {
      columns: [
        'case_id',
        'stream_version',
        'position',
        'type',
        'at',
        'actor',
        'actor_role',
        'channel',
        'internal',
        'summary',
        'data',
      ],
      conflict: ['case_id', 'stream_version'],
    });
    return touched;
  },
});
