import { base } from '$app/paths';

export const SESSION_COOKIE = 'guichet_agent';

/** Secure only over HTTPS: the demo and the tests run on plain http://127.0.0.1. */
export function cookieOptions(url?: URL) {
  return {
    path: base || '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: url?.protocol === 'https:',
    maxAge: 60 * 60 * 12,
  };
}
