import type { Handle } from '@sveltejs/kit';
import { api, ApiError } from '$lib/server/api';
import { SESSION_COOKIE, cookieOptions } from '$lib/server/session';
import type { User } from '$lib/types';

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.token = null;
  event.locals.user = null;
  const token = event.cookies.get(SESSION_COOKIE);
  if (token) {
    try {
      const { user } = await api<{ user: User }>(token, '/session');
      if (user.kind === 'agent') {
        event.locals.token = token;
        event.locals.user = user;
      }
    } catch (err) {
      // An expired session simply logs out; an unreachable API must not.
      if (err instanceof ApiError && err.status === 401) event.cookies.delete(SESSION_COOKIE, cookieOptions());
      else if (!(err instanceof ApiError)) throw err;
    }
  }
  return resolve(event);
};
