import { cantine, questionFacture } from './forms-education.ts';
import { acteDeNaissance, listesElectorales, recensementCitoyen, rendezVousTitre } from './forms-etat-civil.ts';
import type { FormGenerator } from './forms-kit.ts';
import { encombrants, occupationDomainePublic, signalementVoirie } from './forms-voirie.ts';

export type { FormContext } from './forms-kit.ts';

/** Plausible answers to each demo procedure's form, for a given resident and day. */
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
