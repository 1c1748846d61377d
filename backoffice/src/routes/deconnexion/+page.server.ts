import { redirect } from '@sveltejs/kit';
import { base } from '$app/paths';
import { api } from '$lib/server/api';
import { SESSION_COOKIE, cookieOptions } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, `${base}/`);

export const actions: Actions = {
  default: async ({ locals, cookies }) => {
    if (locals.token) await api(locals.token, '/session', { method: 'DELETE' }).catch(() => undefined);
    cookies.delete(SESSION_COOKIE, cookieOptions());
    redirect(303, `${base}/connexion`);
  },
};
