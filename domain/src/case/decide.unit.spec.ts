import { describe, expect, it } from 'vitest';
import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../common.ts';
import { OTHER_SERVICE, SERVICE, workflow } from '../fixtures.ts';
import { actors, metaFor } from '../testing.ts';
import type { CaseCommand } from './commands.ts';
import type { CaseEvent } from './events.ts';
import {
  CASE,
  acknowledged,
  agentMeta,
  citizenMeta,
  closed,
  closedCase,
  decided,
  given,
  inProgress,
  managerMeta,
  requested,
  submitted,
} from './fixtures.ts';

const ack: CaseCommand = { type: 'AcknowledgeCase', data: {} };
const assign = (assignee: string): CaseCommand => ({ type: 'AssignCase', data: { assignee } });
const assigned = (assignee: string, previousAssignee: string | null = null): CaseEvent => ({
  type: 'CaseAssigned',
  data: { caseId: CASE, assignee, previousAssignee },
});
const transition = (transitionId: string): CaseCommand => ({
  type: 'TransitionWorkflow',
  data: { transitionId, workflow: workflow() },
});
const decide = (outcome: 'accepted' | 'rejected', reason = ''): CaseCommand => ({
  type: 'DecideCase',
  data: { outcome, reason },
});
const otherAgent = metaFor(actors.agent(OTHER_SERVICE));
const transferredEvent = (): CaseEvent => ({
  type: 'CaseTransferred',
  data: { caseId: CASE, fromServiceId: SERVICE, toServiceId: OTHER_SERVICE, reason: 'x' },
});

describe('any command on an existing case', () => {
  it('is refused to agents of other services, and the case is unknown elsewhere', () => {
    given([submitted()]).when(ack, otherAgent).thenThrows(ForbiddenError);
    given([submitted()]).when(ack, citizenMeta()).thenThrows(ForbiddenError);
    given([]).when(ack, agentMeta()).thenThrows(NotFoundError);
    given([submitted()])
      .when(ack, agentMeta({ tenant: 'autre-ville' }))
      .thenThrows(NotFoundError);
  });
});

describe('AcknowledgeCase', () => {
  it('takes a new case into account, once', () => {
    expect(given([submitted()]).when(ack, agentMeta()).then([acknowledged]).status).toBe('in_progress');
    given(inProgress()).when(ack, agentMeta()).thenThrows(IllegalStateError);
    given([submitted(), closed()]).when(ack, agentMeta()).thenThrows(IllegalStateError);
  });
});

describe('AssignCase and UnassignCase', () => {
  it('assigns, reassigns and remembers the previous assignee', () => {
    given([submitted()])
      .when(assign('ag-2'), agentMeta())
      .then([assigned('ag-2')]);
    expect(
      given([submitted(), assigned('ag-2')])
        .when(assign('ag-3'), agentMeta())
        .then([assigned('ag-3', 'ag-2')]).assignee,
    ).toBe('ag-3');
  });
  it('refuses to assign to the current assignee again rather than recording nothing', () => {
    given([submitted(), assigned('ag-2')])
      .when(assign('ag-2'), agentMeta())
      .thenThrows(IllegalStateError);
  });
  it('unassigns only an assigned case', () => {
    given([submitted(), assigned('ag-2')])
      .when({ type: 'UnassignCase', data: {} }, agentMeta())
      .then([{ type: 'CaseUnassigned', data: { caseId: CASE, previousAssignee: 'ag-2' } }]);
    given([submitted()]).when({ type: 'UnassignCase', data: {} }, agentMeta()).thenThrows(IllegalStateError);
  });
  it('does not reshuffle closed cases, and needs an agent id', () => {
    given(closedCase()).when(assign('ag-2'), agentMeta()).thenThrows(IllegalStateError);
    given([submitted()]).when(assign(' '), agentMeta()).thenThrows(ValidationError, ['assignee']);
  });
});

describe('TransferCase', () => {
  const transfer = (toServiceId: string, reason = 'Relève de la voirie.'): CaseCommand => ({
    type: 'TransferCase',
    data: { toServiceId, reason },
  });
  it('hands the case to another service, which owns it from then on, unassigned', () => {
    const state = given([submitted(), assigned('ag-1')])
      .when(transfer(OTHER_SERVICE), agentMeta())
      .then([
        {
          type: 'CaseTransferred',
          data: { caseId: CASE, fromServiceId: SERVICE, toServiceId: OTHER_SERVICE, reason: 'Relève de la voirie.' },
        },
      ]);
    expect(state).toMatchObject({ serviceId: OTHER_SERVICE, assignee: null });
  });
  it('leaves the former service without rights on the case', () => {
    given([submitted(), transferredEvent()]).when(ack, agentMeta()).thenThrows(ForbiddenError);
    given([submitted(), transferredEvent()]).when(ack, otherAgent).then([acknowledged]);
  });
  it('needs another service and a reason', () => {
    given([submitted()]).when(transfer(SERVICE), agentMeta()).thenThrows(ValidationError, ['toServiceId']);
    given([submitted()]).when(transfer(OTHER_SERVICE, ''), agentMeta()).thenThrows(ValidationError, ['reason']);
  });
});

describe('TransitionWorkflow', () => {
  const moved = (transitionId: string, from: string, to: string, message: string | null = null): CaseEvent => ({
    type: 'WorkflowTransitioned',
    data: { caseId: CASE, transitionId, from, to, message },
  });
  it('follows a transition from the current state; the first one acknowledges a new case', () => {
    const state = given([submitted()])
      .when(transition('prendre'), agentMeta())
      .then([acknowledged, moved('prendre', 'recue', 'instruction')]);
    expect(state).toMatchObject({ workflowState: 'instruction', status: 'in_progress' });
  });
  it('carries the message template to the resident', () => {
    const history = [...inProgress(), moved('prendre', 'recue', 'instruction')];
    given(history)
      .when(transition('delivrer'), agentMeta())
      .then([moved('delivrer', 'instruction', 'delivree', 'Votre acte a été envoyé.')]);
  });
  it('refuses an unknown transition or one that does not leave the current state', () => {
    given(inProgress()).when(transition('teleporter'), agentMeta()).thenThrows(ValidationError, ['transitionId']);
    given(inProgress()).when(transition('delivrer'), agentMeta()).thenThrows(IllegalStateError);
  });
  it('checks the roles the transition names', () => {
    const history = [...inProgress(), moved('prendre', 'recue', 'instruction')];
    given(history).when(transition('refuser'), agentMeta()).thenThrows(ForbiddenError);
    given(history)
      .when(transition('refuser'), managerMeta())
      .then([moved('refuser', 'instruction', 'refusee')]);
    given(history)
      .when(transition('demander_pieces'), metaFor(actors.agent(SERVICE, 'designer')))
      .thenThrows(ForbiddenError);
  });
  it('does not close the case when entering a final state', () => {
    const history = [...inProgress(), moved('prendre', 'recue', 'instruction')];
    expect(
      given(history)
        .when(transition('refuser'), managerMeta())
        .then([moved('refuser', 'instruction', 'refusee')]).status,
    ).toBe('in_progress');
  });
  it('is over once the case is closed', () => {
    given(closedCase()).when(transition('prendre'), agentMeta()).thenThrows(IllegalStateError);
  });
});

describe('DecideCase', () => {
  it('records an acceptance; deciding a new case acknowledges it first', () => {
    given(inProgress())
      .when(decide('accepted'), agentMeta())
      .then([decided('accepted')]);
    expect(
      given([submitted()])
        .when(decide('accepted'), agentMeta())
        .then([acknowledged, decided('accepted')]).decision,
    ).toEqual({
      outcome: 'accepted',
      reason: '',
    });
  });
  it('wants the reason for a refusal', () => {
    given(inProgress()).when(decide('rejected', '  '), agentMeta()).thenThrows(ValidationError, ['reason']);
    given(inProgress())
      .when(decide('rejected', ' Acte introuvable. '), agentMeta())
      .then([decided('rejected', 'Acte introuvable.')]);
  });
  it('decides once, not while waiting for the resident, not once closed', () => {
    given([...inProgress(), decided()])
      .when(decide('rejected', 'x'), agentMeta())
      .thenThrows(IllegalStateError);
    given([...inProgress(), requested()])
      .when(decide('accepted'), agentMeta())
      .thenThrows(IllegalStateError);
    given([submitted(), closed()]).when(decide('accepted'), agentMeta()).thenThrows(IllegalStateError);
  });
  it('is for agents of the service', () => {
    given(inProgress()).when(decide('accepted'), citizenMeta()).thenThrows(ForbiddenError);
  });
});
