/** Labels and input ids of the profile form (ProfileFields), for error summaries. */
export const PROFILE_LABELS: Record<string, string> = {
  firstName: 'Prénom',
  lastName: 'Nom',
  phone: 'Téléphone',
  email: 'Adresse e-mail',
  password: 'Mot de passe',
  'address.street': 'Numéro et voie',
  'address.postalCode': 'Code postal',
  'address.city': 'Commune',
};

/** `address.postalCode` → `champ-postalCode`: ProfileFields' ids. */
export const profileTarget = (key: string) => `champ-${key.replace(/^address\./, '')}`;
