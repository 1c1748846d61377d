import type { Profile, Role } from '../common.ts';

export type CitizenCommand =
  | { type: 'RegisterCitizen'; data: { citizenId: string; email: string; passwordHash: string; profile: Profile } }
  | { type: 'CreateCitizenContact'; data: { citizenId: string; profile: Profile } }
  | { type: 'UpdateCitizenProfile'; data: { profile: Profile } }
  | { type: 'ChangeCitizenPassword'; data: { passwordHash: string } };

export type AgentCommand =
  | { type: 'CreateAgentAccount'; data: { agentId: string; email: string; name: string; passwordHash: string } }
  | { type: 'GrantRole'; data: { serviceId: string; role: Role } }
  | { type: 'RevokeRole'; data: { serviceId: string; role: Role } }
  | { type: 'DeactivateAgent'; data: { reason: string } }
  | { type: 'ReactivateAgent'; data: Record<string, never> }
  | { type: 'ResetAgentPassword'; data: { passwordHash: string } }
  /** A third party (association, elected official) may draft the procedures of a category, under moderation. */
  | { type: 'DelegateCategory'; data: { category: string; organisation: string } }
  | { type: 'RevokeDelegation'; data: { category: string } };
