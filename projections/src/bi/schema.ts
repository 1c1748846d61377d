import type { Db } from '../../../eventstore/src/db.ts';
import { frenchHolidays, type Day } from '../indicators/business-time.ts';
import { biViews, DAYS_DDL } from './views.ts';

export const BI_ROLE = 'guichet_bi';
const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

/** `bi` for the default schema; `<schema>_bi` otherwise, so test schemas never share one. */
export const biSchemaOf = (db: Pick<Db, 'schema'>): string => (db.schema === 'guichet' ? 'bi' : `${db.schema}_bi`);

export interface BiInstall {
  schema: string;
  /** What happened to the read-only role: PGlite has no other login, so it is skipped there. */
  role: 'granted' | 'skipped';
  reason?: string;
}

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const sqlArray = (words: string[]) => `array[${words.map((w) => `'${w}'`).join(', ')}]`;

/** Fills the calendar dimension: the database makes the days, the holidays come from business-time.ts. */
async function fillCalendar(db: Db, s: string, from: Day, to: Day): Promise<void> {
  const holidays = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const [day, name] of frenchHolidays(year)) holidays.push({ day, name });
  }
  await db.query(
    `insert into ${s}.bi_days
     select d::date, extract(year from d)::int, extract(quarter from d)::int, extract(month from d)::int,
            (${sqlArray(MONTHS)})[extract(month from d)::int], extract(isoyear from d)::int, extract(week from d)::int,
            extract(isodow from d)::int, (${sqlArray(WEEKDAYS)})[extract(isodow from d)::int], extract(isodow from d) >= 6,
            h.name, extract(isodow from d) < 6 and h.name is null
       from generate_series($1::date, $2::date, interval '1 day') d
       left join jsonb_to_recordset($3::jsonb) as h(day date, name text) on h.day = d::date
     on conflict (day) do nothing`,
    [from, to, JSON.stringify(holidays)],
  );
}

const CALENDAR = { from: '2015-01-01', to: '2040-12-31' };

/**
 * Creates (idempotently) the `bi` schema and its views over the read models, and on PostgreSQL
 * grants the read-only role `guichet_bi` (created when the current user may create roles) usage
 * of that schema and select on its views, nothing else. Run after the projections' migrations.
 */
export async function installBi(db: Db, options: { schema?: string; role?: string } = {}): Promise<BiInstall> {
  const bi = options.schema ?? biSchemaOf(db);
  const role = options.role ?? BI_ROLE;
  if (!IDENT.test(bi) || !IDENT.test(role)) throw new Error(`not a plain SQL identifier: ${bi} / ${role}`);
  const s = db.schema;
  const lock = db.kind === 'postgres' ? `select pg_advisory_xact_lock(hashtext('guichet.bi.${s}'));` : '';
  // One simple query is one implicit transaction: two API processes starting together queue on the lock.
  await db.exec(`${lock}
    create schema if not exists ${bi};
    ${DAYS_DDL.replace('bi_days', `${s}.bi_days`)}
    ${biViews(s, bi)}`);
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from ${s}.bi_days`);
  const days = (Date.parse(CALENDAR.to) - Date.parse(CALENDAR.from)) / 86_400_000 + 1;
  if (Number(rows[0]?.n ?? 0) < days) await fillCalendar(db, s, CALENDAR.from, CALENDAR.to);
  if (db.kind !== 'postgres')
    return { schema: bi, role: 'skipped', reason: 'PGlite : un seul utilisateur, pas de rôle' };
  return { schema: bi, ...(await grantRole(db, s, bi, role)) };
}

async function grantRole(db: Db, s: string, bi: string, role: string): Promise<Omit<BiInstall, 'schema'>> {
  const { rows } = await db.query<{ exists: boolean; may_create: boolean }>(
    `select exists (select 1 from pg_roles where rolname = $1) as exists,
            (select rolsuper or rolcreaterole from pg_roles where rolname = current_user) as may_create`,
    [role],
  );
  const state = rows[0];
  if (!state?.exists && !state?.may_create)
    return { role: 'skipped', reason: `le rôle ${role} n'existe pas et l'utilisateur ne peut pas le créer` };
  // LOGIN without a password: nobody can connect with it until an administrator gives it one.
  await db.exec(`
    select pg_advisory_xact_lock(hashtext('guichet.bi.role'));
    do $$ begin
      if not exists (select 1 from pg_roles where rolname = '${role}') then
        create role ${role} login;
      end if;
    exception when duplicate_object then null;
    end $$;
    revoke all on schema ${s} from ${role};
    revoke all on all tables in schema ${s} from ${role};
    grant usage on schema ${bi} to ${role};
    revoke create on schema ${bi} from ${role};
    grant select on all tables in schema ${bi} to ${role};
    alter default privileges in schema ${bi} grant select on tables to ${role};`);
  return { role: 'granted' };
}
