import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '@guichet/eventstore/testing';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { matrixContext, PRINCIPALS, type MatrixContext } from './matrix-context.ts';
import { ROWS } from './matrix-routes.ts';

/** Status of an SSE route: the stream is opened, its status read, and it is dropped. */
async function sseStatus(url: string, token: string | null): Promise<number> {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: controller.signal,
  });
  controller.abort();
  return res.status;
}

describe.each(testDatabases())('authorisation matrix of API v1 on $name', ({ open }) => {
  let server: TestServer;
  let c: MatrixContext;
  beforeAll(async () => {
    server = await startTestServer({ db: await open(), serveApps: false });
    c = await matrixContext(server.guichet.app!);
  });
  afterAll(async () => {
    await server?.close();
    await server?.guichet.db.close();
  });

  it('has a row for every route the API publishes (a new route needs its row in matrix-routes.ts)', async () => {
    const doc = (await c.call('GET', '/docs/json')).body as { paths: Record<string, Record<string, unknown>> };
    const published = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const covered = ROWS.map((r) => `${r.method} ${r.path}`);
    expect(
      published.filter((r) => !covered.includes(r)),
      'routes without a row',
    ).toEqual([]);
    expect(
      covered.filter((r) => !published.includes(r)),
      'rows without a route',
    ).toEqual([]);
  });

  it('lets exactly the allowed principals through, with the exact status for everyone else', async () => {
    const wrong: string[] = [];
    for (const row of ROWS) {
      // The seven cells of a row at once: each allowed one acts on resources of its own.
      await Promise.all(
        PRINCIPALS.map(async (p) => {
          const expected = row.expect[p];
          const req = await row.request(p, c, expected < 300);
          const token = req.headers?.authorization ? null : c.token(p);
          const answer = row.sse ? null : await c.call(row.method, req.url, token, req.body, req.headers ?? {});
          const status = answer ? answer.status : await sseStatus(`${server.url}${req.url}`, token);
          if (status !== expected)
            wrong.push(
              `${row.method} ${row.path} as ${p}: expected ${expected}, got ${status} ${JSON.stringify(answer?.body ?? '').slice(0, 160)}`,
            );
          if (answer && status >= 400 && !answer.contentType.startsWith('application/problem+json'))
            wrong.push(`${row.method} ${row.path} as ${p}: ${status} is not problem+json`);
        }),
      );
    }
    expect(wrong).toEqual([]);
  });
});
