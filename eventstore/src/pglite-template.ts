import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

let template: Promise<Blob | undefined> | undefined;

/**
 * A freshly initialised PGlite data directory, to start test databases from: initdb takes most of
 * PGlite's start-up (seconds, many more on a busy machine), loading a copy a fraction of it. Kept in
 * the system's temporary directory, per PGlite version, so that every test file shares it.
 * Undefined when it cannot be made: callers then run initdb as usual.
 */
export function pgliteTemplate(): Promise<Blob | undefined> {
  template ??= loadOrCreate().catch(() => undefined);
  return template;
}

async function loadOrCreate(): Promise<Blob> {
  const file = join(tmpdir(), `guichet-pglite-${pgliteVersion()}-datadir.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    // Not made yet.
  }
  const pglite = await PGlite.create();
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  // Written aside then renamed: a test file starting meanwhile never reads half a tarball.
  const partial = `${file}.${process.pid}.${Date.now()}`;
  await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
  await rename(partial, file);
  return dump;
}

function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
