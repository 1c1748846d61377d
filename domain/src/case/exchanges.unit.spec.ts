import { describe, expect, it } from 'vitest';
import { ForbiddenError, IllegalStateError, ValidationError } from '../common.ts';
import { OTHER_SERVICE, birthCertificate, doc } from '../fixtures.ts';
import { actors, metaFor } from '../testing.ts';
import type { CaseCommand } from './commands.ts';
import type { CaseEvent } from './events.ts';
import {
  CASE,
  HASH,
  acknowledged,
  agentMeta,
  citizenMeta,
  closedCase,
  decided,
  given,
  inProgress,
  procedure,
  requested,
  submitCommand,
  submitted,
} from './fixtures.ts';

const request = (message = 'Merci de joindre votre livret de famille.'): CaseCommand => ({
  type: 'RequestInformation',
  data: { requestId: 'req-1', message },
});
const provide = (message = 'Voici le livret.', documents = [doc()]): CaseCommand => ({
  type: 'ProvideInformation',
  data: { message, documents },
});
const provided = (providedAt: string, pausedMs: number, message = 'Voici le livret.'): CaseEvent => ({
  type: 'InformationProvided',
  data: { caseId: CASE, requestId: 'req-1', message, documents: [doc()], providedAt, pausedMs },
});
const say = (text: string): CaseCommand => ({ type: 'SendMessage', data: { messageId: 'msg-1', text, documents: [] } });
const message = (from: 'citizen' | 'agent', text: string): CaseEvent => ({
  type: 'MessageSent',
  data: { caseId: CASE, messageId: 'msg-1', from, text, documents: [] },
});
const DAY = 86_400_000;

describe('RequestInformation', () => {
  it('puts the case on hold for the resident; asking a new case acknowledges it', () => {
    const state = given([submitted()]).when(request(), agentMeta()).then([acknowledged, requested()]);
    expect(state).toMatchObject({
      status: 'waiting_citizen',
      openRequest: { requestId: 'req-1', requestedAt: '2026-03-02T09:00:00.000Z' },
    });
  });
  it('asks one thing at a time, and only on an open case', () => {
    given([...inProgress(), requested()])
      .when(request(), agentMeta())
      .thenThrows(IllegalStateError);
    given([...inProgress(), decided()])
      .when(request(), agentMeta())
      .thenThrows(IllegalStateError);
    given(closedCase()).when(request(), agentMeta()).thenThrows(IllegalStateError);
  });
  it('wants a message of 1 to 10,000 characters', () => {
    given(inProgress()).when(request('  '), agentMeta()).thenThrows(ValidationError, ['message']);
    given(inProgress())
      .when(request('x'.repeat(10_001)), agentMeta())
      .thenThrows(ValidationError, ['message']);
  });
  it('is an agent action', () => {
    given(inProgress()).when(request(), citizenMeta()).thenThrows(ForbiddenError);
  });
});

describe('ProvideInformation and the paused deadline', () => {
  const waiting = [...inProgress(), requested('2026-03-04T09:00:00.000Z')];
  it('resumes the case and pushes the deadline by the time spent waiting', () => {
    const state = given(waiting)
      .when(provide(), citizenMeta({ now: '2026-03-07T15:30:00.000Z' }))
      .then([provided('2026-03-07T15:30:00.000Z', 3 * DAY + 6.5 * 3_600_000)]);
    expect(state).toMatchObject({ status: 'in_progress', openRequest: null, dueAt: '2026-03-15T15:30:00.000Z' });
  });
  it('adds up successive pauses', () => {
    const history = [...waiting, provided('2026-03-05T09:00:00.000Z', DAY), requested('2026-03-06T09:00:00.000Z')];
    const state = given(history)
      .when(provide(), citizenMeta({ now: '2026-03-08T09:00:00.000Z' }))
      .then([provided('2026-03-08T09:00:00.000Z', 2 * DAY)]);
    expect(state.dueAt).toBe('2026-03-15T09:00:00.000Z');
  });
  it('never pulls the deadline earlier when clocks disagree', () => {
    const state = given(waiting)
      .when(provide(), citizenMeta({ now: '2026-03-04T08:00:00.000Z' }))
      .then([provided('2026-03-04T08:00:00.000Z', 0)]);
    expect(state.dueAt).toBe('2026-03-12T09:00:00.000Z');
  });
  it('accepts documents without a message, but not nothing at all', () => {
    const [event] = given(waiting)
      .when(provide('', [doc()]), citizenMeta())
      .events();
    expect(event).toMatchObject({ type: 'InformationProvided', data: { message: '', documents: [doc()] } });
    given(waiting).when(provide(' ', []), citizenMeta()).thenThrows(ValidationError, ['message']);
  });
  it('is only possible while a request is pending', () => {
    given(inProgress()).when(provide(), citizenMeta()).thenThrows(IllegalStateError);
  });
  it('comes from the resident, or from an agent recording an answer received by letter or at the counter', () => {
    given(waiting)
      .when(provide(), metaFor(actors.citizen('cit-2')))
      .thenThrows(ForbiddenError);
    given(waiting)
      .when(provide(), metaFor(actors.agent(OTHER_SERVICE)))
      .thenThrows(ForbiddenError);
    expect(
      given(waiting)
        .when(provide(), agentMeta({ channel: 'letter' }))
        .events(),
    ).toHaveLength(1);
  });
});

describe('anonymous follow-up with the tracking code', () => {
  const anonymousCase = [
    submitted({ submittedBy: 'anonymous', citizenId: null, trackingCodeHash: HASH }),
    acknowledged,
    requested(),
  ];
  it('lets whoever presents the tracking code answer and write', () => {
    expect(
      given(anonymousCase)
        .when(provide(), metaFor(actors.anonymous(HASH)))
        .events(),
    ).toHaveLength(1);
    given(anonymousCase)
      .when(say('Bonjour'), metaFor(actors.anonymous(HASH)))
      .then([message('citizen', 'Bonjour')]);
  });
  it('refuses a wrong or missing code, and any code on a case filed with an account', () => {
    given(anonymousCase)
      .when(provide(), metaFor(actors.anonymous('c'.repeat(64))))
      .thenThrows(ForbiddenError);
    given(anonymousCase).when(provide(), metaFor(actors.anonymous())).thenThrows(ForbiddenError);
    given([...inProgress(), requested()])
      .when(provide(), metaFor(actors.anonymous(HASH)))
      .thenThrows(ForbiddenError);
  });
  it('starts from an anonymous submission', () => {
    const anonymous = procedure(1, birthCertificate({ access: 'anonymous' }));
    const state = given([])
      .when(submitCommand({ procedure: anonymous, trackingCodeHash: HASH }), metaFor(actors.anonymous()))
      .then([submitted({ submittedBy: 'anonymous', citizenId: null, trackingCodeHash: HASH })]);
    expect(state.trackingCodeHash).toBe(HASH);
  });
});

describe('SendMessage', () => {
  it('goes both ways, marked by who wrote it; an agent reply acknowledges a new case', () => {
    given([submitted()])
      .when(say(' Où en est ma demande ? '), citizenMeta())
      .then([message('citizen', 'Où en est ma demande ?')]);
    given([submitted()])
      .when(say('Nous la traitons.'), agentMeta())
      .then([acknowledged, message('agent', 'Nous la traitons.')]);
  });
  it('stops once the case is closed, for both sides', () => {
    given(closedCase()).when(say('Merci !'), citizenMeta()).thenThrows(IllegalStateError);
    given(closedCase()).when(say('Bonne journée.'), agentMeta()).thenThrows(IllegalStateError);
  });
  it('is for the case resident and its service only, with 1 to 10,000 characters', () => {
    given(inProgress())
      .when(say('Bonjour'), metaFor(actors.citizen('cit-2')))
      .thenThrows(ForbiddenError);
    given(inProgress()).when(say(''), citizenMeta()).thenThrows(ValidationError, ['text']);
    given(inProgress())
      .when(say('x'.repeat(10_001)), citizenMeta())
      .thenThrows(ValidationError, ['text']);
  });
});

describe('contacts, documents and notes', () => {
  const call = (durationSeconds: number, summary = 'Appel pour un rendez-vous.'): CaseCommand => ({
    type: 'LogPhoneCall',
    data: { direction: 'inbound', durationSeconds, summary },
  });
  it('records phone calls of 0 to 86,400 seconds, even on a closed case', () => {
    given(closedCase())
      .when(call(300), agentMeta())
      .then([
        {
          type: 'PhoneCallLogged',
          data: { caseId: CASE, direction: 'inbound', durationSeconds: 300, summary: 'Appel pour un rendez-vous.' },
        },
      ]);
    given(inProgress()).when(call(-1), agentMeta()).thenThrows(ValidationError, ['durationSeconds']);
    given(inProgress()).when(call(86_401), agentMeta()).thenThrows(ValidationError, ['durationSeconds']);
    given(inProgress()).when(call(12.5, ''), agentMeta()).thenThrows(ValidationError, ['durationSeconds', 'summary']);
  });
  it('records letters and counter visits, even on a closed case', () => {
    const letter: CaseCommand = {
      type: 'LogLetter',
      data: { direction: 'outbound', summary: 'Envoi de l’acte.', documents: [doc()] },
    };
    given(closedCase())
      .when(letter, agentMeta())
      .then([
        {
          type: 'LetterLogged',
          data: { caseId: CASE, direction: 'outbound', summary: 'Envoi de l’acte.', documents: [doc()] },
        },
      ]);
    given(closedCase())
      .when({ type: 'LogCounterVisit', data: { summary: 'Retrait de l’acte.' } }, agentMeta())
      .then([{ type: 'CounterVisitLogged', data: { caseId: CASE, summary: 'Retrait de l’acte.' } }]);
    given(inProgress())
      .when({ type: 'LogCounterVisit', data: { summary: 'Passage' } }, citizenMeta())
      .thenThrows(ForbiddenError);
  });
  it('keeps internal notes for agents only', () => {
    const note: CaseCommand = { type: 'WriteInternalNote', data: { noteId: 'n-1', text: 'Homonyme : vérifier.' } };
    given(closedCase())
      .when(note, agentMeta())
      .then([{ type: 'InternalNoteWritten', data: { caseId: CASE, noteId: 'n-1', text: 'Homonyme : vérifier.' } }]);
    given(inProgress()).when(note, citizenMeta()).thenThrows(ForbiddenError);
  });
  it('attaches documents from either side, but the resident not on a closed case', () => {
    const attach: CaseCommand = { type: 'AttachDocument', data: { document: doc() } };
    given(inProgress())
      .when(attach, citizenMeta())
      .then([{ type: 'DocumentAttached', data: { caseId: CASE, by: 'citizen', document: doc() } }]);
    given(closedCase())
      .when(attach, agentMeta())
      .then([{ type: 'DocumentAttached', data: { caseId: CASE, by: 'agent', document: doc() } }]);
    given(closedCase()).when(attach, citizenMeta()).thenThrows(IllegalStateError);
    given(inProgress())
      .when({ type: 'AttachDocument', data: { document: doc({ sha256: 'x' }) } }, agentMeta())
      .thenThrows(ValidationError, ['document.sha256']);
  });
});
