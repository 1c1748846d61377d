import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { merge, type Observable } from 'rxjs';
import { createEventStore, createFileBlobStore, openDb, type Db, type EventStore } from '@guichet/eventstore';
import {
  allProjections,
  createProjectionRunner,
  migrate as migrateProjections,
  type ProjectionRunner,
} from '@guichet/projections';
import guichetApi from './app.ts';
import { loadApps, type MountedApps } from './apps.ts';
import type { Config } from './config.ts';
import { changesFromNotify, type ChangeNotice } from './plugins/context.ts';
import { createDirectory, createQueries } from './lib/queries.ts';
import { projectionWaiter } from './lib/consistency.ts';
import { endAllStreams } from './lib/sse.ts';
import { hashPassword } from './lib/passwords.ts';
import { isSeeded, seedDemo } from './demo/seed.ts';
import { isCcasSeeded, seedCcas } from './demo/ccas.ts';
import { createScheduler, type Scheduler } from './scheduler/scheduler.ts';

export interface Guichet {
  url: string;
  app: FastifyInstance | null;
  db: Db;
  store: EventStore;
  runner: ProjectionRunner | null;
  /** Automatic workflow transitions: runs wherever the projections run (roles projector and all). */
  scheduler: Scheduler | null;
  apps: MountedApps | null;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Repository root (apps' builds); defaults to the current directory. */
  root?: string;
  /** Open this database instead of the configured one (tests). */
  db?: Db;
  logger?: boolean | object;
  /** Wait for the projections to catch up before answering (tests, first start). */
  waitForCatchUp?: boolean;
  /** The scheduler's clock (tests); the wall clock otherwise. */
  clock?: () => Date;
  /** Between two looks for due automatic transitions (default one minute). */
  schedulerIntervalMs?: number;
}

/**
 * API and projector processes may start together on one PostgreSQL: migrations and the demo
 * seeding run under one advisory lock so neither sees the other's half-made tables.
 */
async function withStartupLock<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  if (db.kind !== 'postgres') return fn();
  const session = await db.connect();
  try {
    await session.query("select pg_advisory_lock(hashtext('guichet:startup'))");
    return await fn();
  } finally {
    await session.query("select pg_advisory_unlock(hashtext('guichet:startup'))").catch(() => {});
    await session.release();
  }
}

/** Opens the database, runs the roles this process has, and listens. */
export async function startGuichet(config: Config, options: StartOptions = {}): Promise<Guichet> {
  const root = resolve(options.root ?? '.');
  if (!config.databaseUrl && !options.db) mkdirSync(config.dataDir, { recursive: true });
  const db =
    options.db ??
    (await openDb({
      url: config.databaseUrl,
      dataDir: config.databaseUrl ? undefined : join(config.dataDir, 'pglite'),
    }));
  const blobs = createFileBlobStore(join(config.dataDir, 'documents'));
  const store = await withStartupLock(db, async () => {
    const s = await createEventStore(db);
    await migrateProjections(db);
    if (config.demo && config.role !== 'projector' && !(await isSeeded(s))) {
      await seedDemo({ store: s, now: new Date(), hashPassword, blobs });
    }
    // The demo installation's second organisation (same resident accounts, its own staff and branding).
    if (config.demo && config.role !== 'projector' && !(await isCcasSeeded(s))) {
      await seedCcas({ store: s, now: new Date(), hashPassword, blobs });
    }
    return s;
  });

  const runner = config.role === 'api' ? null : createProjectionRunner({ db, store, projections: allProjections });
  if (runner) {
    await runner.start();
    if (options.waitForCatchUp) await runner.catchUp();
  }
  const scheduler = runner
    ? createScheduler({
        db,
        store,
        clock: options.clock,
        intervalMs: options.schedulerIntervalMs,
        log: (level, message, details) => console[level](JSON.stringify({ level, msg: message, ...details })),
      })
    : null;
  scheduler?.start();

  if (config.role === 'projector') {
    return {
      url: '',
      app: null,
      db,
      store,
      runner,
      scheduler,
      apps: null,
      async close() {
        await scheduler?.stop();
        await runner?.stop();
        await store.close();
        if (!options.db) await db.close();
      },
    };
  }

  const changes: Observable<ChangeNotice> = runner
    ? merge(runner.changes$ as Observable<ChangeNotice>)
    : changesFromNotify(db);
  const waiter = projectionWaiter(db, store, changes);
  let apps: MountedApps | null = null;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    trustProxy: true,
    // Errors the router raises before any route (malformed percent-encoding, over-long parameter)
    // answer problem+json like every other refusal.
    frameworkErrors: (error, _req, reply) => {
      const status = (error as { statusCode?: number }).statusCode ?? 400;
      void (reply as unknown as FastifyReply).code(status).type('application/problem+json; charset=utf-8').send({
        type: 'about:blank',
        title: 'Requête invalide',
        status,
        detail: "L'adresse de la requête est invalide.",
      });
    },
    bodyLimit: 1024 * 1024,
    serverFactory: (handler) =>
      createServer((req: IncomingMessage, res: ServerResponse) => {
        if (!apps?.handle(req, res)) handler(req, res);
      }),
  }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(guichetApi, {
    db,
    store,
    blobs,
    config,
    directory: createDirectory(db),
    queries: createQueries(db),
    changes,
    waitForProjections: waiter.waitFor,
    projectionLag: async () => (runner ? runner.lag() : waiter.lag()),
  });
  app.addHook('preClose', async () => endAllStreams());
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://127.0.0.1:${port}`;
  if (config.serveApps) apps = await loadApps(root, url);

  return {
    url,
    app,
    db,
    store,
    runner,
    scheduler,
    apps,
    async close() {
      await app.close();
      waiter.close();
      await scheduler?.stop();
      await runner?.stop();
      await store.close();
      if (!options.db) await db.close();
    },
  };
}
