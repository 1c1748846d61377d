import type { DocumentRef, FormValues, Profile } from '@guichet/domain';
import { demoDocument } from './documents.ts';
import { demoUuid } from './ids.ts';
import { between, intBetween, pick, some, type Random } from './random.ts';

/** What a form generator needs: the person filling it in and the day they do. */
export interface FormContext {
  random: Random;
  /** Key that makes document ids unique to one request. */
  key: string;
  person: Profile;
  submittedAt: Date;
}

type FormGenerator = (ctx: FormContext) => FormValues;

const FIRST_NAMES = ['Léa', 'Hugo', 'Chloé', 'Louis', 'Inès', 'Gabriel', 'Jade', 'Adam', 'Manon', 'Noah', 'Zoé', 'Rayan'];
const PARENT_FIRST = ['Michel', 'Sylvie', 'Patrick', 'Nathalie', 'Alain', 'Isabelle', 'Bernard', 'Catherine'];
const BIRTH_PLACES = ['S.', 'S.', 'S.', 'Lyon (Rhône)', 'Lille (Nord)', 'Nantes (Loire-Atlantique)'];

export const document = (ctx: FormContext, field: string, fileName: string): DocumentRef =>
  demoDocument(demoUuid('document', ctx.key, field), fileName);

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const daysAfter = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);
function birthDate(ctx: FormContext, minAge: number, maxAge: number): string {
  const age = between(ctx.random, minAge, maxAge);
  return isoDate(daysAfter(ctx.submittedAt, -age * 365.25));
}
const withContact = (values: FormValues, key: string, value: unknown) => (value === undefined ? values : { ...values, [key]: value });

const acteDeNaissance: FormGenerator = (ctx) => {
  const { random, person } = ctx;
  const typeActe = pick(random, ['copie-integrale', 'copie-integrale', 'extrait-avec-filiation', 'extrait-sans-filiation', 'extrait-plurilingue']);
  const qualite = pick(random, ['personne-elle-meme', 'personne-elle-meme', 'personne-elle-meme', 'enfant', 'autre']);
  const forParent = qualite === 'enfant';
  const modeDelivrance = pick(random, ['courrier', 'courrier', 'retrait']);
  const filiation = typeActe === 'copie-integrale' || typeActe === 'extrait-avec-filiation';
  let values: FormValues = {
    typeActe,
    nombreExemplaires: pick(random, [1, 1, 1, 2]),
    nom: person.lastName,
    prenoms: forParent ? pick(random, PARENT_FIRST) : person.firstName,
    dateNaissance: forParent ? birthDate(ctx, 60, 85) : birthDate(ctx, 20, 60),
    lieuNaissance: 'S.',
    qualite,
    modeDelivrance,
    courriel: person.email,
  };
  if (filiation) values = { ...values, parent1: `${person.lastName} ${pick(random, PARENT_FIRST)}`, parent2: `Martin ${pick(random, PARENT_FIRST)}` };
  if (qualite === 'autre') values = { ...values, qualitePrecision: 'Héritière, pour le règlement de la succession de mon oncle' };
  if (modeDelivrance === 'courrier') values = { ...values, adresse: person.address };
  return values;
};

const listesElectorales: FormGenerator = (ctx) => {
  const { random, person } = ctx;
  const european = random() < 0.2;
  return withContact(
    {
      nom: person.lastName,
      prenoms: person.firstName,
      dateNaissance: birthDate(ctx, 18, 70),
      lieuNaissance: european ? 'Porto (Portugal)' : pick(random, BIRTH_PLACES),
      nationalite: european ? 'ue' : 'francaise',
      ...(european ? { paysUe: 'Portugaise' } : {}),
      motif: pick(random, ['domicile', 'domicile', 'domicile', 'residence', 'contribuable']),
      adresse: person.address,
      pieceIdentite: document(ctx, 'pieceIdentite', 'carte-identite.png'),
      justificatifDomicile: document(ctx, 'justificatifDomicile', 'facture-electricite.pdf'),
    },
    'telephone',
    person.phone,
  );
};

const rendezVousTitre: FormGenerator = (ctx) => {
  const { random, person } = ctx;
  const code = Array.from({ length: 10 }, () => pick(random, [...'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'])).join('');
  const values: FormValues = {
    titre: pick(random, ['cni', 'passeport', 'passeport', 'les-deux']),
    motif: pick(random, ['renouvellement', 'renouvellement', 'premiere-demande', 'perte-vol']),
    nombrePersonnes: pick(random, [1, 1, 1, 2, 3]),
    preDemande: code,
    creneaux: some(random, ['matin', 'apres-midi', 'samedi']),
    telephone: person.phone,
  };
  if (random() < 0.5) values.dateSouhaitee = isoDate(daysAfter(ctx.submittedAt, intBetween(random, 7, 21)));
  if (random() < 0.3) values.commentaire = 'Voyage prévu cet été : un rendez-vous rapide nous arrangerait.';
  return values;
};

const recensementCitoyen: FormGenerator = (ctx) => {
  const { random, person } = ctx;
  return {
    nom: person.lastName,
    prenoms: pick(random, FIRST_NAMES),
    dateNaissance: birthDate(ctx, 16.02, 16.2),
    lieuNaissance: 'S.',
    situation: pick(random, ['scolarise', 'scolarise', 'scolarise', 'apprenti']),
    pere: `${person.lastName} ${pick(random, PARENT_FIRST)}`,
    mere: `${person.firstName} ${pick(random, ['Durand', 'Leroy', 'Roux', 'Fournier'])}`,
    adresse: person.address,
    courriel: person.email,
    pieceIdentite: document(ctx, 'pieceIdentite', 'carte-identite.pdf'),
    livretFamille: document(ctx, 'livretFamille', 'livret-de-famille.pdf'),
  };
};

const SCHOOL_BY_LEVEL = { maternelle: ['coquelicots', 'louise-michel'], elementaire: ['jean-jaures', 'pasteur', 'louise-michel'] };
const cantine: FormGenerator = (ctx) => {
  const { random, person } = ctx;
  const level = pick(random, ['ps', 'ms', 'gs', 'cp', 'ce1', 'ce2', 'cm1', 'cm2']);
  const age = ['ps', 'ms', 'gs', 'cp', 'ce1', 'ce2', 'cm1', 'cm2'].indexOf(level) + 3;
  const allergies = random() < 0.25;
  const values: FormValues = {
    nomResponsable: person.lastName,
    prenomResponsable: person.firstName,
    telephone: person.phone,
    adresse: person.address,
    nomEnfant: person.lastName,
    prenomEnfant: pick(random, FIRST_NAMES),
    dateNaissanceEnfant: birthDate(ctx, age + 0.1, age + 0.9),
    ecole: pick(random, age < 6 ? SCHOOL_BY_LEVEL.maternelle : SCHOOL_BY_LEVEL.elementaire),
    classe: level,
    jours: some(random, ['lundi', 'mardi', 'jeudi', 'vendredi'], 2),
    dateDebut: isoDate(daysAfter(ctx.submittedAt, intBetween(random, 7, 21))),
    regime: pick(random, ['standard', 'standard', 'standard', 'sans-porc', 'sans-viande']),
    allergies: allergies ? 'oui' : 'non',
    assurance: document(ctx, 'assurance', 'attestation-assurance-scolaire.pdf'),
  };
  if (allergies) {
    values.detailsPai = pick(random, [
      "Allergie à l'arachide et aux fruits à coque. Un PAI a été signé avec le médecin scolaire en septembre.",
      'Intolérance au lactose, pas de PAI : éviter les laitages.',
    ]);
    values.pai = document(ctx, 'pai', 'pai-signe.pdf');
  }
  return values;
};

const QUESTIONS = {
  'repas-factures': "Mon enfant était malade du 12 au 16 et les repas de la semaine ont été facturés. J'avais prévenu l'école le matin même.",
  tarif: "Le tarif appliqué ne correspond pas à notre quotient familial : nous avons transmis l'attestation de la CAF en début d'année.",
  paiement: 'J’ai payé cette facture en ligne le 5 du mois mais elle apparaît toujours comme impayée.',
  autre: 'Pouvez-vous m’expliquer la ligne « accueil périscolaire du soir » ? Mon fils ne reste jamais après 16 h 30.',
} as const;
const questionFacture: FormGenerator = (ctx) => {
  const { random, person } = ctx;
  const objet = pick(random, Object.keys(QUESTIONS) as (keyof typeof QUESTIONS)[]);
  const values: FormValues = {
    numeroFacture: `FAC-${ctx.submittedAt.getUTCFullYear()}-${String(intBetween(random, 1000, 9999)).padStart(6, '0')}`,
    montant: Math.round(between(random, 25, 160) * 100) / 100,
    objet,
    question: QUESTIONS[objet],
    courriel: person.email,
  };
  if (random() < 0.5) values.facture = document(ctx, 'facture', 'facture-cantine.pdf');
  return values;
};

const PROBLEMS = {
  'nid-de-poule': ['Rue Pasteur, devant le n° 18', 'Un trou profond d’une vingtaine de centimètres s’est formé sur la chaussée ; les vélos font un écart.'],
  eclairage: ['Allée des Acacias, à hauteur de l’aire de jeux', 'Trois lampadaires sont éteints depuis une semaine, l’allée est dans le noir complet le soir.'],
  'depot-sauvage': ['Chemin du Stade, derrière le gymnase', 'Des sacs de gravats et un vieux canapé ont été abandonnés sur le bas-côté.'],
  signalisation: ['Carrefour avenue Victor-Hugo / rue de la Gare', 'Le panneau « Stop » est plié et n’est plus visible en venant de la gare.'],
  autre: ['Place du Marché', 'Une plaque d’égout bouge et claque au passage de chaque voiture.'],
} as const;
const signalementVoirie: FormGenerator = (ctx) => {
  const { random, person } = ctx;
  const type = pick(random, Object.keys(PROBLEMS) as (keyof typeof PROBLEMS)[]);
  const [localisation, description] = PROBLEMS[type];
  let values: FormValues = { type, localisation, description };
  if (random() < 0.6) values.photo = document(ctx, 'photo', 'photo.png');
  values = withContact(values, 'courriel', person.email);
  return values;
};

const occupationDomainePublic: FormGenerator = (ctx) => {
  const { random, person } = ctx;
  const company = random() < 0.4;
  const nature = company ? pick(random, ['echafaudage', 'benne']) : pick(random, ['demenagement', 'demenagement', 'benne']);
  const start = daysAfter(ctx.submittedAt, intBetween(random, 15, 30));
  const values: FormValues = {
    demandeur: company ? 'entreprise' : 'particulier',
    nature,
    adresseOccupation: person.address,
    dateDebut: isoDate(start),
    dateFin: isoDate(daysAfter(start, nature === 'demenagement' ? 0 : intBetween(random, 5, 20))),
    surface: nature === 'demenagement' ? 12 : intBetween(random, 4, 30),
    description:
      nature === 'demenagement'
        ? 'Stationnement d’un camion de 20 m³ devant l’immeuble pour un déménagement, de 8 h à 14 h.'
        : nature === 'benne'
          ? 'Benne de 8 m³ pour l’évacuation des gravats de la rénovation d’une salle de bains.'
          : 'Échafaudage de pied pour le ravalement de la façade côté rue ; passage piéton maintenu sous protection.',
    plan: document(ctx, 'plan', 'plan-de-situation.pdf'),
    telephone: person.phone,
  };
  if (company) Object.assign(values, { raisonSociale: 'Schmitt Rénovation SARL', siret: '41234567800027' });
  return values;
};

const BULKY: [objets: string[], description: string][] = [
  [['mobilier', 'literie'], 'Une armoire démontée, un matelas et un sommier de 140.'],
  [['electromenager'], 'Un réfrigérateur et une vieille machine à laver.'],
  [['mobilier'], 'Un canapé trois places et deux chaises.'],
  [['ferraille', 'mobilier'], 'Deux vélos hors d’usage et une table de jardin en métal.'],
];
const encombrants: FormGenerator = (ctx) => {
  const { random, person } = ctx;
  const [objets, description] = pick(random, BULKY);
  return { objets, volume: pick(random, [1, 1.5, 2, 3]), description, adresse: person.address, telephone: person.phone };
};

export const FORM_GENERATORS: Record<string, FormGenerator> = {
  'acte-de-naissance': acteDeNaissance,
  'inscription-listes-electorales': listesElectorales,
  'rendez-vous-titre-identite': rendezVousTitre,
  'recensement-citoyen': recensementCitoyen,
  'inscription-cantine': cantine,
  'question-facture': questionFacture,
  'signalement-voirie': signalementVoirie,
  'occupation-domaine-public': occupationDomainePublic,
  'enlevement-encombrants': encombrants,
};
