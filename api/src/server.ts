import { loadConfig } from './config.ts';
import { startGuichet } from './runtime.ts';

/** Process entry: `--role api|projector|all` (default all). Closes gracefully on SIGINT/SIGTERM. */
const config = loadConfig();
const guichet = await startGuichet(config, { waitForCatchUp: true });

const base = `http://localhost:${config.port}`;
if (guichet.app) {
  const lines = [
    '',
    `Guichet est prêt (${config.databaseUrl ? 'PostgreSQL' : `PGlite embarqué, données dans ${config.dataDir}`}, rôle ${config.role}).`,
    `  Portail usager   ${base}/`,
    `  Back office      ${base}/backoffice`,
    `  API              ${base}/api/v1   (documentation : ${base}/docs)`,
  ];
  if (config.demo) {
    lines.push(
      '',
      'Comptes de démonstration (mot de passe : guichet-demo) :',
      '  citoyen@demo.guichet.test      usager',
      '  agent@demo.guichet.test        agent des trois services',
      '  responsable@demo.guichet.test  responsable',
      '  admin@demo.guichet.test        administrateur',
    );
  }
  if (guichet.apps && guichet.apps.mounted.length < 2) {
    lines.push('', 'Attention : applications non construites — lancez « npm start » (il les construit).');
  }
  console.log(lines.join('\n') + '\n');
} else {
  console.log(`Guichet : projections en cours (rôle ${config.role}).`);
}

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    guichet.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
