import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  evolveCase,
  evolveProcedure,
  initialCaseState,
  initialProcedureState,
  procedureStreamId,
  validateFormData,
  type CaseEvent,
  type CaseState,
  type ProcedureEvent,
  type ProcedureState,
} from '@guichet/domain';
import {
  START,
  createEventStore,
  createFileBlobStore,
  type BlobStore,
  type Db,
  type EventStore,
  type RecordedEvent,
} from '@guichet/eventstore';
import { testDatabases } from '@guichet/eventstore/testing';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.ts';
import { DEMO_TRACKING_CODES } from './cases.ts';
import { documentsIn } from './documents.ts';
import { isSeeded, seedDemo } from './seed.ts';

const NOW = new Date('2026-05-20T10:00:00Z');
const fakeHash = async (password: string) => `fake$${password}$0123456789abcdef`;

async function readEverything(store: EventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (let page = await store.readAll({ from: START, limit: 500 }); page.length > 0;) {
    all.push(...page);
    const last = page.at(-1)!;
    page = await store.readAll({ from: { transactionId: last.transactionId, position: last.position }, limit: 500 });
  }
  return all;
}

describe.each(testDatabases())('demo town on $name', ({ open }) => {
  let db: Db;
  let store: EventStore;
  let blobDir: string;
  let blobs: BlobStore;
  let result: { cases: number; events: number };
  let all: RecordedEvent[];
  const folded: { state: CaseState; events: RecordedEvent[] }[] = [];

  beforeAll(async () => {
    db = await open();
    store = await createEventStore(db);
    blobDir = await mkdtemp(join(tmpdir(), 'guichet-demo-'));
    blobs = createFileBlobStore(blobDir);
    expect(await isSeeded(store)).toBe(false);
    result = await seedDemo({ store, now: NOW, hashPassword: fakeHash, blobs });
    all = await readEverything(store);
    for (const streamId of new Set(all.filter((e) => e.streamId.startsWith('case-')).map((e) => e.streamId))) {
      const events = await store.readStream(streamId);
      folded.push({
        events,
        state: events.reduce((s, e) => evolveCase(s, e as unknown as CaseEvent), initialCaseState()),
      });
    }
  });

  afterAll(async () => {
    await store?.close();
    await db?.close();
    if (blobDir) await rm(blobDir, { recursive: true, force: true });
  });

  const count = (type: string) => all.filter((e) => e.type === type).length;

  it('creates the tenant, its services, staff, residents and published procedures once', async () => {
    expect(await isSeeded(store)).toBe(true);
    expect(count('TenantCreated')).toBe(1);
    expect(count('ServiceCreated')).toBe(3);
    expect(count('ProcedureVersionPublished')).toBeGreaterThanOrEqual(6);
    expect(count('AgentAccountCreated')).toBe(DEMO_ACCOUNTS.filter((a) => a.kind === 'agent').length);
    expect(count('CitizenRegistered')).toBe(DEMO_ACCOUNTS.filter((a) => a.kind === 'citizen').length);
    const emails = all.flatMap((e) =>
      e.type === 'AgentAccountCreated' || e.type === 'CitizenRegistered' ? [(e.data as { email: string }).email] : [],
    );
    expect(emails).toEqual(
      expect.arrayContaining([
        'citoyen@demo.guichet.test',
        'agent@demo.guichet.test',
        'responsable@demo.guichet.test',
        'admin@demo.guichet.test',
      ]),
    );
    const hashes = all.flatMap((e) =>
      'passwordHash' in (e.data as object) ? [(e.data as { passwordHash: string }).passwordHash] : [],
    );
    expect(new Set(hashes)).toEqual(new Set([await fakeHash(DEMO_PASSWORD)]));
  });

  it('reports what it wrote, all of it in the past', () => {
    expect(result.cases).toBeGreaterThanOrEqual(30);
    expect(count('CaseSubmitted')).toBe(result.cases);
    expect(all).toHaveLength(result.events);
    for (const e of all) {
      expect(e.metadata.tenant).toBe('ville-de-s');
      expect(Date.parse(e.metadata.recordedAt)).toBeLessThan(NOW.getTime());
    }
  });

  it('writes case streams that fold, with answers valid for the procedure version they were filed under', async () => {
    expect(folded).toHaveLength(result.cases);
    const procedures: Record<string, ProcedureState> = {};
    for (const { state, events } of folded) {
      expect(state.exists).toBe(true);
      const procedure = (procedures[state.procedureId] ??= (
        await store.readStream(procedureStreamId(state.procedureId))
      ).reduce((s, e) => evolveProcedure(s, e as unknown as ProcedureEvent), initialProcedureState()));
      const definition = procedure.versions[state.procedureVersion];
      expect(definition, state.reference).toBeDefined();
      expect(validateFormData(definition!, (events[0]!.data as { data: unknown }).data)).toEqual([]);
    }
  });

  it('gives agents and managers a varied town: every channel, status and situation', () => {
    const states = folded.map((f) => f.state);
    const submissions = folded.map(
      (f) => f.events[0]!.data as { channel: string; submittedBy: string; trackingCodeHash: string | null },
    );
    expect(new Set(submissions.map((s) => s.channel))).toEqual(new Set(['web', 'phone', 'email', 'letter', 'counter']));
    expect(new Set(states.map((s) => s.status))).toEqual(
      new Set(['submitted', 'in_progress', 'waiting_citizen', 'closed']),
    );
    const overdue = states.filter((s) => s.status === 'in_progress' && Date.parse(s.dueAt) < NOW.getTime());
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(states.some((s) => s.reopenCount > 0 && s.status === 'closed')).toBe(true);
    expect(states.some((s) => s.reopenCount > 0 && s.status !== 'closed')).toBe(true);
    const anonymous = submissions.filter((s) => s.submittedBy === 'anonymous').map((s) => s.trackingCodeHash);
    const sha = (code: string) => createHash('sha256').update(code).digest('hex');
    expect(new Set(anonymous)).toEqual(new Set(DEMO_TRACKING_CODES.map(sha)));
    for (const type of [
      'InformationRequested',
      'InformationProvided',
      'MessageSent',
      'PhoneCallLogged',
      'LetterLogged',
      'CounterVisitLogged',
      'InternalNoteWritten',
      'CaseDecided',
    ]) {
      expect(count(type), type).toBeGreaterThan(0);
    }
  });

  it('stores the content of every attachment, so agents can open it', async () => {
    const documents = all.flatMap((e) => documentsIn(e.data));
    expect(documents.length).toBeGreaterThan(20);
    for (const doc of documents) expect(await blobs.has(doc.sha256), doc.fileName).toBe(true);
  });

  it('is rated mostly 4 or 5, with a few unhappy comments', () => {
    const ratings = all.filter((e) => e.type === 'CaseRated').map((e) => e.data as { score: number; comment: string });
    expect(ratings.length).toBeGreaterThanOrEqual(10);
    expect(ratings.filter((r) => r.score >= 4).length / ratings.length).toBeGreaterThan(0.6);
    expect(ratings.some((r) => r.score <= 2 && r.comment.length > 0)).toBe(true);
  });
});
