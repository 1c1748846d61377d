const TZ = 'Europe/Paris';

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: TZ });
const dateLong = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: TZ });
const dateTimeLong = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'medium', timeZone: TZ });
const dayOnly = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeZone: TZ });

const valid = (iso: string | null | undefined): iso is string => !!iso && !Number.isNaN(Date.parse(iso));

export const formatDateTime = (iso: string | null | undefined) => (valid(iso) ? dateTime.format(new Date(iso)) : '—');
export const formatDate = (iso: string | null | undefined) => (valid(iso) ? dateLong.format(new Date(iso)) : '—');
export const formatDay = (iso: string | null | undefined) => (valid(iso) ? dayOnly.format(new Date(iso)) : '—');
export const formatDateTimeLong = (iso: string | null | undefined) =>
  valid(iso) ? dateTimeLong.format(new Date(iso)) : '—';

/** « 3 j restants », « 5 h restantes », « en retard de 2 j ». */
export function timeLeft(dueAt: string, now: number = Date.now()): { text: string; late: boolean } {
  if (!valid(dueAt)) return { text: '—', late: false };
  const ms = Date.parse(dueAt) - now;
  const abs = Math.abs(ms);
  const days = Math.floor(abs / 86_400_000);
  const hours = Math.floor(abs / 3_600_000);
  const amount = days >= 1 ? `${days} j` : hours >= 1 ? `${hours} h` : 'moins d’une heure';
  if (ms < 0) return { text: `en retard de ${amount}`, late: true };
  const plural = days >= 1 ? (days > 1 ? 'restants' : 'restant') : hours > 1 ? 'restantes' : 'restante';
  return { text: days >= 1 || hours >= 1 ? `${amount} ${plural}` : `${amount} restante`, late: false };
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;
}

export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m === 0 ? `${s} s` : s === 0 ? `${m} min` : `${m} min ${s} s`;
}

/** The value for an <input type="datetime-local"> showing `iso` in Paris time. */
export function toLocalInput(iso: string): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(new Date(iso));
  return parts.replace(' ', 'T');
}

/** A datetime-local value read as Paris time → ISO instant (null if unreadable). */
export function fromLocalInput(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  // Paris offset at that moment: format the UTC guess in Paris and measure the difference.
  const seen = toLocalInput(new Date(asUtc).toISOString());
  const seenMs = Date.parse(`${seen}Z`);
  return new Date(asUtc - (seenMs - asUtc)).toISOString();
}
