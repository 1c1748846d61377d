import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '@guichet/eventstore/testing';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { fuzzApi, stateOf } from './fuzz-run.ts';

/** 1,000 hostile requests per database here; `npm run test:faults` sends 10,000 (FUZZ_RUNS). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

describe.each(testDatabases())('API fuzzing with hostile requests on $name', ({ open }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ db: await open(), serveApps: false });
  });
  afterAll(async () => {
    await server?.close();
    await server?.guichet.db.close();
  });

  it(
    `answers ${RUNS} malformed, oversized, mistyped or hostile requests with problem+json, never 5xx, and changes nothing`,
    { timeout: 900_000 },
    async () => {
      const app = server.guichet.app!;
      // Log-ins of the fuzzing roles are the only expected change: take the state after them.
      await fuzzApi(app, 1);
      const before = await stateOf(server.guichet.db);
      const { statuses } = await fuzzApi(app, RUNS);
      const after = await stateOf(server.guichet.db);
      expect({ ...after, sessions: after.sessions - 4 }).toEqual(before);
      expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
    },
  );
});
