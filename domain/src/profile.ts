import { EMAIL_MESSAGE, PHONE_MESSAGE, REQUIRED, isEmail, isPhone } from './checks.ts';
import type { FieldError, Profile } from './common.ts';
import { checkAddress } from './procedure/form.ts';

export interface ProfileRules {
  /** Which names must be given: an account needs both; a contact noted from a letter may only have a surname. */
  names: 'both' | 'lastName' | 'none';
  /** A contact without an account must leave at least one way to answer them. */
  reachable?: boolean;
}

export function validateProfile(profile: unknown, path: string, rules: ProfileRules): FieldError[] {
  if (typeof profile !== 'object' || profile === null || Array.isArray(profile)) {
    return [{ field: path, message: "Indiquez les coordonnées de l'usager." }];
  }
  const p = profile as Partial<Record<keyof Profile, unknown>>;
  const errors: FieldError[] = [];
  const name = (key: 'firstName' | 'lastName', required: boolean) => {
    const v = p[key];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      if (required) errors.push({ field: `${path}.${key}`, message: REQUIRED });
    } else if (typeof v !== 'string' || v.length > 100) {
      errors.push({ field: `${path}.${key}`, message: 'Saisissez au plus 100 caractères.' });
    }
  };
  name('lastName', rules.names !== 'none');
  name('firstName', rules.names === 'both');
  const present = (v: unknown) => v !== undefined && v !== null && v !== '';
  if (present(p.email) && !(typeof p.email === 'string' && isEmail(p.email.trim()))) {
    errors.push({ field: `${path}.email`, message: EMAIL_MESSAGE });
  }
  if (present(p.phone) && !(typeof p.phone === 'string' && isPhone(p.phone))) {
    errors.push({ field: `${path}.phone`, message: PHONE_MESSAGE });
  }
  if (present(p.address)) errors.push(...checkAddress(withCompactPostalCode(p.address), `${path}.address`));
  if (rules.reachable && ![p.email, p.phone, p.address].some(present)) {
    errors.push({ field: path, message: 'Indiquez au moins un moyen de répondre : e-mail, téléphone ou adresse.' });
  }
  return errors;
}

/** "59 100" is how people write it; normaliseProfile stores "59100". */
function withCompactPostalCode(address: unknown): unknown {
  if (typeof address !== 'object' || address === null) return address;
  const { postalCode } = address as { postalCode?: unknown };
  return typeof postalCode === 'string' ? { ...address, postalCode: postalCode.replace(/\s/g, '') } : address;
}

/** Trimmed copy with empty optional parts removed, so events carry clean data. */
export function normaliseProfile(profile: Profile): Profile {
  const trim = (v: string | undefined) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const out: Profile = { firstName: profile.firstName?.trim() ?? '', lastName: profile.lastName?.trim() ?? '' };
  const email = trim(profile.email);
  const phone = trim(profile.phone);
  if (email) out.email = email.toLowerCase();
  if (phone) out.phone = phone;
  if (profile.address) {
    const { street, postalCode, city } = profile.address;
    out.address = { street: street.trim(), postalCode: postalCode.replace(/\s/g, ''), city: city.trim() };
  }
  return out;
}
