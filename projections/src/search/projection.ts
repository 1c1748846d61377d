import { readFileSync } from 'node:fs';
import type { CaseEvent } from '@guichet/domain';
import type { RecordedEvent } from '@guichet/eventstore';
import { caseIdOf } from '../cases/projection.ts';
import { LabelBook, procedureLabelsTable } from '../procedure-labels.ts';
import { defineProjection, dispatch, emptyTouched, knows, type Handlers } from '../projection.ts';
import { list, writeRows } from '../sql.ts';

const labels = procedureLabelsTable('rm_search_procedures');

interface SearchRow {
  case_id: string;
  stream_version: number;
  reference: string;
  procedure_title: string | null;
  contact_text: string;
  data_text: string;
  conversation_text: string;
  notes_text: string;
}
const COLUMNS = [
  'case_id',
  'stream_version',
  'reference',
  'procedure_title',
  'contact_text',
  'data_text',
  'conversation_text',
  'notes_text',
] as const;

/** Every value a form holds, as words: nested groups and lists included, files by their name. */
export function textOf(value: unknown): string {
  if (value === null || value === undefined || typeof value === 'boolean') return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join(' ');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.fileName === 'string' && typeof o.sha256 === 'string') return o.fileName;
    return Object.values(o).map(textOf).filter(Boolean).join(' ');
  }
  return '';
}

interface Ctx {
  row: SearchRow | null;
  book: LabelBook;
}
const row = (c: Ctx) => c.row as SearchRow;
const say = (c: Ctx, text: string) => {
  row(c).conversation_text = `${row(c).conversation_text}\n${text}`.trim();
};

const handlers: Partial<Handlers<CaseEvent, Ctx>> = {
  CaseSubmitted: (c, d) => {
    c.row = {
      case_id: d.caseId,
      stream_version: 0,
      reference: d.reference,
      procedure_title: c.book.get(d.procedureId, d.procedureVersion)?.title ?? null,
      contact_text: textOf(d.contact),
      data_text: [textOf(d.data), ...d.documents.map((doc) => doc.fileName)].join(' ').trim(),
      conversation_text: '',
      notes_text: '',
    };
  },
  InformationRequested: (c, d) => say(c, d.message),
  InformationProvided: (c, d) => say(c, [d.message, ...d.documents.map((doc) => doc.fileName)].join(' ')),
  MessageSent: (c, d) => say(c, [d.text, ...d.documents.map((doc) => doc.fileName)].join(' ')),
  PhoneCallLogged: (c, d) => say(c, d.summary),
  LetterLogged: (c, d) => say(c, d.summary),
  CounterVisitLogged: (c, d) => say(c, d.summary),
  DocumentAttached: (c, d) => say(c, d.document.fileName),
  CaseDecided: (c, d) => say(c, d.reason),
  CaseClosed: (c, d) => say(c, d.reason),
  CaseReopened: (c, d) => say(c, d.reason),
  InternalNoteWritten: (c, d) => {
    row(c).notes_text = `${row(c).notes_text}\n${d.text}`.trim();
  },
};

/** rm_case_search: a French full-text document per case (PostgreSQL `french` configuration). */
export const searchProjection = defineProjection({
  name: 'case_search',
  version: 1,
  migrations: readFileSync(new URL('./schema.sql', import.meta.url), 'utf8') + labels.ddl,
  reset: `truncate rm_case_search, ${labels.table}`,
  handles: (e) => (knows(handlers, e) && caseIdOf(e) !== null) || LabelBook.concerns(e),
  async handleBatch(tx, events) {
    const touched = emptyTouched();
    const relevant = events.filter((e) => (knows(handlers, e) && caseIdOf(e)) || LabelBook.concerns(e));
    if (relevant.length === 0) return touched;

    const caseIds = list(relevant.map(caseIdOf).filter((id): id is string => id !== null));
    const book = await labels.open(
      tx,
      relevant
        .map((e: RecordedEvent) =>
          e.type === 'CaseSubmitted'
            ? String((e.data as { procedureId: unknown }).procedureId)
            : LabelBook.procedureIdOf(e),
        )
        .filter((id): id is string => id !== null),
    );
    const rows = new Map<string, SearchRow>();
    if (caseIds.length > 0) {
      const found = await tx.query<SearchRow>(
        `select ${COLUMNS.join(', ')} from rm_case_search where case_id = any($1)`,
        [caseIds],
      );
      for (const r of found.rows) rows.set(r.case_id, r);
    }

    const changed = new Set<string>();
    const ctx: Ctx = { row: null, book };
    for (const e of relevant) {
      const caseId = caseIdOf(e);
      if (!caseId) {
        book.observe(e);
        continue;
      }
      ctx.row = rows.get(caseId) ?? null;
      // Re-delivered (or orphan) events would add their text twice: the stream version tells.
      if (ctx.row ? e.streamVersion <= ctx.row.stream_version : e.type !== 'CaseSubmitted') continue;
      dispatch(handlers, ctx, e);
      if (!ctx.row) continue;
      ctx.row.stream_version = e.streamVersion;
      rows.set(caseId, ctx.row);
      changed.add(caseId);
      touched.caseIds.add(caseId);
    }

    await book.flush(tx);
    await writeRows(
      tx,
      'rm_case_search',
      [...changed].map((id) => rows.get(id) as SearchRow),
      { columns: COLUMNS, conflict: ['case_id'], update: COLUMNS.filter((c) => c !== 'case_id') },
    );
    return touched;
  },
});
