import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DocumentRef } from '@guichet/domain';
import { badRequest } from './problem.ts';

/** Who owns an upload until it is attached: the account, or the anonymous browser's key. */
export function uploadOwner(req: FastifyRequest): string {
  if (req.user) return req.user.id;
  const key = req.headers['x-upload-key'];
  return typeof key === 'string' && key.length >= 16 && key.length <= 128 ? `anonymous:${key}` : 'anonymous';
}

/** Turns uploaded document ids into references; only the uploader's own files can be attached. */
export async function resolveDocuments(
  app: FastifyInstance,
  req: FastifyRequest,
  ids: readonly string[] | undefined,
  /** Where an unknown id is reported: `documents.<i>` by default. */
  fieldAt: (index: number) => string = (i) => `documents.${i}`,
): Promise<DocumentRef[]> {
  if (!ids || ids.length === 0) return [];
  const { rows } = await app.db.query<DocumentRef>(
    `select document_id::text as "documentId", file_name as "fileName", media_type as "mediaType", size, sha256
       from api_uploads where document_id = any($1::uuid[]) and owner = $2`,
    [ids, uploadOwner(req)],
  );
  const byId = new Map(rows.map((r) => [r.documentId, r]));
  const missing = ids.findIndex((id) => !byId.has(id));
  if (missing >= 0) {
    throw badRequest('Un document joint est introuvable.', [
      { field: fieldAt(missing), message: 'Document introuvable : envoyez-le de nouveau.' },
    ]);
  }
  return ids.map((id) => byId.get(id)!);
}
