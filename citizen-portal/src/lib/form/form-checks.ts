import type { FieldErrors, FormField } from '../types';
import { acceptsType, carriesValue, isAddress, isDocumentRef, visibility, type FormValues } from './procedure-form';
import { formatSize } from '../format';

/**
 * First check before the review step, so a resident is not shown a summary the town will refuse.
 * The API stays the judge: it validates again on sending and its messages win.
 */

const REQUIRED = 'Ce champ est obligatoire.';
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

function isPhone(value: string): boolean {
  const compact = value.replace(/[\s.\-()]/g, '');
  return (
    /^0[1-9]\d{8}$/.test(compact) ||
    /^(\+|00)33(0)?[1-9]\d{8}$/.test(compact) ||
    /^\+(?!33)[1-9]\d{7,14}$/.test(compact)
  );
}

const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function checkText(field: FormField, value: string): string | null {
  const { minLength, maxLength, pattern, patternMessage } = field.rules ?? {};
  if (minLength !== undefined && value.length < minLength) return `Saisissez au moins ${minLength} caractères.`;
  if (maxLength !== undefined && value.length > maxLength) return `Saisissez au plus ${maxLength} caractères.`;
  if (pattern) {
    let re: RegExp | null;
    try {
      re = new RegExp(`^(?:${pattern})$`);
    } catch {
      re = null; // a broken pattern is the designer's mistake, not the resident's
    }
    if (re && !re.test(value)) return patternMessage ?? "Le format de ce champ n'est pas valide.";
  }
  return null;
}

function checkOne(field: FormField, value: unknown, errors: FieldErrors): void {
  const at = field.name;
  const rules = field.rules ?? {};
  switch (field.type) {
    case 'text':
    case 'textarea': {
      const message = checkText(field, String(value));
      if (message) errors[at] = message;
      return;
    }
    case 'number': {
      const n = Number(String(value).replace(/\s/g, '').replace(',', '.'));
      if (!Number.isFinite(n)) errors[at] = 'Saisissez un nombre.';
      else if (rules.min !== undefined && n < rules.min)
        errors[at] = `Saisissez un nombre supérieur ou égal à ${rules.min}.`;
      else if (rules.max !== undefined && n > rules.max)
        errors[at] = `Saisissez un nombre inférieur ou égal à ${rules.max}.`;
      return;
    }
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(String(value)) && !/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(String(value))) {
        errors[at] = 'Saisissez une date valide, par exemple 14/07/2026.';
      }
      return;
    case 'email':
      if (!EMAIL.test(String(value))) errors[at] = 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.';
      return;
    case 'phone':
      if (!isPhone(String(value))) errors[at] = 'Saisissez un numéro de téléphone valide, par exemple 01 23 45 67 89.';
      return;
    case 'boolean':
      if (field.required && value !== true && value !== 'true' && value !== 'on')
        errors[at] = 'Vous devez cocher cette case.';
      return;
    case 'address': {
      if (!isAddress(value)) return;
      if (!value.street?.trim()) errors[`${at}.street`] = REQUIRED;
      if (!/^\d{5}$/.test(value.postalCode?.replace(/\s/g, '') ?? ''))
        errors[`${at}.postalCode`] = 'Saisissez un code postal à 5 chiffres.';
      if (!value.city?.trim()) errors[`${at}.city`] = REQUIRED;
      return;
    }
    case 'file':
      if (!isDocumentRef(value)) return;
      if (rules.maxSize !== undefined && value.size > rules.maxSize) {
        errors[at] = `Le fichier dépasse la taille maximale de ${formatSize(rules.maxSize)}.`;
      } else if (!acceptsType(rules.accept, value.mediaType)) {
        errors[at] = "Ce type de fichier n'est pas accepté.";
      }
      return;
    default:
      return;
  }
}

export function checkValues(fields: readonly FormField[], values: FormValues): FieldErrors {
  const shown = visibility(fields, values);
  const errors: FieldErrors = {};
  for (const field of fields) {
    if (!carriesValue(field) || !shown.get(field.name)) continue;
    const value = values[field.name];
    if (empty(value) || (field.type === 'boolean' && value !== true && !field.required)) {
      if (field.required)
        errors[field.name] =
          field.type === 'checkboxes'
            ? 'Cochez au moins une case.'
            : field.type === 'boolean'
              ? 'Vous devez cocher cette case.'
              : REQUIRED;
      continue;
    }
    checkOne(field, value, errors);
  }
  return errors;
}
