import type { Cookies } from '@sveltejs/kit';
import { randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'guichet_citoyen';
/** Random key tying a visitor's anonymous uploads to their submission. */
export const UPLOAD_KEY_COOKIE = 'guichet_depot';
/** What the receipt page shows after a submission (reference, tracking code): never put in a URL. */
export const RECEIPT_COOKIE = 'guichet_recu';
/** The tracking code of the anonymous request being followed: a secret, so a cookie rather than the URL. */
export const TRACKING_COOKIE = 'guichet_suivi';

export function cookieOptions(url: URL, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: url.protocol === 'https:',
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}

export function uploadKey(cookies: Cookies, url: URL): string {
  const existing = cookies.get(UPLOAD_KEY_COOKIE);
  if (existing && /^[a-f0-9]{32}$/.test(existing)) return existing;
  const key = randomBytes(16).toString('hex');
  cookies.set(UPLOAD_KEY_COOKIE, key, cookieOptions(url, 60 * 60 * 24));
  return key;
}

/** Only a path of this site: `//evil.example` and absolute URLs fall back. */
export function safeRedirect(target: string | null | undefined, fallback = '/demandes'): string {
  return target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\') ? target : fallback;
}
