import { randomBytes } from 'node:crypto';
import { openDb, type Db } from './db.ts';
import { pgliteTemplate } from './pglite-template.ts';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  /** A fresh, empty database: in-memory PGlite, or a new schema on DATABASE_URL. */
  open(): Promise<Db>;
}

/**
 * The runtimes every database test runs on: PGlite always, PostgreSQL when DATABASE_URL is set
 * (as in CI). Each `open()` is isolated; closing a PostgreSQL one drops its schema.
 */
export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [{ name: 'pglite', open: openPglite }];
  const url = process.env.DATABASE_URL;
  if (url) {
    list.push({
      name: 'postgres',
      async open() {
        const schema = `t_${randomBytes(6).toString('hex')}`;
        const db = await openDb({ url, schema, poolSize: 40 });
        const close = db.close.bind(db);
        return Object.assign(db, {
          async close() {
            await db
              .exec(`drop schema if exists ${schema} cascade; drop schema if exists ${schema}_bi cascade`)
              .catch(() => {});
            await close();
          },
        });
      },
    });
  }
  return list;
}

async function openPglite(): Promise<Db> {
  const template = await pgliteTemplate();
  if (template) {
    try {
      return await openDb({ schema: 'guichet', pgliteTemplate: template });
    } catch {
      // A template PGlite cannot load (damaged file): start from scratch.
    }
  }
  return openDb({ schema: 'guichet' });
}
