import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '@guichet/eventstore/testing';
import { DATASETS, readIncrement, biSchemaOf } from '@guichet/projections';
import { mayAtTheTownHall, settle, VOIRIE, ETAT_CIVIL } from '../../../projections/src/indicators/scenario.ts';
import { readParquetRows } from '../../../projections/src/bi/parquet-reader.ts';
import { hashPassword } from '../lib/passwords.ts';
import { client } from '../testing/http.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

const PERIOD = 'from=2026-04-27&to=2026-05-20';

/** Staff of the May 2026 story, with passwords, so that they can log in. */
async function staff(story: ReturnType<typeof mayAtTheTownHall>) {
  const hash = await hashPassword('mot-de-passe');
  const people = [
    [
      'ag-resp',
      'resp@ville-s.fr',
      [
        [ETAT_CIVIL, 'manager'],
        [VOIRIE, 'manager'],
      ],
    ],
    ['ag-chef-voirie', 'chef.voirie@ville-s.fr', [[VOIRIE, 'manager']]],
    ['ag-agent', 'agent.voirie@ville-s.fr', [[VOIRIE, 'agent']]],
    [
      'ag-admin',
      'admin@ville-s.fr',
      [
        [ETAT_CIVIL, 'admin'],
        [VOIRIE, 'admin'],
      ],
    ],
  ] as const;
  for (const [id, email, roles] of people) {
    story.history.add(
      `agent-${id}`,
      { actor: 'system', channel: 'system' },
      { type: 'AgentAccountCreated', data: { agentId: id, tenant: 'ville-s', email, name: id, passwordHash: hash } },
      ...roles.map(([serviceId, role]) => ({
        type: 'AgentRoleGranted' as const,
        data: { agentId: id, serviceId, role },
      })),
    );
  }
}

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text
    .trim()
    .split('\r\n')
    .map((l) => l.split(','));
  return lines.map((cells) => Object.fromEntries((header ?? []).map((h, i) => [h, cells[i] ?? ''])));
}

describe.each(testDatabases())('indicators, exports and open data over HTTP on $name', ({ open }) => {
  let server: TestServer;
  const api = () => client(server.url);
  const story = mayAtTheTownHall();
  const token: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer({ db: await open(), serveApps: false, demo: false });
    await staff(story);
    await story.history.appendTo(server.guichet.store);
    await story.other.appendTo(server.guichet.store);
    await settle(server.guichet.db, server.guichet.runner!);
    for (const [key, email] of [
      ['resp', 'resp@ville-s.fr'],
      ['chef', 'chef.voirie@ville-s.fr'],
      ['agent', 'agent.voirie@ville-s.fr'],
      ['admin', 'admin@ville-s.fr'],
    ]) {
      token[key as string] = await server.login(email as string, 'mot-de-passe');
    }
  });
  afterAll(async () => {
    if (server?.guichet.db.kind === 'postgres')
      await server.guichet.db.exec(`drop schema if exists ${biSchemaOf(server.guichet.db)} cascade`);
    await server?.close();
  });

  it('gives a manager the figures of their services over a period', async () => {
    const res = await api().get(`/api/v1/stats/overview?${PERIOD}`, token.resp);
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({
      received: 6,
      decided: 2,
      closed: 3,
      closedOnTime: 2,
      reopened: 1,
      backlogStart: 0,
      backlogEnd: 4,
      onTimeRate: 0.6667,
    });
    expect(res.body.durations.closure).toEqual({ count: 2, p50: 91, p90: 122.2, mean: 91 });
    expect(res.body.procedures.map((p: { title: string }) => p.title).sort()).toEqual([
      'Copie d’acte de naissance',
      'Signalement voirie',
    ]);
    const voirie = await api().get(`/api/v1/stats/overview?${PERIOD}`, token.chef);
    expect(voirie.body.filter.serviceIds).toEqual([VOIRIE]);
    expect(voirie.body.totals.received).toBe(3);
    const drill = await api().get(`/api/v1/stats/cases?${PERIOD}&metric=closed_late`, token.resp);
    expect(drill.body.items.map((i: { reference: string }) => i.reference)).toEqual(['S-2026-00102']);
  });

  it('refuses figures to agents, strangers and other services, and bad periods, as problems', async () => {
    const cases = [
      [await api().get(`/api/v1/stats/overview?${PERIOD}`), 401],
      [await api().get(`/api/v1/stats/overview?${PERIOD}`, token.agent), 403],
      [await api().get(`/api/v1/stats/overview?${PERIOD}&service=${ETAT_CIVIL}`, token.chef), 403],
      [await api().get('/api/v1/stats/overview?from=2026-05-20&to=2026-05-01', token.resp), 400],
      [await api().get('/api/v1/stats/overview?from=hier', token.resp), 400],
      [await api().get('/api/v1/stats/cases?metric=everything', token.resp), 400],
      [await api().get('/api/v1/exports/requests', token.agent), 403],
      [await api().get('/api/v1/exports/secrets', token.resp), 400],
    ] as const;
    for (const [res, status] of cases) {
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('shows agents the alerts of their own services only', async () => {
    const res = await api().get('/api/v1/stats/alerts', token.agent);
    expect(res.status).toBe(200);
    expect(res.body.services.map((s: { serviceId: string }) => s.serviceId)).toEqual([VOIRIE]);
    // Long after May 2026, every open roads request is past its deadline (c3 waits for the resident since before it).
    expect(res.body.items.map((i: { reference: string; level: string }) => [i.reference, i.level])).toEqual([
      ['S-2026-00104', 'overdue'],
      ['S-2026-00105', 'overdue'],
      ['S-2026-00106', 'overdue'],
    ]);
    expect((await api().get(`/api/v1/stats/alerts?service=${ETAT_CIVIL}`, token.agent)).status).toBe(403);
  });

  it('exports exactly the events after a position, in CSV and in Parquet', async () => {
    const log = (await server.guichet.store.readAll({ limit: 10_000 })).filter((e) => e.metadata.tenant === 'ville-s');
    const p = (log[20] as (typeof log)[number]).position;
    const res = await api().call('GET', `/api/v1/exports/events?since=${p}&format=csv`, { token: token.admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parseCsv(res.body as string);
    expect(rows.map((r) => Number(r.position))).toEqual(log.filter((e) => e.position > p).map((e) => e.position));
    expect(Number(res.headers.get('x-next-position'))).toBe(log.at(-1)?.position);
    expect(res.headers.get('x-has-more')).toBe('false');

    const raw = await fetch(`${server.url}/api/v1/exports/events?since=${p}&format=parquet`, {
      headers: { authorization: `Bearer ${token.admin}` },
    });
    expect(raw.headers.get('content-type')).toBe('application/vnd.apache.parquet');
    const fromParquet = await readParquetRows(DATASETS.events.columns, new Uint8Array(await raw.arrayBuffer()));
    const expected = await readIncrement(server.guichet.db, biSchemaOf(server.guichet.db), 'events', {
      since: p,
      limit: 10_000,
      tenant: 'ville-s',
    });
    expect(fromParquet).toEqual(expected.rows);

    // A roads manager gets the events of roads requests only, page by page.
    const page = await api().call('GET', '/api/v1/exports/events?since=0&limit=5', { token: token.chef });
    expect(page.headers.get('x-has-more')).toBe('true');
    expect(new Set(parseCsv(page.body as string).map((r) => r.service_id))).toEqual(new Set([VOIRIE]));
  });

  it('publishes aggregated open data and its dictionary to anyone', async () => {
    const catalogue = await api().get('/api/v1/opendata');
    expect(catalogue.body.items.map((d: { name: string }) => d.name)).toEqual([
      'demandes-par-mois',
      'canaux-par-mois',
      'satisfaction-par-mois',
    ]);
    const channels = await api().call('GET', '/api/v1/opendata/canaux-par-mois.csv');
    expect(channels.status).toBe(200);
    const rows = parseCsv(channels.body as string).filter((r) => r.collectivite === 'ville-s' && r.mois === '2026-05');
    expect(rows.find((r) => r.canal === 'En ligne')).toEqual({
      mois: '2026-05',
      collectivite: 'ville-s',
      canal: 'En ligne',
      demandes_recues: '',
      contacts: '7',
    });
    const dictionary = await api().call('GET', '/api/v1/opendata/dictionnaire.csv');
    expect(dictionary.body).toContain('canaux-par-mois');
    expect((await api().get('/api/v1/opendata/inconnu.csv')).status).toBe(404);
  });
});
