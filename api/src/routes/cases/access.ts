import type { FastifyRequest } from 'fastify';
import { serviceIdsOf } from '../../plugins/auth.ts';
import { badRequest, notFound } from '../../lib/problem.ts';

interface Owned {
  serviceId: string | null;
  citizenId: string | null;
  tenant?: string | null | undefined;
}

/**
 * May this request's user know the case exists? Its citizen, or an agent of its service in
 * its tenant. Everyone else gets the same 404 as for a case that does not exist.
 */
export function canSee(req: FastifyRequest, c: Owned | null | undefined): boolean {
  const user = req.user;
  if (!c || !user) return false;
  if (c.tenant && c.tenant !== user.tenant && user.kind === 'agent') return false;
  if (user.kind === 'citizen') return c.citizenId === user.id;
  return c.serviceId !== null && serviceIdsOf(user).includes(c.serviceId);
}

export function assertCanSee(req: FastifyRequest, c: Owned | null | undefined): void {
  if (!canSee(req, c)) throw notFound("Cette demande n'existe pas ou ne vous concerne pas.");
}

/** `If-Match: "12"` (or W/"12", or 12) → 12. */
export function expectedVersionOf(req: FastifyRequest): number | undefined {
  const raw = req.headers['if-match'];
  if (raw === undefined || raw === '*') return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(String(raw).trim());
  if (!m)
    throw badRequest('En-tête If-Match invalide : attendu la version entre guillemets, par exemple "3".', [
      { field: 'If-Match', message: 'Valeur invalide.' },
    ]);
  return Number(m[1]);
}
