import { describe, expect, it } from 'vitest';
import { ForbiddenError, IllegalStateError, ValidationError } from '../common.ts';
import { OTHER_SERVICE, SERVICE, birthCertificate, validAnswers } from '../fixtures.ts';
import { actors, metaFor } from '../testing.ts';
import { CASE, HASH, T0, agentMeta, citizenMeta, given, procedure, submitCommand, submitted } from './fixtures.ts';

const anonymousProcedure = procedure(1, birthCertificate({ access: 'anonymous' }));
const ringingResident = { firstName: '', lastName: 'Durand', phone: '06 12 34 56 78' };

describe('SubmitCase by a citizen', () => {
  it('files the case for themselves, on the web, with the deadline counted from now', () => {
    given([]).when(submitCommand(), citizenMeta()).then([submitted()]);
  });
  it('keeps the procedure version and workflow it was submitted under', () => {
    const v3 = procedure(3, birthCertificate({ deadlineDays: 30 }));
    const state = given([])
      .when(submitCommand({ procedure: v3 }), citizenMeta())
      .then([submitted({ procedureVersion: 3, dueAt: '2026-04-01T09:00:00.000Z' })]);
    expect(state.procedureVersion).toBe(3);
    expect(state.workflowState).toBe('recue');
    expect(state.status).toBe('submitted');
  });
  it('cannot file for someone else', () => {
    given([])
      .when(submitCommand({ citizenId: 'cit-2' }), citizenMeta())
      .thenThrows(ForbiddenError);
  });
  it('comes by the web channel only', () => {
    given([])
      .when(submitCommand({ channel: 'phone' }), citizenMeta())
      .thenThrows(ValidationError, ['channel']);
  });
  it('stores the answers normalised, without hidden fields', () => {
    const data = { ...validAnswers(), lastName: '  Martin ', delivery: 'guichet', copies: '2' };
    const [event] = given([]).when(submitCommand({ data }), citizenMeta()).events();
    const expected: Record<string, unknown> = { ...validAnswers(), delivery: 'guichet', copies: 2 };
    delete expected.deliveryAddress;
    expect(event?.type === 'CaseSubmitted' && event.data.data).toEqual(expected);
  });
  it('reports every form error at once, with data. paths', () => {
    const data = { ...validAnswers(), birthDate: '2023-02-30', copies: 9, unknown: 'x' };
    given([])
      .when(submitCommand({ data }), citizenMeta())
      .thenThrows(ValidationError, ['data.birthDate', 'data.copies', 'data.unknown']);
  });
  it('refuses a retired procedure', () => {
    given([])
      .when(submitCommand({ procedure: { ...procedure(), retired: true } }), citizenMeta())
      .thenThrows(IllegalStateError);
  });
  it('happens once per case id', () => {
    given([submitted()]).when(submitCommand(), citizenMeta()).thenThrows(IllegalStateError);
  });
  it('checks attached documents', () => {
    const bad = { documentId: 'd', fileName: 'x.pdf', mediaType: 'application/pdf', size: -1, sha256: 'nope' };
    given([])
      .when(submitCommand({ documents: [bad] }), citizenMeta())
      .thenThrows(ValidationError, ['documents[0].size', 'documents[0].sha256']);
  });
});

describe('SubmitCase without an account', () => {
  const anon = metaFor(actors.anonymous());
  it('is possible when the procedure allows it, with a tracking code', () => {
    given([])
      .when(submitCommand({ procedure: anonymousProcedure, trackingCodeHash: HASH }), anon)
      .then([submitted({ submittedBy: 'anonymous', citizenId: null, trackingCodeHash: HASH })]);
  });
  it('is refused when the procedure needs an account', () => {
    given([])
      .when(submitCommand({ trackingCodeHash: HASH }), anon)
      .thenThrows(ForbiddenError);
  });
  it('needs the tracking code hash', () => {
    given([])
      .when(submitCommand({ procedure: anonymousProcedure }), anon)
      .thenThrows(ValidationError, ['trackingCodeHash']);
  });
  it('cannot claim a citizen account', () => {
    given([])
      .when(submitCommand({ procedure: anonymousProcedure, trackingCodeHash: HASH, citizenId: 'cit-1' }), anon)
      .thenThrows(ForbiddenError);
  });
});

describe('SubmitCase by an agent on behalf of a resident', () => {
  it('records a phone request for a known citizen', () => {
    given([])
      .when(submitCommand({ channel: 'phone', citizenId: 'cit-1' }), agentMeta())
      .then([submitted({ channel: 'phone', submittedBy: 'agent' })]);
  });
  it('records a letter from a resident without an account, with contact details cleaned', () => {
    const contact = {
      firstName: ' ',
      lastName: ' Durand ',
      address: { street: '2 rue Haute', postalCode: '59 100', city: 'Roubaix' },
    };
    const [event] = given([])
      .when(submitCommand({ channel: 'letter', contact }), agentMeta())
      .events();
    expect(event?.data).toMatchObject({
      citizenId: null,
      submittedBy: 'agent',
      channel: 'letter',
      contact: {
        firstName: '',
        lastName: 'Durand',
        address: { street: '2 rue Haute', postalCode: '59100', city: 'Roubaix' },
      },
    });
  });
  it('needs to know who the resident is, and how to answer a resident without an account', () => {
    given([])
      .when(submitCommand({ channel: 'counter' }), agentMeta())
      .thenThrows(ValidationError, ['contact']);
    given([])
      .when(submitCommand({ channel: 'phone', contact: { firstName: 'Jean', lastName: 'Durand' } }), agentMeta())
      .thenThrows(ValidationError, ['contact']);
    given([])
      .when(submitCommand({ channel: 'phone', contact: { ...ringingResident, phone: '12' } }), agentMeta())
      .thenThrows(ValidationError, ['contact.phone']);
  });
  it('is only for agents of the service handling the procedure', () => {
    given([])
      .when(submitCommand({ channel: 'phone', contact: ringingResident }), metaFor(actors.agent(OTHER_SERVICE)))
      .thenThrows(ForbiddenError);
    const events = given([])
      .when(submitCommand({ channel: 'counter', contact: ringingResident }), metaFor(actors.agent(SERVICE, 'manager')))
      .events();
    expect(events.map((e) => e.type)).toEqual(['CaseSubmitted']);
  });
  it('validates the form the same way', () => {
    given([])
      .when(submitCommand({ channel: 'phone', citizenId: 'cit-1', data: {} }), agentMeta())
      .thenThrows(ValidationError, [
        'data.lastName',
        'data.firstName',
        'data.birthDate',
        'data.copyType',
        'data.delivery',
        'data.copies',
        'data.consent',
      ]);
  });
  it('normalises the submission instant', () => {
    const [event] = given([])
      .when(submitCommand({ citizenId: 'cit-1', channel: 'email' }), agentMeta({ now: '2026-03-02T10:00:00+01:00' }))
      .events();
    expect(event?.data).toMatchObject({ caseId: CASE, submittedAt: T0, dueAt: '2026-03-12T09:00:00.000Z' });
  });
});
