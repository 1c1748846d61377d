import { describe, expect, it } from 'vitest';
import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError, type Role } from '../common.ts';
import { actors, metaFor, specification } from '../testing.ts';
import { decideAgent } from './agent-decide.ts';
import { evolveAgent, initialAgentState } from './agent-state.ts';
import type { AgentCommand } from './commands.ts';
import type { AgentEvent } from './events.ts';

const given = specification({ decide: decideAgent, evolve: evolveAgent, initialState: initialAgentState });
const admin = metaFor(actors.agent('svc-dsi', 'admin', 'adm-1'));
const created: AgentEvent = {
  type: 'AgentAccountCreated',
  data: { agentId: 'ag-7', tenant: 'ville-s', email: 'paul.leroy@ville-s.fr', name: 'Paul Leroy', passwordHash: 'h' },
};
const create: AgentCommand = {
  type: 'CreateAgentAccount',
  data: { agentId: 'ag-7', email: 'Paul.Leroy@ville-s.fr', name: ' Paul Leroy ', passwordHash: 'h' },
};
const grant = (serviceId: string, role: Role): AgentCommand => ({ type: 'GrantRole', data: { serviceId, role } });
const revoke = (serviceId: string, role: Role): AgentCommand => ({ type: 'RevokeRole', data: { serviceId, role } });
const granted = (serviceId: string, role: Role): AgentEvent => ({
  type: 'AgentRoleGranted',
  data: { agentId: 'ag-7', serviceId, role },
});
const deactivated: AgentEvent = { type: 'AgentDeactivated', data: { agentId: 'ag-7', reason: 'Départ.' } };

describe('agent accounts', () => {
  it('are created by an administrator of any service, once', () => {
    expect(given([]).when(create, admin).then([created])).toMatchObject({ active: true, roles: [] });
    given([created]).when(create, admin).thenThrows(IllegalStateError);
  });
  it('are not managed by anyone else', () => {
    given([])
      .when(create, metaFor(actors.agent('svc-dsi', 'manager')))
      .thenThrows(ForbiddenError);
    given([]).when(create, metaFor(actors.citizen())).thenThrows(ForbiddenError);
    given([created])
      .when(grant('svc-etat-civil', 'agent'), metaFor(actors.agent('svc-etat-civil', 'designer')))
      .thenThrows(ForbiddenError);
  });
  it('need a valid e-mail and a name', () => {
    given([])
      .when({ ...create, data: { ...create.data, email: 'paul', name: '' } }, admin)
      .thenThrows(ValidationError, ['email', 'name']);
  });
  it('are unknown to another tenant', () => {
    given([created])
      .when(grant('svc-etat-civil', 'agent'), { ...admin, tenant: 'autre' })
      .thenThrows(NotFoundError);
  });
});

describe('roles per service', () => {
  it('are granted once per service and role', () => {
    const state = given([created, granted('svc-voirie', 'agent')])
      .when(grant('svc-etat-civil', 'agent'), admin)
      .then([granted('svc-etat-civil', 'agent')]);
    expect(state.roles).toEqual([
      { serviceId: 'svc-voirie', role: 'agent' },
      { serviceId: 'svc-etat-civil', role: 'agent' },
    ]);
    given([created, granted('svc-voirie', 'agent')])
      .when(grant('svc-voirie', 'agent'), admin)
      .thenThrows(IllegalStateError);
  });
  it('must be known roles', () => {
    given([created])
      .when(grant('svc-voirie', 'mayor' as Role), admin)
      .thenThrows(ValidationError, ['role']);
  });
  it('are revoked only when held', () => {
    const state = given([created, granted('svc-voirie', 'agent')])
      .when(revoke('svc-voirie', 'agent'), admin)
      .then([{ type: 'AgentRoleRevoked', data: { agentId: 'ag-7', serviceId: 'svc-voirie', role: 'agent' } }]);
    expect(state.roles).toEqual([]);
    given([created, granted('svc-voirie', 'agent')])
      .when(revoke('svc-voirie', 'manager'), admin)
      .thenThrows(IllegalStateError);
  });
  it('cannot be taken from oneself when it is the admin role', () => {
    const selfAdmin = metaFor({ kind: 'agent', id: 'ag-7', roles: [{ serviceId: 'svc-dsi', role: 'admin' }] });
    given([created, granted('svc-dsi', 'admin')])
      .when(revoke('svc-dsi', 'admin'), selfAdmin)
      .thenThrows(ForbiddenError);
  });
});

describe('deactivation', () => {
  it('deactivates with a reason and reactivates', () => {
    expect(
      given([created])
        .when({ type: 'DeactivateAgent', data: { reason: ' Départ. ' } }, admin)
        .then([deactivated]).active,
    ).toBe(false);
    expect(
      given([created, deactivated])
        .when({ type: 'ReactivateAgent', data: {} }, admin)
        .then([{ type: 'AgentReactivated', data: { agentId: 'ag-7' } }]).active,
    ).toBe(true);
  });
  it('refuses repeated transitions, a missing reason and deactivating oneself', () => {
    given([created, deactivated])
      .when({ type: 'DeactivateAgent', data: { reason: 'x' } }, admin)
      .thenThrows(IllegalStateError);
    given([created]).when({ type: 'ReactivateAgent', data: {} }, admin).thenThrows(IllegalStateError);
    given([created])
      .when({ type: 'DeactivateAgent', data: { reason: '' } }, admin)
      .thenThrows(ValidationError, ['reason']);
    const selfAdmin = metaFor({ kind: 'agent', id: 'ag-7', roles: [{ serviceId: 'svc-dsi', role: 'admin' }] });
    given([created])
      .when({ type: 'DeactivateAgent', data: { reason: 'x' } }, selfAdmin)
      .thenThrows(ForbiddenError);
  });
  it('freezes roles until reactivation', () => {
    given([created, deactivated]).when(grant('svc-voirie', 'agent'), admin).thenThrows(IllegalStateError);
  });

  it('get a new password from an administrator, unless deactivated', () => {
    given([created])
      .when({ type: 'ResetAgentPassword', data: { passwordHash: 'h2' } }, admin)
      .then([{ type: 'AgentPasswordReset', data: { agentId: 'ag-7', passwordHash: 'h2' } }]);
    given([created, deactivated])
      .when({ type: 'ResetAgentPassword', data: { passwordHash: 'h2' } }, admin)
      .thenThrows(IllegalStateError);
    given([created])
      .when(
        { type: 'ResetAgentPassword', data: { passwordHash: 'h2' } },
        metaFor(actors.agent('svc-dsi', 'agent', 'ag-9')),
      )
      .thenThrows(ForbiddenError);
  });
});

describe('delegation of a procedure category to a third party', () => {
  const delegated: AgentEvent = {
    type: 'CategoryDelegated',
    data: { agentId: 'ag-7', category: 'voirie-cadre-de-vie', organisation: 'Les Amis du Parc' },
  };
  const delegate: AgentCommand = {
    type: 'DelegateCategory',
    data: { category: ' voirie-cadre-de-vie ', organisation: ' Les Amis du Parc ' },
  };
  const revokeDelegation: AgentCommand = { type: 'RevokeDelegation', data: { category: 'voirie-cadre-de-vie' } };

  it('is given by an administrator to an account without a service role, once per category', () => {
    const state = given([created]).when(delegate, admin).then([delegated]);
    expect(state.delegations).toEqual([{ category: 'voirie-cadre-de-vie', organisation: 'Les Amis du Parc' }]);
    given([created, delegated]).when(delegate, admin).thenThrows(IllegalStateError);
  });
  it('is refused to town staff, deactivated accounts, and anyone but an administrator', () => {
    given([created, granted('svc-voirie', 'agent')])
      .when(delegate, admin)
      .thenThrows(IllegalStateError);
    given([created, deactivated]).when(delegate, admin).thenThrows(IllegalStateError);
    given([created])
      .when(delegate, metaFor(actors.agent('svc-voirie', 'designer')))
      .thenThrows(ForbiddenError);
  });
  it('needs a category and an organisation', () => {
    given([created])
      .when({ type: 'DelegateCategory', data: { category: '', organisation: ' ' } }, admin)
      .thenThrows(ValidationError, ['category', 'organisation']);
  });
  it('keeps a delegate out of service roles', () => {
    given([created, delegated]).when(grant('svc-voirie', 'designer'), admin).thenThrows(IllegalStateError);
  });
  it('is revoked only when held, and then is gone', () => {
    const state = given([created, delegated])
      .when(revokeDelegation, admin)
      .then([{ type: 'DelegationRevoked', data: { agentId: 'ag-7', category: 'voirie-cadre-de-vie' } }]);
    expect(state.delegations).toEqual([]);
    given([created]).when(revokeDelegation, admin).thenThrows(IllegalStateError);
  });
});
