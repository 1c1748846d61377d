import { createHash } from 'node:crypto';
import type { DocumentRef } from '../../../domain/src/case/events.ts';
import type { ProcedureDefinition } from '../../../domain/src/procedure/events.ts';
import { DAY, HOUR, History } from './history.ts';
import { submitted } from './submissions.ts';

const ETAT_CIVIL = 'svc-etat-civil';
const VOIRIE = 'svc-voirie';
const system = { actor: 'system', channel: 'system' as const };
const lea = { actor: 'cit-lea', actorRole: 'citizen' };
const claire = { actor: 'ag-claire', actorRole: 'agent' };
const marc = { actor: 'ag-marc', actorRole: 'manager' };
const paul = { actor: 'ag-paul', actorRole: 'agent' };

const definition = (title: string, serviceId: string, access: 'account' | 'anonymous', deadlineDays: number): ProcedureDefinition => ({
  title,
  description: `${title} auprès de la mairie.`,
  theme: serviceId === VOIRIE ? 'Voirie' : 'État civil',
  serviceId,
  deadlineDays,
  access,
  documentsToProvide: [],
  fields: [{ name: 'description', type: 'textarea', label: 'Description' }],
  workflow: {
    initial: 'recue',
    states: [
      { id: 'recue', label: 'Reçue', publicLabel: 'Demande reçue' },
      { id: 'instruction', label: 'En instruction', publicLabel: 'En cours de traitement' },
      { id: 'terminee', label: 'Terminée', publicLabel: 'Terminée', final: true },
    ],
    transitions: [{ id: 'prendre', label: 'Prendre en charge', from: 'recue', to: 'instruction' }],
  },
});

export const idCard: DocumentRef = { documentId: 'doc-id', fileName: 'carte-identite.pdf', mediaType: 'application/pdf', size: 120_000, sha256: 'a'.repeat(64) };
export const TRACKING_CODE = 'K7QP-4M2X';

/**
 * A fortnight at the town hall of Saint-Exemple: five requests by web, phone and counter, with
 * every kind of exchange. `at` holds the instants tests look back at; `now` is after the story.
 */
export function townHallFortnight() {
  const h = new History('2026-03-02T08:00:00.000Z');
  const at: Record<string, string> = {};
  h.add('tenant-ville-s', system, { type: 'TenantCreated', data: { tenant: 'ville-s', name: 'Ville de Saint-Exemple' } })
    .add(`service-${ETAT_CIVIL}`, system, { type: 'ServiceCreated', data: { serviceId: ETAT_CIVIL, tenant: 'ville-s', name: 'Service état civil' } })
    .add(`service-${VOIRIE}`, system, { type: 'ServiceCreated', data: { serviceId: VOIRIE, tenant: 'ville-s', name: 'Service voirie' } })
    .add('agent-ag-claire', system,
      { type: 'AgentAccountCreated', data: { agentId: 'ag-claire', tenant: 'ville-s', email: 'Claire.Martin@ville-s.fr', name: 'Claire Martin', passwordHash: 'hash-claire' } },
      { type: 'AgentRoleGranted', data: { agentId: 'ag-claire', serviceId: ETAT_CIVIL, role: 'agent' } },
      { type: 'AgentRoleGranted', data: { agentId: 'ag-claire', serviceId: VOIRIE, role: 'agent' } })
    .add('agent-ag-marc', system,
      { type: 'AgentAccountCreated', data: { agentId: 'ag-marc', tenant: 'ville-s', email: 'marc.petit@ville-s.fr', name: 'Marc Petit', passwordHash: 'hash-marc' } },
      { type: 'AgentRoleGranted', data: { agentId: 'ag-marc', serviceId: ETAT_CIVIL, role: 'agent' } },
      { type: 'AgentRoleGranted', data: { agentId: 'ag-marc', serviceId: ETAT_CIVIL, role: 'manager' } },
      { type: 'AgentRoleGranted', data: { agentId: 'ag-marc', serviceId: VOIRIE, role: 'designer' } })
    .add('agent-ag-paul', system,
      { type: 'AgentAccountCreated', data: { agentId: 'ag-paul', tenant: 'ville-s', email: 'paul.durand@ville-s.fr', name: 'Paul Durand', passwordHash: 'hash-paul' } },
      { type: 'AgentRoleGranted', data: { agentId: 'ag-paul', serviceId: VOIRIE, role: 'agent' } })
    .add('citizen-cit-lea', lea, {
      type: 'CitizenRegistered',
      data: {
        citizenId: 'cit-lea', tenant: 'ville-s', email: 'Lea.Moreau@Example.fr', passwordHash: 'hash-lea',
        profile: { firstName: 'Léa', lastName: 'Moreau', email: 'lea.moreau@example.fr', phone: '0601020304' },
      },
    })
    .add('citizen-cit-jean', { ...claire, channel: 'phone' }, {
      type: 'CitizenContactCreated',
      data: { citizenId: 'cit-jean', tenant: 'ville-s', createdBy: 'ag-claire', profile: { firstName: 'Jean', lastName: 'Dupont', phone: '0320000000' } },
    })
    .add('procedure-proc-acte', marc,
      { type: 'ProcedureDefined', data: { procedureId: 'proc-acte', tenant: 'ville-s', slug: 'acte-de-naissance', definition: definition("Demande d'acte de naissance", ETAT_CIVIL, 'account', 10) } },
      { type: 'ProcedureVersionPublished', data: { procedureId: 'proc-acte', version: 1, definition: definition("Demande d'acte de naissance", ETAT_CIVIL, 'account', 10) } })
    .add('procedure-proc-voirie', marc,
      { type: 'ProcedureDefined', data: { procedureId: 'proc-voirie', tenant: 'ville-s', slug: 'signalement-voirie', definition: definition('Signaler un problème de voirie', VOIRIE, 'anonymous', 5) } },
      { type: 'ProcedureVersionPublished', data: { procedureId: 'proc-voirie', version: 1, definition: definition('Signaler un problème de voirie', VOIRIE, 'anonymous', 5) } })
    .add('procedure-proc-recensement', marc,
      { type: 'ProcedureDefined', data: { procedureId: 'proc-recensement', tenant: 'ville-s', slug: 'recensement-citoyen', definition: definition('Recensement citoyen', ETAT_CIVIL, 'account', 30) } },
      { type: 'ProcedureVersionPublished', data: { procedureId: 'proc-recensement', version: 1, definition: definition('Recensement citoyen', ETAT_CIVIL, 'account', 30) } },
      { type: 'ProcedureRetired', data: { procedureId: 'proc-recensement', reason: 'Démarche désormais nationale' } });

  // Case A: Léa's birth certificate, the whole life of a request.
  at.aSubmitted = h.wait(HOUR);
  h.add('case-case-a', lea, submitted({ caseId: 'case-a', reference: 'S-2026-00001', procedureId: 'proc-acte', serviceId: ETAT_CIVIL, citizenId: 'cit-lea', contact: { firstName: 'Léa', lastName: 'Moreau', email: 'lea.moreau@example.fr' }, data: { description: 'Copie intégrale pour mon mariage', lieu: 'Saint-Exemple' }, at: h.clock, deadlineDays: 10 }));
  h.wait(HOUR / 2);
  h.add('case-case-a', system, { type: 'CaseAcknowledged', data: { caseId: 'case-a' } });
  at.aAssignedToClaire = h.wait(HOUR / 2);
  h.add('case-case-a', marc, { type: 'CaseAssigned', data: { caseId: 'case-a', assignee: 'ag-claire', previousAssignee: null } });

  // Case B: Léa reports a pothole; nobody takes it (it becomes overdue).
  h.wait(2 * HOUR);
  h.add('case-case-b', lea, submitted({ caseId: 'case-b', reference: 'S-2026-00002', procedureId: 'proc-voirie', serviceId: VOIRIE, citizenId: 'cit-lea', contact: { firstName: 'Léa', lastName: 'Moreau' }, data: { description: 'Nids-de-poule sur la chaussée devant le numéro 12', adresse: '12 rue des Lilas' }, at: h.clock, deadlineDays: 5 }));

  at.aInfoRequested = h.wait(DAY - 2 * HOUR);
  h.add('case-case-a', claire, { type: 'InformationRequested', data: { caseId: 'case-a', requestId: 'req-1', message: "Merci de joindre une copie de votre pièce d'identité.", requestedAt: h.clock } });
  h.wait(5 * HOUR);
  // Case C: Jean calls; Claire records it, then sends it to the roads department.
  h.add('case-case-c', { ...claire, channel: 'phone' }, submitted({ caseId: 'case-c', reference: 'S-2026-00003', procedureId: 'proc-acte', serviceId: ETAT_CIVIL, citizenId: 'cit-jean', contact: { firstName: 'Jean', lastName: 'Dupont', phone: '0320000000' }, data: { description: 'Certificat de numérotation pour la rue des Acacias' }, at: h.clock, deadlineDays: 10, channel: 'phone', submittedBy: 'agent' }));
  h.add('case-case-c', claire, { type: 'CaseAssigned', data: { caseId: 'case-c', assignee: 'ag-claire', previousAssignee: null } });
  h.wait(3 * HOUR);
  h.add('case-case-a', lea, { type: 'MessageSent', data: { caseId: 'case-a', messageId: 'msg-1', from: 'citizen', text: "Je l'envoie demain matin.", documents: [] } });

  // Case D: an anonymous pothole report, waiting for the reporter's answer.
  h.wait(15 * HOUR);
  h.add('case-case-d', { actor: 'anonymous' }, submitted({ caseId: 'case-d', reference: 'S-2026-00004', procedureId: 'proc-voirie', serviceId: VOIRIE, citizenId: null, contact: null, trackingCodeHash: createHash('sha256').update(TRACKING_CODE).digest('hex'), data: { description: 'Lampadaire tombé sur le trottoir' }, at: h.clock, deadlineDays: 5, submittedBy: 'anonymous' }));
  h.wait(HOUR);
  h.add('case-case-d', paul, { type: 'InformationRequested', data: { caseId: 'case-d', requestId: 'req-d', message: "Pouvez-vous préciser l'emplacement exact ?", requestedAt: h.clock } });
  h.add('case-case-c', claire, { type: 'CaseTransferred', data: { caseId: 'case-c', fromServiceId: ETAT_CIVIL, toServiceId: VOIRIE, reason: 'Relève de la voirie (numérotation)' } });

  at.aInfoProvided = h.wait(DAY - HOUR);
  h.add('case-case-a', lea, { type: 'InformationProvided', data: { caseId: 'case-a', requestId: 'req-1', message: "Voici ma carte d'identité.", documents: [idCard], providedAt: h.clock, pausedMs: 2 * DAY } });
  h.wait(HOUR);
  h.add('case-case-a', { ...claire, channel: 'phone' }, { type: 'PhoneCallLogged', data: { caseId: 'case-a', direction: 'inbound', durationSeconds: 300, summary: 'La requérante demande un envoi rapide avant son mariage' } });
  h.wait(5 * 60_000);
  h.add('case-case-a', claire, { type: 'InternalNoteWritten', data: { caseId: 'case-a', noteId: 'note-1', text: 'Pièce vérifiée. Attention : homonyme au registre, vérifier la filiation.' } });
  h.wait(3 * HOUR);
  h.add('case-case-a', claire, { type: 'WorkflowTransitioned', data: { caseId: 'case-a', transitionId: 'prendre', from: 'recue', to: 'instruction', message: null } });
  h.add('case-case-c', { ...paul, channel: 'letter' }, { type: 'LetterLogged', data: { caseId: 'case-c', direction: 'outbound', summary: 'Courrier de confirmation de numérotation envoyé', documents: [] } });
  h.add('case-case-c', { ...paul, channel: 'counter' }, { type: 'CounterVisitLogged', data: { caseId: 'case-c', summary: 'M. Dupont a déposé un justificatif de domicile' } });
  h.add('case-case-c', paul, { type: 'CaseAcknowledged', data: { caseId: 'case-c' } });

  at.aReassigned = h.wait(DAY - 5 * HOUR);
  h.add('case-case-a', marc, { type: 'CaseAssigned', data: { caseId: 'case-a', assignee: 'ag-marc', previousAssignee: 'ag-claire' } });
  at.aDecided = h.wait(HOUR);
  h.add('case-case-a', marc, { type: 'CaseDecided', data: { caseId: 'case-a', outcome: 'accepted', reason: 'Acte délivré et envoyé par courrier' } });
  at.aClosed = h.wait(60_000);
  h.add('case-case-a', marc, { type: 'CaseClosed', data: { caseId: 'case-a', reason: 'Acte envoyé' } });
  // Case E: Jean at the counter; the town does not hold the record.
  h.wait(HOUR);
  h.add('case-case-e', { ...claire, channel: 'counter' }, submitted({ caseId: 'case-e', reference: 'S-2026-00005', procedureId: 'proc-acte', serviceId: ETAT_CIVIL, citizenId: 'cit-jean', contact: { firstName: 'Jean', lastName: 'Dupont' }, data: { description: 'Acte de décès de mon grand-père' }, at: h.clock, deadlineDays: 10, channel: 'counter', submittedBy: 'agent' }));
  h.add('case-case-e', claire, { type: 'CaseDecided', data: { caseId: 'case-e', outcome: 'rejected', reason: "L'acte n'est pas détenu par la commune" } }, { type: 'CaseClosed', data: { caseId: 'case-e', reason: 'Orientation vers la commune de naissance' } });

  at.aRated = h.wait(DAY);
  h.add('case-case-a', lea, { type: 'CaseRated', data: { caseId: 'case-a', score: 5, comment: 'Très rapide, merci !' } });
  h.add('procedure-proc-voirie', marc,
    { type: 'ProcedureDraftUpdated', data: { procedureId: 'proc-voirie', definition: definition('Signaler un problème sur la voie publique', VOIRIE, 'anonymous', 5) } },
    { type: 'ProcedureVersionPublished', data: { procedureId: 'proc-voirie', version: 2, definition: definition('Signaler un problème sur la voie publique', VOIRIE, 'anonymous', 5) } });
  h.add('agent-ag-marc', system, { type: 'AgentRoleRevoked', data: { agentId: 'ag-marc', serviceId: VOIRIE, role: 'designer' } });
  h.add('agent-ag-paul', system, { type: 'AgentDeactivated', data: { agentId: 'ag-paul', reason: 'Mutation' } });
  h.add('citizen-cit-lea', lea, { type: 'CitizenProfileUpdated', data: { citizenId: 'cit-lea', profile: { firstName: 'Léa', lastName: 'Moreau-Lefèvre', email: 'lea.moreau@example.fr', phone: '0611223344' } } });

  at.aReopened = h.wait(2 * DAY);
  h.add('case-case-a', { ...marc, channel: 'phone' }, { type: 'CaseReopened', data: { caseId: 'case-a', reason: "Erreur sur le prénom dans l'acte" } });
  h.wait(10 * 60_000);
  h.add('case-case-a', marc, { type: 'MessageSent', data: { caseId: 'case-a', messageId: 'msg-2', from: 'agent', text: "Nous corrigeons l'acte et vous le renvoyons.", documents: [] } });

  return { history: h, at, now: '2026-03-20T12:00:00.000Z' };
}
