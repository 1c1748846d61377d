import { criteriaFrom, loadAlerts, loadOverview, requireManager } from './dashboard.server';
import { dashboardTables } from './tables';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, parent }) => {
  requireManager((await parent()).managed);
  const criteria = criteriaFrom(url);
  const [{ overview, problem }, alerts] = await Promise.all([
    loadOverview(locals.token, criteria),
    loadAlerts(locals.token, criteria.service),
  ]);
  return { criteria, overview, problem, alerts, tables: overview ? dashboardTables(overview, criteria) : null };
};
