import { error } from '@sveltejs/kit';
import { api, ApiError } from '$lib/server/api';
import type { Contact, HistoryItem } from '$lib/types';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  try {
    const history = await api<{ items: HistoryItem[]; profile?: Contact | null }>(
      locals.token,
      `/citizens/${params.id}/history`,
    );
    return {
      citizenId: params.id,
      profile: history.profile ?? null,
      items: [...history.items].sort((a, b) => b.at.localeCompare(a.at)),
    };
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) error(404, 'Ce demandeur est inconnu.');
    throw err;
  }
};
