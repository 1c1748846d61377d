import type { ProcedureDefinition } from '@guichet/domain';
import { MB, options, state, transition } from './kit.ts';

export const SIGNALEMENT_VOIRIE: ProcedureDefinition = {
  title: 'Signalement sur la voirie',
  description:
    'Signalez un nid-de-poule, un lampadaire en panne ou un dépôt sauvage sur la voie publique. Vous pouvez le faire sans compte : un code de suivi vous est donné.',
  theme: 'voirie-cadre-de-vie',
  serviceId: 'voirie',
  deadlineDays: 15,
  access: 'anonymous',
  documentsToProvide: ['Une photo si possible'],
  retentionMonths: 24,
  fields: [
    {
      name: 'type',
      type: 'select',
      label: 'Type de problème',
      required: true,
      options: options(
        ['nid-de-poule', 'Nid-de-poule ou chaussée abîmée'],
        ['eclairage', 'Éclairage public'],
        ['depot-sauvage', 'Dépôt sauvage'],
        ['signalisation', 'Signalisation ou marquage au sol'],
        ['autre', 'Autre'],
      ),
    },
    {
      name: 'localisation',
      type: 'text',
      label: 'Localisation',
      help: 'Numéro et nom de la rue, ou un repère proche (arrêt de bus, commerce…).',
      required: true,
      rules: { minLength: 5, maxLength: 300 },
    },
    {
      name: 'description',
      type: 'textarea',
      label: 'Description',
      required: true,
      rules: { minLength: 10, maxLength: 2000 },
    },
    {
      name: 'photo',
      type: 'file',
      label: 'Photo',
      help: 'Image de 5 Mo au plus.',
      rules: { maxSize: 5 * MB, accept: ['image/*'] },
    },
    {
      name: 'courriel',
      type: 'email',
      label: 'Adresse électronique (facultative)',
      help: 'Pour être prévenu(e) quand le problème est traité.',
      prefill: 'email',
    },
  ],
  workflow: {
    initial: 'signale',
    states: [
      state('signale', 'Signalé', 'Signalement reçu'),
      state('intervention-programmee', 'Intervention programmée', 'Intervention programmée'),
      state('resolu', 'Résolu', 'Problème résolu', { final: true }),
      state('classe-sans-suite', 'Classé sans suite', 'Signalement clos sans intervention', { final: true }),
    ],
    transitions: [
      transition(
        'programmer',
        "Programmer l'intervention",
        'signale',
        'intervention-programmee',
        'Merci pour votre signalement. Une intervention des services techniques est programmée.',
      ),
      transition(
        'resoudre',
        'Marquer comme résolu',
        'intervention-programmee',
        'resolu',
        'Le problème que vous avez signalé a été traité. Merci de votre vigilance.',
      ),
      transition(
        'classer',
        'Classer sans suite',
        'signale',
        'classe-sans-suite',
        "Après vérification sur place, aucune intervention de la ville n'est nécessaire ou le lieu ne relève pas de la voirie communale.",
      ),
      transition('reopen', 'Rouvrir le signalement', 'resolu', 'intervention-programmee'),
    ],
  },
};

export const ENCOMBRANTS: ProcedureDefinition = {
  title: "Demande d'enlèvement d'encombrants",
  description:
    'Faites enlever gratuitement devant chez vous les objets trop volumineux pour la collecte habituelle, dans la limite de 3 m³ par passage.',
  theme: 'voirie-cadre-de-vie',
  serviceId: 'voirie',
  deadlineDays: 21,
  access: 'account',
  documentsToProvide: [],
  fields: [
    {
      name: 'objets',
      type: 'checkboxes',
      label: 'Objets à enlever',
      required: true,
      options: options(
        ['mobilier', 'Mobilier'],
        ['electromenager', 'Gros électroménager'],
        ['literie', 'Matelas ou sommier'],
        ['ferraille', 'Ferraille, vélos'],
        ['autre', 'Autre'],
      ),
    },
    { name: 'volume', type: 'number', label: 'Volume estimé (m³)', required: true, rules: { min: 0.5, max: 3 } },
    { name: 'description', type: 'textarea', label: 'Détail des objets', required: true, rules: { maxLength: 1000 } },
    { name: 'adresse', type: 'address', label: "Adresse d'enlèvement", required: true, prefill: 'address' },
    { name: 'telephone', type: 'phone', label: 'Téléphone', required: true, prefill: 'phone' },
    {
      name: 'aide',
      type: 'help',
      label: 'Sortez les objets la veille au soir du passage, sans gêner la circulation des piétons.',
    },
  ],
  workflow: {
    initial: 'demandee',
    states: [
      state('demandee', 'Demande reçue', 'Demande reçue'),
      state('collecte-planifiee', 'Collecte planifiée', 'Date de passage fixée'),
      state('collectee', 'Collecte effectuée', 'Objets enlevés', { final: true }),
      state('annulee', 'Annulée', 'Demande annulée', { final: true }),
    ],
    transitions: [
      transition(
        'planifier',
        'Planifier la collecte',
        'demandee',
        'collecte-planifiee',
        'La date de passage vous est indiquée ci-dessous.',
      ),
      transition(
        'collecter',
        'Collecte effectuée',
        'collecte-planifiee',
        'collectee',
        'Vos encombrants ont été enlevés.',
      ),
      transition('annuler', 'Annuler', 'demandee', 'annulee', 'Votre demande d’enlèvement est annulée.'),
    ],
  },
};
