import { ROLES, type Role } from '@guichet/domain';

export interface ServiceRole {
  serviceId: string;
  role: Role;
}

/** `voirie:agent`, the value of one checkbox of the roles grid. */
export const roleKey = (r: { serviceId: string; role: string }) => `${r.serviceId}:${r.role}`;

/** Reads the ticked boxes of the roles grid, keeping only known roles on known services. */
export function readRoleGrid(values: readonly string[], services: readonly { id: string }[]): ServiceRole[] {
  const known = new Set(services.map((s) => s.id));
  const out = new Map<string, ServiceRole>();
  for (const v of values) {
    const at = v.lastIndexOf(':');
    const serviceId = v.slice(0, at);
    const role = v.slice(at + 1) as Role;
    if (at > 0 && known.has(serviceId) && ROLES.includes(role))
      out.set(roleKey({ serviceId, role }), { serviceId, role });
  }
  return [...out.values()];
}

/** What to grant and what to revoke to go from the roles held to the roles ticked. */
export function roleChanges(held: readonly { serviceId: string; role: string }[], wanted: readonly ServiceRole[]) {
  const have = new Set(held.map(roleKey));
  const want = new Set(wanted.map(roleKey));
  return {
    grant: wanted.filter((r) => !have.has(roleKey(r))),
    revoke: held.filter((r) => !want.has(roleKey(r))) as ServiceRole[],
  };
}
