import type { PageServerLoad } from './$types';
import { requireCitizen } from '$lib/server/guard';
import type { HistoryItem } from '$lib/types';
import { contactChannel } from '$lib/format';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireCitizen(locals, url);
  const channel = url.searchParams.get('canal') ?? '';
  const { items } = await locals.api.get<{ items: HistoryItem[] }>('/me/history');
  const sorted = [...items]
    .map((i) => ({ ...i, channel: contactChannel(i.type, i.channel) }))
    .sort((a, b) => b.at.localeCompare(a.at));
  return {
    items: channel ? sorted.filter((i) => i.channel === channel) : sorted,
    channels: [...new Set(items.map((i) => i.channel))],
    channel,
  };
};
