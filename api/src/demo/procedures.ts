import type { ProcedureDefinition } from '@guichet/domain';
import { demoUuid } from './ids.ts';
import { CANTINE, QUESTION_FACTURE } from './procedures-education.ts';
import { LISTES_ELECTORALES } from './procedures-elections.ts';
import { ACTE_NAISSANCE } from './procedures-etat-civil.ts';
import { RECENSEMENT_CITOYEN, RENDEZ_VOUS_TITRE } from './procedures-titres.ts';
import { OCCUPATION_DOMAINE_PUBLIC } from './procedures-urbanisme.ts';
import { ENCOMBRANTS, SIGNALEMENT_VOIRIE } from './procedures-voirie.ts';

export { DEMO_ACCOUNTS, DEMO_CONTACTS, DEMO_PASSWORD, type DemoAccount } from './accounts.ts';

export const DEMO_TENANT = { id: 'ville-de-s', name: 'Ville de S.' } as const;

export const DEMO_SERVICES = [
  { id: 'etat-civil', name: 'État civil et citoyenneté' },
  { id: 'education', name: 'Éducation et périscolaire' },
  { id: 'voirie', name: 'Voirie et cadre de vie' },
] as const;
export type DemoServiceId = (typeof DEMO_SERVICES)[number]['id'];

export interface DemoProcedure {
  id: string;
  slug: string;
  definition: ProcedureDefinition;
}

const procedure = (slug: string, definition: ProcedureDefinition): DemoProcedure => ({
  id: demoUuid('procedure', slug),
  slug,
  definition,
});

export const DEMO_PROCEDURES: DemoProcedure[] = [
  procedure('acte-de-naissance', ACTE_NAISSANCE),
  procedure('inscription-listes-electorales', LISTES_ELECTORALES),
  procedure('rendez-vous-titre-identite', RENDEZ_VOUS_TITRE),
  procedure('recensement-citoyen', RECENSEMENT_CITOYEN),
  procedure('inscription-cantine', CANTINE),
  procedure('question-facture', QUESTION_FACTURE),
  procedure('signalement-voirie', SIGNALEMENT_VOIRIE),
  procedure('occupation-domaine-public', OCCUPATION_DOMAINE_PUBLIC),
  procedure('enlevement-encombrants', ENCOMBRANTS),
];

export function demoProcedure(slug: string): DemoProcedure {
  const found = DEMO_PROCEDURES.find((p) => p.slug === slug);
  if (!found) throw new Error(`unknown demo procedure: ${slug}`);
  return found;
}
