/** Sample cases for the case specifications. Not exported from the package. */
import type { CommandMeta } from '../common.ts';
import { SERVICE, birthCertificate, validAnswers } from '../fixtures.ts';
import type { ProcedureDefinition } from '../procedure/events.ts';
import { actors, metaFor, specification } from '../testing.ts';
import type { CaseCommand, PublishedProcedure } from './commands.ts';
import { decideCase } from './decide.ts';
import type { CaseEvent, CaseSubmitted } from './events.ts';
import { evolveCase, initialCaseState } from './state.ts';

export const given = specification({ decide: decideCase, evolve: evolveCase, initialState: initialCaseState });

export const T0 = '2026-03-02T09:00:00.000Z';
export const CASE = 'case-1';
export const HASH = 'b'.repeat(64);

export const agentMeta = (overrides: Partial<CommandMeta> = {}) =>
  metaFor(actors.agent(SERVICE, 'agent', 'ag-1'), overrides);
export const managerMeta = (overrides: Partial<CommandMeta> = {}) =>
  metaFor(actors.agent(SERVICE, 'manager', 'mgr-1'), overrides);
export const citizenMeta = (overrides: Partial<CommandMeta> = {}) => metaFor(actors.citizen('cit-1'), overrides);

export const procedure = (version = 1, definition: ProcedureDefinition = birthCertificate()): PublishedProcedure => ({
  procedureId: 'proc-1',
  version,
  retired: false,
  definition,
});

type SubmitData = Extract<CaseCommand, { type: 'SubmitCase' }>['data'];
export const submitCommand = (overrides: Partial<SubmitData> = {}): CaseCommand => ({
  type: 'SubmitCase',
  data: {
    caseId: CASE,
    reference: 'EC-2026-00001',
    procedure: procedure(),
    channel: 'web',
    citizenId: null,
    contact: null,
    trackingCodeHash: null,
    data: validAnswers(),
    documents: [],
    ...overrides,
  },
});

/** The event a citizen's web submission of the sample procedure produces at T0 (10-day deadline). */
export const submitted = (overrides: Partial<CaseSubmitted['data']> = {}): CaseSubmitted => ({
  type: 'CaseSubmitted',
  data: {
    caseId: CASE,
    tenant: 'ville-s',
    reference: 'EC-2026-00001',
    procedureId: 'proc-1',
    procedureVersion: 1,
    serviceId: SERVICE,
    channel: 'web',
    submittedBy: 'citizen',
    citizenId: 'cit-1',
    contact: null,
    trackingCodeHash: null,
    data: validAnswers(),
    documents: [],
    workflowState: 'recue',
    submittedAt: T0,
    dueAt: '2026-03-12T09:00:00.000Z',
    ...overrides,
  },
});

export const acknowledged: CaseEvent = { type: 'CaseAcknowledged', data: { caseId: CASE } };
export const requested = (requestedAt = T0, requestId = 'req-1'): CaseEvent => ({
  type: 'InformationRequested',
  data: { caseId: CASE, requestId, message: 'Merci de joindre votre livret de famille.', requestedAt },
});
export const decided = (outcome: 'accepted' | 'rejected' = 'accepted', reason = ''): CaseEvent => ({
  type: 'CaseDecided',
  data: { caseId: CASE, outcome, reason },
});
export const closed = (reason = 'Acte envoyé.'): CaseEvent => ({ type: 'CaseClosed', data: { caseId: CASE, reason } });
export const inProgress = (): CaseEvent[] => [submitted(), acknowledged];
export const closedCase = (): CaseEvent[] => [...inProgress(), decided(), closed()];
