// `npm start`: builds the two apps if needed, then runs the whole product in one process.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApps } from './build-apps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (process.env.GUICHET_SERVE_APPS !== 'false' && !process.argv.includes('--role=projector')) buildApps();

const child = spawn(
  process.execPath,
  ['--import', 'tsx', join(root, 'api', 'src', 'server.ts'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
