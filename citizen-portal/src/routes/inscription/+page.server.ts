import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ApiError } from '$lib/server/api';
import { readProfile } from '$lib/server/profile';
import { cookieOptions, safeRedirect, SESSION_COOKIE } from '$lib/server/session';

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
    const { profile, errors } = readProfile(form);
    if (!/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email))
      errors.email = 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.';
    if (password.length < 10) errors.password = 'Choisissez un mot de passe d’au moins 10 caractères.';
    if (Object.keys(errors).length > 0) return fail(400, { email, profile, errors, message: null });
    try {
      const { token } = await locals.api.post<{ token: string }>('/accounts', { email, password, profile });
      cookies.set(SESSION_COOKIE, token, cookieOptions(url, 60 * 60 * 12));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const fieldErrors = err.fieldErrors('profile.');
      return fail(err.status, {
        email,
        profile,
        errors: fieldErrors,
        message: Object.keys(fieldErrors).length > 0 ? null : err.detail,
      });
    }
    redirect(303, redirectTo);
  },
};
