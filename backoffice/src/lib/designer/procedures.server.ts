import { error, fail, redirect } from '@sveltejs/kit';
import { base } from '$app/paths';
import type { ProcedureDefinition } from '@guichet/domain';
import { api, apiWithVersion, ApiError } from '$lib/server/api';
import { mayAdminister, mayDesign } from './access';
import type { Problems } from './draft-form';
import type { Outcome } from './draft-ops';
import type { AdminProcedure } from './types';
import type { DraftConflict } from './ConflictBox.svelte';

type Locals = App.Locals;

export function requireDesigner(locals: Locals): { token: string; user: NonNullable<Locals['user']> } {
  if (!locals.user || !locals.token) redirect(303, `${base}/connexion`);
  if (!mayDesign(locals.user))
    error(403, 'La conception des démarches est réservée aux concepteurs et aux administrateurs.');
  return { token: locals.token, user: locals.user };
}

export function requireAdmin(locals: Locals): { token: string; user: NonNullable<Locals['user']> } {
  if (!locals.user || !locals.token) redirect(303, `${base}/connexion`);
  if (!mayAdminister(locals.user))
    error(403, 'L’administration des comptes et des services est réservée aux administrateurs.');
  return { token: locals.token, user: locals.user };
}

/** The API's refusals as the pages show them: 401 back to the login page, 404 and 403 as error pages. */
export function rethrow(err: unknown): never {
  if (err instanceof ApiError) {
    if (err.status === 401) redirect(303, `${base}/connexion`);
    if (err.status === 404) error(404, 'Démarche introuvable, ou vous n’avez pas les droits sur son service.');
    if (err.status === 403) error(403, err.detail);
  }
  throw err;
}

export async function loadProcedure(token: string, id: string): Promise<AdminProcedure> {
  try {
    const { body, etag } = await apiWithVersion<AdminProcedure>(token, `/admin/procedures/${encodeURIComponent(id)}`);
    return { ...body, streamVersion: etag ?? body.streamVersion };
  } catch (err) {
    rethrow(err);
  }
}

export async function validate(token: string, definition: ProcedureDefinition) {
  return api<{ valid: boolean; errors: { field: string; message: string }[] }>(token, '/admin/procedures/validate', {
    body: { definition },
  });
}

/**
 * One save of the builder: the part the page posted (read by `read`) replaces that part of the
 * current draft, a button's operation applies, and the draft is saved against the version the
 * designer saw. A conflict or a refusal keeps everything on screen (`definition` in the answer).
 */
export async function saveDraft(
  { locals, params, request }: { locals: Locals; params: { id: string }; request: Request },
  read: (fd: FormData, draft: ProcedureDefinition) => { definition: ProcedureDefinition; problems: Problems },
  operate?: (definition: ProcedureDefinition, fd: FormData) => Outcome,
) {
  const { token } = requireDesigner(locals);
  const fd = await request.formData();
  const current = await loadProcedure(token, params.id);
  const { definition: posted, problems } = read(fd, current.draft);
  if (Object.keys(problems).length > 0) {
    return fail(400, {
      definition: posted,
      problems,
      message: 'Certaines valeurs ne peuvent pas être lues : corrigez-les, puis enregistrez.',
    });
  }
  const outcome: Outcome = operate ? operate(posted, fd) : { definition: posted, message: 'Brouillon enregistré.' };
  const overwrite = Number(fd.get('overwrite'));
  const seen = Number.isInteger(overwrite) && overwrite > 0 ? overwrite : Number(fd.get('version'));
  try {
    await api(token, `/admin/procedures/${encodeURIComponent(params.id)}/draft`, {
      method: 'PUT',
      body: { definition: outcome.definition },
      ifMatch: Number.isInteger(seen) && seen > 0 ? seen : undefined,
    });
  } catch (err) {
    if (!(err instanceof ApiError) || err.status === 401 || err.status === 404) rethrow(err);
    // A stale version answers 409 with the current one; other 409s are refusals (a retired procedure).
    const stale = err.status === 409 && typeof err.body.currentVersion === 'number';
    return fail(err.status, {
      definition: outcome.definition,
      problems: {} as Problems,
      message: stale ? null : err.detail,
      // Who changed what meanwhile (see api/src/routes/admin/draft-conflict.ts), for the ConflictBox.
      conflict: stale
        ? {
            currentVersion: err.body.currentVersion as number,
            changes: (err.body.changes ?? []) as DraftConflict['changes'],
            draftDiff: (err.body.draftDiff ?? []) as DraftConflict['draftDiff'],
          }
        : null,
    });
  }
  return { saved: true, message: outcome.message, focus: outcome.focus ?? null };
}

/** The position a button names (`name="index" value="3"`). */
export const indexOf = (fd: FormData) => Number(fd.get('index'));
