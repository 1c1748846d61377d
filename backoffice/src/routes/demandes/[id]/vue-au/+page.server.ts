import { error, redirect } from '@sveltejs/kit';
import { base } from '$app/paths';
import { api, ApiError } from '$lib/server/api';
import { fromLocalInput } from '$lib/format';
import type { CaseView, Procedure, TimelineEvent } from '$lib/types';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const raw = url.searchParams.get('a') ?? url.searchParams.get('at') ?? '';
  const at =
    /Z$|[+-]\d\d:\d\d$/.test(raw) && !Number.isNaN(Date.parse(raw)) ? new Date(raw).toISOString() : fromLocalInput(raw);
  if (!at) {
    return {
      at: null,
      past: null,
      fields: [],
      problem: 'Choisissez une date et une heure valides.',
      caseId: params.id,
    };
  }
  try {
    const past = await api<{ case: CaseView; events: TimelineEvent[] }>(locals.token, `/cases/${params.id}/as-of`, {
      query: { at },
    });
    const procedure = await api<Procedure>(locals.token, `/procedures/${past.case.procedureId}`, {
      query: { version: past.case.procedureVersion },
    }).catch(() => null);
    return { at, past, fields: procedure?.definition.fields ?? [], problem: null, caseId: params.id };
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) redirect(303, `${base}/connexion`);
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) {
      // Before the request existed, or a date the API cannot read: say so next to the picker.
      return { at, past: null, fields: [], problem: err.detail, caseId: params.id };
    }
    if (err instanceof ApiError) error(err.status, err.detail);
    throw err;
  }
};
