import type { ServiceRole } from '../common.ts';
import type { AgentEvent } from './events.ts';

export interface AgentState {
  exists: boolean;
  agentId: string;
  tenant: string;
  email: string;
  name: string;
  roles: ServiceRole[];
  active: boolean;
  /** Categories delegated to this third party, with the organisation they act for. */
  delegations: { category: string; organisation: string }[];
}

export function initialAgentState(): AgentState {
  return { exists: false, agentId: '', tenant: '', email: '', name: '', roles: [], active: false, delegations: [] };
}

export function evolveAgent(state: AgentState, event: AgentEvent): AgentState {
  switch (event.type) {
    case 'AgentAccountCreated': {
      const { agentId, tenant, email, name } = event.data;
      return { exists: true, agentId, tenant, email, name, roles: [], active: true, delegations: [] };
    }
    case 'AgentRoleGranted':
      return { ...state, roles: [...state.roles, { serviceId: event.data.serviceId, role: event.data.role }] };
    case 'AgentRoleRevoked': {
      const { serviceId, role } = event.data;
      return { ...state, roles: state.roles.filter((r) => !(r.serviceId === serviceId && r.role === role)) };
    }
    case 'AgentDeactivated':
      return { ...state, active: false };
    case 'AgentReactivated':
      return { ...state, active: true };
    case 'AgentPasswordReset':
      return state;
    case 'CategoryDelegated': {
      const { category, organisation } = event.data;
      return { ...state, delegations: [...state.delegations, { category, organisation }] };
    }
    case 'DelegationRevoked':
      return { ...state, delegations: state.delegations.filter((d) => d.category !== event.data.category) };
    default: {
      // Compile-time exhaustiveness only: an event type from a newer release is ignored, not fatal.
      const _exhaustive: never = event;
      return state;
    }
  }
}

export function holdsRole(state: AgentState, serviceId: string, role: string): boolean {
  return state.roles.some((r) => r.serviceId === serviceId && r.role === role);
}

export function holdsDelegation(state: AgentState, category: string): boolean {
  return state.delegations.some((d) => d.category === category);
}
