import type { FieldError } from '@guichet/domain';

/** An RFC 9457 problem the API answers with; anything else thrown becomes a bare 500. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new Problem(400, 'Requête invalide', detail, errors ? { errors } : {});
export const unauthorized = (detail = 'Connectez-vous pour continuer.') => new Problem(401, 'Non authentifié', detail);
export const forbidden = (detail = "Vous n'avez pas accès à cette ressource.") =>
  new Problem(403, 'Accès refusé', detail);
export const notFound = (detail = "Cette ressource n'existe pas.") => new Problem(404, 'Introuvable', detail);
export const conflict = (detail: string, extra: Record<string, unknown> = {}) =>
  new Problem(409, 'Conflit', detail, extra);
