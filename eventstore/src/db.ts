import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The PostgreSQL channel behind `listen`/`notify(channel)`: prefixed by the schema, so that test
 * schemas sharing a server stay apart. For a NOTIFY sent inside one's own transaction.
 */
export const notifyChannel = (schema: string, channel: string): string => `${schema}_${channel}`;

/** Rows come back with int8 as JS numbers on both runtimes (positions stay far below 2^53). */
const INT8 = 20;

export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

export interface QueryOptions {
  /**
   * PostgreSQL: prepare the statement once per connection under this name (hot paths). The name
   * must always go with the same SQL text. Ignored by PGlite.
   */
  name?: string | undefined;
}

export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<R>>;
}

/**
 * The one database handle every package uses. The same SQL runs on a `pg` pool
 * (PostgreSQL over a real connection) and on embedded PGlite.
 */
export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Schema holding every table; also prefixes NOTIFY channels so test schemas stay apart. */
  readonly schema: string;
  /** Runs several statements (migrations). */
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** LISTEN on a dedicated connection; returns the function that stops listening. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload?: string): Promise<void>;
  /**
   * A session of its own, held until released: session state (advisory locks) survives between
   * its queries. PostgreSQL: a new connection outside the pool, so holding it long starves no
   * request. PGlite has one connection only: the session is the Db itself and release does nothing.
   */
  connect(): Promise<DbSession>;
  close(): Promise<void>;
}

export interface DbSession extends Queryable {
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  release(): Promise<void>;
}

export interface DbOptions {
  /** postgres://… to use PostgreSQL; otherwise PGlite. */
  url?: string | undefined;
  /** PGlite data directory; in memory when absent. */
  dataDir?: string | undefined;
  /**
   * PGlite: a data directory to start from (a `dumpDataDir()` tarball) instead of running initdb,
   * which takes most of the start-up time. Used by tests to open many fresh databases.
   */
  pgliteTemplate?: Blob | undefined;
  /** Schema for all tables (created if missing). */
  schema?: string | undefined;
  poolSize?: number | undefined;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDb(options: DbOptions = {}): Promise<Db> {
  const schema = options.schema ?? 'guichet';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const db = options.url
    ? openPostgres(options.url, schema, options.poolSize ?? 20)
    : await openPglite(options.dataDir, schema, options.pgliteTemplate);
  await db.exec(`create schema if not exists ${schema}`);
  return db;
}

function openPostgres(url: string, schema: string, max: number): Db {
  const clientConfig = {
    connectionString: url,
    options: `-c search_path=${schema},public`,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8
          ? (v: string) => Number(v)
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  };
  const pool = new pg.Pool({ ...clientConfig, max });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => {});
  const run = async <R>(
    client: pg.Pool | pg.PoolClient | pg.Client,
    sql: string,
    params?: unknown[],
    options?: QueryOptions,
  ) => {
    const r = await client.query({ text: sql, values: params, name: options?.name });
    return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
  };
  return {
    kind: 'postgres',
    schema,
    query: (sql, params, options) => run(pool, sql, params, options),
    exec: async (sql) => {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn({ query: (sql, params, options) => run(client, sql, params, options) });
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    listen: (channel, onNotify) => listenWithReconnect(url, notifyChannel(schema, channel), onNotify),
    async notify(channel, payload = '') {
      await pool.query('select pg_notify($1, $2)', [notifyChannel(schema, channel), payload]);
    },
    async connect() {
      const client = new pg.Client(clientConfig);
      client.on('error', () => {});
      await client.connect();
      const session: Queryable = { query: (sql, params, options) => run(client, sql, params, options) };
      return {
        query: session.query,
        async transaction(fn) {
          await client.query('begin');
          try {
            const result = await fn(session);
            await client.query('commit');
            return result;
          } catch (err) {
            await client.query('rollback').catch(() => {});
            throw err;
          }
        },
        release: () => client.end().catch(() => {}),
      };
    },
    close: () => pool.end(),
  };
}

/**
 * LISTEN on a connection of its own that comes back after the database restarts or the connection
 * drops (notifications sent meanwhile are lost: listeners must not rely on them alone). Only the
 * first connection's failure is thrown.
 */
async function listenWithReconnect(url: string, name: string, onNotify: (payload: string) => void) {
  let stopped = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  let attempt = 0;
  const lost = (client: pg.Client) => {
    if (stopped || current !== client) return;
    current = null;
    client.end().catch(() => {});
    retry = setTimeout(() => void connect().catch(() => {}), Math.min(5_000, 100 * 2 ** attempt++));
  };
  const connect = async () => {
    const client = new pg.Client({ connectionString: url });
    current = client;
    client.on('error', () => lost(client));
    client.on('end', () => lost(client));
    client.on('notification', (msg) => {
      if (msg.channel === name) onNotify(msg.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`listen ${name}`);
      attempt = 0;
    } catch (error) {
      lost(client);
      throw error;
    }
  };
  try {
    await connect();
  } catch (error) {
    stopped = true;
    clearTimeout(retry);
    throw error;
  }
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await current?.end().catch(() => {});
  };
}

async function openPglite(dataDir: string | undefined, schema: string, template: Blob | undefined): Promise<Db> {
  const pglite = await PGlite.create({ dataDir, loadDataDir: template, parsers: { [INT8]: (v: string) => Number(v) } });
  await pglite.exec(`create schema if not exists ${schema}; set search_path = ${schema}, public`);
  const run = async <R>(q: Pick<PGlite, 'query'>, sql: string, params?: unknown[]) => {
    const r = await q.query<R>(sql, params);
    // PGlite counts affected rows of writes only; a select's count is its rows.
    return { rows: r.rows, rowCount: r.rows.length || r.affectedRows || 0 };
  };
  return {
    kind: 'pglite',
    schema,
    query: (sql, params) => run(pglite, sql, params),
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    transaction: (fn) => pglite.transaction((tx) => fn({ query: (sql, params) => run(tx, sql, params) })),
    async listen(channel, onNotify) {
      const unlisten = await pglite.listen(notifyChannel(schema, channel), onNotify);
      return async () => {
        await unlisten();
      };
    },
    async notify(channel, payload = '') {
      await pglite.query('select pg_notify($1, $2)', [notifyChannel(schema, channel), payload]);
    },
    async connect() {
      return {
        query: (sql, params) => run(pglite, sql, params),
        transaction: (fn) => pglite.transaction((tx) => fn({ query: (sql, params) => run(tx, sql, params) })),
        release: async () => {},
      };
    },
    close: () => pglite.close(),
  };
}
