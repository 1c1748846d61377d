// Creates an organisation (tenant) with its services and first administrator.
//   node --import tsx api/src/cli/tenant.ts --id ccas-s --name "CCAS de S." \
//     --service action-sociale="Action sociale" --admin-email directrice@ccas.example --admin-name "Anne Roy"
import { parseArgs } from 'node:util';
import { createEventStore, openDb } from '@guichet/eventstore';
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { createTenant } from '../lib/tenants.ts';

const { values } = parseArgs({
  options: {
    id: { type: 'string' },
    name: { type: 'string' },
    service: { type: 'string', multiple: true },
    'admin-email': { type: 'string' },
    'admin-name': { type: 'string' },
  },
});
if (!values.id || !values.name || !values.service?.length || !values['admin-email'] || !values['admin-name']) {
  console.error(
    'Usage : tenant.ts --id <id> --name <nom> --service <id>=<nom> [--service …] --admin-email <e-mail> --admin-name <nom>',
  );
  process.exit(2);
}
const services = values.service.map((s) => {
  const [id, ...name] = s.split('=');
  return { id: id!.trim(), name: name.join('=').trim() || id!.trim() };
});
const config = loadConfig(process.env, []);
const db = await openDb({
  url: config.databaseUrl,
  dataDir: config.databaseUrl ? undefined : join(config.dataDir, 'pglite'),
});
try {
  const store = await createEventStore(db);
  const { temporaryPassword } = await createTenant(store, {
    id: values.id,
    name: values.name,
    services,
    admin: { email: values['admin-email'], name: values['admin-name'] },
  });
  console.log(`Organisation « ${values.name} » créée avec ${services.length} service(s).`);
  console.log(`Administrateur : ${values['admin-email']} — mot de passe provisoire : ${temporaryPassword}`);
  await store.close();
} finally {
  await db.close();
}
