import type { Handle, HandleServerError } from '@sveltejs/kit';
import { ApiError, createApi } from '$lib/server/api';
import { cookieOptions, SESSION_COOKIE } from '$lib/server/session';
import type { User } from '$lib/types';

/** Resolves the resident behind the session cookie once per request and hands pages a ready API client. */
export const handle: Handle = async ({ event, resolve }) => {
  const { cookies, locals, url } = event;
  locals.token = null;
  locals.user = null;
  const token = cookies.get(SESSION_COOKIE);
  if (token) {
    try {
      const { user } = await createApi({ token }).get<{ user: User }>('/session');
      // The portal is for residents; an agent signs in to the back office.
      if (user.kind === 'citizen') {
        locals.token = token;
        locals.user = user;
      } else {
        cookies.delete(SESSION_COOKIE, cookieOptions(url));
      }
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403))
        cookies.delete(SESSION_COOKIE, cookieOptions(url));
      else if (!(err instanceof ApiError)) throw err;
    }
  }
  locals.api = createApi({ token: locals.token });
  return resolve(event);
};

/** Unexpected failures: a French sentence for the resident, the details only in the server log. */
export const handleError: HandleServerError = ({ error, event, status }) => {
  if (status !== 404) console.error(`${event.request.method} ${event.url.pathname}`, error);
  if (error instanceof ApiError && error.status === 503) {
    return { message: 'Le service est momentanément indisponible. Réessayez dans quelques instants.' };
  }
  return { message: status === 404 ? 'Page introuvable.' : 'Une erreur inattendue est survenue.' };
};
