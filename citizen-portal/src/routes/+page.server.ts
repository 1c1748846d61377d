import type { PageServerLoad } from './$types';
import { listProcedures } from '$lib/server/catalogue';

export const load: PageServerLoad = async ({ locals }) => ({ procedures: await listProcedures(locals.api) });
