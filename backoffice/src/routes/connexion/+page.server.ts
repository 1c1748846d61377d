import { fail, redirect } from '@sveltejs/kit';
import { base } from '$app/paths';
import { api, ApiError } from '$lib/server/api';
import { SESSION_COOKIE, cookieOptions } from '$lib/server/session';
import type { User } from '$lib/types';
import type { Actions, PageServerLoad } from './$types';

/** Only a path inside the back office: never an open redirect. */
function safeReturn(raw: string | null): string {
  return raw && raw.startsWith(`${base}/`) && !raw.startsWith('//') ? raw : `${base}/`;
}

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, safeReturn(url.searchParams.get('retour')));
  return { retour: url.searchParams.get('retour') ?? '' };
};

const refuse = (status: number, email: string, message: string, errors: Record<string, string> = {}) =>
  fail(status, { email, errors, message });

export const actions: Actions = {
  default: async ({ request, cookies, url }) => {
    const fd = await request.formData();
    const email = String(fd.get('email') ?? '').trim();
    const password = String(fd.get('password') ?? '');
    const errors: Record<string, string> = {};
    if (!email) errors.email = 'Saisissez votre adresse électronique.';
    if (!password) errors.password = 'Saisissez votre mot de passe.';
    if (Object.keys(errors).length > 0) return refuse(400, email, 'Certains champs sont à corriger.', errors);

    let session: { token: string; user: User };
    try {
      session = await api<{ token: string; user: User }>(null, '/session', {
        method: 'POST',
        body: { email, password },
      });
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 400 || err.status === 403)) {
        return refuse(401, email, 'Adresse électronique ou mot de passe incorrect.');
      }
      if (err instanceof ApiError) return refuse(err.status, email, err.detail);
      throw err;
    }
    if (session.user.kind !== 'agent') {
      // Close the session we just opened: a citizen has nothing to do here.
      await api(session.token, '/session', { method: 'DELETE' }).catch(() => undefined);
      return refuse(
        403,
        email,
        'Cet espace est réservé aux agents de la commune. Pour suivre vos démarches, utilisez le portail des usagers.',
      );
    }
    cookies.set(SESSION_COOKIE, session.token, cookieOptions(url));
    redirect(303, safeReturn(String(fd.get('retour') ?? '')));
  },
};
