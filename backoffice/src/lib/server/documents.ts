import { api, ApiError } from './api';
import type { DocumentRef } from '$lib/types';

const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  txt: 'text/plain',
  odt: 'application/vnd.oasis.opendocument.text',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Browsers sometimes send no type (or a generic one): the extension then says what it is. */
function mediaTypeOf(file: File): string {
  if (file.type && file.type !== 'application/octet-stream') return file.type;
  return BY_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

/** Sends a file the agent chose to the API's document store; it is attached by a later command. */
export async function uploadDocument(token: string | null, file: File, field: string): Promise<DocumentRef> {
  try {
    return await api<DocumentRef>(token, '/documents', {
      method: 'POST',
      query: { fileName: file.name.slice(0, 200) || 'document' },
      raw: new Uint8Array(await file.arrayBuffer()),
      contentType: mediaTypeOf(file),
    });
  } catch (err) {
    // The API speaks of the file as a whole; the form shows it next to the file input.
    if (err instanceof ApiError && err.status !== 401) {
      throw new ApiError(err.status, err.title, err.detail, [{ field, message: err.detail }], err.body);
    }
    throw err;
  }
}
