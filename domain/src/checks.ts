import { ValidationError, type FieldError } from './common.ts';

/** Limit for free text written by people (messages, summaries, notes, reasons). */
export const MAX_TEXT = 10_000;

export const REQUIRED = 'Ce champ est obligatoire.';

/**
 * Checks a trimmed text length; `min` 0 makes it optional.
 * Returns the errors instead of throwing so several fields can be reported at once.
 */
export function checkText(value: unknown, field: string, min = 1, max = MAX_TEXT): FieldError[] {
  if (typeof value !== 'string') return [{ field, message: min > 0 ? REQUIRED : 'Saisissez du texte.' }];
  const length = value.trim().length;
  if (length < min) return [{ field, message: min === 1 ? REQUIRED : `Saisissez au moins ${min} caractères.` }];
  if (length > max) return [{ field, message: `Saisissez au plus ${max.toLocaleString('fr-FR')} caractères.` }];
  return [];
}

export function checkId(value: unknown, field: string): FieldError[] {
  return typeof value === 'string' && value.trim() !== '' && value.length <= 200
    ? []
    : [{ field, message: 'Identifiant manquant ou invalide.' }];
}

/** Throws one ValidationError carrying every field at fault, if any. */
export function throwIfInvalid(errors: FieldError[]): void {
  if (errors.length > 0) throw new ValidationError(errors);
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
export const EMAIL_MESSAGE = 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.';
export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/**
 * French numbers written the way people write them: national (0X XX XX XX XX), +33 / 0033
 * (with or without "(0)"), and any other international E.164 number for residents from abroad.
 */
export function isPhone(value: string): boolean {
  const compact = value.replace(/[\s.\-()]/g, '');
  if (/^0[1-9]\d{8}$/.test(compact)) return true;
  if (/^(\+|00)33(0)?[1-9]\d{8}$/.test(compact)) return true;
  return /^\+(?!33)[1-9]\d{7,14}$/.test(compact);
}
export const PHONE_MESSAGE = 'Saisissez un numéro de téléphone valide, par exemple 01 23 45 67 89.';

export const POSTAL_CODE = /^\d{5}$/;

/** meta.now and timestamps inside events: a malformed one is a bug in the caller, not a user error. */
export function instant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`invalid ISO instant: ${iso}`);
  return ms;
}

export function isoPlus(iso: string, ms: number): string {
  return new Date(instant(iso) + ms).toISOString();
}

export const DAY_MS = 86_400_000;
