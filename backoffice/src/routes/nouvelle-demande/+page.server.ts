import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { readPosted, type FormValues } from '@guichet/citizen-portal/form';
import { base } from '$app/paths';
import { api } from '$lib/server/api';
import { invalid, refusal, text, valuesOf } from '$lib/server/forms';
import { procedureData } from '$lib/server/procedure-data';
import type { CitizenMatch, Contact, Procedure, ProcedureSummary } from '$lib/types';
import type { Actions, PageServerLoad } from './$types';

const CHANNELS = ['phone', 'letter', 'email', 'counter'];

/** The page's state lives in its address, so every step works without JavaScript. */
function stepUrl(params: Record<string, string>) {
  const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString();
  return `${base}/nouvelle-demande${qs ? `?${qs}` : ''}`;
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const token = locals.token;
  const p = url.searchParams;
  const citizenId = p.get('citizenId') ?? '';
  const q = (p.get('q') ?? '').trim();
  const channel = CHANNELS.includes(p.get('channel') ?? '') ? p.get('channel')! : 'counter';
  const mine = new Set(locals.user!.roles.map((r) => r.serviceId));

  const [catalogue, matches, citizen] = await Promise.all([
    api<{ items: ProcedureSummary[] }>(token, '/procedures').catch(() => ({ items: [] as ProcedureSummary[] })),
    q.length >= 2
      ? api<{ items: CitizenMatch[] }>(token, '/citizens', { query: { q } }).catch(() => ({
          items: [] as CitizenMatch[],
        }))
      : Promise.resolve(null),
    citizenId
      ? api<{ profile?: Contact | null }>(token, `/citizens/${citizenId}/history`).catch(() => null)
      : Promise.resolve(null),
  ]);
  const procedures = catalogue.items.filter((x) => !x.serviceId || mine.has(x.serviceId));
  const procedureId = procedures.some((x) => x.id === p.get('procedure')) ? p.get('procedure')! : '';
  const procedure = procedureId ? await api<Procedure>(token, `/procedures/${procedureId}`).catch(() => null) : null;
  const profile = citizen?.profile ?? null;

  return {
    step: { citizenId: citizen ? citizenId : '', q, channel, procedure: procedureId },
    procedures,
    matches: matches?.items ?? null,
    citizen: profile
      ? { id: citizenId, name: [profile.firstName, profile.lastName].filter(Boolean).join(' '), profile }
      : null,
    procedure,
    formKey: crypto.randomUUID(),
  };
};

export const actions: Actions = {
  contact: async ({ request, locals, url }) => {
    const fd = await request.formData();
    const values = valuesOf(fd);
    const errors: Record<string, string> = {};
    if (!text(fd, 'firstName')) errors['profile.firstName'] = 'Saisissez le prénom.';
    if (!text(fd, 'lastName')) errors['profile.lastName'] = 'Saisissez le nom.';
    if (Object.keys(errors).length > 0) return invalid('contact', values, errors);
    const address = { street: text(fd, 'street'), postalCode: text(fd, 'postalCode'), city: text(fd, 'city') };
    const profile = {
      firstName: text(fd, 'firstName'),
      lastName: text(fd, 'lastName'),
      ...(text(fd, 'email') ? { email: text(fd, 'email') } : {}),
      ...(text(fd, 'phone') ? { phone: text(fd, 'phone') } : {}),
      ...(address.street || address.postalCode || address.city ? { address } : {}),
    };
    let created: { id: string };
    try {
      created = await api<{ id: string }>(locals.token, '/citizens', {
        method: 'POST',
        body: { profile },
        idempotencyKey: text(fd, 'idempotencyKey') || undefined,
      });
    } catch (err) {
      return refusal('contact', err, values);
    }
    const p = url.searchParams;
    redirect(
      303,
      stepUrl({ citizenId: created.id, procedure: p.get('procedure') ?? '', channel: p.get('channel') ?? '' }),
    );
  },

  submit: async ({ request, locals }) => {
    const fd = await request.formData();
    const values = valuesOf(fd);
    const procedureId = text(fd, 'procedureId');
    const citizenId = text(fd, 'citizenId');
    const channel = CHANNELS.includes(text(fd, 'channel')) ? text(fd, 'channel') : 'counter';
    // What the agent typed comes back structured, as the form renderer shows it again.
    let answers: FormValues = {};
    const again = (result: ActionFailure<Record<string, unknown>>) =>
      fail(result.status, { ...result.data, answers } as Record<string, unknown>);
    let created: { id: string; reference: string };
    try {
      const procedure = await api<Procedure>(locals.token, `/procedures/${procedureId}`);
      answers = readPosted(procedure.definition.fields, fd, 'data.');
      // The town answers someone: even for a procedure open to anonymous residents, an agent names who asked.
      if (!citizenId)
        return again(invalid('submit', values, { citizenId: 'Choisissez le demandeur ou créez sa fiche (étape 1).' }));
      const posted = await procedureData(procedure.definition.fields, fd, locals.token);
      answers = posted.answers;
      created = await api<{ id: string; reference: string }>(locals.token, '/cases', {
        method: 'POST',
        body: { procedureId, data: posted.data, channel, citizenId },
        idempotencyKey: text(fd, 'idempotencyKey') || undefined,
      });
    } catch (err) {
      return again(refusal('submit', err, values));
    }
    redirect(303, `${base}/demandes/${created.id}?enregistree=${encodeURIComponent(created.reference)}`);
  },
};
