import { error, redirect } from '@sveltejs/kit';
import { base } from '$app/paths';
import { api, apiWithVersion, ApiError } from '$lib/server/api';
import { caseActions } from '$lib/server/case-actions';
import { allowedActions, mayTransition } from '$lib/permissions';
import type { Agent, CaseView, Contact, HistoryItem, Procedure, TimelineEvent } from '$lib/types';
import type { Actions, PageServerLoad } from './$types';

interface Transition {
  id: string;
  roles?: string[];
}

export const load: PageServerLoad = async ({ locals, params, parent }) => {
  const token = locals.token;
  const user = locals.user!;
  let view: CaseView;
  let etag: number | null;
  try {
    ({ body: view, etag } = await apiWithVersion<CaseView>(token, `/cases/${params.id}`));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) redirect(303, `${base}/connexion`);
    if (err instanceof ApiError && err.status === 404)
      error(404, 'Cette demande n’existe pas ou ne relève pas de vos services.');
    throw err;
  }
  const version = etag ?? view.version;
  const [timeline, agents, procedure, history, { services }] = await Promise.all([
    api<{ events: TimelineEvent[] }>(token, `/cases/${params.id}/timeline`).catch(() => ({
      events: [] as TimelineEvent[],
    })),
    api<{ items: Agent[] }>(token, '/agents', { query: { service: view.serviceId } }).catch(() => ({
      items: [] as Agent[],
    })),
    api<Procedure & { definition: { workflow?: { transitions: Transition[] } } }>(
      token,
      `/procedures/${view.procedureId}`,
      {
        query: { version: view.procedureVersion },
      },
    ).catch(() => null),
    view.citizenId
      ? api<{ items: HistoryItem[]; profile?: Contact | null }>(token, `/citizens/${view.citizenId}/history`).catch(
          () => ({ items: [] as HistoryItem[] }),
        )
      : Promise.resolve({ items: [] as HistoryItem[] }),
    parent(),
  ]);

  const workflow = procedure?.definition.workflow?.transitions ?? [];
  const transitions = (view.availableTransitions ?? []).filter((t) =>
    mayTransition(user, view.serviceId, workflow.find((w) => w.id === t.id)?.roles),
  );
  return {
    case: { ...view, version },
    events: timeline.events,
    agents: agents.items,
    fields: procedure?.definition.fields ?? [],
    transitions,
    allowed: [...allowedActions(user, view)],
    otherServices: services.filter((s) => s.id !== view.serviceId),
    // Other requests of the same resident, most recent first.
    history: history.items.filter((h) => h.caseId !== view.id),
    // A resident with an account: their profile; a contact recorded by an agent: the case's contact.
    requester: ('profile' in history && history.profile) || view.contact || null,
    // One key per render of the page: a form submitted twice is recorded once.
    formKey: crypto.randomUUID(),
  };
};

export const actions = caseActions as Actions;
