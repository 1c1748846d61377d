import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../eventstore/src/testing.ts';
import { getCase, findCaseByTrackingCode } from '../queries/cases.ts';
import { queryQueue } from '../queries/queue.ts';
import { caseAsOf } from '../queries/timeline.ts';
import { DAY } from '../testing/history.ts';
import { TRACKING_CODE } from '../testing/scenario.ts';
import { projectedStory, type Projected } from '../testing/setup.ts';

describe.each(testDatabases())('cases and queues on $name', ({ open }) => {
  let p: Projected;
  beforeAll(async () => {
    p = await projectedStory(open);
  });
  afterAll(() => p.close());

  it('shows a reopened case in progress, with its deadline pushed by the time the citizen took to answer', async () => {
    const a = await getCase(p.db, 'case-a');
    expect(a).toMatchObject({
      reference: 'S-2026-00001',
      procedureTitle: "Demande d'acte de naissance",
      serviceId: 'svc-etat-civil',
      status: 'in_progress',
      workflowState: 'instruction',
      workflowLabel: 'En instruction',
      workflowPublicLabel: 'En cours de traitement',
      assignee: 'ag-marc',
      citizenId: 'cit-lea',
      contactName: 'Léa Moreau',
      decision: null,
      closedAt: null,
      pausedSince: null,
      reopenCount: 1,
      rating: { score: 5, comment: 'Très rapide, merci !' },
      version: 15,
    });
    // 10 days from submission, plus the 2 days the request for an ID card waited.
    expect(a?.dueAt).toBe(new Date(Date.parse(p.story.at.aSubmitted as string) + 12 * DAY).toISOString());
    expect(a?.messages.map((m) => [m.kind, m.from, m.text])).toEqual([
      ['information_request', 'agent', "Merci de joindre une copie de votre pièce d'identité."],
      ['message', 'citizen', "Je l'envoie demain matin."],
      ['information_response', 'citizen', "Voici ma carte d'identité."],
      ['message', 'agent', "Nous corrigeons l'acte et vous le renvoyons."],
    ]);
    expect(a?.documents.map((d) => [d.fileName, d.by])).toEqual([['carte-identite.pdf', 'citizen']]);
  });

  it('keeps a rejection, a transfer and a paused deadline', async () => {
    expect(await getCase(p.db, 'case-e')).toMatchObject({
      status: 'closed',
      decision: { outcome: 'rejected', reason: "L'acte n'est pas détenu par la commune" },
      channel: 'counter',
      submittedBy: 'agent',
    });
    expect(await getCase(p.db, 'case-c')).toMatchObject({
      serviceId: 'svc-voirie',
      assignee: null,
      status: 'in_progress',
      channel: 'phone',
    });
    const d = await getCase(p.db, 'case-d');
    expect(d).toMatchObject({ status: 'waiting_citizen', citizenId: null, openRequest: { requestId: 'req-d' } });
    expect(d?.pausedSince).toBe(d?.openRequest?.requestedAt);
  });

  it('hides the assignee and internal activity from the citizen', async () => {
    const asCitizen = await getCase(p.db, 'case-a', { audience: 'citizen' });
    expect(asCitizen?.assignee).toBeNull();
    const anonymous = await findCaseByTrackingCode(
      p.db,
      'S-2026-00004',
      createHash('sha256').update(TRACKING_CODE).digest('hex'),
    );
    expect(anonymous?.id).toBe('case-d');
    expect(await findCaseByTrackingCode(p.db, 'S-2026-00004', 'b'.repeat(64))).toBeNull();
  });

  it('counts each tab of a service queue and flags overdue cases', async () => {
    const voirie = await queryQueue(p.db, { serviceIds: ['svc-voirie'], now: p.story.now });
    expect(voirie.counts).toEqual({
      all: 3,
      submitted: 1,
      in_progress: 1,
      waiting_citizen: 1,
      decided: 0,
      closed: 0,
      open: 3,
      overdue: 2,
    });
    // Sorted by due date; the paused case is not late: its deadline had not passed when the pause began.
    expect(voirie.items.map((i) => [i.reference, i.overdue])).toEqual([
      ['S-2026-00002', true],
      ['S-2026-00004', false],
      ['S-2026-00003', true],
    ]);
    const etatCivil = await queryQueue(p.db, { serviceIds: ['svc-etat-civil'], now: p.story.now });
    expect(etatCivil.counts).toMatchObject({ all: 2, in_progress: 1, closed: 1, open: 1, overdue: 1 });
  });

  it('filters by status, assignee, overdue and channel, and pages with a cursor', async () => {
    const both = ['svc-voirie', 'svc-etat-civil'];
    const ids = async (f: Omit<Parameters<typeof queryQueue>[1], 'serviceIds'>) =>
      (await queryQueue(p.db, { serviceIds: both, now: p.story.now, ...f })).items.map((i) => i.id);
    expect(await ids({ assignee: 'ag-marc' })).toEqual(['case-a']);
    expect(await ids({ unassigned: true, status: ['submitted', 'waiting_citizen'] })).toEqual(['case-b', 'case-d']);
    expect((await ids({ overdue: p.story.now })).sort()).toEqual(['case-a', 'case-b', 'case-c']);
    expect(await ids({ channel: 'counter' })).toEqual(['case-e']);
    expect(await ids({ procedureId: 'proc-voirie', sort: 'activity' })).toEqual(['case-d', 'case-b']);

    const first = await queryQueue(p.db, { serviceIds: both, limit: 2, sort: 'activity' });
    const second = await queryQueue(p.db, { serviceIds: both, limit: 2, sort: 'activity', cursor: first.nextCursor });
    const third = await queryQueue(p.db, { serviceIds: both, limit: 2, sort: 'activity', cursor: second.nextCursor });
    const paged = [...first.items, ...second.items, ...third.items].map((i) => i.id);
    expect(paged).toEqual(['case-a', 'case-e', 'case-c', 'case-d', 'case-b']);
    expect(third.nextCursor).toBeNull();
    expect((await queryQueue(p.db, { serviceIds: ['svc-autre'] })).items).toEqual([]);
  });

  it('tells what a case looked like at an earlier instant', async () => {
    const beforeRequest = await caseAsOf(p.db, 'case-a', p.story.at.aAssignedToClaire as string);
    expect(beforeRequest).toMatchObject({ status: 'in_progress', assignee: 'ag-claire', messages: [], version: 3 });
    const waiting = await caseAsOf(p.db, 'case-a', p.story.at.aInfoRequested as string);
    expect(waiting).toMatchObject({
      status: 'waiting_citizen',
      pausedSince: p.story.at.aInfoRequested,
      assignee: 'ag-claire',
    });
    const decided = await caseAsOf(p.db, 'case-a', p.story.at.aRated as string);
    expect(decided).toMatchObject({
      status: 'closed',
      assignee: 'ag-marc',
      decision: { outcome: 'accepted' },
      rating: { score: 5 },
    });
    expect(await caseAsOf(p.db, 'case-a', '2026-03-01T00:00:00.000Z')).toBeNull();
    // Up to now, the past and the present agree.
    expect(await caseAsOf(p.db, 'case-a', p.story.now)).toEqual(await getCase(p.db, 'case-a'));
  });
});
