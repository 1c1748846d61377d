import type { ProcedureDefinition } from '@guichet/domain';
import { MB, SCAN_TYPES, options, state, transition } from './kit.ts';

export const RENDEZ_VOUS_TITRE: ProcedureDefinition = {
  title: "Demande de rendez-vous pour un passeport ou une carte d'identité",
  description:
    "Demandez un rendez-vous au guichet des titres d'identité de l'hôtel de ville. Faites d'abord votre pré-demande en ligne sur le site de l'ANTS.",
  theme: 'rendez-vous',
  serviceId: 'etat-civil',
  deadlineDays: 7,
  access: 'account',
  documentsToProvide: [
    'Numéro de pré-demande ANTS',
    "Photo d'identité de moins de 6 mois",
    'Justificatif de domicile de moins d’un an',
    'Ancien titre, ou déclaration de perte ou de vol',
    'Timbre fiscal pour un passeport ou en cas de perte de la carte',
  ],
  fields: [
    {
      name: 'titre',
      type: 'radio',
      label: 'Titre demandé',
      required: true,
      options: options(['cni', "Carte nationale d'identité"], ['passeport', 'Passeport'], ['les-deux', 'Les deux']),
    },
    {
      name: 'motif',
      type: 'select',
      label: 'Motif',
      required: true,
      options: options(
        ['premiere-demande', 'Première demande'],
        ['renouvellement', 'Renouvellement'],
        ['perte-vol', 'Perte ou vol'],
        ['changement-etat-civil', "Changement d'état civil ou d'adresse"],
      ),
    },
    {
      name: 'nombrePersonnes',
      type: 'number',
      label: 'Nombre de personnes',
      help: 'Chaque personne, y compris un enfant mineur, doit être présente au rendez-vous.',
      required: true,
      rules: { min: 1, max: 5 },
    },
    {
      name: 'preDemande',
      type: 'text',
      label: 'Numéro de pré-demande ANTS',
      help: 'Dix caractères, lettres majuscules et chiffres, indiqués sur votre récapitulatif de pré-demande.',
      required: true,
      rules: {
        pattern: '[A-Z0-9]{10}',
        patternMessage: 'Le numéro de pré-demande comporte 10 lettres majuscules ou chiffres, sans espace.',
      },
    },
    {
      name: 'creneaux',
      type: 'checkboxes',
      label: 'Créneaux qui vous conviennent',
      required: true,
      options: options(
        ['matin', 'En semaine, le matin'],
        ['apres-midi', "En semaine, l'après-midi"],
        ['samedi', 'Le samedi matin'],
      ),
    },
    {
      name: 'dateSouhaitee',
      type: 'date',
      label: 'À partir du',
      help: 'Laissez vide si vous êtes disponible dès que possible.',
    },
    { name: 'telephone', type: 'phone', label: 'Téléphone', required: true, prefill: 'phone' },
    { name: 'commentaire', type: 'textarea', label: 'Précisions', rules: { maxLength: 1000 } },
  ],
  workflow: {
    initial: 'demandee',
    states: [
      state('demandee', 'Demande reçue', 'Demande reçue'),
      state('creneau-propose', 'Créneau proposé', 'Créneau proposé : confirmez-le', { pausesDeadline: true }),
      state('confirme', 'Rendez-vous confirmé', 'Rendez-vous confirmé', { final: true }),
      state('annule', 'Annulé', 'Demande annulée', { final: true }),
    ],
    transitions: [
      transition(
        'proposer-creneau',
        'Proposer un créneau',
        'demandee',
        'creneau-propose',
        'Un créneau vous est proposé. Confirmez-le en répondant à ce message, ou demandez-en un autre.',
      ),
      transition(
        'confirmer',
        'Confirmer le rendez-vous',
        'creneau-propose',
        'confirme',
        "Votre rendez-vous est confirmé. Présentez-vous avec toutes les pièces demandées, 5 minutes avant l'heure.",
      ),
      transition('autre-creneau', 'Proposer un autre créneau', 'creneau-propose', 'demandee'),
      transition('annuler', 'Annuler la demande', 'demandee', 'annule', 'Votre demande de rendez-vous est annulée.'),
    ],
  },
};

export const RECENSEMENT_CITOYEN: ProcedureDefinition = {
  title: 'Recensement citoyen obligatoire',
  description:
    "Tout jeune Français doit se faire recenser entre ses 16 ans et la fin du troisième mois qui suit. L'attestation de recensement est demandée pour les examens et le permis de conduire.",
  theme: 'etat-civil',
  serviceId: 'etat-civil',
  deadlineDays: 10,
  access: 'account',
  documentsToProvide: ["Pièce d'identité justifiant de la nationalité française", 'Livret de famille à jour'],
  fields: [
    { name: 'jeune', type: 'section', label: 'Le jeune à recenser' },
    { name: 'nom', type: 'text', label: 'Nom', required: true, rules: { maxLength: 100 } },
    { name: 'prenoms', type: 'text', label: 'Prénoms', required: true, rules: { maxLength: 150 } },
    { name: 'dateNaissance', type: 'date', label: 'Date de naissance', required: true },
    { name: 'lieuNaissance', type: 'text', label: 'Lieu de naissance', required: true, rules: { maxLength: 150 } },
    {
      name: 'situation',
      type: 'select',
      label: 'Situation',
      required: true,
      options: options(
        ['scolarise', 'Scolarisé(e)'],
        ['apprenti', 'Apprenti(e)'],
        ['salarie', 'Salarié(e)'],
        ['sans-activite', 'Sans activité'],
      ),
    },
    { name: 'parents', type: 'section', label: 'Ses parents' },
    { name: 'pere', type: 'text', label: 'Nom et prénoms du père', rules: { maxLength: 200 } },
    { name: 'mere', type: 'text', label: 'Nom de naissance et prénoms de la mère', rules: { maxLength: 200 } },
    { name: 'adresse', type: 'address', label: 'Adresse du domicile', required: true, prefill: 'address' },
    { name: 'courriel', type: 'email', label: 'Adresse électronique', required: true, prefill: 'email' },
    {
      name: 'pieceIdentite',
      type: 'file',
      label: "Pièce d'identité du jeune",
      required: true,
      rules: { maxSize: 5 * MB, accept: SCAN_TYPES },
    },
    {
      name: 'livretFamille',
      type: 'file',
      label: 'Livret de famille',
      required: true,
      rules: { maxSize: 10 * MB, accept: SCAN_TYPES },
    },
  ],
  workflow: {
    initial: 'deposee',
    states: [
      state('deposee', 'Déposée', 'Demande reçue'),
      state('en-verification', 'En vérification', 'En cours de vérification'),
      state('pieces-manquantes', 'Pièces manquantes', 'Pièces à fournir', { pausesDeadline: true }),
      state('attestation-delivree', 'Attestation délivrée', 'Attestation de recensement délivrée', { final: true }),
    ],
    transitions: [
      transition('verifier', 'Vérifier le dossier', 'deposee', 'en-verification'),
      transition(
        'demander-pieces',
        'Demander des pièces',
        'en-verification',
        'pieces-manquantes',
        'Une pièce de votre dossier est manquante ou illisible. Merci de la déposer depuis votre espace.',
      ),
      transition('pieces-recues', 'Pièces reçues', 'pieces-manquantes', 'en-verification'),
      transition(
        'delivrer',
        "Délivrer l'attestation",
        'en-verification',
        'attestation-delivree',
        "L'attestation de recensement est disponible dans votre espace. Conservez-la précieusement : aucun duplicata n'est délivré.",
      ),
    ],
  },
};
