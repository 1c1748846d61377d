import { createHash } from 'node:crypto';
import type { DocumentRef } from '@guichet/domain';
import { DAY, HOUR, History } from './history.ts';
import { submitted } from './submissions.ts';
import { claire, definition, ETAT_CIVIL, foundTown, lea, marc, paul, system, VOIRIE } from './town.ts';

export const idCard: DocumentRef = {
  documentId: 'doc-id',
  fileName: 'carte-identite.pdf',
  mediaType: 'application/pdf',
  size: 120_000,
  sha256: 'a'.repeat(64),
};
export const TRACKING_CODE = 'K7QP-4M2X';

/**
 * A fortnight at the town hall of Saint-Exemple: five requests by web, phone and counter, with
 * every kind of exchange. `at` holds the instants tests look back at; `now` is after the story.
 */
export function townHallFortnight() {
  const h = new History('2026-03-02T08:00:00.000Z');
  const at: Record<string, string> = {};
  foundTown(h);

  // Case A: Léa's birth certificate, the whole life of a request.
  at.aSubmitted = h.wait(HOUR);
  h.add(
    'case-case-a',
    lea,
    submitted({
      caseId: 'case-a',
      reference: 'S-2026-00001',
      procedureId: 'proc-acte',
      serviceId: ETAT_CIVIL,
      citizenId: 'cit-lea',
      contact: { firstName: 'Léa', lastName: 'Moreau', email: 'lea.moreau@example.fr' },
      data: { description: 'Copie intégrale pour mon mariage', lieu: 'Saint-Exemple' },
      at: h.clock,
      deadlineDays: 10,
    }),
  );
  h.wait(HOUR / 2);
  h.add('case-case-a', system, { type: 'CaseAcknowledged', data: { caseId: 'case-a' } });
  at.aAssignedToClaire = h.wait(HOUR / 2);
  h.add('case-case-a', marc, {
    type: 'CaseAssigned',
    data: { caseId: 'case-a', assignee: 'ag-claire', previousAssignee: null },
  });

  // Case B: Léa reports a pothole; nobody takes it (it becomes overdue).
  h.wait(2 * HOUR);
  h.add(
    'case-case-b',
    lea,
    submitted({
      caseId: 'case-b',
      reference: 'S-2026-00002',
      procedureId: 'proc-voirie',
      serviceId: VOIRIE,
      citizenId: 'cit-lea',
      contact: { firstName: 'Léa', lastName: 'Moreau' },
      data: { description: 'Nids-de-poule sur la chaussée devant le numéro 12', adresse: '12 rue des Lilas' },
      at: h.clock,
      deadlineDays: 5,
    }),
  );

  at.aInfoRequested = h.wait(DAY - 2 * HOUR);
  h.add('case-case-a', claire, {
    type: 'InformationRequested',
    data: {
      caseId: 'case-a',
      requestId: 'req-1',
      message: "Merci de joindre une copie de votre pièce d'identité.",
      requestedAt: h.clock,
    },
  });
  h.wait(5 * HOUR);
  // Case C: Jean calls; Claire records it, then sends it to the roads department.
  h.add(
    'case-case-c',
    { ...claire, channel: 'phone' },
    submitted({
      caseId: 'case-c',
      reference: 'S-2026-00003',
      procedureId: 'proc-acte',
      serviceId: ETAT_CIVIL,
      citizenId: 'cit-jean',
      contact: { firstName: 'Jean', lastName: 'Dupont', phone: '0320000000' },
      data: { description: 'Certificat de numérotation pour la rue des Acacias' },
      at: h.clock,
      deadlineDays: 10,
      channel: 'phone',
      submittedBy: 'agent',
    }),
  );
  h.add('case-case-c', claire, {
    type: 'CaseAssigned',
    data: { caseId: 'case-c', assignee: 'ag-claire', previousAssignee: null },
  });
  h.wait(3 * HOUR);
  h.add('case-case-a', lea, {
    type: 'MessageSent',
    data: { caseId: 'case-a', messageId: 'msg-1', from: 'citizen', text: "Je l'envoie demain matin.", documents: [] },
  });

  // Case D: an anonymous pothole report, waiting for the reporter's answer.
  h.wait(15 * HOUR);
  h.add(
    'case-case-d',
    { actor: 'anonymous' },
    submitted({
      caseId: 'case-d',
      reference: 'S-2026-00004',
      procedureId: 'proc-voirie',
      serviceId: VOIRIE,
      citizenId: null,
      contact: null,
      trackingCodeHash: createHash('sha256').update(TRACKING_CODE).digest('hex'),
      data: { description: 'Lampadaire tombé sur le trottoir' },
      at: h.clock,
      deadlineDays: 5,
      submittedBy: 'anonymous',
    }),
  );
  h.wait(HOUR);
  h.add('case-case-d', paul, {
    type: 'InformationRequested',
    data: {
      caseId: 'case-d',
      requestId: 'req-d',
      message: "Pouvez-vous préciser l'emplacement exact ?",
      requestedAt: h.clock,
    },
  });
  h.add('case-case-c', claire, {
    type: 'CaseTransferred',
    data: {
      caseId: 'case-c',
      fromServiceId: ETAT_CIVIL,
      toServiceId: VOIRIE,
      reason: 'Relève de la voirie (numérotation)',
    },
  });

  at.aInfoProvided = h.wait(DAY - HOUR);
  h.add('case-case-a', lea, {
    type: 'InformationProvided',
    data: {
      caseId: 'case-a',
      requestId: 'req-1',
      message: "Voici ma carte d'identité.",
      documents: [idCard],
      providedAt: h.clock,
      pausedMs: 2 * DAY,
    },
  });
  h.wait(HOUR);
  h.add(
    'case-case-a',
    { ...claire, channel: 'phone' },
    {
      type: 'PhoneCallLogged',
      data: {
        caseId: 'case-a',
        direction: 'inbound',
        durationSeconds: 300,
        summary: 'La requérante demande un envoi rapide avant son mariage',
      },
    },
  );
  h.wait(5 * 60_000);
  h.add('case-case-a', claire, {
    type: 'InternalNoteWritten',
    data: {
      caseId: 'case-a',
      noteId: 'note-1',
      text: 'Pièce vérifiée. Attention : homonyme au registre, vérifier la filiation.',
    },
  });
  h.wait(3 * HOUR);
  h.add('case-case-a', claire, {
    type: 'WorkflowTransitioned',
    data: { caseId: 'case-a', transitionId: 'prendre', from: 'recue', to: 'instruction', message: null },
  });
  h.add(
    'case-case-c',
    { ...paul, channel: 'letter' },
    {
      type: 'LetterLogged',
      data: {
        caseId: 'case-c',
        direction: 'outbound',
        summary: 'Courrier de confirmation de numérotation envoyé',
        documents: [],
      },
    },
  );
  h.add(
    'case-case-c',
    { ...paul, channel: 'counter' },
    {
      type: 'CounterVisitLogged',
      data: { caseId: 'case-c', summary: 'M. Dupont a déposé un justificatif de domicile' },
    },
  );
  h.add('case-case-c', paul, { type: 'CaseAcknowledged', data: { caseId: 'case-c' } });

  at.aReassigned = h.wait(DAY - 5 * HOUR);
  h.add('case-case-a', marc, {
    type: 'CaseAssigned',
    data: { caseId: 'case-a', assignee: 'ag-marc', previousAssignee: 'ag-claire' },
  });
  at.aDecided = h.wait(HOUR);
  h.add('case-case-a', marc, {
    type: 'CaseDecided',
    data: { caseId: 'case-a', outcome: 'accepted', reason: 'Acte délivré et envoyé par courrier' },
  });
  at.aClosed = h.wait(60_000);
  h.add('case-case-a', marc, { type: 'CaseClosed', data: { caseId: 'case-a', reason: 'Acte envoyé' } });
  // Case E: Jean at the counter; the town does not hold the record.
  h.wait(HOUR);
  h.add(
    'case-case-e',
    { ...claire, channel: 'counter' },
    submitted({
      caseId: 'case-e',
      reference: 'S-2026-00005',
      procedureId: 'proc-acte',
      serviceId: ETAT_CIVIL,
      citizenId: 'cit-jean',
      contact: { firstName: 'Jean', lastName: 'Dupont' },
      data: { description: 'Acte de décès de mon grand-père' },
      at: h.clock,
      deadlineDays: 10,
      channel: 'counter',
      submittedBy: 'agent',
    }),
  );
  h.add(
    'case-case-e',
    claire,
    {
      type: 'CaseDecided',
      data: { caseId: 'case-e', outcome: 'rejected', reason: "L'acte n'est pas détenu par la commune" },
    },
    { type: 'CaseClosed', data: { caseId: 'case-e', reason: 'Orientation vers la commune de naissance' } },
  );

  at.aRated = h.wait(DAY);
  h.add('case-case-a', lea, {
    type: 'CaseRated',
    data: { caseId: 'case-a', score: 5, comment: 'Très rapide, merci !' },
  });
  h.add(
    'procedure-proc-voirie',
    marc,
    {
      type: 'ProcedureDraftUpdated',
      data: {
        procedureId: 'proc-voirie',
        definition: definition('Signaler un problème sur la voie publique', VOIRIE, 'anonymous', 5),
      },
    },
    {
      type: 'ProcedureVersionPublished',
      data: {
        procedureId: 'proc-voirie',
        version: 2,
        definition: definition('Signaler un problème sur la voie publique', VOIRIE, 'anonymous', 5),
      },
    },
  );
  h.add('agent-ag-marc', system, {
    type: 'AgentRoleRevoked',
    data: { agentId: 'ag-marc', serviceId: VOIRIE, role: 'designer' },
  });
  h.add('agent-ag-paul', system, { type: 'AgentDeactivated', data: { agentId: 'ag-paul', reason: 'Mutation' } });
  h.add('citizen-cit-lea', lea, {
    type: 'CitizenProfileUpdated',
    data: {
      citizenId: 'cit-lea',
      profile: { firstName: 'Léa', lastName: 'Moreau-Lefèvre', email: 'lea.moreau@example.fr', phone: '0611223344' },
    },
  });

  at.aReopened = h.wait(2 * DAY);
  h.add(
    'case-case-a',
    { ...marc, channel: 'phone' },
    { type: 'CaseReopened', data: { caseId: 'case-a', reason: "Erreur sur le prénom dans l'acte" } },
  );
  h.wait(10 * 60_000);
  h.add('case-case-a', marc, {
    type: 'MessageSent',
    data: {
      caseId: 'case-a',
      messageId: 'msg-2',
      from: 'agent',
      text: "Nous corrigeons l'acte et vous le renvoyons.",
      documents: [],
    },
  });

  return { history: h, at, now: '2026-03-20T12:00:00.000Z' };
}
