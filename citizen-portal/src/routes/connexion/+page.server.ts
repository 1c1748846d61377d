import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ApiError } from '$lib/server/api';
import { cookieOptions, safeRedirect, SESSION_COOKIE } from '$lib/server/session';
import type { FieldErrors, User } from '$lib/types';

export const load: PageServerLoad = ({ locals, url }) => {
  const redirectTo = safeRedirect(url.searchParams.get('redirectTo'));
  if (locals.user) redirect(303, redirectTo);
  return { redirectTo };
};

export const actions: Actions = {
  default: async ({ request, locals, cookies, url }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const redirectTo = safeRedirect(String(form.get('redirectTo') ?? ''));
    const errors: FieldErrors = {};
    if (!email) errors.email = 'Saisissez votre adresse e-mail.';
    if (!password) errors.password = 'Saisissez votre mot de passe.';
    if (Object.keys(errors).length > 0) return fail(400, { email, errors, message: null });
    try {
      const { token, user } = await locals.api.post<{ token: string; user: User }>('/session', { email, password });
      if (user.kind !== 'citizen') {
        await locals.api.del('/session').catch(() => undefined);
        return fail(403, {
          email,
          errors: {} as FieldErrors,
          message: 'Ce compte est un compte agent : connectez-vous sur l’espace agents de la mairie.',
        });
      }
      cookies.set(SESSION_COOKIE, token, cookieOptions(url, 60 * 60 * 12));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const message = err.status === 401 ? 'Adresse e-mail ou mot de passe incorrect.' : err.detail;
      return fail(err.status === 401 ? 400 : err.status, { email, errors: err.fieldErrors(), message });
    }
    redirect(303, redirectTo);
  },
};
