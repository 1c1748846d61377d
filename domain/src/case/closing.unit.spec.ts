import { describe, expect, it } from 'vitest';
import { ForbiddenError, IllegalStateError, ValidationError } from '../common.ts';
import { actors, metaFor } from '../testing.ts';
import type { CaseCommand } from './commands.ts';
import type { CaseEvent } from './events.ts';
import {
  CASE,
  agentMeta,
  citizenMeta,
  closed,
  closedCase,
  decided,
  given,
  inProgress,
  requested,
  submitted,
} from './fixtures.ts';

const decide = (outcome: 'accepted' | 'rejected', reason = ''): CaseCommand => ({
  type: 'DecideCase',
  data: { outcome, reason },
});
const close: CaseCommand = { type: 'CloseCase', data: { reason: 'Acte envoyé.' } };
const reopen: CaseCommand = { type: 'ReopenCase', data: { reason: "L'usager signale une erreur sur l'acte." } };
const rate = (score: number, comment = ''): CaseCommand => ({ type: 'RateCase', data: { score, comment } });

describe('CloseCase and ReopenCase', () => {
  it('closes at any point after submission, with a reason, once', () => {
    expect(given([submitted()]).when(close, agentMeta()).then([closed()]).status).toBe('closed');
    given([...inProgress(), requested()])
      .when(close, agentMeta())
      .then([closed()]);
    given(closedCase()).when(close, agentMeta()).thenThrows(IllegalStateError);
    given(inProgress())
      .when({ type: 'CloseCase', data: { reason: '' } }, agentMeta())
      .thenThrows(ValidationError, ['reason']);
  });
  it('drops a pending information request when closing', () => {
    expect(
      given([...inProgress(), requested()])
        .when(close, agentMeta())
        .then([closed()]).openRequest,
    ).toBeNull();
  });
  it('reopens only a closed case, back to work with the decision cleared', () => {
    const state = given(closedCase())
      .when(reopen, agentMeta())
      .then([{ type: 'CaseReopened', data: { caseId: CASE, reason: "L'usager signale une erreur sur l'acte." } }]);
    expect(state).toMatchObject({ status: 'in_progress', decision: null, reopenCount: 1 });
    given(inProgress()).when(reopen, agentMeta()).thenThrows(IllegalStateError);
    given(closedCase())
      .when({ type: 'ReopenCase', data: { reason: ' ' } }, agentMeta())
      .thenThrows(ValidationError, ['reason']);
    given(closedCase()).when(reopen, citizenMeta()).thenThrows(ForbiddenError);
  });
  it('lets a reopened case be decided again', () => {
    const reopened: CaseEvent = { type: 'CaseReopened', data: { caseId: CASE, reason: 'x' } };
    given([...closedCase(), reopened])
      .when(decide('rejected', 'Pièce manquante.'), agentMeta())
      .then([decided('rejected', 'Pièce manquante.')]);
  });
});

describe('RateCase', () => {
  const rated: CaseEvent = { type: 'CaseRated', data: { caseId: CASE, score: 4, comment: 'Rapide.' } };
  it('lets the citizen rate a closed case once, from 1 to 5, with a short comment', () => {
    expect(given(closedCase()).when(rate(4, ' Rapide. '), citizenMeta()).then([rated]).rated).toBe(true);
    given([...closedCase(), rated])
      .when(rate(5), citizenMeta())
      .thenThrows(IllegalStateError);
  });
  it('waits for the case to be closed', () => {
    given([...inProgress(), decided()])
      .when(rate(4), citizenMeta())
      .thenThrows(IllegalStateError);
  });
  it('keeps "once" across a reopening', () => {
    const reopened: CaseEvent = { type: 'CaseReopened', data: { caseId: CASE, reason: 'x' } };
    given([...closedCase(), rated, reopened, closed()])
      .when(rate(2), citizenMeta())
      .thenThrows(IllegalStateError);
  });
  it('checks the score and the comment', () => {
    for (const score of [0, 6, 3.5, Number.NaN])
      given(closedCase()).when(rate(score), citizenMeta()).thenThrows(ValidationError, ['score']);
    given(closedCase())
      .when(rate(5, 'x'.repeat(2001)), citizenMeta())
      .thenThrows(ValidationError, ['comment']);
    expect(
      given(closedCase())
        .when(rate(5, 'x'.repeat(2000)), citizenMeta())
        .events(),
    ).toHaveLength(1);
  });
  it('is only for the resident the case belongs to', () => {
    given(closedCase())
      .when(rate(1), metaFor(actors.citizen('cit-2')))
      .thenThrows(ForbiddenError);
    given(closedCase()).when(rate(1), agentMeta()).thenThrows(ForbiddenError);
  });
});
