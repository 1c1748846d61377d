import { decideAgent } from './account/agent-decide.ts';
import { evolveAgent, initialAgentState, type AgentState } from './account/agent-state.ts';
import { decideCitizen } from './account/citizen-decide.ts';
import { evolveCitizen, initialCitizenState, type CitizenState } from './account/citizen-state.ts';
import type { AgentCommand, CitizenCommand } from './account/commands.ts';
import type { AgentEvent, CitizenEvent, OrganisationEvent } from './account/events.ts';
import {
  decideOrganisation,
  evolveOrganisation,
  initialOrganisationState,
  type OrganisationCommand,
  type OrganisationState,
} from './account/organisation.ts';
import type { CaseCommand } from './case/commands.ts';
import { decideCase } from './case/decide.ts';
import type { CaseEvent } from './case/events.ts';
import { evolveCase, initialCaseState, type CaseState } from './case/state.ts';
import { fold, type Decider } from './decider.ts';
import type { ProcedureCommand } from './procedure/commands.ts';
import { decideProcedure } from './procedure/decide.ts';
import type { ProcedureEvent } from './procedure/events.ts';
import { evolveProcedure, initialProcedureState, type ProcedureState } from './procedure/state.ts';

/** One object per aggregate, for a generic command handler: read stream, fold, decide, append. */
export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState> = {
  decide: decideCase,
  evolve: evolveCase,
  initialState: initialCaseState,
};
export const procedureDecider: Decider<ProcedureCommand, ProcedureEvent, ProcedureState> = {
  decide: decideProcedure,
  evolve: evolveProcedure,
  initialState: initialProcedureState,
};
export const citizenDecider: Decider<CitizenCommand, CitizenEvent, CitizenState> = {
  decide: decideCitizen,
  evolve: evolveCitizen,
  initialState: initialCitizenState,
};
export const agentDecider: Decider<AgentCommand, AgentEvent, AgentState> = {
  decide: decideAgent,
  evolve: evolveAgent,
  initialState: initialAgentState,
};
export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  decide: decideOrganisation,
  evolve: evolveOrganisation,
  initialState: initialOrganisationState,
};

export const foldCase = (events: readonly CaseEvent[]): CaseState => fold(caseDecider, events);
export const foldProcedure = (events: readonly ProcedureEvent[]): ProcedureState => fold(procedureDecider, events);
export const foldCitizen = (events: readonly CitizenEvent[]): CitizenState => fold(citizenDecider, events);
export const foldAgent = (events: readonly AgentEvent[]): AgentState => fold(agentDecider, events);
export const foldOrganisation = (events: readonly OrganisationEvent[]): OrganisationState =>
  fold(organisationDecider, events);
