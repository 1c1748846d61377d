import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@guichet/eventstore';
import { duration, oneLine, summarize } from './summaries.ts';

const event = (type: string, data: unknown): RecordedEvent => ({
  type,
  data,
  metadata: {
    eventId: 'e',
    commandId: 'c',
    correlationId: 'c',
    causationId: null,
    actor: 'ag-1',
    tenant: 't',
    channel: 'phone',
    recordedAt: '2026-03-02T09:00:00.000Z',
  },
  streamId: 'case-1',
  streamVersion: 2,
  position: 2,
  transactionId: '1',
  schemaVersion: 1,
  storedAt: '2026-03-02T09:00:00.000Z',
});

describe('French one-line summaries', () => {
  it('says what happened the way an agent would write it', () => {
    expect(
      summarize(
        event('PhoneCallLogged', {
          caseId: '1',
          direction: 'outbound',
          durationSeconds: 95,
          summary: 'Rappel pour\nconfirmer le rendez-vous',
        }),
      ),
    ).toBe('Appel téléphonique sortant (2 min) : Rappel pour confirmer le rendez-vous');
    expect(
      summarize(
        event('LetterLogged', { caseId: '1', direction: 'inbound', summary: 'Justificatif reçu', documents: [{}, {}] }),
      ),
    ).toBe('Courrier reçu : Justificatif reçu (2 pièces jointes)');
    expect(summarize(event('CaseDecided', { caseId: '1', outcome: 'rejected', reason: '' }))).toBe(
      'Décision : demande refusée',
    );
  });

  it('returns null for a type it does not know, instead of failing', () => {
    expect(summarize(event('SomethingFromTheFuture', { caseId: '1' }))).toBeNull();
    expect(summarize(event('toString', {}))).toBeNull();
  });

  it('keeps long texts to one line of 160 characters at most', () => {
    const line = oneLine('mot '.repeat(100));
    expect(line.length).toBeLessThanOrEqual(160);
    expect(line.endsWith('…')).toBe(true);
    expect(oneLine('  court  ')).toBe('court');
  });

  it('writes durations in seconds, minutes or hours', () => {
    expect([duration(42), duration(300), duration(3_900)]).toEqual(['42 s', '5 min', '1 h 05']);
  });
});
