import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { cookieOptions, SESSION_COOKIE } from '$lib/server/session';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async ({ locals, cookies, url }) => {
    if (locals.token) await locals.api.del('/session').catch(() => undefined);
    cookies.delete(SESSION_COOKIE, cookieOptions(url));
    redirect(303, '/');
  },
};
