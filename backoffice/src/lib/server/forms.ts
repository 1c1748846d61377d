import { fail, redirect } from '@sveltejs/kit';
import { base } from '$app/paths';
import { ApiError } from './api';

/** Everything typed in the form, files excepted, so a refused submission loses nothing. */
export function valuesOf(fd: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of fd.entries()) {
    if (typeof value !== 'string' || key === 'idempotencyKey') continue;
    values[key] = key in values ? `${values[key]}\n${value}` : value;
  }
  return values;
}

export const text = (fd: FormData, name: string) => {
  const v = fd.get(name);
  return typeof v === 'string' ? v.trim() : '';
};

export const file = (fd: FormData, name: string): File | null => {
  const v = fd.get(name);
  return v instanceof File && v.size > 0 ? v : null;
};

/** A refusal before the API is even asked (a required field left empty, a bad number…). */
export function invalid(action: string, values: Record<string, string>, errors: Record<string, string>) {
  return fail(400, { action, values, errors, message: 'Certains champs sont à corriger.' });
}

/**
 * Turns an API refusal into what the page shows: French messages by field, the detail, and for a
 * version conflict what changed meanwhile. `rename` maps API field paths to the form's names.
 */
export function refusal(
  action: string,
  err: unknown,
  values: Record<string, string>,
  rename: Record<string, string> = {},
) {
  if (!(err instanceof ApiError)) throw err;
  if (err.status === 401) redirect(303, `${base}/connexion`);
  const errors: Record<string, string> = {};
  for (const e of err.errors) {
    const field = rename[e.field] ?? e.field;
    errors[field] ??= e.message;
  }
  return fail(err.status, {
    action,
    values,
    errors,
    message: err.detail,
    ...(err.conflict ? { conflict: err.conflict } : {}),
  });
}
