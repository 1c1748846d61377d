import type { DomainEvent, Profile, Role } from '../common.ts';
import type { TenantBranding } from './organisation-branding.ts';

/** Citizen accounts and contacts: stream `citizen-<id>`. */
export type CitizenRegistered = DomainEvent<
  'CitizenRegistered',
  { citizenId: string; tenant: string; email: string; passwordHash: string; profile: Profile }
>;
/** A resident without an account, recorded by an agent (phone, letter, counter). */
export type CitizenContactCreated = DomainEvent<
  'CitizenContactCreated',
  { citizenId: string; tenant: string; profile: Profile; createdBy: string }
>;
export type CitizenProfileUpdated = DomainEvent<'CitizenProfileUpdated', { citizenId: string; profile: Profile }>;
export type CitizenPasswordChanged = DomainEvent<'CitizenPasswordChanged', { citizenId: string; passwordHash: string }>;

export type CitizenEvent = CitizenRegistered | CitizenContactCreated | CitizenProfileUpdated | CitizenPasswordChanged;

/** Agents: stream `agent-<id>`. */
export type AgentAccountCreated = DomainEvent<
  'AgentAccountCreated',
  { agentId: string; tenant: string; email: string; name: string; passwordHash: string }
>;
export type AgentRoleGranted = DomainEvent<'AgentRoleGranted', { agentId: string; serviceId: string; role: Role }>;
export type AgentRoleRevoked = DomainEvent<'AgentRoleRevoked', { agentId: string; serviceId: string; role: Role }>;
export type AgentDeactivated = DomainEvent<'AgentDeactivated', { agentId: string; reason: string }>;
export type AgentReactivated = DomainEvent<'AgentReactivated', { agentId: string }>;
/** An administrator reset the agent's access: a new temporary password; earlier sessions end. */
export type AgentPasswordReset = DomainEvent<'AgentPasswordReset', { agentId: string; passwordHash: string }>;

/** A third-party account (no service role) may now draft the procedures of this category, under moderation. */
export type CategoryDelegated = DomainEvent<
  'CategoryDelegated',
  { agentId: string; category: string; organisation: string }
>;
/** The delegation ends at once: the delegate no longer sees nor edits that category. */
export type DelegationRevoked = DomainEvent<'DelegationRevoked', { agentId: string; category: string }>;

export type AgentEvent =
  | CategoryDelegated
  | DelegationRevoked
  | AgentAccountCreated
  | AgentRoleGranted
  | AgentRoleRevoked
  | AgentDeactivated
  | AgentReactivated
  | AgentPasswordReset;

/** Organisation: stream `tenant-<id>` and `service-<id>`. */
export type TenantCreated = DomainEvent<'TenantCreated', { tenant: string; name: string }>;
export type ServiceCreated = DomainEvent<'ServiceCreated', { serviceId: string; tenant: string; name: string }>;

/** The organisation's name, tagline, colours and logo as residents and agents see them. */
export type TenantBrandingChanged = DomainEvent<'TenantBrandingChanged', { tenant: string } & TenantBranding>;

export type OrganisationEvent = TenantCreated | ServiceCreated | TenantBrandingChanged;
