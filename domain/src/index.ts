// Shared contract: events and commands.
export * from './common.ts';
export * from './procedure/events.ts';
export * from './procedure/commands.ts';
export * from './case/events.ts';
export * from './case/commands.ts';
export * from './account/events.ts';
export * from './account/commands.ts';
export * from './catalogue.ts';

// Infrastructure-free helpers.
export { type Decider, fold } from './decider.ts';
export * from './streams.ts';
export { hasRoleOn, isAdmin, isAgent, isDelegateOf, isStaff, isSystem, actorId, type AgentActor } from './access.ts';
export { isEmail, isPhone, MAX_TEXT, EMAIL_MESSAGE, PHONE_MESSAGE } from './checks.ts';
export { accepts, isDocumentRef, validateDocumentRef, validateDocuments } from './documents.ts';
export { normaliseProfile, validateProfile, type ProfileRules } from './profile.ts';

// Procedures.
export { decideProcedure } from './procedure/decide.ts';
export { evolveProcedure, initialProcedureState, latestPublished, type ProcedureState } from './procedure/state.ts';
export {
  CHOICE_TYPES,
  LAYOUT_TYPES,
  carriesValue,
  compilePattern,
  validateProcedureDefinition,
} from './procedure/definition.ts';
export { REOPEN_TRANSITION_ID, validateWorkflow } from './procedure/workflow.ts';
export {
  checkAddress,
  isCalendarDate,
  normaliseFormData,
  normaliseValue,
  validateFormData,
  visibleFields,
  type FormValues,
} from './procedure/form.ts';

// Cases.
export { DEFAULT_TRANSITION_ROLES, decideCase } from './case/decide.ts';
export { evolveCase, initialCaseState, type CaseState } from './case/state.ts';
export { isCaseAgent, isCaseOwner } from './case/guards.ts';

// Accounts and organisation.
export { checkEmail, decideCitizen, normaliseEmail } from './account/citizen-decide.ts';
export { evolveCitizen, initialCitizenState, type CitizenState } from './account/citizen-state.ts';
export { decideAgent } from './account/agent-decide.ts';
export { evolveAgent, holdsDelegation, holdsRole, initialAgentState, type AgentState } from './account/agent-state.ts';
export {
  decideOrganisation,
  evolveOrganisation,
  initialOrganisationState,
  type OrganisationCommand,
  type OrganisationState,
} from './account/organisation.ts';
export * from './account/organisation-branding.ts';

export * from './deciders.ts';
