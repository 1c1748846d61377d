import { error } from '@sveltejs/kit';
import { criteriaFrom, loadAlerts, loadOverview, requireManager } from '../../dashboard.server';
import { dashboardTables } from '../../tables';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params, parent }) => {
  const { managed } = await parent();
  requireManager(managed);
  if (!managed.includes(params.id)) error(403, 'Vous n’êtes ni responsable ni administrateur de ce service.');
  const criteria = criteriaFrom(url, params.id);
  const [{ overview, problem }, alerts] = await Promise.all([
    loadOverview(locals.token, criteria),
    loadAlerts(locals.token, params.id),
  ]);
  return { criteria, overview, problem, alerts, tables: overview ? dashboardTables(overview, criteria) : null };
};
