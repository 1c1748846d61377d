import { redirect } from '@sveltejs/kit';

/** Pages of a resident's own space: anonymous visitors are sent to log in, then brought back. */
export function requireCitizen(locals: App.Locals, url: URL): NonNullable<App.Locals['user']> {
  if (!locals.user) redirect(303, `/connexion?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  return locals.user;
}
