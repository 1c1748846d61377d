import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../eventstore/src/db.ts';
import { testDatabases } from '../../../eventstore/src/testing.ts';
import type { EventStore } from '../../../eventstore/src/types.ts';
import { allProjections } from '../all.ts';
import { mayAtTheTownHall, settle } from '../indicators/scenario.ts';
import type { ProjectionRunner } from '../runner.ts';
import { runnerFor, withStore } from '../testing/setup.ts';
import { DATASETS, readIncrement, type ExportName } from './datasets.ts';
import { rowsToCsv, rowsToParquet } from './formats.ts';
import { openDataRows } from './opendata.ts';
import { readParquetRows } from './parquet-reader.ts';
import { BI_ROLE, installBi } from './schema.ts';
import { BI_VIEWS } from './views.ts';

const PERSONAL = [
  'Léa',
  'Moreau',
  'lea.moreau',
  '0601020304',
  'Texte libre',
  'Merci Claire',
  'Bien reçu',
  'Pièce ?',
  'cit-lea',
];

describe.each(testDatabases())('BI schema and exports on $name', ({ open }) => {
  let db: Db;
  let store: EventStore;
  let close: () => Promise<void>;
  let runner: ProjectionRunner;
  let bi: string;
  const story = mayAtTheTownHall();

  beforeAll(async () => {
    ({ db, store, close } = await withStore(open));
    await story.history.appendTo(store);
    await story.other.appendTo(store);
    runner = runnerFor(db, store, { projections: allProjections, batchSize: 100 });
    await settle(db, runner);
    bi = (await installBi(db)).schema;
    // Installing twice (a second API process) changes nothing.
    await installBi(db);
  });
  afterAll(async () => {
    await runner.stop();
    if (db.kind === 'postgres') await db.exec(`drop schema if exists ${bi} cascade`);
    await close();
  });

  const all = (dataset: ExportName, since = 0, limit = 10_000) => readIncrement(db, bi, dataset, { since, limit });

  it('offers fact and dimension views without any personal data', async () => {
    const { rows: columns } = await db.query<{ table_name: string; column_name: string }>(
      'select table_name, column_name from information_schema.columns where table_schema = $1',
      [bi],
    );
    expect(new Set(columns.map((c) => c.table_name))).toEqual(new Set(BI_VIEWS));
    const names = columns.map((c) => c.column_name);
    for (const bad of [
      'contact',
      'email',
      'phone',
      'address',
      'comment',
      'message',
      'text',
      'data',
      'citizen',
      'summary',
      'reason',
    ]) {
      expect(names.filter((n) => n.includes(bad))).toEqual([]);
    }
    let dump = '';
    for (const view of BI_VIEWS) {
      if (view === 'days') continue;
      dump += JSON.stringify((await db.query(`select * from ${bi}.${view}`)).rows);
    }
    for (const personal of PERSONAL) expect(dump).not.toContain(personal);
    // Who acted is told by role only (agent, citizen…), never by account.
    expect(names).not.toContain('actor');
    const { rows: may } = await db.query<{ n: number; holidays: string }>(
      `select count(*) filter (where is_business_day)::int as n, string_agg(holiday_name, ', ' order by day) as holidays
         from ${bi}.days where day between '2026-05-01' and '2026-05-31'`,
    );
    expect(may[0]).toEqual({ n: 17, holidays: 'Fête du Travail, Victoire 1945, Ascension, Lundi de Pentecôte' });
    const { rows: newYear } = await db.query(
      `select day::text, iso_year, iso_week, weekday_name, is_business_day from ${bi}.days where day in ('2027-01-01', '2026-12-28') order by day`,
    );
    expect(newYear).toEqual([
      { day: '2026-12-28', iso_year: 2026, iso_week: 53, weekday_name: 'lundi', is_business_day: true },
      { day: '2027-01-01', iso_year: 2026, iso_week: 53, weekday_name: 'vendredi', is_business_day: false },
    ]);
  });

  it('exports every event once, in log order, and exactly those after a position', async () => {
    const log = await store.readAll({ limit: 10_000 });
    const everything = await all('events');
    expect(everything.rows.map((r) => r.position)).toEqual(log.map((e) => e.position));
    expect(everything.nextPosition).toBe(log.at(-1)?.position);
    expect(everything.hasMore).toBe(false);

    const p = (log[11] as (typeof log)[number]).position;
    const after = log.slice(12).map((e) => e.position);
    expect((await all('events', p)).rows.map((r) => r.position)).toEqual(after);
    // Page by page, each page starting where the previous one said.
    const seen: unknown[] = [];
    let since = p;
    for (let more = true; more;) {
      const page = await all('events', since, 7);
      seen.push(...page.rows.map((r) => r.position));
      since = page.nextPosition;
      more = page.hasMore;
    }
    expect(seen).toEqual(after);
    // Nothing after the last one: the next position stays.
    expect(await all('events', since)).toMatchObject({ rows: [], nextPosition: since, hasMore: false });
  });

  it('exports the requests changed after a position, and scopes them by tenant and service', async () => {
    const log = await store.readAll({ limit: 10_000 });
    const closedC1 = log.find((e) => e.type === 'CaseRated' && (e.data as { caseId: string }).caseId === 'c1')
      ?.position as number;
    const lastOf = new Map<string, number>();
    for (const e of log) if (e.streamId.startsWith('case-')) lastOf.set(e.streamId.slice(5), e.position);
    const expected = [...lastOf]
      .filter(([, pos]) => pos > closedC1)
      .map(([id]) => id)
      .sort();
    expect((await all('requests', closedC1)).rows.map((r) => r.request_id).sort()).toEqual(expected);
    expect(expected).not.toContain('c1');

    const mine = await readIncrement(db, bi, 'requests', {
      since: 0,
      limit: 100,
      tenant: 'ville-s',
      serviceIds: ['svc-voirie'],
    });
    expect(mine.rows.map((r) => r.reference).sort()).toEqual([
      'S-2026-00103',
      'S-2026-00104',
      'S-2026-00105',
      'S-2026-00106',
    ]);
    const ratings = await readIncrement(db, bi, 'ratings', { since: 0, limit: 100, tenant: 'ville-s' });
    expect(ratings.rows.map((r) => [r.request_id, r.score, r.rated_day])).toEqual([
      ['c1', 5, '2026-05-07'],
      ['c2', 2, '2026-05-19'],
    ]);
    const c1 = (await all('requests')).rows.find((r) => r.request_id === 'c1');
    expect(c1).toMatchObject({
      submitted_day: '2026-04-30',
      submitted_at: '2026-04-30T08:00:00.000Z',
      closure_business_hours: 52,
      closed_on_time: true,
    });
  });

  it('writes Parquet files that read back to the same rows, and CSV with a header', async () => {
    for (const dataset of ['events', 'requests', 'contacts', 'ratings'] as const) {
      const { columns, rows } = await all(dataset);
      expect(rows.length).toBeGreaterThan(0);
      expect(await readParquetRows(columns, rowsToParquet(columns, rows))).toEqual(rows);
    }
    expect(await readParquetRows(DATASETS.events.columns, rowsToParquet(DATASETS.events.columns, []))).toEqual([]);
    const csv = rowsToCsv(DATASETS.ratings.columns, (await all('ratings')).rows).split('\r\n');
    expect(csv[0]).toBe('request_id,tenant,service_id,procedure_id,channel,score,rated_at,rated_day,last_position');
    expect(csv).toHaveLength(2 + 2);
  });

  it('publishes open data with counts under 5 suppressed', async () => {
    const channels = await openDataRows(db, 'canaux-par-mois');
    const row = (month: string, channel: string) =>
      channels?.rows.find((r) => r[0] === month && r[1] === 'ville-s' && r[2] === channel);
    // April: one web request and its one contact → secret; May on the web: 3 requests (secret), 7 contacts.
    expect(row('2026-04', 'En ligne')).toEqual(['2026-04', 'ville-s', 'En ligne', null, null]);
    expect(row('2026-05', 'En ligne')).toEqual(['2026-05', 'ville-s', 'En ligne', null, 7]);
    expect(row('2026-05', 'Téléphone')).toEqual(['2026-05', 'ville-s', 'Téléphone', 0, null]);
    const requests = await openDataRows(db, 'demandes-par-mois');
    expect(requests?.header).toEqual([
      'mois',
      'collectivite',
      'service',
      'demarche',
      'demandes_recues',
      'demandes_cloturees',
      'cloturees_dans_le_delai',
      'part_dans_le_delai',
      'delai_median_jours_ouvres',
    ]);
    expect(requests?.rows.find((r) => r[0] === '2026-05' && r[3] === 'Signalement voirie')).toEqual([
      '2026-05',
      'ville-s',
      'svc-voirie',
      'Signalement voirie',
      null,
      0,
      null,
      null,
      null,
    ]);
    expect(JSON.stringify(await openDataRows(db, 'satisfaction-par-mois'))).not.toContain('3.5');
  });
});

// Roles only exist on PostgreSQL: PGlite has a single user.
describe.each(testDatabases().filter((d) => d.name === 'postgres'))('the read-only BI role on $name', ({ open }) => {
  let db: Db;
  let close: () => Promise<void>;
  let runner: ProjectionRunner;
  let bi: string;

  beforeAll(async () => {
    let store: EventStore;
    ({ db, store, close } = await withStore(open));
    await mayAtTheTownHall().history.appendTo(store);
    runner = runnerFor(db, store, { projections: allProjections, batchSize: 100 });
    await settle(db, runner);
    bi = (await installBi(db)).schema;
  });
  afterAll(async () => {
    await runner.stop();
    await db.exec(`drop schema if exists ${bi} cascade`);
    await close();
  });

  it('lets the guichet_bi role read the bi views, and nothing else', async () => {
    const url = new URL(process.env.DATABASE_URL as string);
    url.username = BI_ROLE;
    url.password = '';
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const { rows } = await client.query(`select count(*)::int as n from ${bi}.requests`);
      expect(rows[0].n).toBe(6);
      await expect(client.query(`insert into ${bi}.requests (request_id) values ('x')`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(client.query(`delete from ${bi}.days`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`create table ${bi}.mine (a int)`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`select contact_name, contact from ${db.schema}.rm_cases`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(client.query(`select data from ${db.schema}.events`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`select contact from ${bi}.requests`)).rejects.toThrow(
        /column "contact" does not exist/,
      );
    } finally {
      await client.end();
    }
  });
});
