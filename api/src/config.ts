import { resolve } from 'node:path';

export type Role = 'api' | 'projector' | 'all';

export interface Config {
  port: number;
  host: string;
  /** postgres://… — PostgreSQL; absent: embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  role: Role;
  /** Create the demo town on an empty database (never in production). */
  demo: boolean;
  production: boolean;
  /** Serve the two SvelteKit apps from their `build/` folders. */
  serveApps: boolean;
  logLevel: string;
  /** Session lifetime in hours. */
  sessionHours: number;
  /** Tenant of citizen sign-ups and of this installation's demo town. */
  tenant: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv.slice(2)): Config {
  const roleArg = argv.find((a) => a.startsWith('--role='))?.slice(7) ?? argv[argv.indexOf('--role') + 1];
  const role = (argv.includes('--role') || roleArg ? roleArg : env.GUICHET_ROLE) ?? 'all';
  if (role !== 'api' && role !== 'projector' && role !== 'all') {
    throw new Error(`--role doit valoir api, projector ou all (reçu : ${role})`);
  }
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(env.GUICHET_DATA_DIR ?? 'data');
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    role,
    demo: !production && env.GUICHET_DEMO !== 'false',
    production,
    serveApps: env.GUICHET_SERVE_APPS !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionHours: Number(env.GUICHET_SESSION_HOURS ?? 12),
    tenant: env.GUICHET_TENANT ?? 'ville-de-s',
  };
}
