/**
 * How the town's agents usually work each procedure: which workflow transitions they take and what
 * they write. The stories combine these with the path a given request follows.
 */
export interface Playbook {
  /** Transitions taken when an agent starts working on the request. */
  start: string[];
  /** Transitions of a request still being worked on (after `start`). */
  progress: string[];
  /** Asking the resident for something; the transitions, when the workflow has a waiting state. */
  ask: { to?: string; back?: string; message: string; answer: string; withDocument?: string };
  accept: { path: string[]; reason: string };
  reject?: { path: string[]; reason: string; complaint: string };
  note: string;
  /** A short exchange while the request is worked on: the resident asks and the agent answers, or the reverse. */
  chat: [first: string, reply: string];
  chatOpenedBy?: 'agent' | 'owner';
  reopen?: { complaint: string; reason: string; path: string[]; redone: string };
}

export const PLAYBOOKS: Record<string, Playbook> = {
  'acte-de-naissance': {
    start: ['prendre-en-charge'],
    progress: [],
    ask: {
      to: 'demander-complements',
      back: 'reprendre',
      message:
        'Pour une copie intégrale, pouvez-vous nous indiquer les prénoms complets de vos parents et le nom de naissance de votre mère ?',
      answer: 'Mon père s’appelle Michel André, ma mère Sylvie Jeanne, née Martin.',
    },
    accept: { path: ['delivrer'], reason: 'Acte établi et envoyé selon le mode de délivrance choisi.' },
    reject: {
      path: ['refuser'],
      reason: "La naissance n'a pas été enregistrée à S. : l'acte est délivré par la mairie du lieu de naissance.",
      complaint:
        'J’aurais aimé qu’on me dise dès le formulaire que seule la mairie du lieu de naissance délivre l’acte.',
    },
    note: "Acte retrouvé au registre de l'année ; mention marginale de mariage à reporter sur la copie intégrale.",
    chat: [
      'Bonjour, l’acte est-il déjà parti ? J’en ai besoin pour un dossier de mariage.',
      'Bonjour, votre acte part au courrier demain matin.',
    ],
    reopen: {
      complaint: 'Mon deuxième prénom est mal orthographié sur l’acte reçu : « Anne-Marie » et non « Annemarie ».',
      reason: 'Erreur de transcription signalée par la demandeuse : acte à rééditer.',
      path: ['reopen'],
      redone: 'Acte réédité avec l’orthographe exacte et renvoyé.',
    },
  },
  'inscription-listes-electorales': {
    start: ['instruire'],
    progress: [],
    ask: {
      to: 'demander-pieces',
      back: 'pieces-recues',
      message:
        "Votre justificatif de domicile a plus de trois mois. Merci d'en déposer un plus récent (facture, quittance de loyer).",
      answer: 'Voici ma dernière facture d’électricité.',
      withDocument: 'facture-electricite-recente.pdf',
    },
    accept: { path: ['valider'], reason: 'Inscription validée ; la carte électorale sera envoyée par courrier.' },
    reject: {
      path: ['refuser'],
      reason:
        'Le justificatif fourni concerne une adresse hors de S. et aucune autre attache avec la commune n’est établie.',
      complaint: 'Je viens d’emménager, je n’ai pas encore de facture à ma nouvelle adresse.',
    },
    note: 'Vérifié dans le répertoire électoral unique : radiation automatique de l’ancienne commune.',
    chat: [
      'Pourrai-je voter aux prochaines élections ?',
      "Oui, si l'inscription est validée avant la date limite : nous la traitons cette semaine.",
    ],
  },
  'rendez-vous-titre-identite': {
    start: [],
    progress: ['proposer-creneau'],
    ask: {
      message: 'Votre numéro de pré-demande ne figure pas dans le système de l’ANTS. Pouvez-vous le vérifier ?',
      answer: 'Désolé, j’avais inversé deux caractères. Le bon numéro figure sur le récapitulatif joint.',
      withDocument: 'recapitulatif-pre-demande.pdf',
    },
    accept: { path: ['proposer-creneau', 'confirmer'], reason: "Rendez-vous fixé au guichet des titres d'identité." },
    reject: {
      path: ['annuler'],
      reason: 'Demande en double : un rendez-vous a déjà été attribué pour la même pré-demande.',
      complaint: 'Je n’avais pas reçu la confirmation du premier rendez-vous, d’où ma seconde demande.',
    },
    note: 'Deux enfants mineurs : prévoir un créneau double.',
    chat: [
      'Nous pouvons vous recevoir jeudi à 14 h 30 au guichet des titres. Ce créneau vous convient-il ?',
      'Oui, c’est parfait, merci.',
    ],
    chatOpenedBy: 'agent',
  },
  'recensement-citoyen': {
    start: ['verifier'],
    progress: [],
    ask: {
      to: 'demander-pieces',
      back: 'pieces-recues',
      message: 'La page du livret de famille concernant votre enfant est illisible. Merci de la déposer à nouveau.',
      answer: 'Voici un nouveau scan, plus net.',
      withDocument: 'livret-de-famille-page-enfant.pdf',
    },
    accept: { path: ['delivrer'], reason: 'Recensement enregistré ; attestation déposée dans votre espace.' },
    note: 'Données transmises au centre du service national.',
    chat: [
      "Mon fils passe le code de la route dans trois semaines, l'attestation sera-t-elle prête ?",
      'Oui, elle sera disponible dans votre espace d’ici la fin de la semaine.',
    ],
  },
  'inscription-cantine': {
    start: ['verifier'],
    progress: [],
    ask: {
      to: 'signaler-incomplet',
      back: 'complements-recus',
      message:
        "L'attestation d'assurance scolaire jointe concerne l'année dernière. Merci de nous transmettre celle de cette année.",
      answer: "Voici l'attestation pour l'année en cours.",
      withDocument: 'attestation-assurance-2026.pdf',
    },
    accept: { path: ['valider'], reason: 'Inscription validée à compter de la date demandée.' },
    reject: {
      path: ['refuser'],
      reason:
        "L'enfant n'est pas inscrit dans une école de S. : la restauration scolaire est réservée aux élèves des écoles de la ville.",
      complaint:
        'Notre dossier d’inscription scolaire était pourtant en cours, personne ne nous a appelés avant de refuser.',
    },
    note: 'PAI vu avec la directrice et le prestataire de restauration : panier-repas fourni par la famille.',
    chat: [
      'Bonjour, mon enfant peut-il commencer dès lundi ?',
      "Bonjour, oui : l'école et le restaurant scolaire sont prévenus.",
    ],
  },
  'question-facture': {
    start: ['analyser'],
    progress: [],
    ask: {
      message: 'Pouvez-vous nous transmettre le certificat médical ou le mot d’absence remis à l’école ?',
      answer: 'Voici le certificat du médecin.',
      withDocument: 'certificat-medical.pdf',
    },
    accept: {
      path: ['rectifier'],
      reason: "Les repas des jours d'absence ont été déduits : un avoir figurera sur votre prochaine facture.",
    },
    reject: {
      path: ['repondre'],
      reason:
        "L'absence n'a pas été signalée avant 9 h le jour même, comme le prévoit le règlement : les repas restent dus.",
      complaint: 'Règlement appliqué sans aucune souplesse alors que mon fils avait de la fièvre.',
    },
    note: 'Contrôle fait dans le logiciel de facturation : pointage de présence absent ces jours-là.',
    chat: [
      'Dois-je payer la facture en attendant votre réponse ?',
      'Non, le paiement est suspendu le temps de notre vérification.',
    ],
  },
  'signalement-voirie': {
    start: [],
    progress: ['programmer'],
    ask: {
      message: 'Pouvez-vous préciser le numéro de la rue le plus proche ? Nos équipes ne trouvent pas le lieu exact.',
      answer: 'C’est juste en face du numéro 24, à côté de l’abribus.',
    },
    accept: { path: ['programmer', 'resoudre'], reason: 'Intervention réalisée par les services techniques.' },
    reject: {
      path: ['classer'],
      reason: 'Cette voie est privée (copropriété) : le signalement a été transmis au syndic.',
      complaint: 'Dommage que la ville ne puisse rien faire, le danger reste le même.',
    },
    note: "Bon d'intervention transmis à l'équipe voirie du secteur nord.",
    chat: ['Savez-vous quand l’équipe passera ?', "L'intervention est prévue en début de semaine prochaine."],
    reopen: {
      complaint: 'Le trou s’est reformé après les pluies de la semaine dernière.',
      reason: 'Réparation provisoire insuffisante : reprise de l’enrobé à programmer.',
      path: ['reopen'],
      redone: 'Enrobé repris sur toute la zone abîmée.',
    },
  },
  'occupation-domaine-public': {
    start: ['instruire'],
    progress: ['demander-avis'],
    ask: {
      message: 'Merci de préciser la largeur de trottoir laissée libre pour les piétons.',
      answer: "Il reste 1,40 m de trottoir libre ; l'échafaudage sera équipé d'un tunnel de protection.",
    },
    accept: {
      path: ['demander-avis', 'avis-recu', 'autoriser'],
      reason: "Arrêté d'occupation du domaine public délivré ; redevance calculée selon la surface et la durée.",
    },
    reject: {
      path: ['refuser'],
      reason: 'La benne ne peut pas être posée sur le couloir de bus : proposez un emplacement sur le parking voisin.',
      complaint: 'Aucune solution ne nous a été proposée par téléphone avant le refus.',
    },
    note: 'Avis favorable de la police municipale sous réserve de signalisation de chantier.',
    chat: [
      'Faut-il afficher l’autorisation sur place ?',
      "Oui, l'arrêté doit être visible depuis la voie pendant toute la durée de l'occupation.",
    ],
  },
  'enlevement-encombrants': {
    start: [],
    progress: ['planifier'],
    ask: {
      message: 'Pouvez-vous confirmer que les objets seront accessibles depuis la rue (pas de cour fermée) ?',
      answer: 'Oui, tout sera devant le portail la veille au soir.',
    },
    accept: { path: ['planifier', 'collecter'], reason: 'Enlèvement effectué.' },
    reject: {
      path: ['annuler'],
      reason:
        'Les gravats et déchets de chantier ne sont pas collectés avec les encombrants : déposez-les en déchetterie.',
      complaint: 'La déchetterie est loin pour nous qui n’avons pas de voiture.',
    },
    note: 'Tournée du jeudi, secteur sud.',
    chat: ['Quel jour passez-vous ?', 'Le camion passera jeudi matin : sortez les objets mercredi soir.'],
  },
};
