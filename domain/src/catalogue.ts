import type { AgentEvent, CitizenEvent, OrganisationEvent } from './account/events.ts';
import type { CaseEvent } from './case/events.ts';
import type { ProcedureEvent } from './procedure/events.ts';

/** Every event type, by stream category; the compiler fails when a union member is missing here. */
export const EVENT_TYPES = {
  case: [
    'CaseSubmitted',
    'CaseAcknowledged',
    'CaseAssigned',
    'CaseUnassigned',
    'CaseTransferred',
    'InformationRequested',
    'InformationProvided',
    'MessageSent',
    'PhoneCallLogged',
    'LetterLogged',
    'CounterVisitLogged',
    'DocumentAttached',
    'InternalNoteWritten',
    'WorkflowTransitioned',
    'CaseDecided',
    'CaseClosed',
    'CaseReopened',
    'CaseRated',
  ],
  procedure: [
    'ProcedureDefined',
    'ProcedureDraftUpdated',
    'ProcedureVersionPublished',
    'ProcedureRetired',
    'ProcedureSubmittedForModeration',
    'ProcedureModerationApproved',
    'ProcedureModerationRejected',
  ],
  citizen: ['CitizenRegistered', 'CitizenContactCreated', 'CitizenProfileUpdated', 'CitizenPasswordChanged'],
  agent: [
    'AgentAccountCreated',
    'AgentRoleGranted',
    'AgentRoleRevoked',
    'AgentDeactivated',
    'AgentReactivated',
    'AgentPasswordReset',
    'CategoryDelegated',
    'DelegationRevoked',
  ],
  tenant: ['TenantCreated', 'TenantBrandingChanged'],
  service: ['ServiceCreated'],
} as const satisfies {
  case: readonly CaseEvent['type'][];
  procedure: readonly ProcedureEvent['type'][];
  citizen: readonly CitizenEvent['type'][];
  agent: readonly AgentEvent['type'][];
  tenant: readonly ('TenantCreated' | 'TenantBrandingChanged')[];
  service: readonly 'ServiceCreated'[];
};

export type GuichetEvent = CaseEvent | ProcedureEvent | CitizenEvent | AgentEvent | OrganisationEvent;
export type EventType = GuichetEvent['type'];

type Listed = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES][number];
// Compile-time completeness check: an event type missing from EVENT_TYPES makes this `false`.
const _complete: [Exclude<EventType, Listed>] extends [never] ? true : false = true;
