import type { DocumentRef, FormValues, Profile } from '@guichet/domain';
import { demoDocument } from './documents.ts';
import { demoUuid } from './ids.ts';
import { between, type Random } from './random.ts';

/** What a form generator needs: the person filling it in and the day they do. */
export interface FormContext {
  random: Random;
  /** Key that makes document ids unique to one request. */
  key: string;
  person: Profile;
  submittedAt: Date;
}

export type FormGenerator = (ctx: FormContext) => FormValues;

export const FIRST_NAMES = [
  'Léa',
  'Hugo',
  'Chloé',
  'Louis',
  'Inès',
  'Gabriel',
  'Jade',
  'Adam',
  'Manon',
  'Noah',
  'Zoé',
  'Rayan',
];
export const PARENT_FIRST = ['Michel', 'Sylvie', 'Patrick', 'Nathalie', 'Alain', 'Isabelle', 'Bernard', 'Catherine'];
export const BIRTH_PLACES = ['S.', 'S.', 'S.', 'Lyon (Rhône)', 'Lille (Nord)', 'Nantes (Loire-Atlantique)'];

export const document = (ctx: FormContext, field: string, fileName: string): DocumentRef =>
  demoDocument(demoUuid('document', ctx.key, field), fileName);

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
export const daysAfter = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);
export function birthDate(ctx: FormContext, minAge: number, maxAge: number): string {
  const age = between(ctx.random, minAge, maxAge);
  return isoDate(daysAfter(ctx.submittedAt, -age * 365.25));
}
export const withContact = (values: FormValues, key: string, value: unknown) =>
  value === undefined ? values : { ...values, [key]: value };
