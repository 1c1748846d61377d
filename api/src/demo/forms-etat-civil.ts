import type { FormValues } from '@guichet/domain';
import {
  BIRTH_PLACES,
  birthDate,
  daysAfter,
  document,
  FIRST_NAMES,
  type FormGenerator,
  isoDate,
  PARENT_FIRST,
  withContact,
} from './forms-kit.ts';
import { intBetween, pick, some } from './random.ts';

export const acteDeNaissance: FormGenerator = (ctx) => {
  const { random, person } = ctx;
  const typeActe = pick(random, [
    'copie-integrale',
    'copie-integrale',
    'extrait-avec-filiation',
    'extrait-sans-filiation',
    'extrait-plurilingue',
  ]);
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
  if (filiation)
    values = {
      ...values,
      parent1: `${person.lastName} ${pick(random, PARENT_FIRST)}`,
      parent2: `Martin ${pick(random, PARENT_FIRST)}`,
    };
  if (qualite === 'autre')
    values = { ...values, qualitePrecision: 'Héritière, pour le règlement de la succession de mon oncle' };
  if (modeDelivrance === 'courrier') values = { ...values, adresse: person.address };
  return values;
};

export const listesElectorales: FormGenerator = (ctx) => {
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

export const rendezVousTitre: FormGenerator = (ctx) => {
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

export const recensementCitoyen: FormGenerator = (ctx) => {
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
