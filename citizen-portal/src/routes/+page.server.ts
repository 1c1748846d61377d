import type { PageServerLoad } from './$types';
import { listProcedures } from '$lib/server/catalogue';

export const load: PageServerLoad = async ({ locals, parent }) => {
  const { tenant } = await parent();
  return { procedures: await listProcedures(locals.api, { tenant: tenant?.id }) };
};
