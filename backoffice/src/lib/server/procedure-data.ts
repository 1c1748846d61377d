import { readPosted, type FormValues } from '@guichet/citizen-portal/form';
import type { FormField } from '$lib/types';
import { uploadDocument } from './documents';

/**
 * Rebuilds the `data` object of a submission from the posted form (the portal's renderer with
 * `namePrefix="data."`): lists for checkboxes, an object for an address, a document id for a file
 * (uploaded first, or the one already attached). Values stay strings: the API normalises « 12,5 »,
 * « 14/07/2026 » and « on ». `answers` is what a refused submission shows again, files included.
 */
export async function procedureData(fields: FormField[], fd: FormData, token: string | null) {
  const answers: FormValues = readPosted(fields, fd, 'data.');
  for (const field of fields) {
    const upload = field.type === 'file' ? fd.get(`data.${field.name}`) : null;
    if (upload instanceof File && upload.size > 0)
      answers[field.name] = await uploadDocument(token, upload, `data.${field.name}`);
  }
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const v = answers[field.name];
    if (v !== undefined) data[field.name] = field.type === 'file' ? (v as { documentId: string }).documentId : v;
  }
  return { data, answers };
}
