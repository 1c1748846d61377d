import { error } from '@sveltejs/kit';
import type { Api } from './api';
import { ApiError, orNull } from './api';
import type { Draft, Procedure, Profile } from '$lib/types';

export async function loadProcedure(api: Api, slug: string): Promise<Procedure> {
  const procedure = await orNull(api.get<Procedure>(`/procedures/${encodeURIComponent(slug)}`));
  if (!procedure) error(404, "Cette démarche n'existe pas ou n'est plus proposée.");
  return procedure;
}

/** The resident's saved draft for a procedure, if any (drafts need an account). */
export async function loadDraft(api: Api, procedureId: string): Promise<Draft | null> {
  return orNull(api.get<Draft>(`/me/drafts/${encodeURIComponent(procedureId)}`));
}

export async function loadProfile(api: Api): Promise<Profile | null> {
  try {
    return (await api.get<{ profile: Profile | null }>('/me')).profile;
  } catch (err) {
    if (err instanceof ApiError) return null;
    throw err;
  }
}
