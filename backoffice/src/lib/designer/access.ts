import type { User } from '$lib/types';

/** Designers and administrators shape procedures (the API checks the owning service of each). */
export const mayDesign = (user: Pick<User, 'roles'> | null) =>
  !!user && user.roles.some((r) => r.role === 'designer' || r.role === 'admin');

export const mayAdminister = (user: Pick<User, 'roles'> | null) => !!user && user.roles.some((r) => r.role === 'admin');

/** The services a procedure may belong to for this person: all for an administrator, else those they design for. */
export function designableServices<S extends { id: string }>(user: Pick<User, 'roles'>, services: readonly S[]): S[] {
  if (mayAdminister(user)) return [...services];
  const mine = new Set(user.roles.filter((r) => r.role === 'designer').map((r) => r.serviceId));
  return services.filter((s) => mine.has(s.id));
}
