/**
 * One generated request's life in the domain's event shapes: submitted by a resident (or an agent for
 * one, or anonymously), acknowledged, assigned, a note, messages, a call, a request for information
 * and its answer, a decision, the closing, and often a rating.
 */
import { randomUUID } from 'node:crypto';
import type { CaseEvent } from '@guichet/domain';
import type { EventMetadata, NewEvent } from '@guichet/eventstore';
import { AGENT, MANAGER } from '../src/demo/accounts.ts';
import { planCases } from '../src/demo/cases.ts';
import { DEMO_PROCEDURES } from '../src/demo/procedures.ts';
import { seededRandom, type Random } from '../src/demo/random.ts';

export const DAY = 86_400_000;
const CHANNELS = ['web', 'web', 'web', 'web', 'phone', 'email', 'letter', 'counter'] as const;
const NOTES = [
  'Pièces vérifiées, dossier complet.',
  'Voir avec le responsable avant décision.',
  'Rappel prévu jeudi matin.',
];
const AGENT_MESSAGES = [
  'Bonjour, nous avons bien reçu votre demande ; elle est en cours de traitement.',
  'Votre dossier est complet. La décision vous sera communiquée sous huit jours.',
];
const CITIZEN_MESSAGES = ['Bonjour, où en est ma demande ? Merci.', 'Je reste disponible par téléphone le matin.'];

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

export function meta(actor: string, role: string, channel: EventMetadata['channel'], at: number): EventMetadata {
  const commandId = randomUUID();
  return {
    eventId: randomUUID(),
    commandId,
    correlationId: commandId,
    causationId: null,
    actor,
    actorRole: role,
    tenant: 'ville-de-s',
    channel,
    recordedAt: new Date(at).toISOString(),
  };
}

/** The two parts of one request's life, as batches of case events. */
export function caseLife(random: Random, n: number, citizens: string[], t: number): [NewEvent[], NewEvent[]] {
  const procedure = DEMO_PROCEDURES[n % DEMO_PROCEDURES.length]!;
  const d = procedure.definition;
  const samples = SAMPLE_DATA.get(procedure.id) ?? [{}];
  const caseId = randomUUID();
  const channel = pick(random, CHANNELS);
  const citizenId = channel === 'web' && random() < 0.9 ? pick(random, citizens) : null;
  const by = citizenId ? 'citizen' : channel === 'web' ? 'anonymous' : 'agent';
  const citizenActor = citizenId ?? 'anonymous';
  const ev = (
    e: CaseEvent,
    actor: string,
    role: string,
    at: number,
    ch: EventMetadata['channel'] = 'web',
  ): NewEvent => ({
    type: e.type,
    data: e.data,
    metadata: meta(actor, role, ch, at),
  });
  const agentAt = (days: number) => t + days * DAY + Math.floor(random() * 8) * 3_600_000;
  const first: NewEvent[] = [
    ev(
      {
        type: 'CaseSubmitted',
        data: {
          caseId,
          tenant: 'ville-de-s',
          reference: `S-2026-${String(n).padStart(7, '0')}`,
          procedureId: procedure.id,
          procedureVersion: 1,
          serviceId: d.serviceId,
          channel,
          submittedBy: by,
          citizenId,
          contact:
            by === 'citizen' ? null : { firstName: 'Camille', lastName: `Martin ${n % 997}`, phone: '06 12 34 56 78' },
          trackingCodeHash: by === 'anonymous' ? caseId.replace(/-/g, '') : null,
          data: pick(random, samples),
          documents: [],
          workflowState: d.workflow.initial,
          submittedAt: new Date(t).toISOString(),
          dueAt: new Date(t + d.deadlineDays * DAY).toISOString(),
        },
      },
      by === 'agent' ? AGENT.id : citizenActor,
      by === 'agent' ? 'agent' : by,
      t,
      channel,
    ),
    ev({ type: 'CaseAcknowledged', data: { caseId } }, AGENT.id, 'agent', agentAt(1)),
    ev(
      { type: 'CaseAssigned', data: { caseId, assignee: AGENT.id, previousAssignee: null } },
      AGENT.id,
      'agent',
      agentAt(1),
    ),
    ev(
      { type: 'InternalNoteWritten', data: { caseId, noteId: randomUUID(), text: pick(random, NOTES) } },
      AGENT.id,
      'agent',
      agentAt(2),
    ),
    ev(
      {
        type: 'MessageSent',
        data: { caseId, messageId: randomUUID(), from: 'agent', text: pick(random, AGENT_MESSAGES), documents: [] },
      },
      AGENT.id,
      'agent',
      agentAt(2),
    ),
  ];
  const requestId = randomUUID();
  const second: NewEvent[] = [
    ev(
      {
        type: 'PhoneCallLogged',
        data: {
          caseId,
          direction: 'inbound',
          durationSeconds: 60 + Math.floor(random() * 600),
          summary: 'Appel pour connaître l’avancement.',
        },
      },
      AGENT.id,
      'agent',
      agentAt(3),
      'phone',
    ),
    ev(
      {
        type: 'InformationRequested',
        data: {
          caseId,
          requestId,
          message: 'Merci de joindre un justificatif de domicile récent.',
          requestedAt: new Date(agentAt(4)).toISOString(),
        },
      },
      AGENT.id,
      'agent',
      agentAt(4),
    ),
    ev(
      {
        type: 'InformationProvided',
        data: {
          caseId,
          requestId,
          message: 'Voici ma facture.',
          documents: [],
          providedAt: new Date(agentAt(6)).toISOString(),
          pausedMs: 2 * DAY,
        },
      },
      citizenActor,
      'citizen',
      agentAt(6),
    ),
    ev(
      {
        type: 'MessageSent',
        data: { caseId, messageId: randomUUID(), from: 'citizen', text: pick(random, CITIZEN_MESSAGES), documents: [] },
      },
      citizenActor,
      'citizen',
      agentAt(7),
    ),
    ev(
      {
        type: 'CaseDecided',
        data: { caseId, outcome: random() < 0.85 ? 'accepted' : 'rejected', reason: 'Dossier instruit.' },
      },
      MANAGER.id,
      'manager',
      agentAt(8),
    ),
    ev({ type: 'CaseClosed', data: { caseId, reason: 'Traitement terminé.' } }, AGENT.id, 'agent', agentAt(8)),
  ];
  if (citizenId && random() < 0.5) {
    second.push(
      ev(
        {
          type: 'CaseRated',
          data: { caseId, score: (1 + Math.floor(random() * 5)) as 1 | 2 | 3 | 4 | 5, comment: 'Merci.' },
        },
        citizenId,
        'citizen',
        agentAt(9),
      ),
    );
  }
  return [first, second];
}

/** Form data the demo town's requests carry, per procedure, reused for the generated ones. */
const SAMPLE_DATA = new Map<string, Record<string, unknown>[]>();
for (const plan of planCases(seededRandom(), Date.now())) {
  const list = SAMPLE_DATA.get(plan.procedure.id) ?? [];
  list.push(plan.data as Record<string, unknown>);
  SAMPLE_DATA.set(plan.procedure.id, list);
}
