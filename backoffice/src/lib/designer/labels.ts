import type { FieldType, FormField, Role } from '@guichet/domain';

/** Field types in the words of a town agent, in the order the builder offers them. */
export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: 'Texte court',
  textarea: 'Texte long',
  number: 'Nombre',
  date: 'Date',
  email: 'Adresse électronique',
  phone: 'Numéro de téléphone',
  select: 'Liste déroulante',
  radio: 'Choix unique (boutons radio)',
  checkboxes: 'Choix multiple (cases à cocher)',
  boolean: 'Case à cocher oui / non',
  address: 'Adresse postale',
  file: 'Pièce jointe (fichier)',
  section: 'Intertitre',
  help: 'Texte d’information',
};

export const PREFILL_LABELS: Record<NonNullable<FormField['prefill']>, string> = {
  firstName: 'Prénom',
  lastName: 'Nom',
  email: 'Adresse électronique',
  phone: 'Téléphone',
  address: 'Adresse postale',
};

/** Which profile data can fill which field type (as the domain checks it). */
export const PREFILL_TYPES: Record<NonNullable<FormField['prefill']>, readonly FieldType[]> = {
  firstName: ['text'],
  lastName: ['text'],
  email: ['email', 'text'],
  phone: ['phone', 'text'],
  address: ['address'],
};

export const ROLE_NAMES: Record<Role, string> = {
  agent: 'Agent',
  manager: 'Responsable',
  designer: 'Concepteur',
  admin: 'Administrateur',
};

/** File types a designer may restrict an attachment to (every one the town accepts at all). */
export const ACCEPT_CHOICES: { value: string; label: string }[] = [
  { value: 'application/pdf', label: 'PDF' },
  { value: 'image/*', label: 'Images (JPEG, PNG, WebP, GIF)' },
  { value: 'image/jpeg', label: 'JPEG seulement' },
  { value: 'image/png', label: 'PNG seulement' },
  { value: 'text/plain', label: 'Texte' },
  { value: 'application/vnd.oasis.opendocument.text', label: 'ODT (LibreOffice)' },
  { value: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'DOCX (Word)' },
];

/** Themes of the citizen portal's catalogue (citizen-portal/src/lib/format.ts). */
export const THEMES: { id: string; label: string }[] = [
  { id: 'etat-civil', label: 'État civil' },
  { id: 'elections', label: 'Élections' },
  { id: 'ecole-periscolaire', label: 'École et périscolaire' },
  { id: 'voirie-cadre-de-vie', label: 'Voirie et cadre de vie' },
  { id: 'urbanisme', label: 'Urbanisme' },
  { id: 'rendez-vous', label: 'Rendez-vous' },
  { id: 'paiements', label: 'Paiements' },
  { id: 'solidarite', label: 'Solidarité et action sociale' },
];

export const themeLabel = (id: string) => THEMES.find((t) => t.id === id)?.label ?? id;
