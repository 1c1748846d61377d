import { parquetReadObjects } from 'hyparquet';
import type { Column, Row } from './datasets.ts';

/**
 * Reads a Parquet export back into the rows it was written from (bigint → number, timestamps →
 * ISO strings, dates → `YYYY-MM-DD`). For tests and tooling: hyparquet is a dev dependency.
 */
export async function readParquetRows(columns: readonly Column[], bytes: Uint8Array): Promise<Row[]> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const objects = await parquetReadObjects({ file });
  return objects.map((o: Record<string, unknown>) => {
    const row: Row = {};
    for (const c of columns) {
      const v = o[c.name];
      if (v === null || v === undefined) row[c.name] = null;
      else if (typeof v === 'bigint') row[c.name] = Number(v);
      else if (v instanceof Date) row[c.name] = c.type === 'date' ? v.toISOString().slice(0, 10) : v.toISOString();
      else row[c.name] = v as string | number | boolean;
    }
    return row;
  });
}
