import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { DocumentRef } from '@guichet/domain';

/**
 * Attachments of the demo requests are real, tiny files (a one-page PDF or a PNG) so that an agent
 * who opens one sees something; their hash and size are those of this content.
 */
export function documentContent(fileName: string, documentId: string): Uint8Array {
  return fileName.endsWith('.png') ? png(documentId) : pdf(fileName);
}

export function demoDocument(documentId: string, fileName: string): DocumentRef {
  const content = documentContent(fileName, documentId);
  const mediaType = fileName.endsWith('.png') ? 'image/png' : 'application/pdf';
  return {
    documentId,
    fileName,
    mediaType,
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

/** Every document reference found in a value (form answers, command data). */
export function documentsIn(value: unknown): DocumentRef[] {
  if (Array.isArray(value)) return value.flatMap(documentsIn);
  if (typeof value !== 'object' || value === null) return [];
  const v = value as Record<string, unknown>;
  if (typeof v.documentId === 'string' && typeof v.sha256 === 'string' && typeof v.fileName === 'string')
    return [v as unknown as DocumentRef];
  return Object.values(v).flatMap(documentsIn);
}

function pdf(fileName: string): Uint8Array {
  const lines = [
    'Ville de S. : document de démonstration',
    `Pièce jointe : ${fileName}`,
    'Ce fichier tient lieu de justificatif pour une demande fictive.',
  ];
  const text = lines
    .map((l, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 28} Td (${l.replace(/[()\\]/g, '\\$&')}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A 160×120 picture in a colour of its own: enough to show that a photo is there. */
function png(seed: string): Uint8Array {
  const [w, h] = [160, 120];
  const base = createHash('sha256').update(seed).digest();
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1);
    for (let x = 0; x < w; x++) {
      const shade = ((x + y) >> 3) & 1 ? 0 : 24;
      for (let c = 0; c < 3; c++) raw[row + 1 + x * 3 + c] = Math.min(255, (base[c]! >> 1) + 64 + shade);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
