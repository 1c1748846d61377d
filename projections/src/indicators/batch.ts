import type { CaseFact, ContactRow, DailyFlows } from './facts.ts';

/** What one batch changes: case facts, and increments of the daily counters. */
export class IndicatorBatch {
  readonly facts = new Map<string, CaseFact>();
  readonly changed = new Set<string>();
  readonly flows = new Map<string, { key: FlowKey; flows: DailyFlows }>();
  readonly contacts: ContactRow[] = [];
  readonly actions = new Map<
    string,
    { tenant: string; service_id: string; agent_id: string; day: string; actions: number }
  >();

  flow(f: CaseFact, day: string, name: keyof DailyFlows, serviceId = f.service_id): void {
    const key: FlowKey = {
      tenant: f.tenant,
      service_id: serviceId,
      procedure_id: f.procedure_id,
      channel: f.channel,
      day,
    };
    const id = `${key.tenant}|${key.service_id}|${key.procedure_id}|${key.channel}|${day}`;
    let entry = this.flows.get(id);
    if (!entry) {
      entry = {
        key,
        flows: {
          received: 0,
          decided: 0,
          closed: 0,
          closed_on_time: 0,
          reopened: 0,
          transferred_in: 0,
          transferred_out: 0,
        },
      };
      this.flows.set(id, entry);
    }
    entry.flows[name] += 1;
  }

  action(tenant: string, serviceId: string, agentId: string, day: string): void {
    const id = `${tenant}|${serviceId}|${agentId}|${day}`;
    const entry = this.actions.get(id) ?? { tenant, service_id: serviceId, agent_id: agentId, day, actions: 0 };
    entry.actions += 1;
    this.actions.set(id, entry);
  }
}

export interface FlowKey {
  tenant: string;
  service_id: string;
  procedure_id: string;
  channel: string;
  day: string;
}
