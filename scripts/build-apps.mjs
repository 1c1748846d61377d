// Builds the two SvelteKit apps when their build is missing or older than their sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const APPS = ['citizen-portal', 'backoffice'];
/** Sources an app compiles from another workspace (the back office renders forms with the portal's renderer). */
const SHARED_SOURCES = { backoffice: [join(root, 'citizen-portal', 'src', 'lib')] };

function newestMtime(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale(app) {
  const built = join(root, app, 'build', 'handler.js');
  if (!existsSync(built)) return true;
  const inputs = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json']
    .map((p) => join(root, app, p))
    .concat(SHARED_SOURCES[app] ?? [])
    .filter(existsSync);
  return Math.max(...inputs.map(newestMtime)) > statSync(built).mtimeMs;
}

export function buildApps({ force = false } = {}) {
  for (const app of APPS) {
    if (!force && !isStale(app)) continue;
    console.log(`Construction de ${app}…`);
    execFileSync(
      process.execPath,
      [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: join(root, app),
        stdio: 'inherit',
      },
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    buildApps({ force: process.argv.includes('--force') });
  } catch (err) {
    // After `npm install` a failed build is not fatal: `npm start` and `npm test` build again and show the error.
    if (!process.argv.includes('--if-possible')) throw err;
    console.warn(`Construction des applications impossible pour l'instant : ${err.message}`);
  }
}
