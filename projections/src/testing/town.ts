import type { ProcedureDefinition } from '@guichet/domain';
import type { By, History } from './history.ts';

export const ETAT_CIVIL = 'svc-etat-civil';
export const VOIRIE = 'svc-voirie';
export const system: By = { actor: 'system', channel: 'system' };
export const lea: By = { actor: 'cit-lea', actorRole: 'citizen' };
export const claire: By = { actor: 'ag-claire', actorRole: 'agent' };
export const marc: By = { actor: 'ag-marc', actorRole: 'manager' };
export const paul: By = { actor: 'ag-paul', actorRole: 'agent' };

export const definition = (
  title: string,
  serviceId: string,
  access: 'account' | 'anonymous',
  deadlineDays: number,
): ProcedureDefinition => ({
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

/** The town of Saint-Exemple: its services, agents, two residents and three procedures (one retired). */
export function foundTown(h: History): void {
  h.add('tenant-ville-s', system, {
    type: 'TenantCreated',
    data: { tenant: 'ville-s', name: 'Ville de Saint-Exemple' },
  })
    .add(`service-${ETAT_CIVIL}`, system, {
      type: 'ServiceCreated',
      data: { serviceId: ETAT_CIVIL, tenant: 'ville-s', name: 'Service état civil' },
    })
    .add(`service-${VOIRIE}`, system, {
      type: 'ServiceCreated',
      data: { serviceId: VOIRIE, tenant: 'ville-s', name: 'Service voirie' },
    })
    .add(
      'agent-ag-claire',
      system,
      {
        type: 'AgentAccountCreated',
        data: {
          agentId: 'ag-claire',
          tenant: 'ville-s',
          email: 'Claire.Martin@ville-s.fr',
          name: 'Claire Martin',
          passwordHash: 'hash-claire',
        },
      },
      { type: 'AgentRoleGranted', data: { agentId: 'ag-claire', serviceId: ETAT_CIVIL, role: 'agent' } },
      { type: 'AgentRoleGranted', data: { agentId: 'ag-claire', serviceId: VOIRIE, role: 'agent' } },
    )
    .add(
      'agent-ag-marc',
      system,
      {
        type: 'AgentAccountCreated',
        data: {
          agentId: 'ag-marc',
          tenant: 'ville-s',
          email: 'marc.petit@ville-s.fr',
          name: 'Marc Petit',
          passwordHash: 'hash-marc',
        },
      },
      { type: 'AgentRoleGranted', data: { agentId: 'ag-marc', serviceId: ETAT_CIVIL, role: 'agent' } },
      { type: 'AgentRoleGranted', data: { agentId: 'ag-marc', serviceId: ETAT_CIVIL, role: 'manager' } },
      { type: 'AgentRoleGranted', data: { agentId: 'ag-marc', serviceId: VOIRIE, role: 'designer' } },
    )
    .add(
      'agent-ag-paul',
      system,
      {
        type: 'AgentAccountCreated',
        data: {
          agentId: 'ag-paul',
          tenant: 'ville-s',
          email: 'paul.durand@ville-s.fr',
          name: 'Paul Durand',
          passwordHash: 'hash-paul',
        },
      },
      { type: 'AgentRoleGranted', data: { agentId: 'ag-paul', serviceId: VOIRIE, role: 'agent' } },
    )
    .add('citizen-cit-lea', lea, {
      type: 'CitizenRegistered',
      data: {
        citizenId: 'cit-lea',
        tenant: 'ville-s',
        email: 'Lea.Moreau@Example.fr',
        passwordHash: 'hash-lea',
        profile: { firstName: 'Léa', lastName: 'Moreau', email: 'lea.moreau@example.fr', phone: '0601020304' },
      },
    })
    .add(
      'citizen-cit-jean',
      { ...claire, channel: 'phone' },
      {
        type: 'CitizenContactCreated',
        data: {
          citizenId: 'cit-jean',
          tenant: 'ville-s',
          createdBy: 'ag-claire',
          profile: { firstName: 'Jean', lastName: 'Dupont', phone: '0320000000' },
        },
      },
    )
    .add(
      'procedure-proc-acte',
      marc,
      {
        type: 'ProcedureDefined',
        data: {
          procedureId: 'proc-acte',
          tenant: 'ville-s',
          slug: 'acte-de-naissance',
          definition: definition("Demande d'acte de naissance", ETAT_CIVIL, 'account', 10),
        },
      },
      {
        type: 'ProcedureVersionPublished',
        data: {
          procedureId: 'proc-acte',
          version: 1,
          definition: definition("Demande d'acte de naissance", ETAT_CIVIL, 'account', 10),
        },
      },
    )
    .add(
      'procedure-proc-voirie',
      marc,
      {
        type: 'ProcedureDefined',
        data: {
          procedureId: 'proc-voirie',
          tenant: 'ville-s',
          slug: 'signalement-voirie',
          definition: definition('Signaler un problème de voirie', VOIRIE, 'anonymous', 5),
        },
      },
      {
        type: 'ProcedureVersionPublished',
        data: {
          procedureId: 'proc-voirie',
          version: 1,
          definition: definition('Signaler un problème de voirie', VOIRIE, 'anonymous', 5),
        },
      },
    )
    .add(
      'procedure-proc-recensement',
      marc,
      {
        type: 'ProcedureDefined',
        data: {
          procedureId: 'proc-recensement',
          tenant: 'ville-s',
          slug: 'recensement-citoyen',
          definition: definition('Recensement citoyen', ETAT_CIVIL, 'account', 30),
        },
      },
      {
        type: 'ProcedureVersionPublished',
        data: {
          procedureId: 'proc-recensement',
          version: 1,
          definition: definition('Recensement citoyen', ETAT_CIVIL, 'account', 30),
        },
      },
      { type: 'ProcedureRetired', data: { procedureId: 'proc-recensement', reason: 'Démarche désormais nationale' } },
    );
}
