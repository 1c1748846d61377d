import type { FormField, ProcedureDefinition } from './events.ts';
import { carriesValue } from './definition.ts';

export type FormValues = Record<string, unknown>;
type Fields = Pick<ProcedureDefinition, 'fields'>;

const TRUE = ['true', 'on', 'oui', '1'];
const FALSE = ['false', 'off', 'non', '0'];

/**
 * Accepts both JSON and what an HTML form posts (everything a string): trims, turns "12,5" into 12.5,
 * "on"/"oui" into true, "14/07/2026" into 2026-07-14, a lone checkbox value into a list.
 * A value that cannot be read is left as is so that validation can say what is wrong with it.
 */
export function normaliseValue(field: FormField, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') {
    const s = value.trim();
    if (s === '') return undefined;
    switch (field.type) {
      case 'number': {
        const compact = s.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
        return /^[-+]?\d+(\.\d+)?$/.test(compact) ? Number(compact) : s;
      }
      case 'boolean':
        return TRUE.includes(s.toLowerCase()) ? true : FALSE.includes(s.toLowerCase()) ? false : s;
      case 'date': {
        const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
        return fr ? `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}` : s;
      }
      case 'checkboxes':
        return [s];
      default:
        return s;
    }
  }
  if (field.type === 'checkboxes' && Array.isArray(value)) {
    const items = [...new Set(value.map((v) => (typeof v === 'string' ? v.trim() : v)))].filter((v) => v !== '');
    return items.length === 0 ? undefined : items;
  }
  if (field.type === 'address' && typeof value === 'object' && !Array.isArray(value)) {
    const a = value as Record<string, unknown>;
    const part = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
    const address = {
      street: part(a.street),
      postalCode: typeof a.postalCode === 'string' ? a.postalCode.replace(/\s/g, '') : a.postalCode,
      city: part(a.city),
    };
    return Object.values(address).every((v) => v === '' || v === undefined || v === null) ? undefined : address;
  }
  return value;
}

function matches(value: unknown, expected: string | boolean): boolean {
  if (Array.isArray(value)) return value.includes(expected);
  if (typeof value === 'number') return String(value) === expected;
  return value === expected;
}

/** Visibility of every field, computed on normalised values; a condition on a hidden field is false. */
function visibility(fields: readonly FormField[], values: ReadonlyMap<string, unknown>): Map<FormField, boolean> {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const memo = new Map<FormField, boolean>();
  const visiting = new Set<FormField>();
  const visible = (field: FormField): boolean => {
    const known = memo.get(field);
    if (known !== undefined) return known;
    if (visiting.has(field)) return false; // a cycle (only in an unpublished draft) hides the fields in it
    visiting.add(field);
    const cond = field.showIf;
    const controller = cond ? byName.get(cond.field) : undefined;
    const result = !cond || (!!controller && visible(controller) && matches(values.get(controller.name), cond.equals));
    visiting.delete(field);
    memo.set(field, result);
    return result;
  };
  for (const f of fields) visible(f);
  return memo;
}

/** A Map, not an object: field names such as "constructor" must not reach the prototype. */
function normaliseAll(definition: Fields, data: FormValues): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const field of definition.fields) {
    if (carriesValue(field) && Object.hasOwn(data, field.name))
      values.set(field.name, normaliseValue(field, data[field.name]));
  }
  return values;
}

/** The fields to show (layout included), in order, for the values entered so far. */
export function visibleFields(definition: Fields, data: FormValues): FormField[] {
  const shown = visibility(definition.fields, normaliseAll(definition, data));
  return definition.fields.filter((f) => shown.get(f));
}

/** Normalised values of visible fields, empty values dropped; keys the form does not know are kept for validation to reject. */
export function normaliseFormData(definition: Fields, data: FormValues): FormValues {
  const values = normaliseAll(definition, data);
  const shown = visibility(definition.fields, values);
  const known = new Map(definition.fields.filter(carriesValue).map((f) => [f.name, f]));
  const out: [string, unknown][] = [];
  for (const [key, raw] of Object.entries(data)) {
    const field = known.get(key);
    if (!field) out.push([key, raw]);
    else if (shown.get(field) && values.get(key) !== undefined) out.push([key, values.get(key)]);
  }
  // fromEntries defines own properties: a "__proto__" key stays a plain (rejected) key.
  return Object.fromEntries(out);
}

/** Internal to validation: normalised values and visibility in one pass. */
export function readForm(definition: Fields, data: FormValues) {
  const values = normaliseAll(definition, data);
  return { values, shown: visibility(definition.fields, values) };
}
