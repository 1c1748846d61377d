/** Sample data shared by the domain's specifications. Not exported from the package. */
import type { DocumentRef } from './case/events.ts';
import type { ProcedureDefinition, Workflow } from './procedure/events.ts';

export const SERVICE = 'svc-etat-civil';
export const OTHER_SERVICE = 'svc-voirie';

export const workflow = (): Workflow => ({
  initial: 'recue',
  states: [
    { id: 'recue', label: 'Reçue', publicLabel: 'Demande reçue' },
    { id: 'instruction', label: 'En instruction', publicLabel: 'En cours de traitement' },
    { id: 'attente_pieces', label: 'Attente de pièces', pausesDeadline: true },
    { id: 'delivree', label: 'Acte délivré', publicLabel: 'Acte envoyé', final: true },
    { id: 'refusee', label: 'Refusée', publicLabel: 'Demande refusée', final: true },
  ],
  transitions: [
    { id: 'prendre', label: 'Prendre en charge', from: 'recue', to: 'instruction' },
    { id: 'demander_pieces', label: 'Demander des pièces', from: 'instruction', to: 'attente_pieces' },
    { id: 'pieces_recues', label: 'Pièces reçues', from: 'attente_pieces', to: 'instruction' },
    {
      id: 'delivrer',
      label: "Délivrer l'acte",
      from: 'instruction',
      to: 'delivree',
      roles: ['agent', 'manager'],
      messageTemplate: 'Votre acte a été envoyé.',
    },
    { id: 'refuser', label: 'Refuser', from: 'instruction', to: 'refusee', roles: ['manager'] },
    { id: 'reopen', label: 'Rouvrir', from: 'delivree', to: 'instruction' },
  ],
});

/** "Demande d'acte de naissance": every field type, conditions, a file and a consent box. */
export const birthCertificate = (overrides: Partial<ProcedureDefinition> = {}): ProcedureDefinition => ({
  title: "Demande d'acte de naissance",
  description: 'Recevez une copie ou un extrait de votre acte de naissance.',
  theme: 'État civil',
  serviceId: SERVICE,
  deadlineDays: 10,
  access: 'account',
  documentsToProvide: ["Pièce d'identité pour une copie intégrale"],
  fields: [
    { name: 'identite', type: 'section', label: 'Personne concernée' },
    { name: 'lastName', type: 'text', label: 'Nom', required: true, prefill: 'lastName', rules: { maxLength: 100 } },
    { name: 'firstName', type: 'text', label: 'Prénom', required: true, prefill: 'firstName' },
    { name: 'birthDate', type: 'date', label: 'Date de naissance', required: true },
    {
      name: 'copyType',
      type: 'radio',
      label: "Type d'acte",
      required: true,
      options: [
        { value: 'integrale', label: 'Copie intégrale' },
        { value: 'filiation', label: 'Extrait avec filiation' },
      ],
    },
    {
      name: 'delivery',
      type: 'select',
      label: 'Mode de réception',
      required: true,
      options: [
        { value: 'courrier', label: 'Par courrier' },
        { value: 'guichet', label: 'Au guichet' },
      ],
    },
    {
      name: 'deliveryAddress',
      type: 'address',
      label: "Adresse d'envoi",
      required: true,
      showIf: { field: 'delivery', equals: 'courrier' },
    },
    { name: 'email', type: 'email', label: 'Courriel', prefill: 'email' },
    { name: 'phone', type: 'phone', label: 'Téléphone' },
    { name: 'copies', type: 'number', label: "Nombre d'exemplaires", required: true, rules: { min: 1, max: 5 } },
    {
      name: 'purposes',
      type: 'checkboxes',
      label: 'Usage',
      options: [
        { value: 'passeport', label: 'Passeport' },
        { value: 'mariage', label: 'Mariage' },
      ],
    },
    {
      name: 'idDocument',
      type: 'file',
      label: "Pièce d'identité",
      required: true,
      showIf: { field: 'copyType', equals: 'integrale' },
      rules: { maxSize: 5_242_880, accept: ['application/pdf', 'image/*'] },
    },
    {
      name: 'idNumber',
      type: 'text',
      label: 'Numéro de la pièce',
      rules: { pattern: '[A-Z0-9]{9,12}', patternMessage: 'De 9 à 12 lettres majuscules ou chiffres.' },
    },
    { name: 'comment', type: 'textarea', label: 'Précisions' },
    { name: 'consent', type: 'boolean', label: "J'accepte le traitement de mes données", required: true },
    { name: 'rgpd', type: 'help', label: 'Vos données sont conservées 12 mois.' },
  ],
  workflow: workflow(),
  ...overrides,
});

export const doc = (overrides: Partial<DocumentRef> = {}): DocumentRef => ({
  documentId: 'doc-1',
  fileName: 'carte-identite.pdf',
  mediaType: 'application/pdf',
  size: 120_000,
  sha256: 'a'.repeat(64),
  ...overrides,
});

/** Answers that satisfy birthCertificate(): a copy sent by post. */
export const validAnswers = (): Record<string, unknown> => ({
  lastName: 'Martin',
  firstName: 'Léa',
  birthDate: '1990-05-17',
  copyType: 'filiation',
  delivery: 'courrier',
  deliveryAddress: { street: '3 rue de la Mairie', postalCode: '59100', city: 'Roubaix' },
  copies: 1,
  consent: true,
});
