import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileBlobStore, type BlobStore } from './blobs.ts';

describe('file blob store', () => {
  let dir: string;
  let blobs: BlobStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'guichet-blobs-'));
    blobs = createFileBlobStore(dir);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

  it('stores bytes under their sha256 and gives them back', async () => {
    const content = 'Acte de naissance — copie intégrale';
    const stored = await blobs.put(Buffer.from(content));
    expect(stored).toEqual({ sha256: sha256(content), size: Buffer.byteLength(content) });
    expect(await blobs.has(stored.sha256)).toBe(true);
    expect(await text((await blobs.get(stored.sha256))!)).toBe(content);
    expect(await readFile(join(dir, stored.sha256.slice(0, 2), stored.sha256), 'utf8')).toBe(content);
  });

  it('stores a stream, chunk by chunk, with the same address as the same bytes at once', async () => {
    const chunks = ['%PDF-1.7\n', 'x'.repeat(200_000), '\n%%EOF'];
    const stored = await blobs.put(Readable.from(chunks.map((c) => Buffer.from(c))));
    const whole = chunks.join('');
    expect(stored).toEqual({ sha256: sha256(whole), size: whole.length });
    expect(await text((await blobs.get(stored.sha256))!)).toBe(whole);
  });

  it('stores the same content twice as one file, and leaves no temporary file behind', async () => {
    const [a, b] = await Promise.all([blobs.put(Buffer.from('même contenu')), blobs.put(Buffer.from('même contenu'))]);
    const c = await blobs.put(Buffer.from('même contenu'));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(await readdir(join(dir, a.sha256.slice(0, 2)))).toEqual([a.sha256]);
    expect(await readdir(join(dir, 'tmp'))).toEqual([]);
  });

  it('answers null and false for content it does not have, and stores empty content', async () => {
    const absent = sha256('jamais stocké');
    expect(await blobs.get(absent)).toBeNull();
    expect(await blobs.has(absent)).toBe(false);
    expect(await blobs.put(new Uint8Array())).toEqual({ sha256: sha256(''), size: 0 });
  });

  it('refuses an address that is not a sha256, so no path can escape the directory', async () => {
    await writeFile(join(dir, 'secret'), 'ne pas lire');
    for (const bad of ['../secret', `${'a'.repeat(62)}/..`, sha256('x').toUpperCase(), `${sha256('x')}/`, '', 'tmp']) {
      await expect(blobs.get(bad)).rejects.toThrow(/invalid sha256/);
      await expect(blobs.has(bad)).rejects.toThrow(/invalid sha256/);
    }
  });

  it('removes the temporary file and stores nothing when the stream fails', async () => {
    async function* failing() {
      yield Buffer.from('début');
      throw new Error('upload interrompu');
    }
    await expect(blobs.put(failing())).rejects.toThrow('upload interrompu');
    expect(await readdir(join(dir, 'tmp'))).toEqual([]);
    expect(await blobs.has(sha256('début'))).toBe(false);
  });
});
