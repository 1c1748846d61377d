import type { FormValues } from '@guichet/domain';
import { daysAfter, document, type FormGenerator, isoDate, withContact } from './forms-kit.ts';
import { intBetween, pick } from './random.ts';

const PROBLEMS = {
  'nid-de-poule': [
    'Rue Pasteur, devant le n° 18',
    'Un trou profond d’une vingtaine de centimètres s’est formé sur la chaussée ; les vélos font un écart.',
  ],
  eclairage: [
    'Allée des Acacias, à hauteur de l’aire de jeux',
    'Trois lampadaires sont éteints depuis une semaine, l’allée est dans le noir complet le soir.',
  ],
  'depot-sauvage': [
    'Chemin du Stade, derrière le gymnase',
    'Des sacs de gravats et un vieux canapé ont été abandonnés sur le bas-côté.',
  ],
  signalisation: [
    'Carrefour avenue Victor-Hugo / rue de la Gare',
    'Le panneau « Stop » est plié et n’est plus visible en venant de la gare.',
  ],
  autre: ['Place du Marché', 'Une plaque d’égout bouge et claque au passage de chaque voiture.'],
} as const;
export const signalementVoirie: FormGenerator = (ctx) => {
  const { random, person } = ctx;
  const type = pick(random, Object.keys(PROBLEMS) as (keyof typeof PROBLEMS)[]);
  const [localisation, description] = PROBLEMS[type];
  let values: FormValues = { type, localisation, description };
  if (random() < 0.6) values.photo = document(ctx, 'photo', 'photo.png');
  values = withContact(values, 'courriel', person.email);
  return values;
};

export const occupationDomainePublic: FormGenerator = (ctx) => {
  const { random, person } = ctx;
  const company = random() < 0.4;
  const nature = company
    ? pick(random, ['echafaudage', 'benne'])
    : pick(random, ['demenagement', 'demenagement', 'benne']);
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
export const encombrants: FormGenerator = (ctx) => {
  const { random, person } = ctx;
  const [objets, description] = pick(random, BULKY);
  return {
    objets,
    volume: pick(random, [1, 1.5, 2, 3]),
    description,
    adresse: person.address,
    telephone: person.phone,
  };
};
