import type { ProcedureDefinition, ProcedureEvent } from '@guichet/domain';
import type { Queryable, RecordedEvent } from '@guichet/eventstore';
import { dispatch, knows, type Handlers } from './projection.ts';
import { list, writeRows } from './sql.ts';

export interface StateLabel {
  id: string;
  label: string;
  publicLabel: string | null;
}

export interface ProcedureLabels {
  title: string;
  states: StateLabel[];
}

interface Row {
  procedure_id: string;
  version: number;
  title: string;
  states: StateLabel[];
}

/**
 * Titles and workflow state labels per procedure version, kept by a case projection in a table
 * of its own: reading another projection's table would make rebuilds depend on how far that one
 * got. Version 0 holds the draft, used only when a case names a version never published.
 */
export function procedureLabelsTable(table: string) {
  return {
    ddl: `create table if not exists ${table} (
      procedure_id text not null,
      version int not null,
      title text not null,
      states jsonb not null,
      primary key (procedure_id, version)
    );`,
    table,
    /** Labels known before the batch for these procedures, updated by the batch's procedure events. */
    async open(tx: Queryable, procedureIds: Iterable<string>): Promise<LabelBook> {
      const ids = list(procedureIds);
      const book = new LabelBook(table);
      if (ids.length === 0) return book;
      const { rows } = await tx.query<Row>(
        `select procedure_id, version, title, states from ${table} where procedure_id = any($1)`,
        [ids],
      );
      for (const row of rows) book.rows.set(key(row.procedure_id, row.version), row);
      return book;
    },
  };
}

const key = (procedureId: string, version: number) => `${procedureId}@${version}`;

const fromDefinition = (procedureId: string, version: number, d: ProcedureDefinition): Row => ({
  procedure_id: procedureId,
  version,
  title: d.title,
  states: (d.workflow?.states ?? []).map((s) => ({ id: s.id, label: s.label, publicLabel: s.publicLabel ?? null })),
});

const observers: Partial<Handlers<ProcedureEvent, LabelBook>> = {
  ProcedureDefined: (b, d) => b.put(fromDefinition(d.procedureId, 0, d.definition)),
  ProcedureDraftUpdated: (b, d) => b.put(fromDefinition(d.procedureId, 0, d.definition)),
  ProcedureVersionPublished: (b, d) => b.put(fromDefinition(d.procedureId, d.version, d.definition)),
};

export class LabelBook {
  readonly rows = new Map<string, Row>();
  private readonly changed = new Map<string, Row>();
  constructor(private readonly table: string) {}

  static concerns(event: RecordedEvent): boolean {
    return knows(observers, event);
  }

  /** Procedure id of an event this book learns from, to preload. */
  static procedureIdOf(event: RecordedEvent): string | null {
    return LabelBook.concerns(event) ? String((event.data as { procedureId: string }).procedureId) : null;
  }

  observe(event: RecordedEvent): void {
    dispatch(observers, this, event);
  }

  put(row: Row): void {
    this.rows.set(key(row.procedure_id, row.version), row);
    this.changed.set(key(row.procedure_id, row.version), row);
  }

  get(procedureId: string, version: number): ProcedureLabels | null {
    return this.rows.get(key(procedureId, version)) ?? this.rows.get(key(procedureId, 0)) ?? null;
  }

  async flush(tx: Queryable): Promise<void> {
    await writeRows(tx, this.table, [...this.changed.values()], {
      columns: ['procedure_id', 'version', 'title', 'states'],
      conflict: ['procedure_id', 'version'],
      update: ['title', 'states'],
    });
    this.changed.clear();
  }
}
