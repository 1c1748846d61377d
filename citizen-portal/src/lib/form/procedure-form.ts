import type { Address, DocumentRef, FieldErrors, FormField, Profile } from '../types';
import { formatDate, formatSize } from '../format';

/**
 * Pure helpers shared by the form renderer (browser) and the form actions (server):
 * field ids, conditional display, prefill, and how an answer reads back on the review step.
 */

export type FormValues = Record<string, unknown>;

export function carriesValue(field: FormField): boolean {
  return field.type !== 'section' && field.type !== 'help';
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '-');

/** Id of a field's input (`champ-nom`), or of one part of it (`champ-adresse-postalCode`). */
export function fieldId(name: string, part?: string | number): string {
  return part === undefined ? `champ-${safe(name)}` : `champ-${safe(name)}-${safe(String(part))}`;
}

/** The element an error summary link points to: `adresse.postalCode` → `champ-adresse-postalCode`. */
export function errorTargetId(key: string): string {
  const [name, ...rest] = key.split('.');
  return rest.length > 0 ? fieldId(name ?? key, rest.join('-')) : fieldId(key);
}

function matches(value: unknown, expected: string | boolean): boolean {
  if (Array.isArray(value)) return value.includes(expected);
  if (typeof expected === 'boolean')
    return value === expected || value === String(expected) || (expected && value === 'on');
  return value === expected || (typeof value === 'number' && String(value) === expected);
}

/** Which fields are shown for these values (a condition on a hidden field is false, as on the server). */
export function visibility(fields: readonly FormField[], values: FormValues): Map<string, boolean> {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const memo = new Map<string, boolean>();
  const visiting = new Set<string>();
  const visible = (field: FormField): boolean => {
    const known = memo.get(field.name);
    if (known !== undefined) return known;
    if (visiting.has(field.name)) return false;
    visiting.add(field.name);
    const cond = field.showIf;
    const controller = cond ? byName.get(cond.field) : undefined;
    const result = !cond || (!!controller && visible(controller) && matches(values[controller.name], cond.equals));
    visiting.delete(field.name);
    memo.set(field.name, result);
    return result;
  };
  for (const f of fields) visible(f);
  return memo;
}

/** The wording of a showIf condition, for when every field is shown (no JavaScript). */
export function conditionText(fields: readonly FormField[], field: FormField): string | null {
  const cond = field.showIf;
  if (!cond) return null;
  const controller = fields.find((f) => f.name === cond.field);
  if (!controller) return null;
  const answer =
    typeof cond.equals === 'boolean'
      ? cond.equals
        ? 'coché'
        : 'non coché'
      : `« ${controller.options?.find((o) => o.value === cond.equals)?.label ?? cond.equals} »`;
  return `À remplir seulement si vous avez répondu ${answer} à « ${controller.label} ».`;
}

/** Values taken from the resident's profile for fields marked `prefill`. */
export function prefillValues(
  fields: readonly FormField[],
  profile: Partial<Record<keyof Profile, unknown>> | null | undefined,
): FormValues {
  const out: FormValues = {};
  if (!profile) return out;
  for (const f of fields) {
    if (!f.prefill) continue;
    const v = profile[f.prefill];
    if (v !== undefined && v !== '') out[f.name] = v;
  }
  return out;
}

export function isDocumentRef(v: unknown): v is DocumentRef {
  return typeof v === 'object' && v !== null && typeof (v as DocumentRef).documentId === 'string';
}

export function isAddress(v: unknown): v is Address {
  return typeof v === 'object' && v !== null && 'street' in v;
}

function text(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return s === '' ? undefined : s;
}

function keptDocument(form: FormData, name: string): DocumentRef | undefined {
  if (form.get(`${name}__retirer`) === 'true') return undefined;
  const raw = form.get(`${name}__ref`);
  if (typeof raw !== 'string' || raw === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isDocumentRef(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function readPlain(field: FormField, form: FormData, name: string): unknown {
  switch (field.type) {
    case 'checkboxes': {
      const items = form.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
      return items.length > 0 ? items : undefined;
    }
    case 'boolean': {
      const v = form.get(name);
      return v === 'true' || v === 'on' ? true : undefined;
    }
    case 'address': {
      const [street, postalCode, city] = ['street', 'postalCode', 'city'].map((p) => text(form, `${name}.${p}`) ?? '');
      return street || postalCode || city ? { street, postalCode, city } : undefined;
    }
    case 'file':
      return keptDocument(form, name);
    default:
      return text(form, name);
  }
}

/**
 * The answers of a form ProcedureForm rendered, as the browser posted it (`namePrefix` as given to
 * the renderer): trimmed text, lists for checkboxes, an Address, the DocumentRef of a file already
 * attached (unless « Retirer » is ticked). New files are left to the caller, who uploads them.
 */
export function readPosted(fields: readonly FormField[], form: FormData, namePrefix = ''): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (!carriesValue(field)) continue;
    const v = readPlain(field, form, `${namePrefix}${field.name}`);
    if (v !== undefined) values[field.name] = v;
  }
  return values;
}

/** An answer as the resident reads it back before sending. */
export function displayValue(field: FormField, value: unknown): string {
  if (value === undefined || value === null || value === '') return 'Non renseigné';
  const label = (v: unknown) => field.options?.find((o) => o.value === v)?.label ?? String(v);
  switch (field.type) {
    case 'select':
    case 'radio':
      return label(value);
    case 'checkboxes':
      return (Array.isArray(value) ? value : [value]).map(label).join(', ');
    case 'boolean':
      return value === true || value === 'true' || value === 'on' ? 'Oui' : 'Non';
    case 'date':
      return typeof value === 'string' ? formatDate(value) : String(value);
    case 'address':
      return isAddress(value) ? `${value.street}, ${value.postalCode} ${value.city}` : String(value);
    case 'file':
      return isDocumentRef(value) ? `${value.fileName} (${formatSize(value.size)})` : 'Non renseigné';
    default:
      return String(value);
  }
}

const MEDIA_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'image/*': 'image (JPEG, PNG, WebP, GIF)',
  'text/plain': 'texte',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
};

/** Every type the town accepts at all (POST /documents). */
export const ANY_ACCEPTED = Object.keys(MEDIA_NAMES).filter((t) => t !== 'image/*');

/** « PDF, JPEG ou PNG, 5 Mo maximum » — said before the resident picks a file. */
export function fileLimits(field: Pick<FormField, 'rules'>): string {
  const accept = field.rules?.accept?.length ? field.rules.accept : ANY_ACCEPTED;
  const names = accept.map((t) => MEDIA_NAMES[t] ?? t);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} ou ${names.at(-1)}` : (names[0] ?? '');
  const max = field.rules?.maxSize ?? 10 * 1024 * 1024;
  return `Formats acceptés : ${list}. Taille maximale : ${formatSize(max)}.`;
}

export function acceptsType(accept: readonly string[] | undefined, mediaType: string): boolean {
  const list = accept?.length ? accept : ANY_ACCEPTED;
  return list.some((a) => (a.endsWith('/*') ? mediaType.startsWith(a.slice(0, -1)) : a === mediaType));
}

/** problem+json `errors` → messages keyed by form path; `data.` is the form's own prefix. */
export function errorsFromProblem(errors: readonly { field: string; message: string }[], prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const key = prefix && e.field.startsWith(prefix) ? e.field.slice(prefix.length) : e.field;
    out[key] ??= e.message;
  }
  return out;
}

/** Error keys of a form that posts `<prefix><name>` (`data.adresse.city`) → the renderer's keys (`adresse.city`). */
export function withoutPrefix(errors: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors))
    out[key.startsWith(prefix) ? key.slice(prefix.length) : key] ??= message;
  return out;
}

/** Label of every error key a form can produce, for the error summary (« Adresse — Code postal »). */
export function fieldLabels(fields: readonly FormField[]): Record<string, string> {
  const out: Record<string, string> = {};
  const parts = { street: 'Numéro et voie', postalCode: 'Code postal', city: 'Commune' };
  for (const f of fields) {
    out[f.name] = f.label;
    if (f.type === 'address') for (const [k, v] of Object.entries(parts)) out[`${f.name}.${k}`] = `${f.label} — ${v}`;
  }
  return out;
}
