// Answers of GET /api/v1/stats/* (docs/indicators.md) as the dashboard reads them.

// The indicator shapes the API answers as they are (api/src/contract.ts).
export type { DurationStat, FlowPoint } from '@guichet/api/contract';
import type { DurationStat, FlowPoint } from '@guichet/api/contract';

export interface Overview {
  filter: {
    from: string;
    to: string;
    serviceIds: string[];
    procedureId: string | null;
    channel: string | null;
    now: string;
  };
  granularity: 'day' | 'week' | 'month';
  businessDays: number;
  totals: {
    received: number;
    decided: number;
    closed: number;
    closedOnTime: number;
    reopened: number;
    backlogStart: number;
    backlogEnd: number;
    onTimeRate: number | null;
  };
  current: {
    open: number;
    overdue: number;
    waiting: number;
    waitingMeanDays: number | null;
    waitingMaxDays: number | null;
  };
  durations: Record<'acknowledgement' | 'firstResponse' | 'decision' | 'closure', DurationStat>;
  byChannel: { channel: string; received: number }[];
  series: FlowPoint[];
  resolution: { label: string; min: number; max: number | null; count: number }[];
  satisfaction: { count: number; mean: number | null; distribution: { score: number; count: number }[] };
  byService: {
    serviceId: string;
    received: number;
    closed: number;
    closedOnTime: number;
    onTimeRate: number | null;
    open: number;
    overdue: number;
    closureP50: number | null;
    satisfactionMean: number | null;
  }[];
  workload: { agentId: string; name: string | null; open: number; actions: number; actionsPerDay: number | null }[];
  services: { id: string; name: string }[];
  procedures: { id: string; title: string; serviceId: string; deadlineDays: number }[];
}

export interface CaseItem {
  caseId: string;
  reference: string;
  serviceId: string;
  procedureId: string;
  procedureTitle: string | null;
  channel: string;
  status: string;
  assignee: string | null;
  assigneeName: string | null;
  submittedAt: string;
  dueAt: string;
}

export interface Alerts {
  now: string;
  dueSoonBefore: string;
  services: { serviceId: string; overdue: number; dueSoon: number }[];
  items: (CaseItem & { level: 'overdue' | 'due_soon' })[];
}

export interface DrillItem extends CaseItem {
  closedAt: string | null;
  closureHours: number | null;
  closedOnTime: boolean | null;
  ratingScore: number | null;
  overdue: boolean;
}

/** What the period form asked for, as it goes back into links. */
export interface Criteria {
  from: string;
  to: string;
  service: string;
  procedure: string;
  channel: string;
}
