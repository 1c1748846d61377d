import { forbidUnless, hasRoleOn } from '../access.ts';
import { DAY_MS, checkId, instant, isoPlus, throwIfInvalid } from '../checks.ts';
import { CHANNELS, IllegalStateError, assertNever, type CommandMeta, type FieldError } from '../common.ts';
import { validateDocuments } from '../documents.ts';
import { normaliseFormData, validateFormData } from '../procedure/form.ts';
import { normaliseProfile, validateProfile } from '../profile.ts';
import type { CaseCommand } from './commands.ts';
import type { CaseSubmitted } from './events.ts';
import type { CaseState } from './state.ts';

type SubmitCase = Extract<CaseCommand, { type: 'SubmitCase' }>;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Who may file a request, and for whom:
 * - a citizen, for themselves, on the web;
 * - anyone without an account, on the web, when the procedure allows it, with a tracking code;
 * - an agent of the procedure's service, on behalf of a resident (account id or contact details), by any channel;
 * - the system (seeding, imports), like an agent of any service.
 */
export function decideSubmission(command: SubmitCase, state: CaseState, meta: CommandMeta): CaseSubmitted[] {
  if (state.exists) throw new IllegalStateError('Ce dossier existe déjà.');
  const d = command.data;
  const { definition } = d.procedure;
  if (d.procedure.retired) throw new IllegalStateError("Cette démarche n'est plus proposée.");
  const actor = meta.actor;
  const errors: FieldError[] = [];
  const webOnly = () => {
    if (d.channel !== 'web')
      errors.push({ field: 'channel', message: 'Une demande déposée en ligne arrive par le canal web.' });
  };
  let submittedBy: CaseSubmitted['data']['submittedBy'];
  let citizenId = d.citizenId;
  switch (actor.kind) {
    case 'anonymous':
      forbidUnless(definition.access === 'anonymous', 'Cette démarche nécessite de vous identifier.');
      forbidUnless(d.citizenId === null, 'Une demande sans compte ne peut pas être rattachée à un compte.');
      if (d.trackingCodeHash === null || !SHA256_HEX.test(d.trackingCodeHash)) {
        errors.push({ field: 'trackingCodeHash', message: 'Code de suivi manquant.' });
      }
      webOnly();
      if (d.contact) errors.push(...validateProfile(d.contact, 'contact', { names: 'none' }));
      submittedBy = 'anonymous';
      break;
    case 'citizen':
      forbidUnless(
        d.citizenId === null || d.citizenId === actor.id,
        'Vous ne pouvez déposer une demande que pour vous-même.',
      );
      citizenId = actor.id;
      webOnly();
      if (d.contact) errors.push(...validateProfile(d.contact, 'contact', { names: 'none' }));
      submittedBy = 'citizen';
      break;
    case 'agent':
    case 'system':
      forbidUnless(
        actor.kind === 'system' || hasRoleOn(actor, definition.serviceId),
        'Vous ne faites pas partie du service qui traite cette démarche.',
      );
      if (!CHANNELS.includes(d.channel)) errors.push({ field: 'channel', message: 'Canal inconnu.' });
      if (citizenId !== null) errors.push(...checkId(citizenId, 'citizenId'));
      if (d.contact) {
        errors.push(...validateProfile(d.contact, 'contact', { names: 'lastName', reachable: citizenId === null }));
      } else if (citizenId === null) {
        errors.push({ field: 'contact', message: "Indiquez l'usager : son compte ou ses coordonnées." });
      }
      submittedBy = 'agent';
      break;
    default:
      return assertNever(actor);
  }
  errors.push(
    ...checkId(d.caseId, 'caseId'),
    ...checkId(d.reference, 'reference'),
    ...validateFormData(definition, d.data),
    ...validateDocuments(d.documents, 'documents'),
  );
  throwIfInvalid(errors);

  const submittedAt = new Date(instant(meta.now)).toISOString();
  const initial = definition.workflow.states.find((s) => s.id === definition.workflow.initial);
  const pausesInitially = initial?.pausesDeadline === true;
  return [
    {
      type: 'CaseSubmitted',
      data: {
        caseId: d.caseId,
        tenant: meta.tenant,
        reference: d.reference,
        procedureId: d.procedure.procedureId,
        procedureVersion: d.procedure.version,
        serviceId: definition.serviceId,
        channel: d.channel,
        submittedBy,
        citizenId,
        contact: d.contact ? normaliseProfile(d.contact) : null,
        trackingCodeHash: d.trackingCodeHash,
        data: normaliseFormData(definition, d.data),
        documents: d.documents,
        workflowState: definition.workflow.initial,
        submittedAt,
        dueAt: isoPlus(submittedAt, definition.deadlineDays * DAY_MS),
        ...(pausesInitially ? { pausesDeadline: true } : {}),
      },
    },
  ];
}
