/**
 * Business time of a French town hall: Monday to Friday, except French public holidays, with days
 * cut at midnight Europe/Paris. A business day counts whole (24 h): the town's deadlines are in
 * "jours ouvrés", not in opening hours. Pure functions, no clock.
 */

export const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const TZ = 'Europe/Paris';

/** A calendar day, `YYYY-MM-DD`. */
export type Day = string;

/** [start, end) in epoch milliseconds. */
export type Interval = readonly [start: number, end: number];

const pad = (n: number) => String(n).padStart(2, '0');
const dayOfUtc = (ms: number): Day => new Date(ms).toISOString().slice(0, 10);
const utcOfDay = (day: Day): number => Date.parse(`${day}T00:00:00Z`);

/** Easter Sunday (Gregorian calendar, anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export const addDays = (day: Day, n: number): Day => dayOfUtc(utcOfDay(day) + n * DAY_MS);

const holidayCache = new Map<number, ReadonlyMap<Day, string>>();

/** The eleven public holidays of metropolitan France (Alsace-Moselle's two extra days are not included). */
export function frenchHolidays(year: number): ReadonlyMap<Day, string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const list: [Day, string][] = [
    [`${year}-01-01`, 'Jour de l’an'],
    [addDays(easter, 1), 'Lundi de Pâques'],
    [`${year}-05-01`, 'Fête du Travail'],
    [`${year}-05-08`, 'Victoire 1945'],
    [addDays(easter, 39), 'Ascension'],
    [addDays(easter, 50), 'Lundi de Pentecôte'],
    [`${year}-07-14`, 'Fête nationale'],
    [`${year}-08-15`, 'Assomption'],
    [`${year}-11-01`, 'Toussaint'],
    [`${year}-11-11`, 'Armistice 1918'],
    [`${year}-12-25`, 'Noël'],
  ];
  const map = new Map(list.sort(([a], [b]) => a.localeCompare(b)));
  holidayCache.set(year, map);
  return map;
}

export const holidayName = (day: Day): string | null => frenchHolidays(Number(day.slice(0, 4))).get(day) ?? null;

/** 1 = Monday … 7 = Sunday. */
export const isoWeekday = (day: Day): number => ((new Date(utcOfDay(day)).getUTCDay() + 6) % 7) + 1;

export const isBusinessDay = (day: Day): boolean => isoWeekday(day) <= 5 && holidayName(day) === null;

const parisParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * Offsets by UTC hour. formatToParts costs microseconds and business time asks for two offsets per
 * day of every interval, which made it most of a catch-up's CPU; Paris changes offset only on the
 * hour (01:00 UTC), so one offset per UTC hour is exact.
 */
const offsetByHour = new Map<number, number>();

/** Paris wall-clock time minus UTC at this instant (1 h in winter, 2 h in summer). */
function parisOffsetMs(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  const known = offsetByHour.get(hour);
  if (known !== undefined) return known;
  const at = hour * HOUR_MS;
  const p = Object.fromEntries(parisParts.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  const offset =
    Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) -
    at;
  if (offsetByHour.size > 100_000) offsetByHour.clear();
  offsetByHour.set(hour, offset);
  return offset;
}

/** The Paris calendar day an instant falls on. */
export const parisDay = (instant: number | string): Day => {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  return dayOfUtc(ms + parisOffsetMs(ms));
};

/** The instant midnight starts a Paris day (French clocks never change at midnight). */
export function parisMidnight(day: Day): number {
  const guess = utcOfDay(day);
  return guess - parisOffsetMs(guess - parisOffsetMs(guess));
}

/** Business milliseconds in [start, end), day by day: the definition, and the way for instants outside the table below. */
export function businessMsByDays(start: number, end: number): number {
  if (!(end > start)) return 0;
  let total = 0;
  for (let day = parisDay(start); ; day = addDays(day, 1)) {
    const from = parisMidnight(day);
    if (from >= end) break;
    if (isBusinessDay(day)) {
      const to = parisMidnight(addDays(day, 1));
      total += Math.max(0, Math.min(to, end) - Math.max(from, start));
    }
  }
  return total;
}

/**
 * Business time as a running total: `before[i]` is the business time from the Paris midnight of
 * day FIRST + i back to that of FIRST. Then business time in [start, end) is total(end) − total(start),
 * two lookups instead of a walk over every day of the span (a catch-up asks it for every case at
 * every event, which made the day walk most of the indicators' CPU). Grown on demand, one entry a day.
 */
const FIRST = Math.floor(Date.UTC(2000, 0, 1) / DAY_MS);
const LAST = Math.floor(Date.UTC(2200, 0, 1) / DAY_MS);
const midnights: number[] = [];
const businessDay: boolean[] = [];
const before: number[] = [0];

function grow(upTo: number) {
  while (midnights.length <= upTo + 1) {
    const i = midnights.length;
    const day = dayOfUtc((FIRST + i) * DAY_MS);
    midnights.push(parisMidnight(day));
    businessDay.push(isBusinessDay(day));
    if (i > 0) before.push(before[i - 1]! + (businessDay[i - 1] ? midnights[i]! - midnights[i - 1]! : 0));
  }
}

/** Business time from the Paris midnight starting day FIRST up to `ms`; null outside the table. */
function runningTotal(ms: number): number | null {
  const dayNumber = Math.floor((ms + parisOffsetMs(ms)) / DAY_MS);
  if (dayNumber < FIRST || dayNumber >= LAST) return null;
  const i = dayNumber - FIRST;
  grow(i);
  return before[i]! + (businessDay[i] ? ms - midnights[i]! : 0);
}

/** Business milliseconds in [start, end): the part of it that falls on business days. */
export function businessMs(start: number, end: number): number {
  if (!(end > start)) return 0;
  const a = runningTotal(start);
  const b = runningTotal(end);
  return a === null || b === null ? businessMsByDays(start, end) : b - a;
}

/**
 * Business hours from `start` to `end`, not counting the pauses (time waiting for the citizen).
 * Pauses may extend beyond [start, end): only their overlap is taken out. They must not overlap
 * each other (a case has at most one open request for information at a time).
 */
export function businessHours(start: number, end: number, pauses: readonly Interval[] = []): number {
  let ms = businessMs(start, end);
  for (const [from, to] of pauses) ms -= businessMs(Math.max(from, start), Math.min(to, end));
  return ms / HOUR_MS;
}

/** Business days between two Paris days, `from` included and `to` excluded. */
export function businessDaysBetween(from: Day, to: Day): number {
  let n = 0;
  for (let d = from; d < to; d = addDays(d, 1)) if (isBusinessDay(d)) n += 1;
  return n;
}

/** The instant `ms` of business time after `start` (for "due within 2 business days" alerts). */
export function addBusinessTime(start: number, ms: number): number {
  let left = ms;
  for (let day = parisDay(start); ; day = addDays(day, 1)) {
    const to = parisMidnight(addDays(day, 1));
    if (!isBusinessDay(day)) continue;
    const from = Math.max(parisMidnight(day), start);
    if (to - from >= left) return from + left;
    left -= to - from;
  }
}
