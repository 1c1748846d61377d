import type { Profile } from '../common.ts';
import type { CitizenEvent } from './events.ts';

export interface CitizenState {
  exists: boolean;
  citizenId: string;
  tenant: string;
  /** 'account': the resident signed up; 'contact': an agent recorded them (no login). */
  kind: 'account' | 'contact' | null;
  email: string | null;
  profile: Profile | null;
}

export function initialCitizenState(): CitizenState {
  return { exists: false, citizenId: '', tenant: '', kind: null, email: null, profile: null };
}

export function evolveCitizen(state: CitizenState, event: CitizenEvent): CitizenState {
  switch (event.type) {
    case 'CitizenRegistered': {
      const { citizenId, tenant, email, profile } = event.data;
      return { exists: true, citizenId, tenant, kind: 'account', email, profile };
    }
    case 'CitizenContactCreated': {
      const { citizenId, tenant, profile } = event.data;
      return { exists: true, citizenId, tenant, kind: 'contact', email: null, profile };
    }
    case 'CitizenProfileUpdated':
      return { ...state, profile: event.data.profile };
    case 'CitizenPasswordChanged':
      // The hash is for the login read model; the decider never needs it.
      return state;
    default: {
      // Compile-time exhaustiveness only: an event type from a newer release is ignored, not fatal.
      const _exhaustive: never = event;
      return state;
    }
  }
}
