import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '@guichet/eventstore';
import { startServerChild, type ServerChild } from '../../bench/child.ts';
import { keepAliveClient, type KeepAliveClient } from '../../bench/http-client.ts';
import { POTHOLE } from '../../bench/workload.ts';
import { createCluster, postgresBin, type Cluster } from './cluster.ts';

interface Sent {
  text: string;
  status: number;
  contentType: string;
  retryAfter: string | undefined;
  at: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * PostgreSQL (a private cluster) stopped for a few seconds and started again while agents write
 * notes: the API (one process) and the projector (another) must come back by themselves.
 */
describe.runIf(postgresBin())('PostgreSQL stopped and started under load', () => {
  let cluster: Cluster | undefined;
  let api: ServerChild | undefined;
  let projector: ServerChild | undefined;
  let http: KeepAliveClient | undefined;
  afterAll(async () => {
    http?.close();
    await api?.stop();
    await projector?.stop();
    cluster?.destroy();
  });

  it('answers 503 problem+json with Retry-After meanwhile, loses no acknowledged command, and recovers without a restart', async () => {
    cluster = await createCluster();
    api = await startServerChild({ databaseUrl: cluster.url, role: 'api' });
    projector = await startServerChild({ databaseUrl: cluster.url, role: 'projector' });
    http = keepAliveClient(api.url, 16);
    const client = http;
    const citizen = await client.login('citoyen@demo.guichet.test');
    const agent = await client.login('agent@demo.guichet.test');
    const cases: string[] = [];
    for (let i = 0; i < 8; i++)
      cases.push(
        (await client.ok('POST', '/api/v1/cases', { procedureId: 'signalement-voirie', data: POTHOLE }, citizen)).id,
      );

    const sent: Sent[] = [];
    let running = true;
    const writers = cases.map(async (caseId, w) => {
      for (let i = 0; running; i++) {
        const text = `Note ${w}-${i} pendant la panne éventuelle.`;
        try {
          const r = await client.call('POST', `/api/v1/cases/${caseId}/notes`, { text }, agent);
          sent.push({
            text,
            status: r.status,
            contentType: String(r.headers['content-type'] ?? ''),
            retryAfter: r.headers['retry-after'] as string | undefined,
            at: Date.now(),
          });
          if (r.status === 503) await sleep(200);
        } catch (error) {
          sent.push({ text, status: -1, contentType: String(error), retryAfter: undefined, at: Date.now() });
          await sleep(200);
        }
      }
    });

    await sleep(3000);
    const down = Date.now();
    cluster.stop();
    await sleep(5000);
    cluster.start();
    const up = Date.now();
    // Load goes on until commands have succeeded again for a while.
    const recovered = () => sent.some((s) => s.at > up + 2000 && s.status === 200);
    for (let i = 0; i < 600 && !recovered(); i++) await sleep(100);
    await sleep(2000);
    running = false;
    await Promise.all(writers);

    const during = sent.filter((s) => s.at > down + 500 && s.at < up);
    const count = (status: number) => sent.filter((s) => s.status === status).length;
    console.info(
      `outage: ${sent.length} commands, ${count(200)} acknowledged, ${count(503)} answered 503 (${during.length} during the outage)`,
    );
    expect(during.length, 'requests answered while the database was down').toBeGreaterThan(0);
    expect(
      during.filter((s) => s.status !== 503),
      'answers during the outage',
    ).toEqual([]);
    expect(during.every((s) => s.contentType.startsWith('application/problem+json') && Number(s.retryAfter) > 0)).toBe(
      true,
    );
    expect(
      sent.filter((s) => s.status !== 200 && s.status !== 503),
      'anything but 200 or 503',
    ).toEqual([]);
    expect(recovered(), 'the API accepts commands again without a restart').toBe(true);

    // Every acknowledged note is in the log, and the projector (never restarted) shows it.
    const acknowledged = sent.filter((s) => s.status === 200).map((s) => s.text);
    const db = await openDb({ url: cluster.url, poolSize: 2 });
    try {
      const { rows } = await db.query<{ text: string }>(
        "select data->>'text' as text from events where type = 'InternalNoteWritten'",
      );
      const logged = new Set(rows.map((r) => r.text));
      expect(
        acknowledged.filter((t) => !logged.has(t)),
        'acknowledged but not in the log',
      ).toEqual([]);
      const projected = async () =>
        new Set(
          (
            await db.query<{ text: string }>(
              "select data->>'text' as text from rm_case_timeline where type = 'InternalNoteWritten'",
            )
          ).rows.map((r) => r.text),
        );
      let shown = await projected();
      for (let i = 0; i < 300 && acknowledged.some((t) => !shown.has(t)); i++) {
        await sleep(100);
        shown = await projected();
      }
      expect(
        acknowledged.filter((t) => !shown.has(t)),
        'acknowledged but never projected',
      ).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
