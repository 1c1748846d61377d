import type { FormField } from '@guichet/domain';

/**
 * The citizen portal's form helpers (citizen-portal/src/lib/procedure-form.ts and format.ts),
 * copied as they are: the apps share no code, and the preview must compute visibility, ids and
 * wordings exactly as the portal does. Keep in step with the portal when it changes.
 */

export type FormValues = Record<string, unknown>;
export type FieldErrors = Record<string, string>;
interface Address {
  street: string;
  postalCode: string;
  city: string;
}
interface DocumentRef {
  documentId: string;
  fileName: string;
  mediaType: string;
  size: number;
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '-');

/** Id of a field's input (`champ-nom`), or of one part of it (`champ-adresse-postalCode`). */
export function fieldId(name: string, part?: string | number): string {
  return part === undefined ? `champ-${safe(name)}` : `champ-${safe(name)}-${safe(String(part))}`;
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

export function isDocumentRef(v: unknown): v is DocumentRef {
  return typeof v === 'object' && v !== null && typeof (v as DocumentRef).documentId === 'string';
}

export function isAddress(v: unknown): v is Address {
  return typeof v === 'object' && v !== null && 'street' in v;
}

/** « 1,5 Mo », « 320 ko » */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(Math.round((bytes / 1048576) * 10) / 10).toString().replace('.', ',')} Mo`;
  return `${Math.max(1, Math.round(bytes / 1024))} ko`;
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

const ANY_ACCEPTED = Object.keys(MEDIA_NAMES).filter((t) => t !== 'image/*');

/** « PDF, JPEG ou PNG, 5 Mo maximum » — said before the resident picks a file. */
export function fileLimits(field: Pick<FormField, 'rules'>): string {
  const accept = field.rules?.accept?.length ? field.rules.accept : ANY_ACCEPTED;
  const names = accept.map((t) => MEDIA_NAMES[t] ?? t);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} ou ${names.at(-1)}` : (names[0] ?? '');
  const max = field.rules?.maxSize ?? 10 * 1024 * 1024;
  return `Formats acceptés : ${list}. Taille maximale : ${formatSize(max)}.`;
}
