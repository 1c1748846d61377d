import type { LayoutServerLoad } from './$types';

/** Services this agent manages or administers; each page refuses the others (see dashboard.server.ts). */
export const load: LayoutServerLoad = async ({ locals, parent }) => {
  await parent();
  const managed = [
    ...new Set(
      (locals.user?.roles ?? []).filter((r) => r.role === 'manager' || r.role === 'admin').map((r) => r.serviceId),
    ),
  ];
  return { managed };
};
