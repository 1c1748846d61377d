import type { Handle } from '@sveltejs/kit';
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
