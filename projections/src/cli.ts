/**
 * Operator commands for the read side:
 *   node --import tsx projections/src/cli.ts lag
 *   node --import tsx projections/src/cli.ts rebuild <projection|all>
 * The database is DATABASE_URL, or the PGlite data in $GUICHET_DATA_DIR/pglite (server stopped).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createEventStore, openDb } from '@guichet/eventstore';
import { allProjections } from './all.ts';
import { createProjectionRunner } from './runner.ts';

const [command, target] = process.argv.slice(2);
const url = process.env.DATABASE_URL || undefined;
const dataDir = url ? undefined : join(resolve(process.env.GUICHET_DATA_DIR ?? 'data'), 'pglite');
if (dataDir && !existsSync(dataDir)) {
  console.error(`no database at ${dataDir} (set DATABASE_URL or GUICHET_DATA_DIR)`);
  process.exit(1);
}
const db = await openDb({ url, dataDir });
const store = await createEventStore(db);
const logger = { info: () => {}, warn: console.warn, error: console.error };
const runner = createProjectionRunner({ db, store, projections: allProjections, logger });

try {
  if (command === 'lag') {
    for (const l of await runner.lag())
      console.log(`${l.name.padEnd(18)} v${l.version}  position ${l.checkpoint.position}  behind ${l.behind}`);
  } else if (command === 'rebuild' && target) {
    const names = target === 'all' ? allProjections.map((p) => p.name) : [target];
    for (const name of names) await runner.rebuild(name);
    if (db.kind === 'pglite') {
      // One process only: nobody else will replay the log.
      await runner.catchUp();
      console.log(`rebuilt: ${names.join(', ')}`);
    } else {
      console.log(`reset: ${names.join(', ')}; the running projector replays the log (watch with "lag")`);
    }
  } else {
    console.error('usage: cli.ts lag | rebuild <projection|all>');
    process.exitCode = 2;
  }
} finally {
  await runner.stop();
  await store.close();
  await db.close();
}
