import type { Db } from '../../../eventstore/src/db.ts';
import { addDays, holidayName, isoWeekday, type Day } from '../indicators/business-time.ts';
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

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

function isoWeek(day: Day): { year: number; week: number } {
  // The ISO week's year is the year of its Thursday.
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((Date.parse(thursday) - Date.parse(`${year}-01-01`)) / (7 * 86_400_000)) + 1;
  return { year, week };
}

/** The calendar dimension, with weekends and French public holidays. */
export function calendarRows(from: Day, to: Day) {
  const rows = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const month = Number(day.slice(5, 7));
    const weekday = isoWeekday(day);
    const holiday = holidayName(day);
    const week = isoWeek(day);
    rows.push({
      day,
      year: Number(day.slice(0, 4)),
      quarter: Math.ceil(month / 3),
      month,
      month_name: MONTHS[month - 1],
      iso_year: week.year,
      iso_week: week.week,
      weekday,
      weekday_name: WEEKDAYS[weekday - 1],
      is_weekend: weekday >= 6,
      holiday_name: holiday,
      is_business_day: weekday <= 5 && holiday === null,
    });
  }
  return rows;
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
  const calendar = calendarRows(CALENDAR.from, CALENDAR.to);
  if (Number(rows[0]?.n ?? 0) < calendar.length) {
    await db.query(
      `insert into ${s}.bi_days select * from jsonb_populate_recordset(null::${s}.bi_days, $1::jsonb) on conflict (day) do nothing`,
      [JSON.stringify(calendar)],
    );
  }
  if (db.kind !== 'postgres') return { schema: bi, role: 'skipped', reason: 'PGlite : un seul utilisateur, pas de rôle' };
  return { schema: bi, ...(await grantRole(db, s, bi, role)) };
}

async function grantRole(db: Db, s: string, bi: string, role: string): Promise<Omit<BiInstall, 'schema'>> {
  const { rows } = await db.query<{ exists: boolean; may_create: boolean }>(
    `select exists (select 1 from pg_roles where rolname = $1) as exists,
            (select rolsuper or rolcreaterole from pg_roles where rolname = current_user) as may_create`,
    [role],
  );
  const state = rows[0];
  if (!state?.exists && !state?.may_create) return { role: 'skipped', reason: `le rôle ${role} n'existe pas et l'utilisateur ne peut pas le créer` };
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
