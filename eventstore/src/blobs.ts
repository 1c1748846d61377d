import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

export interface StoredBlob {
  /** Lower-case hex SHA-256 of the content: its address. */
  sha256: string;
  size: number;
}

/** Content-addressed store for documents: events carry the sha256, the bytes live here. */
export interface BlobStore {
  /** Stores the content; storing the same content again is a no-op with the same answer. */
  put(content: Uint8Array | AsyncIterable<Uint8Array | string>): Promise<StoredBlob>;
  /** The content, or null when nothing is stored under this address. */
  get(sha256: string): Promise<Readable | null>;
  has(sha256: string): Promise<boolean>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Blobs as files `<dir>/<first two hex digits>/<sha256>`. Content is written to `<dir>/tmp`, flushed
 * to disk, then renamed into place: a crash or a concurrent reader never sees a partial file, and
 * two writers of the same content both rename a complete, identical file.
 */
export function createFileBlobStore(dir: string): BlobStore {
  const tmpDir = join(dir, 'tmp');
  const pathOf = (sha256: string) => {
    // The address becomes a path: anything but 64 hex digits could climb out of `dir`.
    if (!SHA256.test(sha256)) throw new TypeError(`invalid sha256: ${JSON.stringify(sha256).slice(0, 80)}`);
    return join(dir, sha256.slice(0, 2), sha256);
  };

  return {
    async put(content) {
      await mkdir(tmpDir, { recursive: true });
      const tmp = join(tmpDir, randomUUID());
      const hash = createHash('sha256');
      let size = 0;
      const file = await open(tmp, 'wx');
      try {
        const chunks = content instanceof Uint8Array ? [content] : content;
        for await (const chunk of chunks) {
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
          hash.update(bytes);
          size += bytes.byteLength;
          await file.write(bytes);
        }
        await file.sync();
      } catch (error) {
        await file.close().catch(() => {});
        await unlink(tmp).catch(() => {});
        throw error;
      }
      await file.close();
      const sha256 = hash.digest('hex');
      const target = pathOf(sha256);
      if (await exists(target)) {
        await unlink(tmp);
      } else {
        await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true });
        await rename(tmp, target);
      }
      return { sha256, size };
    },

    async get(sha256) {
      const path = pathOf(sha256);
      try {
        const file = await open(path, 'r');
        return file.createReadStream();
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    has: async (sha256) => exists(pathOf(sha256)),
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
