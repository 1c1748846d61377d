import type { Queryable } from '@guichet/eventstore';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function ident(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return name;
}

/**
 * Writes many rows in one round trip: the rows travel as one JSON array and
 * `jsonb_populate_recordset` turns it into the table's row type (keys are column names).
 * Without `update`, rows already present are kept (`on conflict do nothing`): re-delivery is harmless.
 */
export async function writeRows(
  tx: Queryable,
  table: string,
  rows: readonly object[],
  options: { columns: readonly string[]; conflict: readonly string[]; update?: readonly string[] },
): Promise<void> {
  if (rows.length === 0) return;
  const cols = options.columns.map(ident).join(', ');
  const onConflict =
    options.update && options.update.length > 0
      ? `do update set ${options.update.map((c) => `${ident(c)} = excluded.${c}`).join(', ')}`
      : 'do nothing';
  await tx.query(
    `insert into ${ident(table)} (${cols})
     select ${cols} from jsonb_populate_recordset(null::${ident(table)}, $1::jsonb)
     on conflict (${options.conflict.map(ident).join(', ')}) ${onConflict}`,
    [JSON.stringify(rows)],
  );
}

/** Timestamps come back as Date from both drivers; read models hand out ISO strings. */
export function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

/** Sets and their sizes, for `= any($1)` parameters. */
export const list = (values: Iterable<string>): string[] => [...new Set(values)];

/** A `where` clause built from optional filters; `?` in each part becomes the next `$n`. */
export class Where {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  add(part: string, ...values: unknown[]): this {
    let i = 0;
    this.parts.push(part.replace(/\?/g, () => `$${this.params.push(values[i++])}`));
    return this;
  }

  /** A placeholder for a value used outside the where clause (limit, rank). */
  param(value: unknown): string {
    return `$${this.params.push(value)}`;
  }

  toString(): string {
    return this.parts.length > 0 ? `where ${this.parts.join(' and ')}` : '';
  }
}

/** Opaque keyset cursors: the sort value and id of the last item of a page. */
export const encodeCursor = (values: readonly (string | number)[]): string =>
  Buffer.from(JSON.stringify(values)).toString('base64url');

export function decodeCursor(cursor: string | null | undefined): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(values) && values.every((v) => typeof v === 'string' || typeof v === 'number') ? values : null;
  } catch {
    return null;
  }
}

/** A user's text inside a LIKE pattern matches literally. */
export const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const french = new Intl.Collator('fr');

/**
 * Sorts short lists for display the French way ("état" before "voirie"). Not in SQL: PGlite and a
 * PostgreSQL server may have different collations, and the same rows must come out in the same order.
 */
export function inFrenchOrder<T>(items: T[], ...keys: ((item: T) => string)[]): T[] {
  return items.sort((a, b) => {
    for (const key of keys) {
      const c = french.compare(key(a), key(b));
      if (c !== 0) return c;
    }
    return 0;
  });
}
