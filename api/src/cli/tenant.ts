// Creates an organisation (tenant) with its services and first administrator:
//   node --import tsx api/src/cli/tenant.ts --id ccas-s --name "CCAS de S." \
//     --service action-sociale="Action sociale" --admin-email directrice@ccas.example --admin-name "Anne Roy"
// Changes its branding (what is not given is kept; the same checks as in the back office):
//   node --import tsx api/src/cli/tenant.ts branding --id ccas-s --primary "#1f4e79" --accent "#8a1538" \
//     [--name "CCAS de S."] [--tagline "…"] [--logo logo.png | --no-logo]
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ValidationError, DomainError } from '@guichet/domain';
import { createEventStore, createFileBlobStore, openDb, type EventStore } from '@guichet/eventstore';
import { loadConfig } from '../config.ts';
import { createTenant, currentBranding, operatorMeta, setTenantBranding, storeLogo } from '../lib/tenants.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    id: { type: 'string' },
    name: { type: 'string' },
    service: { type: 'string', multiple: true },
    'admin-email': { type: 'string' },
    'admin-name': { type: 'string' },
    tagline: { type: 'string' },
    primary: { type: 'string' },
    accent: { type: 'string' },
    logo: { type: 'string' },
    'no-logo': { type: 'boolean' },
  },
});
const branding = positionals[0] === 'branding';
if (
  branding
    ? !values.id
    : !values.id || !values.name || !values.service?.length || !values['admin-email'] || !values['admin-name']
) {
  console.error(
    [
      'Usage : tenant.ts --id <id> --name <nom> --service <id>=<nom> [--service …] --admin-email <e-mail> --admin-name <nom>',
      '        tenant.ts branding --id <id> [--name <nom>] [--tagline <texte>] [--primary <#rrggbb>] [--accent <#rrggbb>] [--logo <fichier.png|jpg> | --no-logo]',
    ].join('\n'),
  );
  process.exit(2);
}

const config = loadConfig(process.env, []);
const db = await openDb({
  url: config.databaseUrl,
  dataDir: config.databaseUrl ? undefined : join(config.dataDir, 'pglite'),
});

async function create(store: EventStore) {
  const services = values.service!.map((s) => {
    const [id, ...name] = s.split('=');
    return { id: id!.trim(), name: name.join('=').trim() || id!.trim() };
  });
  const { temporaryPassword } = await createTenant(store, {
    id: values.id!,
    name: values.name!,
    services,
    admin: { email: values['admin-email']!, name: values['admin-name']! },
  });
  console.log(`Organisation « ${values.name} » créée avec ${services.length} service(s).`);
  console.log(`Administrateur : ${values['admin-email']} — mot de passe provisoire : ${temporaryPassword}`);
}

async function brand(store: EventStore) {
  const current = await currentBranding(store, values.id!);
  if (!current) throw new Error(`Aucune organisation « ${values.id} ».`);
  const blobs = createFileBlobStore(join(config.dataDir, 'documents'));
  const logo = values['no-logo']
    ? null
    : values.logo
      ? await storeLogo(blobs, await readFile(values.logo), basename(values.logo))
      : current.logo;
  const result = await setTenantBranding(
    { store },
    {
      name: values.name ?? current.name,
      tagline: values.tagline ?? current.tagline,
      primaryColour: values.primary ?? current.primaryColour,
      accentColour: values.accent ?? current.accentColour,
      logo,
    },
    operatorMeta(values.id!),
  );
  console.log(result.events.length > 0 ? 'Identité visuelle enregistrée.' : 'Identité visuelle inchangée.');
}

try {
  const store = await createEventStore(db);
  try {
    await (branding ? brand(store) : create(store));
  } finally {
    await store.close();
  }
} catch (err) {
  if (err instanceof ValidationError) {
    for (const e of err.errors) console.error(`${e.field} : ${e.message}`);
  } else if (err instanceof DomainError) console.error(err.message);
  else throw err;
  process.exitCode = 1;
} finally {
  await db.close();
}
