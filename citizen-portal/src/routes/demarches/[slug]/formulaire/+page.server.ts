import { fail, redirect, type Cookies } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import type { Actions, PageServerLoad } from './$types';
import { ApiError, createApi } from '$lib/server/api';
import { loadDraft, loadProcedure, loadProfile } from '$lib/server/procedures';
import { parseCarriedValues, readAnswers, toCaseData } from '$lib/server/answers';
import { cookieOptions, RECEIPT_COOKIE, uploadKey } from '$lib/server/session';
import { checkValues } from '$lib/form/form-checks';
import { prefillValues, type FormValues } from '$lib/form/procedure-form';
import type { DocumentRef, FieldErrors, Procedure } from '$lib/types';

function loginRedirect(url: URL): never {
  redirect(303, `/connexion?redirectTo=${encodeURIComponent(url.pathname)}`);
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const procedure = await loadProcedure(locals.api, params.slug);
  if (procedure.definition.access === 'account' && !locals.user) loginRedirect(url);
  let values: FormValues = {};
  let draftSavedAt: string | null = null;
  if (locals.user) {
    const draft = await loadDraft(locals.api, procedure.id);
    if (draft) {
      values = draft.data;
      draftSavedAt = draft.updatedAt;
    } else {
      values = prefillValues(procedure.definition.fields, await loadProfile(locals.api));
    }
  }
  return { procedure, values, draftSavedAt, loggedIn: !!locals.user };
};

/** Anonymous visitors upload under a key kept in a cookie, so their submission may attach the files. */
function apiFor(locals: App.Locals, cookies: Cookies, url: URL) {
  return locals.token ? locals.api : createApi({ uploadKey: uploadKey(cookies, url) });
}

async function answersFrom(procedure: Procedure, request: Request, locals: App.Locals, cookies: Cookies, url: URL) {
  const api = apiFor(locals, cookies, url);
  return readAnswers(procedure.definition.fields, await request.formData(), (file) => api.upload<DocumentRef>(file));
}

const refused = (values: FormValues, errors: FieldErrors, message: string | null = null) =>
  fail(400, { step: 'form' as const, values, errors, message, draftSavedAt: null as string | null });

export const actions: Actions = {
  /** « Vérifier ma demande »: read, upload files, first check, then the review step. */
  verifier: async ({ request, locals, params, cookies, url }) => {
    const procedure = await loadProcedure(locals.api, params.slug);
    const { values, errors } = await answersFrom(procedure, request, locals, cookies, url);
    const all = { ...checkValues(procedure.definition.fields, values), ...errors };
    if (Object.keys(all).length > 0) return refused(values, all);
    return {
      step: 'review' as const,
      values,
      errors: {} as FieldErrors,
      message: null,
      draftSavedAt: null as string | null,
      submissionKey: randomUUID(),
    };
  },

  brouillon: async ({ request, locals, params, cookies, url }) => {
    if (!locals.user) loginRedirect(url);
    const procedure = await loadProcedure(locals.api, params.slug);
    const { values, errors } = await answersFrom(procedure, request, locals, cookies, url);
    try {
      const draft = await locals.api.put<{ updatedAt: string }>(`/me/drafts/${encodeURIComponent(procedure.id)}`, {
        data: values,
      });
      if (Object.keys(errors).length > 0)
        return refused(values, errors, 'Le brouillon est enregistré, sauf les fichiers signalés ci-dessous.');
      return { step: 'form' as const, values, errors: {} as FieldErrors, message: null, draftSavedAt: draft.updatedAt };
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return refused(values, errors, `Le brouillon n’a pas pu être enregistré : ${err.detail}`);
    }
  },

  /** Back from the review step to the form, with every answer kept. */
  modifier: async ({ request, locals, params }) => {
    const procedure = await loadProcedure(locals.api, params.slug);
    const values = parseCarriedValues(procedure.definition.fields, (await request.formData()).get('__reponses'));
    return {
      step: 'form' as const,
      values,
      errors: {} as FieldErrors,
      message: null,
      draftSavedAt: null as string | null,
    };
  },

  envoyer: async ({ request, locals, params, cookies, url }) => {
    const procedure = await loadProcedure(locals.api, params.slug);
    const fields = procedure.definition.fields;
    const form = await request.formData();
    const values = parseCarriedValues(fields, form.get('__reponses'));
    const key = form.get('__cle');
    const api = apiFor(locals, cookies, url);
    let answer: { id: string; reference: string; trackingCode?: string };
    try {
      answer = await api.post(
        '/cases',
        { procedureId: procedure.id, data: toCaseData(fields, values) },
        typeof key === 'string' && /^[0-9a-f-]{36}$/.test(key) ? key : undefined,
      );
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.status === 401) loginRedirect(url);
      const errors = err.fieldErrors('data.');
      const general = Object.keys(errors).length > 0 ? null : err.detail;
      return fail(err.status === 400 ? 400 : err.status, {
        step: 'form' as const,
        values,
        errors,
        message: general,
        draftSavedAt: null as string | null,
      });
    }
    if (locals.user) await locals.api.del(`/me/drafts/${encodeURIComponent(procedure.id)}`).catch(() => undefined);
    const receipt = {
      id: answer.id,
      reference: answer.reference,
      trackingCode: answer.trackingCode ?? null,
      title: procedure.definition.title,
    };
    cookies.set(RECEIPT_COOKIE, JSON.stringify(receipt), cookieOptions(url, 60 * 30));
    redirect(303, '/demande-envoyee');
  },
};
