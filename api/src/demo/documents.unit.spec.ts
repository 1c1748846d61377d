import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { demoDocument, documentContent, documentsIn } from './documents.ts';

describe('demo attachments', () => {
  it('are one-page PDFs whose cross-reference table points at the right bytes', () => {
    const text = Buffer.from(documentContent('facture.pdf', 'doc-1')).toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    const startxref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) => expect(text.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true));
    expect(text).toContain('(Pièce jointe : facture.pdf)');
  });

  it('are PNG pictures of the announced size when named .png', () => {
    const png = Buffer.from(documentContent('photo.png', 'doc-2'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString('latin1')).toBe('IDAT');
    expect(inflateSync(png.subarray(41, 41 + idatLength))).toHaveLength((width * 3 + 1) * height);
  });

  it('are referenced by the hash and size of their content', () => {
    const ref = demoDocument('doc-3', 'plan.pdf');
    const content = documentContent('plan.pdf', 'doc-3');
    expect(ref).toEqual({
      documentId: 'doc-3',
      fileName: 'plan.pdf',
      mediaType: 'application/pdf',
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
  });

  it('are found wherever they sit in event data', () => {
    const a = demoDocument('a', 'a.pdf');
    const b = demoDocument('b', 'b.png');
    expect(documentsIn({ message: 'x', documents: [a], data: { photo: b, other: 'text' } })).toEqual([a, b]);
  });
});
