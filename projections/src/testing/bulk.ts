import { DAY, HOUR, History } from './history.ts';
import { submitted } from './submissions.ts';

/**
 * A large, plausible log for speed measurements: `cases` requests of ten events each (submission,
 * acknowledgement, assignment, a request for information and its answer, messages, a call, a note,
 * a decision, a closure), interleaved across services as a busy town hall would write them.
 */
export function busyTownHall(cases: number): History {
  const h = new History('2026-01-05T08:00:00.000Z');
  const services = ['svc-etat-civil', 'svc-voirie', 'svc-scolaire'];
  services.forEach((serviceId, i) =>
    h.add(
      `service-${serviceId}`,
      { actor: 'system', channel: 'system' },
      { type: 'ServiceCreated', data: { serviceId, tenant: 'ville-s', name: `Service ${i}` } },
    ),
  );
  for (let i = 0; i < cases; i++) {
    const caseId = `bulk-${i}`;
    const stream = `case-${caseId}`;
    const serviceId = services[i % services.length] as string;
    const citizen = { actor: `cit-${i % 500}`, actorRole: 'citizen' };
    const agent = { actor: `ag-${i % 20}`, actorRole: 'agent' };
    h.wait(60_000);
    h.add(
      stream,
      citizen,
      submitted({
        caseId,
        reference: `S-2026-${String(i).padStart(6, '0')}`,
        procedureId: `proc-${i % 12}`,
        serviceId,
        citizenId: citizen.actor,
        contact: { firstName: 'Camille', lastName: `Habitant${i % 500}` },
        data: { description: `Demande numéro ${i} concernant la chaussée et les trottoirs`, quantite: i % 5 },
        at: h.clock,
        deadlineDays: 15,
      }),
    );
    h.add(stream, { actor: 'system', channel: 'system' }, { type: 'CaseAcknowledged', data: { caseId } });
    h.add(stream, agent, { type: 'CaseAssigned', data: { caseId, assignee: agent.actor, previousAssignee: null } });
    const requestedAt = h.clock;
    h.add(stream, agent, {
      type: 'InformationRequested',
      data: { caseId, requestId: `r-${i}`, message: 'Merci de préciser votre adresse.', requestedAt },
    });
    h.add(stream, citizen, {
      type: 'InformationProvided',
      data: {
        caseId,
        requestId: `r-${i}`,
        message: '3 rue des Écoles',
        documents: [],
        providedAt: h.clock,
        pausedMs: HOUR,
      },
    });
    h.add(stream, citizen, {
      type: 'MessageSent',
      data: { caseId, messageId: `m-${i}`, from: 'citizen', text: 'Merci de votre aide.', documents: [] },
    });
    h.add(
      stream,
      { ...agent, channel: 'phone' },
      {
        type: 'PhoneCallLogged',
        data: { caseId, direction: 'outbound', durationSeconds: 180, summary: 'Rappel pour confirmer' },
      },
    );
    h.add(stream, agent, { type: 'InternalNoteWritten', data: { caseId, noteId: `n-${i}`, text: 'Dossier complet.' } });
    h.add(stream, agent, {
      type: 'CaseDecided',
      data: { caseId, outcome: i % 7 === 0 ? 'rejected' : 'accepted', reason: 'Instruction terminée' },
    });
    h.add(stream, agent, { type: 'CaseClosed', data: { caseId, reason: 'Réponse envoyée' } });
  }
  h.wait(DAY);
  return h;
}
