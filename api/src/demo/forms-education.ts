import type { FormValues } from '@guichet/domain';
import { birthDate, daysAfter, document, FIRST_NAMES, type FormGenerator, isoDate } from './forms-kit.ts';
import { between, intBetween, pick, some } from './random.ts';

const SCHOOL_BY_LEVEL = {
  maternelle: ['coquelicots', 'louise-michel'],
  elementaire: ['jean-jaures', 'pasteur', 'louise-michel'],
};
export const cantine: FormGenerator = (ctx) => {
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
  'repas-factures':
    "Mon enfant était malade du 12 au 16 et les repas de la semaine ont été facturés. J'avais prévenu l'école le matin même.",
  tarif:
    "Le tarif appliqué ne correspond pas à notre quotient familial : nous avons transmis l'attestation de la CAF en début d'année.",
  paiement: 'J’ai payé cette facture en ligne le 5 du mois mais elle apparaît toujours comme impayée.',
  autre: 'Pouvez-vous m’expliquer la ligne « accueil périscolaire du soir » ? Mon fils ne reste jamais après 16 h 30.',
} as const;
export const questionFacture: FormGenerator = (ctx) => {
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
