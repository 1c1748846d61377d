import type { ProcedureDefinition } from '../../../domain/src/procedure/events.ts';
import type { Queryable } from '../../../eventstore/src/db.ts';
import type { ProjectionRunner } from '../runner.ts';
import { HOUR, History, type By, type KnownEvent } from '../testing/history.ts';
import { submitted } from '../testing/submissions.ts';

export const ETAT_CIVIL = 'svc-etat-civil';
export const VOIRIE = 'svc-voirie';

const lea = { actor: 'cit-lea', actorRole: 'citizen' };
const claire = { actor: 'ag-claire', actorRole: 'agent' };
const paul = { actor: 'ag-paul', actorRole: 'agent' };
const julie = { actor: 'ag-julie', actorRole: 'agent' };
const marc = { actor: 'ag-marc', actorRole: 'manager' };
const system = { actor: 'system', channel: 'system' as const };

const definition = (title: string, serviceId: string, deadlineDays: number): ProcedureDefinition => ({
  title,
  description: title,
  theme: 'Démarches',
  serviceId,
  deadlineDays,
  access: 'account',
  documentsToProvide: [],
  fields: [{ name: 'description', type: 'textarea', label: 'Description' }],
  workflow: { initial: 'recue', states: [{ id: 'recue', label: 'Reçue' }], transitions: [] },
});

/**
 * May 2026 at the town hall, in Paris time: Friday 1 May, Friday 8 May and Thursday 14 May
 * (Ascension) are public holidays. Six requests; the expected figures are worked out by hand in
 * indicators.int.spec.ts. `now` is Wednesday 20 May 2026, 10:00.
 */
export function mayAtTheTownHall() {
  const h = new History('2026-04-01T08:00:00.000Z');
  const to = (local: string) => h.wait(Date.parse(`${local}+02:00`) - Date.parse(h.clock));
  /** Events are built once the clock is at `local`, so `h.clock` inside them is that instant. */
  const on = (local: string, stream: string, by: By, ...events: (KnownEvent | (() => KnownEvent))[]) => {
    to(local);
    h.add(stream, by, ...events.map((e) => (typeof e === 'function' ? e() : e)));
  };
  const submit = (
    local: string,
    by: By,
    s: {
      id: string;
      ref: string;
      procedure: string;
      service: string;
      days: number;
      channel?: 'web' | 'phone' | 'email' | 'letter' | 'counter';
      byAgent?: boolean;
    },
  ) => {
    to(local);
    h.add(
      `case-${s.id}`,
      { ...by, channel: s.channel ?? 'web' },
      submitted({
        caseId: s.id,
        reference: s.ref,
        procedureId: s.procedure,
        serviceId: s.service,
        citizenId: 'cit-lea',
        contact: { firstName: 'Léa', lastName: 'Moreau', email: 'lea.moreau@example.fr', phone: '0601020304' },
        data: { description: 'Texte libre de la demande' },
        at: h.clock,
        deadlineDays: s.days,
        channel: s.channel ?? 'web',
        submittedBy: s.byAgent ? 'agent' : 'citizen',
      }),
    );
  };

  h.add(
    'procedure-proc-acte',
    marc,
    {
      type: 'ProcedureDefined',
      data: {
        procedureId: 'proc-acte',
        tenant: 'ville-s',
        slug: 'acte',
        definition: definition('Copie d’acte de naissance', ETAT_CIVIL, 10),
      },
    },
    {
      type: 'ProcedureVersionPublished',
      data: {
        procedureId: 'proc-acte',
        version: 1,
        definition: definition('Copie d’acte de naissance', ETAT_CIVIL, 10),
      },
    },
  );
  h.add(
    'procedure-proc-voirie',
    marc,
    {
      type: 'ProcedureDefined',
      data: {
        procedureId: 'proc-voirie',
        tenant: 'ville-s',
        slug: 'voirie',
        definition: definition('Signalement voirie', VOIRIE, 5),
      },
    },
    {
      type: 'ProcedureVersionPublished',
      data: { procedureId: 'proc-voirie', version: 1, definition: definition('Signalement voirie', VOIRIE, 5) },
    },
  );
  for (const [id, name] of [
    ['ag-claire', 'Claire Martin'],
    ['ag-paul', 'Paul Durand'],
    ['ag-julie', 'Julie Moreau'],
    ['ag-marc', 'Marc Petit'],
  ] as const) {
    h.add(`agent-${id}`, system, {
      type: 'AgentAccountCreated',
      data: { agentId: id, tenant: 'ville-s', email: `${id}@ville-s.fr`, name, passwordHash: 'x' },
    });
  }

  // c1: Thursday before the 1 May weekend; a two-day wait for the resident; closed on time, rated 5.
  submit('2026-04-30T10:00:00', lea, {
    id: 'c1',
    ref: 'S-2026-00101',
    procedure: 'proc-acte',
    service: ETAT_CIVIL,
    days: 10,
  });
  on('2026-05-04T10:00:00', 'case-c1', claire, { type: 'CaseAcknowledged', data: { caseId: 'c1' } });
  on('2026-05-04T12:00:00', 'case-c1', claire, () => ({
    type: 'InformationRequested',
    data: { caseId: 'c1', requestId: 'r1', message: 'Pièce ?', requestedAt: h.clock },
  }));
  on('2026-05-06T12:00:00', 'case-c1', lea, () => ({
    type: 'InformationProvided',
    data: { caseId: 'c1', requestId: 'r1', message: 'Voici.', documents: [], providedAt: h.clock, pausedMs: 48 * HOUR },
  }));
  on('2026-05-07T12:00:00', 'case-c1', claire, {
    type: 'CaseDecided',
    data: { caseId: 'c1', outcome: 'accepted', reason: 'OK' },
  });
  on('2026-05-07T14:00:00', 'case-c1', claire, { type: 'CaseClosed', data: { caseId: 'c1', reason: 'Envoyé' } });
  on('2026-05-07T15:00:00', 'case-c1', lea, {
    type: 'CaseRated',
    data: { caseId: 'c1', score: 5, comment: 'Merci Claire' },
  });

  // c2: submitted on 8 May (holiday); closed, reopened, closed again after its deadline; rated 2.
  submit('2026-05-08T09:00:00', lea, {
    id: 'c2',
    ref: 'S-2026-00102',
    procedure: 'proc-acte',
    service: ETAT_CIVIL,
    days: 10,
  });
  on('2026-05-11T09:00:00', 'case-c2', claire, { type: 'CaseAcknowledged', data: { caseId: 'c2' } });
  // c3: recorded at the counter by Paul, who asks the resident for more and is still waiting.
  submit('2026-05-11T14:00:00', paul, {
    id: 'c3',
    ref: 'S-2026-00103',
    procedure: 'proc-voirie',
    service: VOIRIE,
    days: 5,
    channel: 'counter',
    byAgent: true,
  });
  h.add('case-c3', paul, { type: 'CaseAssigned', data: { caseId: 'c3', assignee: 'ag-paul', previousAssignee: null } });
  // c4: acknowledged within the hour, then nothing: overdue.
  submit('2026-05-11T15:00:00', lea, {
    id: 'c4',
    ref: 'S-2026-00104',
    procedure: 'proc-voirie',
    service: VOIRIE,
    days: 5,
  });
  on(
    '2026-05-11T16:00:00',
    'case-c4',
    julie,
    { type: 'CaseAcknowledged', data: { caseId: 'c4' } },
    { type: 'CaseAssigned', data: { caseId: 'c4', assignee: 'ag-julie', previousAssignee: null } },
  );
  h.raw('case-c4', system, { type: 'CaseEscalatedInAFutureRelease', data: { caseId: 'c4', level: 2 } });
  on('2026-05-12T09:00:00', 'case-c2', claire, {
    type: 'MessageSent',
    data: { caseId: 'c2', messageId: 'm1', from: 'agent', text: 'Bien reçu', documents: [] },
  });
  on('2026-05-12T10:00:00', 'case-c3', paul, () => ({
    type: 'InformationRequested',
    data: { caseId: 'c3', requestId: 'r3', message: 'Adresse exacte ?', requestedAt: h.clock },
  }));
  // c6: sent from the registry office to the roads department, then a phone call.
  submit('2026-05-12T11:00:00', lea, {
    id: 'c6',
    ref: 'S-2026-00106',
    procedure: 'proc-acte',
    service: ETAT_CIVIL,
    days: 10,
  });
  on('2026-05-13T09:00:00', 'case-c2', claire, {
    type: 'CaseDecided',
    data: { caseId: 'c2', outcome: 'rejected', reason: 'Non détenu' },
  });
  on('2026-05-13T10:00:00', 'case-c6', claire, {
    type: 'CaseTransferred',
    data: { caseId: 'c6', fromServiceId: ETAT_CIVIL, toServiceId: VOIRIE, reason: 'Voirie' },
  });
  on('2026-05-15T09:00:00', 'case-c2', claire, { type: 'CaseClosed', data: { caseId: 'c2', reason: 'Orienté' } });
  // c5: an e-mail recorded on Saturday; due Thursday 21 May at 09:00, so "due soon" on the 20th.
  submit('2026-05-16T09:00:00', paul, {
    id: 'c5',
    ref: 'S-2026-00105',
    procedure: 'proc-voirie',
    service: VOIRIE,
    days: 5,
    channel: 'email',
    byAgent: true,
  });
  on('2026-05-18T10:00:00', 'case-c2', marc, { type: 'CaseReopened', data: { caseId: 'c2', reason: 'Erreur' } });
  on('2026-05-19T10:00:00', 'case-c2', claire, { type: 'CaseClosed', data: { caseId: 'c2', reason: 'Corrigé' } });
  h.add(
    'case-c6',
    { ...paul, channel: 'phone' },
    { type: 'PhoneCallLogged', data: { caseId: 'c6', direction: 'outbound', durationSeconds: 120, summary: 'Rappel' } },
  );
  on('2026-05-19T11:00:00', 'case-c2', lea, {
    type: 'CaseRated',
    data: { caseId: 'c2', score: 2, comment: 'Trop long' },
  });

  // Another town's request: never in Ville de S.'s figures.
  const other = new History('2026-05-12T08:00:00.000Z', 'ville-t');
  const t1 = submitted({
    caseId: 't1',
    reference: 'T-2026-00001',
    procedureId: 'proc-acte',
    serviceId: ETAT_CIVIL,
    citizenId: null,
    contact: null,
    data: {},
    at: other.clock,
    deadlineDays: 1,
  });
  other.add('case-t1', lea, { ...t1, data: { ...t1.data, tenant: 'ville-t' } });

  return { history: h, other, now: '2026-05-20T08:00:00.000Z' };
}

/**
 * Runs the runner until every projection has applied the whole log. On a shared PostgreSQL a
 * transaction open elsewhere in the cluster holds `$all` readers back for a while, so one
 * catch-up may stop short: wait until the checkpoints reach the last event.
 */
export async function settle(db: Queryable, runner: ProjectionRunner, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await runner.catchUp();
    const { rows } = await db.query<{ behind: number }>(
      `select count(*)::int as behind from projection_checkpoints
        where position < (select coalesce(max(position), 0) from events)`,
    );
    if (Number(rows[0]?.behind ?? 0) === 0) return;
    if (Date.now() > deadline) throw new Error('projections did not reach the end of the log');
    await new Promise((r) => setTimeout(r, 50));
  }
}
