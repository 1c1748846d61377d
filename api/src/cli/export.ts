// Incremental export of the BI datasets to files, for a nightly job or a one-off extraction.
//   node --import tsx api/src/cli/export.ts --dataset events --since 0 --format parquet --out exports/
//   node --import tsx api/src/cli/export.ts --dataset requests,contacts --since last --out exports/
// `--since last` starts from `<out>/<dataset>.position`, written by the previous run. With the
// embedded PGlite database, stop the server first: only one process may open its data folder.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDb } from '@guichet/eventstore';
import { EXPORTS, type ExportName } from '@guichet/projections';
import { loadConfig } from '../config.ts';
import { exportToDirectory } from './exporter.ts';

const { values } = parseArgs({
  options: {
    dataset: { type: 'string' },
    since: { type: 'string', default: '0' },
    format: { type: 'string', default: 'csv' },
    out: { type: 'string' },
    tenant: { type: 'string' },
    /** Schema of the event store and read models (default: guichet). */
    schema: { type: 'string' },
    'page-size': { type: 'string' },
  },
});
const datasets = (values.dataset ?? '')
  .split(',')
  .map((d) => d.trim())
  .filter(Boolean);
const unknown = datasets.filter((d) => !(EXPORTS as readonly string[]).includes(d));
const format = values.format;
if (
  datasets.length === 0 ||
  unknown.length > 0 ||
  !values.out ||
  (format !== 'csv' && format !== 'parquet') ||
  !/^(\d+|last)$/.test(values.since)
) {
  console.error(
    `Usage : export.ts --dataset <${EXPORTS.join('|')}>[,…] --since <position|last> --format <csv|parquet> --out <dossier> [--tenant <id>] [--schema <schéma>] [--page-size <lignes>]`,
  );
  if (unknown.length > 0) console.error(`Jeu de données inconnu : ${unknown.join(', ')}`);
  process.exit(2);
}

async function sinceFor(dataset: string): Promise<number> {
  if (values.since !== 'last') return Number(values.since);
  const saved = await readFile(join(values.out as string, `${dataset}.position`), 'utf8').catch(() => '0');
  return Number(saved.trim()) || 0;
}

const config = loadConfig(process.env, []);
const db = await openDb({
  url: config.databaseUrl,
  dataDir: config.databaseUrl ? undefined : join(config.dataDir, 'pglite'),
  schema: values.schema,
});
try {
  for (const dataset of datasets as ExportName[]) {
    const result = await exportToDirectory({
      db,
      dataset,
      since: await sinceFor(dataset),
      format,
      out: values.out,
      tenant: values.tenant,
      pageSize: values['page-size'] ? Number(values['page-size']) : undefined,
    });
    console.log(JSON.stringify(result));
  }
} finally {
  await db.close();
}
