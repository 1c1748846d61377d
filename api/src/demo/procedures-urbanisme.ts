import type { ProcedureDefinition } from '@guichet/domain';
import { MB, SCAN_TYPES, options, state, transition } from './kit.ts';

export const OCCUPATION_DOMAINE_PUBLIC: ProcedureDefinition = {
  title: "Demande d'occupation du domaine public",
  description:
    "Pour poser un échafaudage, une benne ou stationner un camion de déménagement sur la voie publique, demandez une autorisation au moins 15 jours à l'avance.",
  theme: 'urbanisme',
  serviceId: 'voirie',
  deadlineDays: 15,
  access: 'account',
  documentsToProvide: [
    "Plan de situation indiquant l'emprise",
    'Attestation d’assurance responsabilité civile (entreprises)',
  ],
  fields: [
    {
      name: 'demandeur',
      type: 'radio',
      label: 'Vous êtes',
      required: true,
      options: options(['particulier', 'Un particulier'], ['entreprise', 'Une entreprise']),
    },
    {
      name: 'raisonSociale',
      type: 'text',
      label: 'Raison sociale',
      required: true,
      showIf: { field: 'demandeur', equals: 'entreprise' },
    },
    {
      name: 'siret',
      type: 'text',
      label: 'Numéro SIRET',
      required: true,
      showIf: { field: 'demandeur', equals: 'entreprise' },
      rules: { pattern: '\\d{14}', patternMessage: 'Le numéro SIRET comporte 14 chiffres, sans espace.' },
    },
    {
      name: 'nature',
      type: 'select',
      label: "Nature de l'occupation",
      required: true,
      options: options(
        ['echafaudage', 'Échafaudage'],
        ['benne', 'Benne ou dépôt de matériaux'],
        ['demenagement', 'Stationnement pour un déménagement'],
        ['terrasse', 'Terrasse ou étalage'],
        ['autre', 'Autre'],
      ),
    },
    {
      name: 'adresseOccupation',
      type: 'address',
      label: "Adresse de l'occupation",
      required: true,
      prefill: 'address',
    },
    { name: 'dateDebut', type: 'date', label: 'Date de début', required: true },
    { name: 'dateFin', type: 'date', label: 'Date de fin', required: true },
    { name: 'surface', type: 'number', label: 'Surface occupée (m²)', required: true, rules: { min: 1, max: 500 } },
    {
      name: 'description',
      type: 'textarea',
      label: 'Description des travaux ou de l’occupation',
      required: true,
      rules: { maxLength: 2000 },
    },
    {
      name: 'plan',
      type: 'file',
      label: 'Plan de situation',
      required: true,
      rules: { maxSize: 10 * MB, accept: SCAN_TYPES },
    },
    { name: 'telephone', type: 'phone', label: 'Téléphone', required: true, prefill: 'phone' },
  ],
  workflow: {
    initial: 'deposee',
    states: [
      state('deposee', 'Déposée', 'Demande reçue'),
      state('en-instruction', 'En instruction', 'En cours d’instruction'),
      state('avis-police', 'Avis de la police municipale', undefined),
      state('autorisee', 'Arrêté délivré', 'Autorisation accordée', { final: true }),
      state('refusee', 'Refusée', 'Autorisation refusée', { final: true }),
    ],
    transitions: [
      transition('instruire', 'Instruire', 'deposee', 'en-instruction'),
      transition('demander-avis', "Demander l'avis de la police municipale", 'en-instruction', 'avis-police'),
      transition('avis-recu', 'Avis reçu', 'avis-police', 'en-instruction'),
      transition(
        'autoriser',
        "Délivrer l'arrêté",
        'en-instruction',
        'autorisee',
        "L'arrêté d'autorisation est joint. Il doit être affiché sur place pendant toute la durée de l'occupation.",
      ),
      transition(
        'refuser',
        'Refuser',
        'en-instruction',
        'refusee',
        "L'occupation demandée ne peut pas être autorisée ; le motif vous est précisé.",
      ),
    ],
  },
};
