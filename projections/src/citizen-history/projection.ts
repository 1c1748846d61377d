import { readFileSync } from 'node:fs';
import type { CaseEvent, CaseSubmitted } from '@guichet/domain';
import { caseIdOf } from '../cases/projection.ts';
import type { RecordedEvent } from '@guichet/eventstore';
import { defineProjection, emptyTouched } from '../projection.ts';
import { list, writeRows } from '../sql.ts';
import { summarize } from '../summaries.ts';

export type ContactDirection = 'from_citizen' | 'to_citizen';

type Directions = {
  [K in CaseEvent['type']]?: (data: Extract<CaseEvent, { type: K }>['data']) => ContactDirection | null;
};

/**
 * The contacts a citizen had with the town, and which way each went. A type missing from this map
 * (internal notes, assignments, transfers between services) is not a contact: it never gets a row.
 */
const contacts: Directions = {
  CaseSubmitted: () => 'from_citizen',
  CaseAcknowledged: () => 'to_citizen',
  InformationRequested: () => 'to_citizen',
  InformationProvided: () => 'from_citizen',
  MessageSent: (d) => (d.from === 'citizen' ? 'from_citizen' : 'to_citizen'),
  PhoneCallLogged: (d) => (d.direction === 'inbound' ? 'from_citizen' : 'to_citizen'),
  LetterLogged: (d) => (d.direction === 'inbound' ? 'from_citizen' : 'to_citizen'),
  CounterVisitLogged: () => 'from_citizen',
  DocumentAttached: (d) => (d.by === 'citizen' ? 'from_citizen' : 'to_citizen'),
  // A step change is a contact only when it tells the citizen something.
  WorkflowTransitioned: (d) => (d.message ? 'to_citizen' : null),
  CaseDecided: () => 'to_citizen',
  CaseClosed: () => 'to_citizen',
  CaseReopened: () => 'to_citizen',
  CaseRated: () => 'from_citizen',
};

function directionOf(e: RecordedEvent): ContactDirection | null {
  if (!Object.hasOwn(contacts, e.type)) return null;
  const of = contacts[e.type as CaseEvent['type']] as (data: unknown) => ContactDirection | null;
  return of(e.data);
}

interface Owner {
  citizen_id: string;
  reference: string;
}

/** rm_citizen_history: one row per contact, for the citizen's "all my exchanges with the town". */
export const citizenHistoryProjection = defineProjection({
  name: 'citizen_history',
  version: 1,
  migrations: readFileSync(new URL('./schema.sql', import.meta.url), 'utf8'),
  reset: 'truncate rm_citizen_history, rm_citizen_case_owners',
  handles: (e) => Object.hasOwn(contacts, e.type) && caseIdOf(e) !== null,
  async handleBatch(tx, events) {
    const touched = emptyTouched();
    const relevant = events.filter((e) => Object.hasOwn(contacts, e.type) && caseIdOf(e));
    if (relevant.length === 0) return touched;

    const owners = new Map<string, Owner>();
    const newOwners: (Owner & { case_id: string })[] = [];
    const ids = list(relevant.filter((e) => e.type !== 'CaseSubmitted').map((e) => caseIdOf(e) as string));
    if (ids.length > 0) {
      const found = await tx.query<Owner & { case_id: string }>(
        'select case_id, citizen_id, reference from rm_citizen_case_owners where case_id = any($1)',
        [ids],
      );
      for (const o of found.rows) owners.set(o.case_id, o);
    }

    const rows = [];
    for (const e of relevant) {
      const caseId = caseIdOf(e) as string;
      if (e.type === 'CaseSubmitted') {
        const d = e.data as CaseSubmitted['data'];
        if (d.citizenId && !owners.has(caseId)) {
          const owner = { case_id: caseId, citizen_id: d.citizenId, reference: d.reference };
          owners.set(caseId, owner);
          newOwners.push(owner);
        }
      }
      const owner = owners.get(caseId);
      if (!owner) continue; // anonymous request: no citizen to show it to
      const direction = directionOf(e);
      const summary = summarize(e);
      if (!direction || summary === null) continue;
      touched.caseIds.add(caseId);
      touched.citizenIds.add(owner.citizen_id);
      rows.push({
        case_id: caseId,
        stream_version: e.streamVersion,
        citizen_id: owner.citizen_id,
        reference: owner.reference,
        position: e.position,
        type: e.type,
        at: e.metadata.recordedAt,
        channel: e.metadata.channel,
        direction,
        summary,
        data: e.data,
      });
    }

    await writeRows(tx, 'rm_citizen_case_owners', newOwners, {
      columns: ['case_id', 'citizen_id', 'reference'],
      conflict: ['case_id'],
    });
    await writeRows(tx, 'rm_citizen_history', rows, {
      columns: [
        'case_id',
        'stream_version',
        'citizen_id',
        'reference',
        'position',
        'type',
        'at',
        'channel',
        'direction',
        'summary',
        'data',
      ],
      conflict: ['case_id', 'stream_version'],
    });
    return touched;
  },
});
