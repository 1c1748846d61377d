import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '@guichet/eventstore';
import { biSchemaOf, installBi, readIncrement, rowsToCsv, rowsToParquet, type ExportName } from '@guichet/projections';

export interface ExportJob {
  db: Db;
  dataset: ExportName;
  /** Log position already exported (0: everything). */
  since: number;
  format: 'csv' | 'parquet';
  out: string;
  /** Rows per file. */
  pageSize?: number;
  tenant?: string | undefined;
}

export interface ExportResult {
  dataset: ExportName;
  since: number;
  nextPosition: number;
  rows: number;
  files: string[];
}

/**
 * Writes the rows changed after `since` into `out`, one file per page
 * (`<dataset>-<since>-<next>.<format>`), and `<dataset>.position` holding the position to
 * start from next time. Nothing new: no data file, the position file is rewritten as it was.
 */
export async function exportToDirectory(job: ExportJob): Promise<ExportResult> {
  await mkdir(job.out, { recursive: true });
  // A read-only database user cannot create the views: the API has created them already.
  const { schema } = await installBi(job.db).catch(() => ({ schema: biSchemaOf(job.db) }));
  const result: ExportResult = { dataset: job.dataset, since: job.since, nextPosition: job.since, rows: 0, files: [] };
  for (let more = true; more;) {
    const page = await readIncrement(job.db, schema, job.dataset, {
      since: result.nextPosition,
      limit: job.pageSize ?? 100_000,
      tenant: job.tenant,
    });
    if (page.rows.length > 0) {
      const file = join(job.out, `${job.dataset}-${result.nextPosition}-${page.nextPosition}.${job.format}`);
      const meta = {
        dataset: job.dataset,
        since: String(result.nextPosition),
        next_position: String(page.nextPosition),
      };
      await writeFile(
        file,
        job.format === 'parquet' ? rowsToParquet(page.columns, page.rows, meta) : rowsToCsv(page.columns, page.rows),
      );
      result.files.push(file);
      result.rows += page.rows.length;
    }
    result.nextPosition = page.nextPosition;
    more = page.hasMore;
  }
  await writeFile(join(job.out, `${job.dataset}.position`), `${result.nextPosition}\n`);
  return result;
}
