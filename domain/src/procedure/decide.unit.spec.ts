import { describe, expect, it } from 'vitest';
import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../common.ts';
import { OTHER_SERVICE, SERVICE, birthCertificate } from '../fixtures.ts';
import { actors, metaFor, specification } from '../testing.ts';
import { decideProcedure } from './decide.ts';
import type { ProcedureEvent } from './events.ts';
import { initialProcedureState, evolveProcedure } from './state.ts';

const given = specification({ decide: decideProcedure, evolve: evolveProcedure, initialState: initialProcedureState });
const designer = metaFor(actors.agent(SERVICE, 'designer'));
const def = birthCertificate();
const defined: ProcedureEvent = {
  type: 'ProcedureDefined',
  data: { procedureId: 'proc-1', tenant: 'ville-s', slug: 'acte-de-naissance', definition: def },
};
const published = (version: number, definition = def): ProcedureEvent => ({
  type: 'ProcedureVersionPublished',
  data: { procedureId: 'proc-1', version, definition },
});
const define = {
  type: 'DefineProcedure' as const,
  data: { procedureId: 'proc-1', slug: 'acte-de-naissance', definition: def },
};
const publish = { type: 'PublishProcedureVersion' as const, data: {} };

describe('DefineProcedure', () => {
  it('records the draft under the tenant of the command', () => {
    given([]).when(define, designer).then([defined]);
  });
  it('is open to a designer or admin of the owning service, and to an admin of any service', () => {
    given([])
      .when(define, metaFor(actors.agent(SERVICE, 'admin')))
      .then([defined]);
    given([])
      .when(define, metaFor(actors.agent(OTHER_SERVICE, 'admin')))
      .then([defined]);
  });
  it('is refused to plain agents, designers of another service and citizens', () => {
    given([])
      .when(define, metaFor(actors.agent(SERVICE, 'agent')))
      .thenThrows(ForbiddenError);
    given([])
      .when(define, metaFor(actors.agent(SERVICE, 'manager')))
      .thenThrows(ForbiddenError);
    given([])
      .when(define, metaFor(actors.agent(OTHER_SERVICE, 'designer')))
      .thenThrows(ForbiddenError);
    given([]).when(define, metaFor(actors.citizen())).thenThrows(ForbiddenError);
  });
  it('happens once per procedure', () => {
    given([defined]).when(define, designer).thenThrows(IllegalStateError);
  });
  it('needs a slug usable in an address', () => {
    given([])
      .when({ ...define, data: { ...define.data, slug: 'Acte de naissance' } }, designer)
      .thenThrows(ValidationError, ['slug']);
  });
  it('accepts an incomplete draft: the full check waits for publication', () => {
    const draft = birthCertificate({ fields: [], title: '' });
    const events = given([])
      .when({ ...define, data: { ...define.data, definition: draft } }, designer)
      .events();
    expect(events.map((e) => e.type)).toEqual(['ProcedureDefined']);
  });
});

describe('UpdateProcedureDraft', () => {
  const update = (definition = birthCertificate({ deadlineDays: 15 })) => ({
    type: 'UpdateProcedureDraft' as const,
    data: { definition },
  });
  it('replaces the draft without touching published versions', () => {
    const state = given([defined, published(1)])
      .when(update(), designer)
      .then([
        {
          type: 'ProcedureDraftUpdated',
          data: { procedureId: 'proc-1', definition: birthCertificate({ deadlineDays: 15 }) },
        },
      ]);
    expect(state.draft?.deadlineDays).toBe(15);
    expect(state.versions[1]?.deadlineDays).toBe(10);
  });
  it('needs rights on the new service when the procedure moves', () => {
    given([defined])
      .when(update(birthCertificate({ serviceId: OTHER_SERVICE })), designer)
      .thenThrows(ForbiddenError);
    const byAdmin = given([defined]).when(
      update(birthCertificate({ serviceId: OTHER_SERVICE })),
      metaFor(actors.agent(SERVICE, 'admin')),
    );
    expect(byAdmin.events().map((e) => e.type)).toEqual(['ProcedureDraftUpdated']);
  });
  it('is unknown before definition and to another tenant', () => {
    given([]).when(update(), designer).thenThrows(NotFoundError);
    given([defined])
      .when(update(), { ...designer, tenant: 'autre-ville' })
      .thenThrows(NotFoundError);
  });
});

describe('PublishProcedureVersion', () => {
  it('numbers versions 1, 2, 3 and keeps each one', () => {
    given([defined])
      .when(publish, designer)
      .then([published(1)]);
    const changed = birthCertificate({ deadlineDays: 20 });
    const draftUpdated: ProcedureEvent = {
      type: 'ProcedureDraftUpdated',
      data: { procedureId: 'proc-1', definition: changed },
    };
    const state = given([defined, published(1), draftUpdated])
      .when(publish, designer)
      .then([published(2, changed)]);
    expect(state.versions[1]).toEqual(def);
    expect(state.versions[2]).toEqual(changed);
    expect(state.latestVersion).toBe(2);
  });
  it('refuses to publish an unchanged draft twice', () => {
    given([defined, published(1)])
      .when(publish, designer)
      .thenThrows(IllegalStateError);
  });
  it('checks the whole definition and reports paths under definition.', () => {
    const broken = birthCertificate({ deadlineDays: 0, fields: [] });
    const brokenDefined: ProcedureEvent = {
      ...defined,
      data: { ...defined.data, definition: broken },
    } as ProcedureEvent;
    given([brokenDefined])
      .when(publish, designer)
      .thenThrows(ValidationError, ['definition.deadlineDays', 'definition.fields']);
  });
  it('is for designers of the owning service', () => {
    given([defined])
      .when(publish, metaFor(actors.agent(SERVICE, 'agent')))
      .thenThrows(ForbiddenError);
  });
});

describe('RetireProcedure', () => {
  const retire = {
    type: 'RetireProcedure' as const,
    data: { reason: '  Remplacée par la démarche en ligne nationale. ' },
  };
  const retired: ProcedureEvent = {
    type: 'ProcedureRetired',
    data: { procedureId: 'proc-1', reason: 'Remplacée par la démarche en ligne nationale.' },
  };
  it('retires with a trimmed reason, keeping the published versions', () => {
    const state = given([defined, published(1)])
      .when(retire, designer)
      .then([retired]);
    expect(state.retired).toBe(true);
    expect(state.versions[1]).toEqual(def);
  });
  it('needs a reason', () => {
    given([defined])
      .when({ type: 'RetireProcedure', data: { reason: ' ' } }, designer)
      .thenThrows(ValidationError, ['reason']);
  });
  it('leaves a retired procedure frozen', () => {
    const history = [defined, published(1), retired];
    given(history).when(retire, designer).thenThrows(IllegalStateError);
    given(history).when(publish, designer).thenThrows(IllegalStateError);
    given(history)
      .when({ type: 'UpdateProcedureDraft', data: { definition: def } }, designer)
      .thenThrows(IllegalStateError);
    given(history).when(define, designer).thenThrows(IllegalStateError);
  });
});
