import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import {
  biSchemaOf,
  EXPORTS,
  installBi,
  OPEN_DATASETS,
  openDataDictionary,
  openDataRows,
  readIncrement,
  rowsToCsv,
  rowsToParquet,
  toCsv,
  type ExportName,
} from '@guichet/projections';
import { hasRole, requireAgent } from '../plugins/auth.ts';
import { notFound } from '../lib/problem.ts';
import { errorResponses } from '../lib/schemas.ts';
import { managedServices } from './stats.ts';

const ExportParams = Type.Object({ dataset: Type.Union(EXPORTS.map((d) => Type.Literal(d))) });
const ExportQuery = Type.Object(
  {
    since: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: 'Position du journal déjà reçue (X-Next-Position de l’appel précédent) ; 0 pour tout',
      }),
    ),
    format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('parquet')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  },
  { additionalProperties: false },
);
const OpenFile = Type.Object({ file: Type.String({ pattern: '^[a-z0-9-]+\\.csv$', maxLength: 80 }) });
const Catalogue = Type.Object({
  items: Type.Array(
    Type.Object({
      name: Type.String(),
      title: Type.String(),
      description: Type.String(),
      url: Type.String(),
      columns: Type.Array(Type.Object({ name: Type.String(), type: Type.String(), description: Type.String() })),
    }),
  ),
  dictionary: Type.String(),
});
const File = Type.String({ description: 'Fichier CSV (UTF-8) ou Parquet' });

const CSV = 'text/csv; charset=utf-8';
const PARQUET = 'application/vnd.apache.parquet';

/** Incremental exports for BI tools (managers and administrators) and public open data. */
export default async function exportRoutes(app: FastifyInstance) {
  const bi = biSchemaOf(app.db);
  // The schema is created at start-up; if the read models were not there yet, the first export retries.
  let installed: Promise<unknown> | null = installBi(app.db).catch((err: unknown) => {
    app.log.warn({ err }, 'bi schema not installed yet');
    installed = null;
  });
  const ready = () => (installed ??= installBi(app.db));

  app.get(
    '/exports/:dataset',
    {
      schema: {
        tags: ['exports'],
        summary: 'Export incrémental (CSV ou Parquet) des lignes changées après une position du journal',
        description:
          'Renvoie au plus `limit` lignes changées après `since`, dans l’ordre du journal. En-têtes : `X-Next-Position` (à repasser en `since`), `X-Has-More` (true s’il reste des lignes).',
        params: ExportParams,
        querystring: ExportQuery,
        response: { 200: File, ...errorResponses },
      },
    },
    async (req, reply) => {
      const user = requireAgent(req);
      const serviceIds = managedServices(user);
      const { dataset } = req.params as { dataset: ExportName };
      const q = req.query as { since?: number; format?: 'csv' | 'parquet'; limit?: number };
      await ready();
      const since = q.since ?? 0;
      const page = await readIncrement(app.db, bi, dataset, {
        since,
        limit: q.limit ?? 10_000,
        tenant: user.tenant,
        serviceIds,
        // Events of procedures and accounts belong to no service: administrators only.
        withUnscoped: hasRole(user, 'admin'),
      });
      const format = q.format ?? 'csv';
      reply
        .header('x-next-position', String(page.nextPosition))
        .header('x-has-more', String(page.hasMore))
        .header('access-control-expose-headers', 'X-Next-Position, X-Has-More')
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          `attachment; filename="guichet-${dataset}-${since}-${page.nextPosition}.${format}"`,
        );
      if (format === 'parquet') {
        const meta = { dataset, since: String(since), next_position: String(page.nextPosition) };
        return reply.type(PARQUET).send(Buffer.from(rowsToParquet(page.columns, page.rows, meta)));
      }
      return reply.type(CSV).send(rowsToCsv(page.columns, page.rows));
    },
  );

  app.get(
    '/opendata',
    {
      schema: {
        tags: ['données ouvertes'],
        summary: 'Catalogue des données ouvertes et leur dictionnaire',
        security: [],
        response: { 200: Catalogue },
      },
    },
    async () => ({
      items: Object.values(OPEN_DATASETS).map((d) => ({ ...d, url: `/api/v1/opendata/${d.name}.csv` })),
      dictionary: '/api/v1/opendata/dictionnaire.csv',
    }),
  );

  app.get(
    '/opendata/:file',
    {
      schema: {
        tags: ['données ouvertes'],
        summary: 'Statistiques agrégées et anonymisées (CSV) ; dictionnaire.csv décrit chaque colonne',
        security: [],
        params: OpenFile,
        response: { 200: File, ...errorResponses },
      },
    },
    async (req, reply) => {
      const name = (req.params as { file: string }).file.replace(/\.csv$/, '');
      const table = name === 'dictionnaire' ? openDataDictionary() : await openDataRows(app.db, name);
      if (!table) throw notFound(`Aucun jeu de données ouvert « ${name} ».`);
      return reply
        .type(CSV)
        .header('cache-control', 'public, max-age=3600')
        .header('content-disposition', `inline; filename="${name}.csv"`)
        .send(toCsv(table.header, table.rows));
    },
  );
}
