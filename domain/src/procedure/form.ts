import type { FieldError } from '../common.ts';
import { EMAIL_MESSAGE, PHONE_MESSAGE, POSTAL_CODE, REQUIRED, isEmail, isPhone } from '../checks.ts';
import { accepts, validateDocumentRef } from '../documents.ts';
import type { DocumentRef } from '../case/events.ts';
import { carriesValue, compilePattern } from './definition.ts';
import type { FormField, ProcedureDefinition } from './events.ts';
import { readForm, type FormValues } from './form-values.ts';

export { normaliseFormData, normaliseValue, visibleFields, type FormValues } from './form-values.ts';

/** Without a maxLength rule, text stays a line and a textarea a letter. */
const DEFAULT_MAX_LENGTH = { text: 500, textarea: 10_000 } as const;

/**
 * Checks a submission against its form. Paths are `data.<name>` (`data.<name>.postalCode` for addresses).
 * - values are read leniently first (see normaliseValue), so JSON and HTML form posts both work;
 * - a field hidden by its `showIf` condition is neither required nor checked (normaliseFormData drops it);
 * - a key the form does not know is an error;
 * - a required boolean must be true (a consent box);
 * - a file field holds a DocumentRef (the document is uploaded first), checked against maxSize and accept.
 */
export function validateFormData(definition: Pick<ProcedureDefinition, 'fields'>, data: unknown): FieldError[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return [{ field: 'data', message: 'Les réponses au formulaire sont manquantes.' }];
  }
  const input = data as FormValues;
  const valueFields = new Set(definition.fields.filter(carriesValue).map((f) => f.name));
  const errors: FieldError[] = Object.keys(input)
    .filter((key) => !valueFields.has(key))
    .map((key) => ({ field: `data.${key}`, message: 'Ce champ ne fait pas partie du formulaire.' }));

  const { values, shown } = readForm(definition, input);
  for (const field of definition.fields) {
    if (!carriesValue(field) || !shown.get(field)) continue;
    const value = values.get(field.name);
    const at = `data.${field.name}`;
    if (value === undefined) {
      if (field.required)
        errors.push({ field: at, message: field.type === 'checkboxes' ? 'Cochez au moins une case.' : REQUIRED });
      continue;
    }
    errors.push(...checkValue(field, value, at));
  }
  return errors;
}

function checkValue(field: FormField, value: unknown, at: string): FieldError[] {
  const fail = (message: string) => [{ field: at, message }];
  const rules = field.rules ?? {};
  switch (field.type) {
    case 'text':
    case 'textarea': {
      if (typeof value !== 'string') return fail('Saisissez du texte.');
      const max = rules.maxLength ?? DEFAULT_MAX_LENGTH[field.type];
      if (rules.minLength !== undefined && value.length < rules.minLength)
        return fail(`Saisissez au moins ${rules.minLength} caractères.`);
      if (value.length > max) return fail(`Saisissez au plus ${max} caractères.`);
      const pattern = rules.pattern === undefined ? null : compilePattern(rules.pattern);
      if (pattern && !pattern.test(value))
        return fail(rules.patternMessage ?? "Le format de ce champ n'est pas valide.");
      return [];
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('Saisissez un nombre.');
      if (rules.min !== undefined && value < rules.min)
        return fail(`Saisissez un nombre supérieur ou égal à ${frNumber(rules.min)}.`);
      if (rules.max !== undefined && value > rules.max)
        return fail(`Saisissez un nombre inférieur ou égal à ${frNumber(rules.max)}.`);
      return [];
    case 'date':
      return typeof value === 'string' && isCalendarDate(value)
        ? []
        : fail('Saisissez une date valide, par exemple 14/07/2026.');
    case 'email':
      return typeof value === 'string' && isEmail(value) ? [] : fail(EMAIL_MESSAGE);
    case 'phone':
      return typeof value === 'string' && isPhone(value) ? [] : fail(PHONE_MESSAGE);
    case 'select':
    case 'radio':
      return isOption(field, value) ? [] : fail('Choisissez une des options proposées.');
    case 'checkboxes':
      return Array.isArray(value) && value.every((v) => isOption(field, v))
        ? []
        : fail('Choisissez parmi les options proposées.');
    case 'boolean':
      if (typeof value !== 'boolean') return fail('Répondez par oui ou non.');
      return field.required && !value ? fail('Vous devez cocher cette case.') : [];
    case 'address':
      return checkAddress(value, at);
    case 'file':
      return checkFile(field, value, at);
    case 'section':
    case 'help':
      return [];
    default: {
      const _exhaustive: never = field.type;
      return fail(`Type de champ inconnu : ${String(_exhaustive)}.`);
    }
  }
}

function isOption(field: FormField, value: unknown): boolean {
  return typeof value === 'string' && (field.options ?? []).some((o) => o.value === value);
}

/** yyyy-mm-dd naming a day that exists (no 31 April, 29 February only in leap years). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function checkAddress(value: unknown, at: string): FieldError[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field: at, message: 'Saisissez une adresse : voie, code postal et commune.' }];
  }
  const a = value as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const part of ['street', 'city'] as const) {
    const v = a[part];
    if (typeof v !== 'string' || v.trim() === '') errors.push({ field: `${at}.${part}`, message: REQUIRED });
    else if (v.length > 200) errors.push({ field: `${at}.${part}`, message: 'Saisissez au plus 200 caractères.' });
  }
  if (typeof a.postalCode !== 'string' || !POSTAL_CODE.test(a.postalCode)) {
    errors.push({ field: `${at}.postalCode`, message: 'Saisissez un code postal à 5 chiffres.' });
  }
  return errors;
}

function checkFile(field: FormField, value: unknown, at: string): FieldError[] {
  if (validateDocumentRef(value, at).length > 0) return [{ field: at, message: 'Joignez un fichier valide.' }];
  const doc = value as DocumentRef;
  const { maxSize, accept } = field.rules ?? {};
  if (maxSize !== undefined && doc.size > maxSize) {
    return [
      {
        field: at,
        message: `Le fichier dépasse la taille maximale de ${frNumber(Math.round((maxSize / 1_048_576) * 10) / 10)} Mo.`,
      },
    ];
  }
  if (accept && accept.length > 0 && !accepts(accept, doc)) {
    return [{ field: at, message: `Ce type de fichier n'est pas accepté. Formats acceptés : ${accept.join(', ')}.` }];
  }
  return [];
}

function frNumber(n: number): string {
  return String(n).replace('.', ',');
}
