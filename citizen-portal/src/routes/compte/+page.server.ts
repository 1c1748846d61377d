import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ApiError } from '$lib/server/api';
import { readProfile } from '$lib/server/profile';
import type { FieldErrors, Profile } from '$lib/types';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.user) redirect(303, `/connexion?redirectTo=${encodeURIComponent(url.pathname)}`);
  const { profile } = await locals.api.get<{ profile: Profile | null }>('/me');
  return { profile, accountEmail: locals.user.email };
};

export const actions: Actions = {
  profil: async ({ request, locals, url }) => {
    if (!locals.user) redirect(303, `/connexion?redirectTo=${encodeURIComponent(url.pathname)}`);
    const form = await request.formData();
    const email = String(form.get('email') ?? '').trim();
    const { profile, errors } = readProfile(form, email || undefined);
    if (email && !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email))
      errors.email = 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.';
    if (Object.keys(errors).length > 0) return fail(400, { profile, errors, message: null, saved: false });
    try {
      const answer = await locals.api.put<{ profile: Profile }>('/me/profile', { profile });
      return { profile: answer.profile, errors: {} as FieldErrors, message: null, saved: true };
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const fieldErrors = err.fieldErrors('profile.');
      return fail(err.status, {
        profile,
        errors: fieldErrors,
        message: Object.keys(fieldErrors).length > 0 ? null : err.detail,
        saved: false,
      });
    }
  },
};
