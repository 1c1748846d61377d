import type { ProcedureDefinition } from '@guichet/domain';
import { MB, SCAN_TYPES, options, state, transition } from './kit.ts';

export const LISTES_ELECTORALES: ProcedureDefinition = {
  title: 'Inscription sur les listes électorales',
  description:
    'Inscrivez-vous sur la liste électorale de S. après un emménagement ou à votre majorité. Le maire statue sur votre demande dans les cinq jours.',
  theme: 'elections',
  serviceId: 'etat-civil',
  deadlineDays: 5,
  access: 'account',
  documentsToProvide: [
    "Pièce d'identité en cours de validité (ou périmée depuis moins de 5 ans)",
    'Justificatif de domicile de moins de 3 mois (facture, avis d’imposition, quittance de loyer)',
  ],
  fields: [
    {
      name: 'nom',
      type: 'text',
      label: 'Nom de naissance',
      required: true,
      prefill: 'lastName',
      rules: { maxLength: 100 },
    },
    {
      name: 'nomUsage',
      type: 'text',
      label: "Nom d'usage",
      help: 'Par exemple le nom de votre conjoint.',
      rules: { maxLength: 100 },
    },
    {
      name: 'prenoms',
      type: 'text',
      label: 'Prénoms',
      required: true,
      prefill: 'firstName',
      rules: { maxLength: 150 },
    },
    { name: 'dateNaissance', type: 'date', label: 'Date de naissance', required: true },
    {
      name: 'lieuNaissance',
      type: 'text',
      label: 'Commune et pays de naissance',
      required: true,
      rules: { maxLength: 150 },
    },
    {
      name: 'nationalite',
      type: 'radio',
      label: 'Nationalité',
      required: true,
      options: options(
        ['francaise', 'Française'],
        ['ue', "Ressortissant d'un autre pays de l'Union européenne (élections municipales et européennes)"],
      ),
    },
    {
      name: 'paysUe',
      type: 'text',
      label: 'Précisez votre nationalité',
      required: true,
      showIf: { field: 'nationalite', equals: 'ue' },
    },
    {
      name: 'motif',
      type: 'radio',
      label: "Motif de l'inscription",
      required: true,
      options: options(
        ['domicile', 'Je suis domicilié(e) à S.'],
        ['residence', "J'habite à S. depuis au moins six mois"],
        ['contribuable', 'Je paie des impôts locaux à S. depuis au moins deux ans'],
        ['gerant', "Je suis gérant ou associé majoritaire d'une société inscrite au rôle des contributions"],
      ),
    },
    { name: 'adresse', type: 'address', label: 'Adresse à S.', required: true, prefill: 'address' },
    { name: 'telephone', type: 'phone', label: 'Téléphone', prefill: 'phone' },
    {
      name: 'pieceIdentite',
      type: 'file',
      label: "Pièce d'identité",
      required: true,
      rules: { maxSize: 5 * MB, accept: SCAN_TYPES },
    },
    {
      name: 'justificatifDomicile',
      type: 'file',
      label: 'Justificatif de domicile',
      required: true,
      rules: { maxSize: 5 * MB, accept: SCAN_TYPES },
    },
  ],
  workflow: {
    initial: 'deposee',
    states: [
      state('deposee', 'Déposée', 'Demande reçue'),
      state('en-instruction', 'En instruction', 'En cours de vérification'),
      state('pieces-manquantes', 'Pièces manquantes', 'Pièces justificatives à fournir', { pausesDeadline: true }),
      state('inscrite', 'Inscription validée', 'Vous êtes inscrit(e)', { final: true }),
      state('refusee', 'Inscription refusée', 'Inscription refusée', { final: true }),
    ],
    transitions: [
      transition('instruire', 'Commencer la vérification', 'deposee', 'en-instruction'),
      transition(
        'demander-pieces',
        'Demander des pièces',
        'en-instruction',
        'pieces-manquantes',
        'Une pièce justificative est manquante ou illisible. Merci de la déposer depuis votre espace.',
      ),
      transition('pieces-recues', 'Pièces reçues', 'pieces-manquantes', 'en-instruction'),
      transition(
        'valider',
        "Valider l'inscription",
        'en-instruction',
        'inscrite',
        'Votre inscription sur la liste électorale de S. est validée. Votre carte électorale vous sera adressée par courrier.',
      ),
      transition(
        'refuser',
        "Refuser l'inscription",
        'en-instruction',
        'refusee',
        "Votre demande d'inscription est refusée. Vous pouvez former un recours devant le tribunal judiciaire dans un délai de sept jours.",
      ),
    ],
  },
};
