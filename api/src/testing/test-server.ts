import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '@guichet/eventstore';
import { loadConfig } from '../config.ts';
import { startGuichet, type Guichet } from '../runtime.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface TestServer {
  url: string;
  guichet: Guichet;
  /** Logs in through the API and returns the bearer token. */
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The whole product (API, projections, both built apps) on a random port, with a fresh
 * in-memory PGlite database (or the database given, e.g. one of `testDatabases()`)
 * and the demo town.
 */
export async function startTestServer(
  options: { demo?: boolean; serveApps?: boolean; db?: Db } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guichet-test-'));
  const config = {
    ...loadConfig({ NODE_ENV: 'test', GUICHET_DATA_DIR: dataDir } as NodeJS.ProcessEnv, []),
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    demo: options.demo ?? true,
    serveApps: options.serveApps ?? true,
    logLevel: 'warn',
  };
  const guichet = await startGuichet(config, {
    root,
    logger: false,
    waitForCatchUp: true,
    ...(options.db ? { db: options.db } : {}),
  });
  return {
    url: guichet.url,
    guichet,
    async login(email, password = 'guichet-demo') {
      const res = await fetch(`${guichet.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    async close() {
      await guichet.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
