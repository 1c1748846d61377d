import type { PageServerLoad } from './$types';
import { listProcedures } from '$lib/server/catalogue';

export const load: PageServerLoad = async ({ locals, url, parent }) => {
  const tenant = (await parent()).tenant?.id;
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
  const theme = (url.searchParams.get('theme') ?? '').trim().slice(0, 60);
  const [procedures, all] = await Promise.all([
    listProcedures(locals.api, { q: q || undefined, theme: theme || undefined, tenant }),
    listProcedures(locals.api, { tenant }),
  ]);
  return { procedures, themes: [...new Set(all.map((p) => p.theme))], q, theme };
};
