import type { PageServerLoad } from './$types';
import { listProcedures } from '$lib/server/catalogue';

export const load: PageServerLoad = async ({ locals, url }) => {
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
  const theme = (url.searchParams.get('theme') ?? '').trim().slice(0, 60);
  const [procedures, all] = await Promise.all([
    listProcedures(locals.api, { q: q || undefined, theme: theme || undefined }),
    listProcedures(locals.api),
  ]);
  return { procedures, themes: [...new Set(all.map((p) => p.theme))], q, theme };
};
