import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ApiError, createApi } from '$lib/server/api';
import { postExchange } from '$lib/server/exchanges';
import { cookieOptions, TRACKING_COOKIE, uploadKey } from '$lib/server/session';
import type { CaseView, FieldErrors, Procedure, TimelineEvent } from '$lib/types';

/** The tracking code is the only key to an anonymous request: it stays in an HttpOnly cookie, never in a URL. */

const clean = (code: string) => code.replace(/\s+/g, '').slice(0, 40);
const path = (code: string) => `/tracking/${encodeURIComponent(code)}`;

export const load: PageServerLoad = async ({ locals, cookies, url }) => {
  const code = cookies.get(TRACKING_COOKIE);
  if (!code) return { tracked: null };
  try {
    const tracked = await locals.api.get<{ case: CaseView; events: TimelineEvent[] }>(path(code));
    const procedure = await locals.api
      .get<Procedure>(
        `/procedures/${encodeURIComponent(tracked.case.procedureId)}?version=${tracked.case.procedureVersion}`,
      )
      .catch(() => null);
    return { tracked: { view: tracked.case, events: tracked.events, fields: procedure?.definition.fields ?? [] } };
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 404) throw err;
    cookies.delete(TRACKING_COOKIE, cookieOptions(url));
    return { tracked: null };
  }
};

/** Anonymous attachments are tied to this browser's upload key. */
const anonymousApi = (cookies: Parameters<PageServerLoad>[0]['cookies'], url: URL) =>
  createApi({ uploadKey: uploadKey(cookies, url) });

export const actions: Actions = {
  suivre: async ({ request, locals, cookies, url }) => {
    const code = clean(String((await request.formData()).get('code') ?? ''));
    const errors: FieldErrors = {};
    if (!code) errors.code = 'Saisissez votre code de suivi.';
    else if (!/^[A-Za-z0-9-]{12,20}$/.test(code))
      errors.code = 'Ce code n’a pas le bon format : il comporte de 12 à 20 lettres, chiffres ou tirets.';
    if (Object.keys(errors).length > 0) return fail(400, { action: 'suivre', errors, code, message: '' });
    try {
      await locals.api.get(path(code));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return fail(err.status === 404 ? 400 : err.status, {
        action: 'suivre',
        errors: { code: err.detail } as FieldErrors,
        code,
        message: '',
      });
    }
    cookies.set(TRACKING_COOKIE, code, cookieOptions(url, 60 * 60 * 24 * 30));
    redirect(303, '/suivi');
  },
  oublier: async ({ cookies, url }) => {
    cookies.delete(TRACKING_COOKIE, cookieOptions(url));
    redirect(303, '/suivi');
  },
  message: async ({ request, cookies, url }) => {
    const code = cookies.get(TRACKING_COOKIE);
    if (!code) redirect(303, '/suivi');
    return postExchange(anonymousApi(cookies, url), `${path(code)}/messages`, await request.formData(), 'message');
  },
  complement: async ({ request, cookies, url }) => {
    const code = cookies.get(TRACKING_COOKIE);
    if (!code) redirect(303, '/suivi');
    return postExchange(
      anonymousApi(cookies, url),
      `${path(code)}/provide-information`,
      await request.formData(),
      'complement',
    );
  },
};
