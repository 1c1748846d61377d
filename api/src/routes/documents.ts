import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { newId } from '../lib/ids.ts';
import { badRequest, Problem } from '../lib/problem.ts';
import { errorResponses } from '../lib/schemas.ts';
import { uploadOwner } from '../lib/documents.ts';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** What a town accepts as attachments: documents and photos, nothing executable. */
export const ACCEPTED_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'text/plain': 'texte',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
};

/** The first bytes must agree with the declared type: a renamed executable is not a PDF. */
function looksLike(mediaType: string, bytes: Buffer): boolean {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  switch (mediaType) {
    case 'application/pdf':
      return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'image/jpeg':
      return starts([0xff, 0xd8, 0xff]);
    case 'image/png':
      return starts([0x89, 0x50, 0x4e, 0x47]);
    case 'image/gif':
      return bytes.subarray(0, 4).toString('latin1') === 'GIF8';
    case 'image/webp':
      return bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP';
    case 'application/vnd.oasis.opendocument.text':
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return starts([0x50, 0x4b, 0x03, 0x04]);
    default:
      return !bytes.includes(0);
  }
}

export default async function documentRoutes(app: FastifyInstance) {
  app.addContentTypeParser(
    Object.keys(ACCEPTED_TYPES),
    { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/documents',
    {
      bodyLimit: MAX_DOCUMENT_BYTES,
      schema: {
        tags: ['documents'],
        summary: 'Envoyer un fichier (PDF, image, texte, ODT, DOCX ; 10 Mo au plus), à joindre ensuite à une demande',
        querystring: Type.Object(
          { fileName: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            documentId: Type.String(),
            fileName: Type.String(),
            mediaType: Type.String(),
            size: Type.Integer(),
            sha256: Type.String(),
          }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const mediaType = String(req.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim()
        .toLowerCase();
      const bytes = req.body;
      if (!Buffer.isBuffer(bytes) || !ACCEPTED_TYPES[mediaType]) {
        throw new Problem(
          415,
          'Type de fichier refusé',
          `Formats acceptés : ${Object.values(ACCEPTED_TYPES).join(', ')}.`,
        );
      }
      if (bytes.length === 0)
        throw badRequest('Le fichier est vide.', [{ field: 'file', message: 'Le fichier est vide.' }]);
      if (!looksLike(mediaType, bytes)) {
        throw new Problem(
          415,
          'Type de fichier refusé',
          `Le contenu du fichier ne correspond pas au type ${ACCEPTED_TYPES[mediaType]}.`,
        );
      }
      // Path separators and control characters never reach a Content-Disposition header.
      const fileName = [...(req.query as { fileName: string }).fileName]
        .map((ch) => (ch < ' ' || ch === '/' || ch === '\\' ? '_' : ch))
        .join('');
      const { sha256, size } = await app.blobs.put(bytes);
      const documentId = newId();
      await app.db.query(
        'insert into api_uploads (document_id, owner, file_name, media_type, size, sha256) values ($1, $2, $3, $4, $5, $6)',
        [documentId, uploadOwner(req), fileName, mediaType, size, sha256],
      );
      return reply.code(201).send({ documentId, fileName, mediaType, size, sha256 });
    },
  );
}
