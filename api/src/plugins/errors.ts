import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '@guichet/domain';
import { ConcurrencyError } from '@guichet/eventstore';
import { Problem } from '../lib/problem.ts';

type AjvError = { instancePath?: string; keyword: string; params?: Record<string, unknown>; message?: string };

const PROBLEM = 'application/problem+json; charset=utf-8';

/** French message for one schema violation, so apps can show it next to the field. */
function frenchMessage(e: AjvError): string {
  const p = e.params ?? {};
  switch (e.keyword) {
    case 'required':
      return 'Ce champ est obligatoire.';
    case 'type':
      return `Type de valeur incorrect (attendu : ${String(p.type)}).`;
    case 'minLength':
      return Number(p.limit) === 1 ? 'Ce champ est obligatoire.' : `Au moins ${String(p.limit)} caractères.`;
    case 'maxLength':
      return `Au plus ${String(p.limit)} caractères.`;
    case 'minimum':
      return `La valeur doit être au moins ${String(p.limit)}.`;
    case 'maximum':
      return `La valeur doit être au plus ${String(p.limit)}.`;
    case 'enum':
    case 'const':
    case 'anyOf':
      return 'Valeur non autorisée.';
    case 'format':
      return p.format === 'email' ? 'Saisissez une adresse e-mail valide.' : `Format invalide (${String(p.format)}).`;
    case 'pattern':
      return 'Format invalide.';
    case 'additionalProperties':
      return `Champ inconnu : ${String(p.additionalProperty)}.`;
    case 'maxItems':
      return `Au plus ${String(p.limit)} éléments.`;
    case 'minItems':
      return `Au moins ${String(p.limit)} élément(s).`;
    default:
      return 'Valeur invalide.';
  }
}

function fieldOf(e: AjvError, context: string | undefined): string {
  const path = (e.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const missing = e.keyword === 'required' ? String(e.params?.missingProperty ?? '') : '';
  const parts = [context === 'body' ? '' : (context ?? ''), path, missing].filter(Boolean);
  return parts.join('.') || (context ?? 'body');
}

function send(reply: FastifyReply, status: number, title: string, detail: string | undefined, extra: object = {}) {
  return reply
    .code(status)
    .type(PROBLEM)
    .send({ type: 'about:blank', title, status, ...(detail ? { detail } : {}), ...extra });
}

async function errorsPlugin(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError & { validation?: AjvError[]; validationContext?: string }, req, reply) => {
    if (err instanceof Problem) return send(reply, err.status, err.title, err.detail, err.extra);
    if (err.validation) {
      // One entry per field: a missing object reports its own name, not every child.
      const seen = new Set<string>();
      const errors = err.validation
        .map((e) => ({ field: fieldOf(e, err.validationContext), message: frenchMessage(e) }))
        .filter((e) => !seen.has(e.field) && seen.add(e.field));
      return send(reply, 400, 'Requête invalide', 'Certains champs sont invalides.', { errors });
    }
    if (err instanceof ValidationError) {
      return send(reply, 400, 'Requête invalide', 'Certains champs sont invalides.', { errors: err.errors });
    }
    if (err instanceof ForbiddenError) return send(reply, 403, 'Accès refusé', err.message);
    if (err instanceof NotFoundError) return send(reply, 404, 'Introuvable', err.message);
    if (err instanceof IllegalStateError) return send(reply, 409, 'Action impossible', err.message);
    if (err instanceof ConcurrencyError) {
      return send(reply, 409, 'Conflit', "Quelqu'un d'autre a modifié cette demande entre-temps.", {
        currentVersion: err.actual,
      });
    }
    if ((err as { code?: string }).code === '22021' || (err as { code?: string }).code === '22P05') {
      return send(reply, 400, 'Requête invalide', 'Le texte envoyé contient un caractère non accepté.');
    }
    if (isDatabaseDown(err)) {
      req.log.warn({ err: err.message }, 'database unavailable');
      return send(reply, 503, 'Service momentanément indisponible', 'Réessayez dans quelques secondes.', {}).header(
        'retry-after',
        '5',
      );
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const detail =
        status === 413
          ? 'Le contenu envoyé est trop volumineux.'
          : status === 415
            ? "Ce type de contenu n'est pas accepté."
            : err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
              ? 'Le corps de la requête n’est pas un JSON valide.'
              : err.message;
      return send(reply, status, status === 413 ? 'Trop volumineux' : 'Requête invalide', detail);
    }
    req.log.error({ err, method: req.method, url: req.url, params: req.params }, 'unhandled error');
    return send(reply, 500, 'Erreur interne', 'Une erreur inattendue est survenue. Elle a été enregistrée.');
  });

  // PostgreSQL stores no NUL character in text: refuse it at the door, named, instead of a 500 later.
  app.addHook('onRequest', async (req, reply) => {
    // eslint-disable-next-line no-control-regex -- the NUL character is exactly what is looked for
    if (/%00|\u0000/.test(req.url)) {
      return send(reply, 400, 'Requête invalide', "L'adresse contient un caractère nul.", {
        errors: [{ field: 'url', message: 'Caractère nul interdit.' }],
      });
    }
  });
  app.addHook('preValidation', async (req, reply) => {
    if (
      req.body &&
      typeof req.body === 'object' &&
      !Buffer.isBuffer(req.body) &&
      JSON.stringify(req.body).includes('\\u0000')
    ) {
      return send(reply, 400, 'Requête invalide', 'Le texte envoyé contient un caractère nul.', {
        errors: [{ field: 'body', message: 'Caractère nul interdit.' }],
      });
    }
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && value.includes('\u0000')) {
        return send(reply, 400, 'Requête invalide', 'Un en-tête contient un caractère nul.', {
          errors: [{ field: name, message: 'Caractère nul interdit.' }],
        });
      }
    }
  });

  app.setNotFoundHandler((req, reply) =>
    send(reply, 404, 'Introuvable', `Aucune route ${req.method} ${req.url.split('?')[0]}.`),
  );
}

const DB_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08001',
  '08003',
]);

export function isDatabaseDown(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  if (!e) return false;
  if (e.code && DB_DOWN_CODES.has(e.code)) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error|terminating connection/i.test(
    e.message ?? '',
  );
}

export default fp(errorsPlugin, { name: 'errors' });
