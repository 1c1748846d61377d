import { CHANNEL_LABELS } from '$lib/labels';
import type { Channel } from '$lib/types';
import { businessDays, fmtBusiness, fmtDecimal, fmtInt, fmtRate, periodLabel, withCriteria } from './format';
import type { Criteria, Overview } from './types';

/** One cell: the value the CSV carries, the text the page shows, and where a click leads. */
export interface Cell {
  value: string | number | null;
  text: string;
  href?: string;
}

export interface DataTable {
  id: string;
  title: string;
  columns: { label: string; numeric: boolean }[];
  rows: Cell[][];
  total?: Cell[];
}

export const TABLE_IDS = [
  'volumes',
  'stock',
  'delais',
  'repartition',
  'respect-delais',
  'satisfaction',
  'services',
  'charge',
] as const;
export type TableId = (typeof TABLE_IDS)[number];

const CHANNELS: Channel[] = ['web', 'phone', 'email', 'letter', 'counter'];
const text = (value: string): Cell => ({ value, text: value });
const count = (value: number, href?: string): Cell => ({ value, text: fmtInt(value), ...(href ? { href } : {}) });
const rate = (value: number | null): Cell => ({
  value: value === null ? null : Math.round(value * 1000) / 10,
  text: fmtRate(value),
});
const hours = (value: number | null): Cell => ({ value: businessDays(value), text: fmtBusiness(value) });
const decimal = (value: number | null): Cell => ({ value, text: fmtDecimal(value) });
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

const MILESTONES = [
  ['acknowledgement', 'Accusé de réception'],
  ['firstResponse', 'Première réponse d’un agent'],
  ['decision', 'Décision'],
  ['closure', 'Clôture'],
] as const;

/** Every table of the dashboard, built once from the API's answer: the page and the CSV files read the same cells. */
export function dashboardTables(o: Overview, c: Criteria): Record<TableId, DataTable> {
  const drill = (metric: string, extra: Record<string, string | number | undefined> = {}) =>
    withCriteria('/pilotage/demandes', c, { metric, ...extra });
  const period = (p: string): Cell => ({ value: p, text: periodLabel(p, o.granularity) });
  const serviceName = (id: string) => o.services.find((s) => s.id === id)?.name ?? id;
  return {
    volumes: {
      id: 'volumes',
      title: 'Demandes reçues par canal',
      columns: [
        { label: 'Période', numeric: false },
        ...CHANNELS.map((ch) => ({ label: CHANNEL_LABELS[ch], numeric: true })),
        { label: 'Total', numeric: true },
      ],
      rows: o.series.map((p) => [
        period(p.period),
        ...CHANNELS.map((ch) => count(p.receivedByChannel[ch] ?? 0)),
        count(p.received),
      ]),
      total: [
        text('Total'),
        ...CHANNELS.map((ch) =>
          count(o.byChannel.find((b) => b.channel === ch)?.received ?? 0, drill('received', { channel: ch })),
        ),
        count(o.totals.received, drill('received')),
      ],
    },
    stock: {
      id: 'stock',
      title: 'Stock de demandes en cours',
      columns: [
        { label: 'Période', numeric: false },
        { label: 'Reçues', numeric: true },
        { label: 'Clôturées', numeric: true },
        { label: 'Rouvertes', numeric: true },
        { label: 'En cours en fin de période', numeric: true },
      ],
      rows: o.series.map((p) => [
        period(p.period),
        count(p.received),
        count(p.closed),
        count(p.reopened),
        count(p.backlog),
      ]),
      total: [
        text('Total'),
        count(o.totals.received, drill('received')),
        count(o.totals.closed, drill('closed')),
        count(o.totals.reopened),
        count(o.totals.backlogEnd),
      ],
    },
    delais: {
      id: 'delais',
      title: 'Délais de traitement (jours ouvrés, attente du demandeur déduite)',
      columns: [
        { label: 'Étape', numeric: false },
        { label: 'Demandes', numeric: true },
        { label: 'Médiane', numeric: true },
        { label: '9 sur 10 en moins de', numeric: true },
        { label: 'Moyenne', numeric: true },
      ],
      rows: MILESTONES.map(([key, label]) => {
        const d = o.durations[key];
        return [text(label), count(d.count), hours(d.p50), hours(d.p90), hours(d.mean)];
      }),
    },
    repartition: {
      id: 'repartition',
      title: 'Délai entre le dépôt et la clôture',
      columns: [
        { label: 'Délai', numeric: false },
        { label: 'Demandes clôturées', numeric: true },
      ],
      rows: o.resolution.map((b) => [
        text(b.label),
        count(b.count, drill('closed', { minDays: b.min, maxDays: b.max ?? undefined })),
      ]),
      total: [text('Total'), count(sum(o.resolution.map((b) => b.count)), drill('closed'))],
    },
    'respect-delais': {
      id: 'respect-delais',
      title: 'Respect des délais des démarches',
      columns: [
        { label: 'Période', numeric: false },
        { label: 'Clôturées', numeric: true },
        { label: 'Dans le délai', numeric: true },
        { label: 'Part dans le délai (%)', numeric: true },
      ],
      rows: o.series.map((p) => [
        period(p.period),
        count(p.closed),
        count(p.closedOnTime),
        rate(p.closed > 0 ? p.closedOnTime / p.closed : null),
      ]),
      total: [
        text('Total'),
        count(o.totals.closed, drill('closed')),
        count(o.totals.closedOnTime, drill('closed_on_time')),
        rate(o.totals.onTimeRate),
      ],
    },
    satisfaction: {
      id: 'satisfaction',
      title: 'Satisfaction des usagers',
      columns: [
        { label: 'Note', numeric: false },
        { label: 'Avis', numeric: true },
      ],
      rows: o.satisfaction.distribution.map((d) => [
        text(`${d.score} sur 5`),
        count(d.count, drill('rated', { score: d.score })),
      ]),
      total: [text('Total'), count(o.satisfaction.count, drill('rated'))],
    },
    services: {
      id: 'services',
      title: 'Par service',
      columns: [
        { label: 'Service', numeric: false },
        { label: 'Reçues', numeric: true },
        { label: 'Clôturées', numeric: true },
        { label: 'Dans le délai (%)', numeric: true },
        { label: 'En cours', numeric: true },
        { label: 'En retard', numeric: true },
        { label: 'Délai médian', numeric: true },
        { label: 'Note moyenne', numeric: true },
      ],
      rows: o.byService.map((s) => {
        const only = { service: s.serviceId };
        return [
          {
            value: serviceName(s.serviceId),
            text: serviceName(s.serviceId),
            href: withCriteria(`/pilotage/services/${encodeURIComponent(s.serviceId)}`, { ...c, service: '' }),
          },
          count(s.received, drill('received', only)),
          count(s.closed, drill('closed', only)),
          rate(s.onTimeRate),
          count(s.open, drill('open', only)),
          count(s.overdue, drill('overdue', only)),
          hours(s.closureP50),
          decimal(s.satisfactionMean),
        ];
      }),
      total: [
        text('Total'),
        count(sum(o.byService.map((s) => s.received))),
        count(sum(o.byService.map((s) => s.closed))),
        rate(o.totals.onTimeRate),
        count(sum(o.byService.map((s) => s.open))),
        count(sum(o.byService.map((s) => s.overdue))),
        hours(o.durations.closure.p50),
        decimal(o.satisfaction.mean),
      ],
    },
    charge: {
      id: 'charge',
      title: 'Charge des agents',
      columns: [
        { label: 'Agent', numeric: false },
        { label: 'Demandes en cours', numeric: true },
        { label: 'Actions sur la période', numeric: true },
        { label: 'Actions par jour ouvré', numeric: true },
      ],
      rows: o.workload.map((w) => [
        text(w.name ?? w.agentId),
        count(w.open, drill('open', { assignee: w.agentId })),
        count(w.actions),
        decimal(w.actionsPerDay),
      ]),
    },
  };
}

/** French spreadsheet conventions: semicolons, decimal commas, a BOM so accents survive Excel. */
export function tableToCsv(t: DataTable): string {
  const field = (v: string | number | null) => {
    const s = v === null ? '' : typeof v === 'number' ? String(v).replace('.', ',') : v;
    return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [
    t.columns.map((col) => field(col.label)),
    ...t.rows.map((r) => r.map((cell) => field(cell.value))),
    ...(t.total ? [t.total.map((cell) => field(cell.value))] : []),
  ];
  return '\uFEFF' + lines.map((l) => l.join(';')).join('\r\n') + '\r\n';
}
