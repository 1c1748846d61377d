import { error } from '@sveltejs/kit';
import { criteriaFrom, loadOverview } from '../../dashboard.server';
import { dashboardTables, tableToCsv, TABLE_IDS, type TableId } from '../../tables';
import type { RequestHandler } from './$types';

/** One table of the dashboard as CSV: the very cells the page shows, with the same period and filters. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
  if (!locals.user) error(401, 'Connectez-vous pour continuer.');
  if (!(TABLE_IDS as readonly string[]).includes(params.table)) error(404, 'Ce tableau n’existe pas.');
  const criteria = criteriaFrom(url);
  const { overview, problem } = await loadOverview(locals.token, criteria);
  if (!overview) error(400, problem ?? 'Période invalide.');
  const table = dashboardTables(overview, criteria)[params.table as TableId];
  const scope = criteria.service ? `-${criteria.service}` : '';
  return new Response(tableToCsv(table), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="pilotage-${table.id}${scope}-${criteria.from}-${criteria.to}.csv"`,
      'cache-control': 'no-store',
    },
  });
};
