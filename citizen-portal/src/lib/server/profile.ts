import type { FieldErrors, Profile } from '$lib/types';

/** Reads ProfileFields' inputs; an address counts only if one of its parts is filled, and then needs all three. */
export function readProfile(form: FormData, email?: string): { profile: Profile; errors: FieldErrors } {
  const get = (k: string) => String(form.get(k) ?? '').trim();
  const profile: Profile = { firstName: get('firstName'), lastName: get('lastName') };
  const errors: FieldErrors = {};
  if (!profile.firstName) errors.firstName = 'Saisissez votre prénom.';
  if (!profile.lastName) errors.lastName = 'Saisissez votre nom.';
  const phone = get('phone');
  if (phone) {
    if (!/^[0-9 +().-]{6,30}$/.test(phone))
      errors.phone = 'Saisissez un numéro de téléphone valide, par exemple 01 23 45 67 89.';
    profile.phone = phone;
  }
  if (email) profile.email = email;
  const [street, postalCode, city] = [get('street'), get('postalCode').replace(/\s/g, ''), get('city')];
  if (street || postalCode || city) {
    if (!street) errors['address.street'] = 'Saisissez le numéro et la voie.';
    if (!/^\d{5}$/.test(postalCode)) errors['address.postalCode'] = 'Saisissez un code postal à 5 chiffres.';
    if (!city) errors['address.city'] = 'Saisissez la commune.';
    profile.address = { street, postalCode, city };
  }
  return { profile, errors };
}
