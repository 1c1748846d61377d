import { fail } from '@sveltejs/kit';
import type { Api } from './api';
import { ApiError } from './api';
import { fileProblem } from './answers';
import type { DocumentRef, FieldErrors } from '$lib/types';

/**
 * Messages and answers to an information request: a text and files, posted by a form with
 * `message` and `fichiers` (multiple). Used by a resident's request page and by anonymous tracking.
 */

const MAX_FILES = 5;

export async function postExchange(api: Api, path: string, form: FormData, action: string) {
  const message = String(form.get('message') ?? '').trim();
  const files = form.getAll('fichiers').filter((f): f is File => f instanceof File && f.size > 0);
  const errors: FieldErrors = {};
  if (!message) errors.message = 'Écrivez votre message.';
  else if (message.length > 10_000) errors.message = 'Votre message ne doit pas dépasser 10 000 caractères.';
  if (files.length > MAX_FILES) errors.fichiers = `Joignez au plus ${MAX_FILES} fichiers.`;
  for (const file of files) {
    const problem = fileProblem({}, file);
    if (problem) errors.fichiers = `${file.name} : ${problem}`;
  }
  if (Object.keys(errors).length > 0) return fail(400, { action, errors, message });
  try {
    const documents: string[] = [];
    for (const file of files) documents.push((await api.upload<DocumentRef>(file)).documentId);
    await api.post(path, { message, ...(documents.length > 0 ? { documents } : {}) });
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const fieldErrors = err.fieldErrors();
    const mapped: FieldErrors = {};
    for (const [k, v] of Object.entries(fieldErrors)) mapped[k.startsWith('documents') ? 'fichiers' : 'message'] ??= v;
    if (Object.keys(mapped).length === 0)
      mapped[err.status === 415 || err.status === 413 ? 'fichiers' : 'message'] = err.detail;
    return fail(err.status === 400 ? 400 : err.status, { action, errors: mapped, message });
  }
  return { action, done: true, errors: {} as FieldErrors, message: '' };
}
