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
}

export function initialAgentState(): AgentState {
  return { exists: false, agentId: '', tenant: '', email: '', name: '', roles: [], active: false };
}

export function evolveAgent(state: AgentState, event: AgentEvent): AgentState {
  switch (event.type) {
    case 'AgentAccountCreated': {
      const { agentId, tenant, email, name } = event.data;
      return { exists: true, agentId, tenant, email, name, roles: [], active: true };
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
