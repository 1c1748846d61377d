import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Column, Row } from './datasets.ts';

type CsvValue = string | number | boolean | null | undefined;

/** RFC 4180: a field with a separator, a quote or a line break is quoted, quotes doubled. */
export function csvField(value: CsvValue, separator = ','): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document, CRLF line ends, header first. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[], separator = ','): string {
  return [header, ...rows].map((r) => r.map((v) => csvField(v, separator)).join(separator)).join('\r\n') + '\r\n';
}

export const rowsToCsv = (columns: readonly Column[], rows: readonly Row[]): string =>
  toCsv(
    columns.map((c) => c.name),
    rows.map((r) => columns.map((c) => r[c.name])),
  );

/** Parquet schema element of each column type (all columns nullable). */
function element(c: Column) {
  const base = { name: c.name, repetition_type: 'OPTIONAL' as const };
  switch (c.type) {
    case 'text':
      return { ...base, type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const };
    case 'integer':
      return { ...base, type: 'INT32' as const };
    case 'bigint':
      return { ...base, type: 'INT64' as const };
    case 'double':
      return { ...base, type: 'DOUBLE' as const };
    case 'boolean':
      return { ...base, type: 'BOOLEAN' as const };
    case 'timestamp':
      return { ...base, type: 'INT64' as const, converted_type: 'TIMESTAMP_MILLIS' as const };
    case 'date':
      return { ...base, type: 'INT32' as const, converted_type: 'DATE' as const };
  }
}

function parquetValue(c: Column, v: Row[string] | undefined): unknown {
  if (v === null || v === undefined) return null;
  switch (c.type) {
    case 'bigint':
      return BigInt(v as number);
    case 'timestamp':
      return new Date(String(v));
    case 'date':
      return new Date(`${String(v)}T00:00:00Z`);
    default:
      return v;
  }
}

/** A Parquet file (Snappy-compressed) with the columns' types, also when there is no row. */
export function rowsToParquet(
  columns: readonly Column[],
  rows: readonly Row[],
  metadata: Record<string, string> = {},
): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: columns.map((c) => ({ name: c.name, data: rows.map((r) => parquetValue(c, r[c.name])) })),
    schema: [{ name: 'root', num_children: columns.length }, ...columns.map(element)],
    kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    createdBy: 'guichet',
  });
  return new Uint8Array(buffer);
}
