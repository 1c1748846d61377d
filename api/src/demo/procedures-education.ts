import type { ProcedureDefinition } from '@guichet/domain';
import { MB, SCAN_TYPES, options, state, transition } from './kit.ts';

export const SCHOOLS = options(
  ['jean-jaures', 'École élémentaire Jean-Jaurès'],
  ['pasteur', 'École élémentaire Pasteur'],
  ['coquelicots', 'École maternelle Les Coquelicots'],
  ['louise-michel', 'Groupe scolaire Louise-Michel'],
);

export const CLASSES = options(
  ['ps', 'Petite section'],
  ['ms', 'Moyenne section'],
  ['gs', 'Grande section'],
  ['cp', 'CP'],
  ['ce1', 'CE1'],
  ['ce2', 'CE2'],
  ['cm1', 'CM1'],
  ['cm2', 'CM2'],
);

export const CANTINE: ProcedureDefinition = {
  title: 'Inscription à la cantine scolaire',
  description:
    "Inscrivez votre enfant à la restauration scolaire pour l'année en cours. Les repas sont facturés chaque mois selon votre quotient familial.",
  theme: 'ecole-periscolaire',
  serviceId: 'education',
  deadlineDays: 15,
  access: 'account',
  documentsToProvide: [
    'Attestation d’assurance scolaire',
    'Attestation de quotient familial de la CAF (facultative : à défaut, le tarif maximal s’applique)',
    'Projet d’accueil individualisé (PAI) signé, le cas échéant',
  ],
  fields: [
    { name: 'responsable', type: 'section', label: 'Responsable légal' },
    { name: 'nomResponsable', type: 'text', label: 'Nom', required: true, prefill: 'lastName' },
    { name: 'prenomResponsable', type: 'text', label: 'Prénom', required: true, prefill: 'firstName' },
    { name: 'telephone', type: 'phone', label: 'Téléphone', required: true, prefill: 'phone' },
    { name: 'adresse', type: 'address', label: 'Adresse', required: true, prefill: 'address' },
    { name: 'enfant', type: 'section', label: "L'enfant" },
    { name: 'nomEnfant', type: 'text', label: "Nom de l'enfant", required: true, rules: { maxLength: 100 } },
    { name: 'prenomEnfant', type: 'text', label: "Prénom de l'enfant", required: true, rules: { maxLength: 100 } },
    { name: 'dateNaissanceEnfant', type: 'date', label: 'Date de naissance', required: true },
    { name: 'ecole', type: 'select', label: 'École', required: true, options: SCHOOLS },
    { name: 'classe', type: 'select', label: 'Classe', required: true, options: CLASSES },
    {
      name: 'jours',
      type: 'checkboxes',
      label: 'Jours de restauration',
      help: "Pas de restauration scolaire le mercredi : l'accueil de loisirs a sa propre inscription.",
      required: true,
      options: options(['lundi', 'Lundi'], ['mardi', 'Mardi'], ['jeudi', 'Jeudi'], ['vendredi', 'Vendredi']),
    },
    { name: 'dateDebut', type: 'date', label: 'Première date de repas souhaitée', required: true },
    {
      name: 'regime',
      type: 'select',
      label: 'Menu',
      required: true,
      options: options(
        ['standard', 'Menu standard'],
        ['sans-porc', 'Menu sans porc'],
        ['sans-viande', 'Menu sans viande'],
      ),
    },
    {
      name: 'allergies',
      type: 'radio',
      label: 'Votre enfant a-t-il une allergie ou une intolérance alimentaire ?',
      required: true,
      options: options(['non', 'Non'], ['oui', 'Oui']),
    },
    {
      name: 'detailsPai',
      type: 'textarea',
      label: 'Allergies et projet d’accueil individualisé (PAI)',
      help: 'Indiquez les aliments en cause et si un PAI a été signé avec le médecin scolaire.',
      required: true,
      showIf: { field: 'allergies', equals: 'oui' },
      rules: { maxLength: 2000 },
    },
    {
      name: 'pai',
      type: 'file',
      label: 'PAI signé',
      showIf: { field: 'allergies', equals: 'oui' },
      rules: { maxSize: 5 * MB, accept: SCAN_TYPES },
    },
    {
      name: 'assurance',
      type: 'file',
      label: 'Attestation d’assurance scolaire',
      required: true,
      rules: { maxSize: 5 * MB, accept: SCAN_TYPES },
    },
  ],
  workflow: {
    initial: 'deposee',
    states: [
      state('deposee', 'Déposée', 'Demande reçue'),
      state('en-verification', 'En vérification', 'En cours de vérification'),
      state('dossier-incomplet', 'Dossier incomplet', 'Dossier à compléter', { pausesDeadline: true }),
      state('inscrit', 'Inscription validée', 'Inscription validée', { final: true }),
      state('refusee', 'Refusée', 'Inscription refusée', { final: true }),
    ],
    transitions: [
      transition('verifier', 'Vérifier le dossier', 'deposee', 'en-verification'),
      transition(
        'signaler-incomplet',
        'Dossier incomplet',
        'en-verification',
        'dossier-incomplet',
        'Votre dossier est incomplet. Merci de nous transmettre les éléments demandés depuis votre espace.',
      ),
      transition('complements-recus', 'Compléments reçus', 'dossier-incomplet', 'en-verification'),
      transition(
        'valider',
        "Valider l'inscription",
        'en-verification',
        'inscrit',
        "L'inscription de votre enfant à la cantine est validée à compter de la date demandée.",
      ),
      transition(
        'refuser',
        "Refuser l'inscription",
        'en-verification',
        'refusee',
        "L'inscription ne peut pas être validée ; le motif vous est indiqué ci-dessous.",
      ),
    ],
  },
};

export const QUESTION_FACTURE: ProcedureDefinition = {
  title: 'Question sur une facture',
  description:
    'Une question ou une contestation sur une facture de cantine ou de périscolaire ? Le service éducation vous répond et, si besoin, rectifie la facture.',
  theme: 'paiements',
  serviceId: 'education',
  deadlineDays: 15,
  access: 'account',
  documentsToProvide: ['La facture concernée (facultatif)'],
  fields: [
    {
      name: 'numeroFacture',
      type: 'text',
      label: 'Numéro de facture',
      help: 'Il figure en haut à droite de votre facture, par exemple FAC-2026-004512.',
      required: true,
      rules: {
        pattern: 'FAC-\\d{4}-\\d{6}',
        patternMessage: 'Saisissez le numéro tel qu’il figure sur la facture, au format FAC-2026-004512.',
      },
    },
    {
      name: 'montant',
      type: 'number',
      label: 'Montant de la facture (€)',
      required: true,
      rules: { min: 0, max: 10000 },
    },
    {
      name: 'objet',
      type: 'select',
      label: 'Objet',
      required: true,
      options: options(
        ['repas-factures', 'Repas facturés alors que mon enfant était absent'],
        ['tarif', 'Tarif appliqué (quotient familial)'],
        ['paiement', 'Paiement non pris en compte'],
        ['autre', 'Autre question'],
      ),
    },
    {
      name: 'question',
      type: 'textarea',
      label: 'Votre question',
      required: true,
      rules: { minLength: 10, maxLength: 3000 },
    },
    { name: 'facture', type: 'file', label: 'Copie de la facture', rules: { maxSize: 5 * MB, accept: SCAN_TYPES } },
    { name: 'courriel', type: 'email', label: 'Adresse électronique', required: true, prefill: 'email' },
  ],
  workflow: {
    initial: 'recue',
    states: [
      state('recue', 'Reçue', 'Question reçue'),
      state('en-analyse', 'En analyse', 'En cours d’analyse'),
      state('repondue', 'Réponse apportée', 'Réponse apportée', { final: true }),
      state('facture-rectifiee', 'Facture rectifiée', 'Facture rectifiée', { final: true }),
    ],
    transitions: [
      transition('analyser', 'Analyser la facture', 'recue', 'en-analyse'),
      transition('repondre', 'Répondre', 'en-analyse', 'repondue', 'Le service éducation a répondu à votre question.'),
      transition(
        'rectifier',
        'Rectifier la facture',
        'en-analyse',
        'facture-rectifiee',
        'Votre facture a été rectifiée. Un avoir apparaîtra sur votre prochaine facture.',
      ),
      transition('reopen', 'Rouvrir la question', 'repondue', 'en-analyse'),
    ],
  },
};
