import type { User } from '$lib/types';
import { THEMES } from './labels';

/** A third party without a service role, drafting the procedures of the categories delegated to them. */
export const isDelegate = (user: Pick<User, 'roles' | 'delegations'> | null) =>
  !!user && user.roles.length === 0 && (user.delegations?.length ?? 0) > 0;

/** Designers and administrators moderate what delegates propose (the API checks the owning service). */
export const mayModerate = (user: Pick<User, 'roles'> | null) =>
  !!user && user.roles.some((r) => r.role === 'designer' || r.role === 'admin');

/** Designers and administrators shape procedures (the API checks the owning service of each); delegates too, under moderation. */
export const mayDesign = (user: Pick<User, 'roles' | 'delegations'> | null) => mayModerate(user) || isDelegate(user);

export const mayAdminister = (user: Pick<User, 'roles'> | null) => !!user && user.roles.some((r) => r.role === 'admin');

/** The services a procedure may belong to for this person: all for an administrator, else those they design for. */
export function designableServices<S extends { id: string }>(
  user: Pick<User, 'roles' | 'delegations'>,
  services: readonly S[],
): S[] {
  // A delegate names the service a new procedure goes to; the town's designers of that service moderate it.
  if (mayAdminister(user) || isDelegate(user)) return [...services];
  const mine = new Set(user.roles.filter((r) => r.role === 'designer').map((r) => r.serviceId));
  return services.filter((s) => mine.has(s.id));
}

/** The catalogue themes a procedure may be filed under: every one, or for a delegate the categories delegated to them. */
export function designableThemes(user: Pick<User, 'roles' | 'delegations'>): { id: string; label: string }[] {
  if (!isDelegate(user)) return THEMES;
  const mine = user.delegations ?? [];
  return [
    ...THEMES.filter((t) => mine.includes(t.id)),
    ...mine.filter((c) => !THEMES.some((t) => t.id === c)).map((c) => ({ id: c, label: c })),
  ];
}
