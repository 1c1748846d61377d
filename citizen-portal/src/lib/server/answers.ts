import type { DocumentRef, FieldErrors, FormField } from '$lib/types';
import {
  acceptsType,
  carriesValue,
  isDocumentRef,
  readPosted,
  visibility,
  type FormValues,
} from '$lib/form/procedure-form';
import { formatSize } from '$lib/format';
import { ApiError } from './api';

/**
 * Reads a procedure form as the browser posted it (see ProcedureForm's posted names) into answers,
 * uploading new files through the API on the way. Nothing typed is dropped: a file that cannot be
 * uploaded yields an error for its field and the other answers come back as they were.
 */

const MAX_UPLOAD = 10 * 1024 * 1024;

/** The size and type rules said next to the field, checked before spending an upload. */
export function fileProblem(field: Pick<FormField, 'rules'>, file: File): string | null {
  const max = Math.min(field.rules?.maxSize ?? MAX_UPLOAD, MAX_UPLOAD);
  if (file.size > max) return `Le fichier dépasse la taille maximale de ${formatSize(max)}.`;
  if (!acceptsType(field.rules?.accept, file.type))
    return "Ce type de fichier n'est pas accepté. Choisissez un fichier dans l'un des formats indiqués.";
  return null;
}

export async function readAnswers(
  fields: readonly FormField[],
  form: FormData,
  upload: (file: File) => Promise<DocumentRef>,
): Promise<{ values: FormValues; errors: FieldErrors }> {
  const values = readPosted(fields, form);
  const errors: FieldErrors = {};
  const shown = visibility(fields, values);
  for (const field of fields) {
    if (field.type !== 'file' || !shown.get(field.name)) continue;
    const file = form.get(field.name);
    if (!(file instanceof File) || file.size === 0) continue;
    const problem = fileProblem(field, file);
    if (problem) {
      errors[field.name] = problem;
      continue;
    }
    try {
      values[field.name] = await upload(file);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      errors[field.name] =
        err.status === 413 ? `Le fichier dépasse la taille maximale de ${formatSize(MAX_UPLOAD)}.` : err.detail;
    }
  }
  return { values, errors };
}

/** Answers trusted no further than their shape: only the form's own fields survive a round trip through the page. */
export function parseCarriedValues(fields: readonly FormField[], raw: FormDataEntryValue | null): FormValues {
  if (typeof raw !== 'string') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const source = parsed as Record<string, unknown>;
  const out: FormValues = {};
  for (const f of fields) if (carriesValue(f) && Object.hasOwn(source, f.name)) out[f.name] = source[f.name];
  return out;
}

/** The `data` of POST /cases: visible fields only, files as the ids of their uploads. */
export function toCaseData(fields: readonly FormField[], values: FormValues): Record<string, unknown> {
  const shown = visibility(fields, values);
  const data: Record<string, unknown> = {};
  for (const f of fields) {
    if (!carriesValue(f) || !shown.get(f.name)) continue;
    const v = values[f.name];
    if (v === undefined) continue;
    data[f.name] = f.type === 'file' ? (isDocumentRef(v) ? v.documentId : undefined) : v;
    if (data[f.name] === undefined) delete data[f.name];
  }
  return data;
}
