import { describe, expect, it } from 'vitest';
import { evolveCase, initialCaseState, type CaseEvent } from '@guichet/domain';
import type { RecordedEvent } from '@guichet/eventstore';
import { townHallFortnight } from '../testing/scenario.ts';
import { submitted } from '../testing/submissions.ts';
import { applyCaseEvent, type CaseContext } from './reducer.ts';

let version = 0;
const recorded = (
  e: CaseEvent | { type: string; data: unknown },
  at: string,
  streamVersion = ++version,
): RecordedEvent => ({
  ...e,
  metadata: {
    eventId: `e${streamVersion}`,
    commandId: 'c',
    correlationId: 'c',
    causationId: null,
    actor: 'ag-1',
    tenant: 'ville-s',
    channel: 'web',
    recordedAt: at,
  },
  streamId: 'case-1',
  streamVersion,
  position: streamVersion,
  transactionId: '1',
  schemaVersion: 1,
  storedAt: at,
});

function caseOf(...events: RecordedEvent[]): CaseContext {
  const ctx: CaseContext = {
    row: null,
    at: '',
    labels: () => ({ title: 'Inscription à la cantine', states: [{ id: 'recue', label: 'Reçue', publicLabel: null }] }),
  };
  for (const e of events) applyCaseEvent(ctx, e);
  return ctx;
}

const submission = () => {
  version = 0;
  return recorded(
    submitted({
      caseId: '1',
      reference: 'S-1',
      procedureId: 'p',
      serviceId: 's',
      citizenId: 'c',
      contact: null,
      data: {},
      at: '2026-03-02T09:00:00.000Z',
      deadlineDays: 10,
    }),
    '2026-03-02T09:00:00.000Z',
  );
};

describe('case row reducer', () => {
  it('pushes the deadline by the time the citizen took to answer, and pauses it meanwhile', () => {
    const start = submission();
    const asked = recorded(
      {
        type: 'InformationRequested',
        data: { caseId: '1', requestId: 'r', message: 'Justificatif ?', requestedAt: '2026-03-03T09:00:00.000Z' },
      },
      '2026-03-03T09:00:00.000Z',
    );
    const waiting = caseOf(start, asked).row;
    expect(waiting).toMatchObject({
      status: 'waiting_citizen',
      paused_since: '2026-03-03T09:00:00.000Z',
      due_at: '2026-03-12T09:00:00.000Z',
    });
    const answered = recorded(
      {
        type: 'InformationProvided',
        data: {
          caseId: '1',
          requestId: 'r',
          message: 'Voici',
          documents: [],
          providedAt: '2026-03-06T09:00:00.000Z',
          pausedMs: 3 * 86_400_000,
        },
      },
      '2026-03-06T09:00:00.000Z',
    );
    expect(caseOf(start, asked, answered).row).toMatchObject({
      status: 'in_progress',
      paused_since: null,
      due_at: '2026-03-15T09:00:00.000Z',
    });
  });

  it('keeps one pause while a request and a workflow state that pauses the deadline overlap', () => {
    const day = (n: number) => new Date(Date.parse('2026-03-02T09:00:00.000Z') + n * 86_400_000).toISOString();
    const move = (from: string, to: string, extra: Record<string, unknown>, n: number) =>
      recorded(
        {
          type: 'WorkflowTransitioned',
          data: { caseId: '1', transitionId: `${from}-${to}`, from, to, message: null, ...extra },
        },
        day(n),
      );
    const events = [
      submission(),
      move('recue', 'attente', { pausesDeadline: true, deadline: 'paused', at: day(1) }, 1),
      recorded(
        {
          type: 'InformationRequested',
          data: { caseId: '1', requestId: 'r', message: 'Pièce ?', requestedAt: day(2) },
        },
        day(2),
      ),
      recorded(
        {
          type: 'InformationProvided',
          data: {
            caseId: '1',
            requestId: 'r',
            message: 'Voici',
            documents: [],
            providedAt: day(3),
            pausedMs: 0,
            deadlineStaysPaused: true,
          },
        },
        day(3),
      ),
    ];
    const stillPaused = caseOf(...events).row;
    expect(stillPaused).toMatchObject({ status: 'in_progress', paused_since: day(1), due_at: day(10) });
    events.push(
      move('attente', 'recue', { pausesDeadline: false, deadline: 'resumed', pausedMs: 4 * 86_400_000, at: day(5) }, 5),
    );
    const row = caseOf(...events).row;
    expect(row).toMatchObject({ paused_since: null, due_at: day(14) });
    const state = events.reduce((s, e) => evolveCase(s, e as unknown as CaseEvent), initialCaseState());
    expect([state.pausedSince, state.dueAt]).toEqual([row?.paused_since, row?.due_at]);
  });

  it('applies an event once: re-delivered, it changes nothing', () => {
    const start = submission();
    const answered = recorded(
      { type: 'MessageSent', data: { caseId: '1', messageId: 'm', from: 'citizen', text: 'Bonjour', documents: [] } },
      '2026-03-02T10:00:00.000Z',
    );
    const ctx = caseOf(start, answered);
    expect(applyCaseEvent(ctx, answered)).toBe(false);
    expect(applyCaseEvent(ctx, start)).toBe(false);
    expect(ctx.row?.messages).toHaveLength(1);
    expect(ctx.row?.stream_version).toBe(2);
  });

  it('ignores types it does not know and events of a case it never saw submitted', () => {
    const ctx = caseOf(submission());
    expect(
      applyCaseEvent(ctx, recorded({ type: 'CaseMicrofilmed', data: { caseId: '1' } }, '2026-03-04T00:00:00.000Z')),
    ).toBe(false);
    expect(ctx.row?.stream_version).toBe(1);
    const orphan: CaseContext = { row: null, at: '', labels: () => null };
    expect(
      applyCaseEvent(orphan, recorded({ type: 'CaseAcknowledged', data: { caseId: '2' } }, '2026-03-04T00:00:00.000Z')),
    ).toBe(false);
    expect(orphan.row).toBeNull();
  });

  it('clears the decision on reopening and keeps internal events out of what the citizen sees as activity', () => {
    const ctx = caseOf(
      submission(),
      recorded(
        { type: 'CaseDecided', data: { caseId: '1', outcome: 'accepted', reason: 'OK' } },
        '2026-03-03T09:00:00.000Z',
      ),
      recorded({ type: 'CaseClosed', data: { caseId: '1', reason: 'Fini' } }, '2026-03-03T09:01:00.000Z'),
      recorded({ type: 'CaseReopened', data: { caseId: '1', reason: 'Erreur' } }, '2026-03-04T09:00:00.000Z'),
      recorded(
        { type: 'InternalNoteWritten', data: { caseId: '1', noteId: 'n', text: 'à revoir' } },
        '2026-03-05T09:00:00.000Z',
      ),
    );
    expect(ctx.row).toMatchObject({
      status: 'in_progress',
      decision_outcome: null,
      closed_at: null,
      reopen_count: 1,
      procedure_title: 'Inscription à la cantine',
      workflow_label: 'Reçue',
      last_activity_at: '2026-03-05T09:00:00.000Z',
      last_public_activity_at: '2026-03-04T09:00:00.000Z',
    });
  });
});

describe('case row reducer and the domain', () => {
  it('agrees with the case decider’s evolve on every case of the town-hall story', () => {
    const { history } = townHallFortnight();
    const streams = new Map<string, RecordedEvent[]>();
    for (const { streamId, events } of history.appends) {
      if (!streamId.startsWith('case-')) continue;
      const stream = streams.get(streamId) ?? [];
      for (const e of events)
        stream.push({ ...recorded(e, e.metadata.recordedAt, stream.length + 1), metadata: e.metadata });
      streams.set(streamId, stream);
    }
    expect(streams.size).toBe(5);
    for (const events of streams.values()) {
      const row = caseOf(...events).row;
      const state = events.reduce((s, e) => evolveCase(s, e as unknown as CaseEvent), initialCaseState());
      expect(row).toMatchObject({
        status: state.status,
        assignee: state.assignee,
        service_id: state.serviceId,
        workflow_state: state.workflowState,
        due_at: state.dueAt,
        paused_since: state.pausedSince,
        decision_outcome: state.decision?.outcome ?? null,
        reopen_count: state.reopenCount,
        citizen_id: state.citizenId,
      });
      expect(row?.open_request?.requestId ?? null).toBe(state.openRequest?.requestId ?? null);
    }
  });
});
