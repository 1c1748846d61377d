import type { ChartConfiguration } from 'chart.js';
import { CHANNEL_LABELS } from '$lib/labels';
import type { Channel } from '$lib/types';
import { periodLabel } from './format';
import type { Overview } from './types';

const BLUE = '#000091';
const CHANNEL_COLOURS: Record<Channel, string> = {
  web: '#000091',
  phone: '#6a6af4',
  email: '#008169',
  letter: '#b34000',
  counter: '#716043',
};
const base = { responsive: true, maintainAspectRatio: false, animation: false as const };
const intAxis = { beginAtZero: true, ticks: { precision: 0 } };

/** The chart of each table that has one; same figures as the tables (see tables.ts). */
export function dashboardCharts(o: Overview): Record<string, ChartConfiguration> {
  const labels = o.series.map((p) => periodLabel(p.period, o.granularity));
  const channels = Object.keys(CHANNEL_COLOURS) as Channel[];
  return {
    volumes: {
      type: 'bar',
      data: {
        labels,
        datasets: channels.map((ch) => ({
          label: CHANNEL_LABELS[ch],
          data: o.series.map((p) => p.receivedByChannel[ch] ?? 0),
          backgroundColor: CHANNEL_COLOURS[ch],
          stack: 'recues',
        })),
      },
      options: {
        ...base,
        scales: { x: { stacked: true }, y: { ...intAxis, stacked: true } },
        plugins: { legend: { position: 'bottom' } },
      },
    },
    stock: {
      type: 'line',
      data: {
        labels,
        datasets: [
          {
            label: 'Demandes en cours',
            data: o.series.map((p) => p.backlog),
            borderColor: BLUE,
            backgroundColor: 'rgba(0, 0, 145, 0.12)',
            fill: true,
            pointRadius: 2,
            tension: 0.2,
          },
        ],
      },
      options: { ...base, scales: { y: intAxis }, plugins: { legend: { display: false } } },
    },
    repartition: {
      type: 'bar',
      data: {
        labels: o.resolution.map((b) => b.label),
        datasets: [{ label: 'Demandes clôturées', data: o.resolution.map((b) => b.count), backgroundColor: BLUE }],
      },
      options: { ...base, scales: { y: intAxis }, plugins: { legend: { display: false } } },
    },
    'respect-delais': {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: 'Dans le délai', data: o.series.map((p) => p.closedOnTime), backgroundColor: '#18753c', stack: 'c' },
          {
            label: 'Hors délai',
            data: o.series.map((p) => p.closed - p.closedOnTime),
            backgroundColor: '#ce0500',
            stack: 'c',
          },
        ],
      },
      options: {
        ...base,
        scales: { x: { stacked: true }, y: { ...intAxis, stacked: true } },
        plugins: { legend: { position: 'bottom' } },
      },
    },
    satisfaction: {
      type: 'bar',
      data: {
        labels: o.satisfaction.distribution.map((d) => `${d.score} / 5`),
        datasets: [
          { label: 'Avis', data: o.satisfaction.distribution.map((d) => d.count), backgroundColor: '#6a6af4' },
        ],
      },
      options: { ...base, scales: { y: intAxis }, plugins: { legend: { display: false } } },
    },
  };
}
