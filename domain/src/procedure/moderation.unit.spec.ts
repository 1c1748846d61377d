import { describe, expect, it } from 'vitest';
import { ForbiddenError, IllegalStateError, ValidationError, type Actor } from '../common.ts';
import { OTHER_SERVICE, SERVICE, birthCertificate } from '../fixtures.ts';
import { actors, metaFor, specification } from '../testing.ts';
import type { ProcedureCommand } from './commands.ts';
import { decideProcedure } from './decide.ts';
import type { ProcedureEvent } from './events.ts';
import { evolveProcedure, initialProcedureState } from './state.ts';

const given = specification({ decide: decideProcedure, evolve: evolveProcedure, initialState: initialProcedureState });
const CATEGORY = 'État civil';
const def = birthCertificate();
const delegateOf = (...categories: string[]): Actor => ({
  kind: 'agent',
  id: 'del-1',
  roles: [],
  delegations: categories,
});
const delegate = metaFor(delegateOf(CATEGORY));
const designer = metaFor(actors.agent(SERVICE, 'designer'));
const admin = metaFor(actors.agent(OTHER_SERVICE, 'admin'));

const defined: ProcedureEvent = {
  type: 'ProcedureDefined',
  data: { procedureId: 'proc-1', tenant: 'ville-s', slug: 'acte-de-naissance', definition: def },
};
const published: ProcedureEvent = {
  type: 'ProcedureVersionPublished',
  data: { procedureId: 'proc-1', version: 1, definition: def },
};
const edited = birthCertificate({ description: 'Copie intégrale ou extrait, envoyé par courrier.' });
const draftUpdated: ProcedureEvent = {
  type: 'ProcedureDraftUpdated',
  data: { procedureId: 'proc-1', definition: edited },
};
const submitted: ProcedureEvent = { type: 'ProcedureSubmittedForModeration', data: { procedureId: 'proc-1' } };
const rejected: ProcedureEvent = {
  type: 'ProcedureModerationRejected',
  data: { procedureId: 'proc-1', reason: 'Précisez le délai.' },
};

const update = (definition = edited): ProcedureCommand => ({ type: 'UpdateProcedureDraft', data: { definition } });
const submit: ProcedureCommand = { type: 'SubmitProcedureForModeration', data: {} };
const approve: ProcedureCommand = { type: 'ApproveProcedureModeration', data: {} };
const reject = (reason: string): ProcedureCommand => ({ type: 'RejectProcedureModeration', data: { reason } });

describe('a delegate of a category', () => {
  it('creates and edits drafts of that category only', () => {
    given([])
      .when(
        { type: 'DefineProcedure', data: { procedureId: 'proc-1', slug: 'acte-de-naissance', definition: def } },
        delegate,
      )
      .then([defined]);
    given([defined, published]).when(update(), delegate).then([draftUpdated]);
    given([defined])
      .when(update(), metaFor(delegateOf('Voirie')))
      .thenThrows(ForbiddenError);
    given([])
      .when(
        {
          type: 'DefineProcedure',
          data: { procedureId: 'proc-1', slug: 'x', definition: { ...def, theme: 'Voirie' } },
        },
        delegate,
      )
      .thenThrows(ForbiddenError);
  });
  it('cannot move a draft to another category nor to another service', () => {
    given([defined])
      .when(update({ ...edited, theme: 'Voirie' }), delegate)
      .thenThrows(ForbiddenError);
    given([defined])
      .when(update({ ...edited, serviceId: OTHER_SERVICE }), delegate)
      .thenThrows(ForbiddenError);
  });
  it('cannot publish nor retire: they submit for moderation', () => {
    given([defined, draftUpdated])
      .when({ type: 'PublishProcedureVersion', data: {} }, delegate)
      .thenThrows(ForbiddenError);
    given([defined])
      .when({ type: 'RetireProcedure', data: { reason: 'x' } }, delegate)
      .thenThrows(ForbiddenError);
    const state = given([defined, published, draftUpdated]).when(submit, delegate).then([submitted]);
    expect(state.moderation).toEqual({ status: 'pending' });
  });
  it('submits only a complete, changed draft, once', () => {
    given([defined, published]).when(submit, delegate).thenThrows(IllegalStateError);
    given([defined, published, draftUpdated, submitted]).when(submit, delegate).thenThrows(IllegalStateError);
    given([{ ...defined, data: { ...defined.data, definition: { ...def, title: '' } } } as ProcedureEvent])
      .when(submit, delegate)
      .thenThrows(ValidationError, ['definition.title']);
  });
  it('cannot edit a proposal waiting for moderation, and edits again once it is rejected', () => {
    given([defined, draftUpdated, submitted]).when(update(def), delegate).thenThrows(IllegalStateError);
    const state = given([defined, draftUpdated, submitted, rejected])
      .when(update(def), delegate)
      .then([{ type: 'ProcedureDraftUpdated', data: { procedureId: 'proc-1', definition: def } }]);
    expect(state.moderation).toEqual({ status: 'rejected', reason: 'Précisez le délai.' });
  });
  it('loses every right on the category once the delegation is gone', () => {
    given([defined]).when(update(), metaFor(delegateOf())).thenThrows(ForbiddenError);
  });
  it('is never town staff: a role holder with the same category gets no delegate rights', () => {
    const staff: Actor = {
      kind: 'agent',
      id: 'ag-2',
      roles: [{ serviceId: OTHER_SERVICE, role: 'agent' }],
      delegations: [CATEGORY],
    };
    given([defined]).when(update(), metaFor(staff)).thenThrows(ForbiddenError);
  });
});

describe('moderation', () => {
  const waiting = [defined, published, draftUpdated, submitted];
  it('approval publishes the proposal as the next version', () => {
    const state = given(waiting)
      .when(approve, designer)
      .then([
        { type: 'ProcedureModerationApproved', data: { procedureId: 'proc-1' } },
        { type: 'ProcedureVersionPublished', data: { procedureId: 'proc-1', version: 2, definition: edited } },
      ]);
    expect(state).toMatchObject({ latestVersion: 2, moderation: null });
  });
  it('rejection needs a reason, which the delegate reads', () => {
    const state = given(waiting).when(reject(' Précisez le délai. '), admin).then([rejected]);
    expect(state.moderation).toEqual({ status: 'rejected', reason: 'Précisez le délai.' });
    given(waiting).when(reject(' '), admin).thenThrows(ValidationError, ['reason']);
  });
  it('is for designers of the owning service and administrators, not the delegate nor other designers', () => {
    given(waiting).when(approve, delegate).thenThrows(ForbiddenError);
    given(waiting)
      .when(approve, metaFor(actors.agent(OTHER_SERVICE, 'designer')))
      .thenThrows(ForbiddenError);
    given(waiting)
      .when(reject('Non.'), metaFor(actors.agent(SERVICE, 'agent')))
      .thenThrows(ForbiddenError);
  });
  it('needs a proposal waiting', () => {
    given([defined, published, draftUpdated]).when(approve, designer).thenThrows(IllegalStateError);
    given([...waiting, rejected])
      .when(reject('Encore ?'), designer)
      .thenThrows(IllegalStateError);
  });
  it('approval runs the checks of a publication', () => {
    const broken: ProcedureEvent = {
      type: 'ProcedureDraftUpdated',
      data: { procedureId: 'proc-1', definition: { ...edited, deadlineDays: 0 } },
    };
    given([defined, published, broken, { ...submitted }])
      .when(approve, designer)
      .thenThrows(ValidationError, ['definition.deadlineDays']);
  });
  it('is settled by a direct publication', () => {
    const state = given(waiting)
      .when({ type: 'PublishProcedureVersion', data: {} }, designer)
      .then([{ type: 'ProcedureVersionPublished', data: { procedureId: 'proc-1', version: 2, definition: edited } }]);
    expect(state.moderation).toBeNull();
  });
});
