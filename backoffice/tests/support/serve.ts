// Manual exploration: the whole product with the demo town on a random port, until killed.
// npx tsx backoffice/tests/support/serve.ts
import { startTestServer } from '../../../api/src/testing/test-server.ts';

const server = await startTestServer();
console.log(`GUICHET_URL=${server.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
