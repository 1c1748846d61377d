import type { Service } from '$lib/types';
import { api } from '$lib/server/api';
import { rethrow } from './procedures.server';
import type { AgentAccount } from './types';

/** The organisation's own services (the public list names every organisation's). */
export const ownServices = (services: readonly (Service & { tenant?: string })[], tenant: string) =>
  services.filter((s) => !s.tenant || s.tenant === tenant);

export async function loadAgents(token: string): Promise<AgentAccount[]> {
  return (await api<{ items: AgentAccount[] }>(token, '/admin/agents').catch(rethrow)).items;
}

/** For form actions, which have no parent data. */
export async function loadOwnServices(token: string, tenant: string) {
  const all = await api<{ items: (Service & { tenant?: string })[] }>(token, '/services').catch(rethrow);
  return ownServices(all.items, tenant);
}
