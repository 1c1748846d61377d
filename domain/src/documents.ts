import type { FieldError } from './common.ts';
import type { DocumentRef } from './case/events.ts';

const SHA256 = /^[0-9a-f]{64}$/;

export function isDocumentRef(value: unknown): value is DocumentRef {
  return validateDocumentRef(value, '').length === 0;
}

/** A document is uploaded first (blob store); commands only carry its reference. */
export function validateDocumentRef(value: unknown, path: string): FieldError[] {
  const at = (field: string) => (path ? `${path}.${field}` : field);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field: path || 'document', message: 'Joignez un fichier.' }];
  }
  const doc = value as Record<string, unknown>;
  const errors: FieldError[] = [];
  const nonEmpty = (v: unknown) => typeof v === 'string' && v.trim() !== '' && v.length <= 255;
  if (!nonEmpty(doc.documentId)) errors.push({ field: at('documentId'), message: 'Identifiant de document manquant.' });
  if (!nonEmpty(doc.fileName)) errors.push({ field: at('fileName'), message: 'Nom de fichier manquant.' });
  if (!nonEmpty(doc.mediaType)) errors.push({ field: at('mediaType'), message: 'Type de fichier manquant.' });
  if (!(Number.isSafeInteger(doc.size) && (doc.size as number) >= 0)) {
    errors.push({ field: at('size'), message: 'Taille de fichier invalide.' });
  }
  if (typeof doc.sha256 !== 'string' || !SHA256.test(doc.sha256)) {
    errors.push({ field: at('sha256'), message: 'Empreinte SHA-256 invalide.' });
  }
  return errors;
}

export function validateDocuments(value: unknown, path: string): FieldError[] {
  if (!Array.isArray(value)) return [{ field: path, message: 'Liste de documents invalide.' }];
  return value.flatMap((doc, i) => validateDocumentRef(doc, `${path}[${i}]`));
}

/** `accept` entries as in HTML: a media type (`application/pdf`), a family (`image/*`) or an extension (`.pdf`). */
export function accepts(accept: readonly string[], doc: Pick<DocumentRef, 'fileName' | 'mediaType'>): boolean {
  const mediaType = doc.mediaType.toLowerCase();
  const fileName = doc.fileName.toLowerCase();
  return accept.some((raw) => {
    const a = raw.trim().toLowerCase();
    if (a.startsWith('.')) return fileName.endsWith(a);
    if (a.endsWith('/*')) return mediaType.startsWith(a.slice(0, -1));
    return mediaType === a;
  });
}
