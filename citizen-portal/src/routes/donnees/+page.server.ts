import type { PageServerLoad } from './$types';
import { requireCitizen } from '$lib/server/guard';
import type { CaseSummary, Profile } from '$lib/types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireCitizen(locals, url);
  const [me, cases] = await Promise.all([
    locals.api.get<{ profile: Profile | null }>('/me'),
    locals.api.get<{ items: CaseSummary[] }>('/me/cases'),
  ]);
  return { profile: me.profile, accountEmail: user.email, cases: cases.items };
};
