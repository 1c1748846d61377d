import { describe, expect, it } from 'vitest';
import { birthCertificate, doc, validAnswers } from '../fixtures.ts';
import type { FormField } from './events.ts';
import { isCalendarDate, normaliseFormData, validateFormData, visibleFields } from './form.ts';

const def = birthCertificate();
const check = (patch: Record<string, unknown>) => validateFormData(def, { ...validAnswers(), ...patch });
const errorOn = (patch: Record<string, unknown>) => check(patch).map((e) => `${e.field}: ${e.message}`);
const only = (field: FormField) => ({ fields: [field] });

describe('validateFormData', () => {
  it('accepts complete answers', () => {
    expect(check({})).toEqual([]);
  });
  it('names every missing required field, in French', () => {
    expect(validateFormData(def, {})).toEqual([
      { field: 'data.lastName', message: 'Ce champ est obligatoire.' },
      { field: 'data.firstName', message: 'Ce champ est obligatoire.' },
      { field: 'data.birthDate', message: 'Ce champ est obligatoire.' },
      { field: 'data.copyType', message: 'Ce champ est obligatoire.' },
      { field: 'data.delivery', message: 'Ce champ est obligatoire.' },
      { field: 'data.copies', message: 'Ce champ est obligatoire.' },
      { field: 'data.consent', message: 'Ce champ est obligatoire.' },
    ]);
  });
  it('treats blank text as missing', () => {
    expect(errorOn({ lastName: '   ' })).toEqual(['data.lastName: Ce champ est obligatoire.']);
  });
  it('rejects keys the form does not know, including layout blocks', () => {
    expect(errorOn({ nickname: 'Lulu', rgpd: 'x' })).toEqual([
      'data.nickname: Ce champ ne fait pas partie du formulaire.',
      'data.rgpd: Ce champ ne fait pas partie du formulaire.',
    ]);
  });
  it('refuses something other than an object', () => {
    expect(validateFormData(def, [1, 2])).toEqual([
      { field: 'data', message: 'Les réponses au formulaire sont manquantes.' },
    ]);
  });
  it('checks text lengths and the designer pattern with its own message', () => {
    expect(errorOn({ lastName: 'x'.repeat(101) })).toEqual(['data.lastName: Saisissez au plus 100 caractères.']);
    expect(errorOn({ firstName: 'x'.repeat(501) })).toEqual(['data.firstName: Saisissez au plus 500 caractères.']);
    expect(errorOn({ idNumber: 'ab12' })).toEqual(['data.idNumber: De 9 à 12 lettres majuscules ou chiffres.']);
    expect(errorOn({ idNumber: 'AB1234567' })).toEqual([]);
    expect(
      validateFormData(only({ name: 'a', type: 'text', label: 'A', rules: { minLength: 3 } }), { a: 'ab' }),
    ).toEqual([{ field: 'data.a', message: 'Saisissez au moins 3 caractères.' }]);
  });
  it('matches the whole value against the pattern, not a part of it', () => {
    expect(errorOn({ idNumber: 'AB1234567 et du texte' })).toHaveLength(1);
  });
  it('checks numbers and their bounds, reading French decimals', () => {
    expect(errorOn({ copies: 0 })).toEqual(['data.copies: Saisissez un nombre supérieur ou égal à 1.']);
    expect(errorOn({ copies: '6' })).toEqual(['data.copies: Saisissez un nombre inférieur ou égal à 5.']);
    expect(errorOn({ copies: 'deux' })).toEqual(['data.copies: Saisissez un nombre.']);
    expect(errorOn({ copies: '2,0' })).toEqual([]);
  });
  it('accepts only real calendar dates, ISO or French', () => {
    expect(errorOn({ birthDate: '2023-02-29' })).toEqual([
      'data.birthDate: Saisissez une date valide, par exemple 14/07/2026.',
    ]);
    expect(errorOn({ birthDate: '2024-02-29' })).toEqual([]);
    expect(errorOn({ birthDate: '17/05/1990' })).toEqual([]);
    expect(errorOn({ birthDate: '31/04/1990' })).toHaveLength(1);
    expect(isCalendarDate('1990-13-01')).toBe(false);
  });
  it('checks e-mail addresses and French phone numbers', () => {
    expect(errorOn({ email: 'lea.martin@' })).toEqual([
      'data.email: Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
    ]);
    expect(errorOn({ email: ' lea.martin@exemple.fr ' })).toEqual([]);
    for (const phone of [
      '01 23 45 67 89',
      '06.12.34.56.78',
      '+33 6 12 34 56 78',
      '+33 (0)6 12 34 56 78',
      '0033612345678',
      '+32 470 12 34 56',
    ]) {
      expect(errorOn({ phone }), phone).toEqual([]);
    }
    for (const phone of ['12 34', '00 12 34 56 78', '+33 0 12']) {
      expect(errorOn({ phone }), phone).toEqual([
        'data.phone: Saisissez un numéro de téléphone valide, par exemple 01 23 45 67 89.',
      ]);
    }
  });
  it('wants choices among the options', () => {
    expect(errorOn({ copyType: 'autre' })).toEqual(['data.copyType: Choisissez une des options proposées.']);
    expect(errorOn({ purposes: ['passeport', 'voyage'] })).toEqual([
      'data.purposes: Choisissez parmi les options proposées.',
    ]);
    expect(errorOn({ purposes: 'mariage' })).toEqual([]);
  });
  it('wants a required box ticked, and yes/no for a boolean', () => {
    expect(errorOn({ consent: false })).toEqual(['data.consent: Vous devez cocher cette case.']);
    expect(errorOn({ consent: 'on' })).toEqual([]);
    expect(errorOn({ consent: 'peut-être' })).toEqual(['data.consent: Répondez par oui ou non.']);
  });
  it('checks each part of an address', () => {
    expect(errorOn({ deliveryAddress: { street: '', postalCode: '591', city: 'Roubaix' } })).toEqual([
      'data.deliveryAddress.street: Ce champ est obligatoire.',
      'data.deliveryAddress.postalCode: Saisissez un code postal à 5 chiffres.',
    ]);
    expect(errorOn({ deliveryAddress: { street: '1 rue Haute', postalCode: '59 100', city: 'Roubaix' } })).toEqual([]);
  });
  it('wants a file field to hold an uploaded document of an accepted type and size', () => {
    const integrale = { copyType: 'integrale' };
    expect(errorOn(integrale)).toEqual(['data.idDocument: Ce champ est obligatoire.']);
    expect(errorOn({ ...integrale, idDocument: 'doc-1' })).toEqual(['data.idDocument: Joignez un fichier valide.']);
    expect(errorOn({ ...integrale, idDocument: doc({ size: 6_000_000 }) })).toEqual([
      'data.idDocument: Le fichier dépasse la taille maximale de 5 Mo.',
    ]);
    expect(errorOn({ ...integrale, idDocument: doc({ mediaType: 'application/zip', fileName: 'a.zip' }) })).toEqual([
      "data.idDocument: Ce type de fichier n'est pas accepté. Formats acceptés : application/pdf, image/*.",
    ]);
    expect(errorOn({ ...integrale, idDocument: doc({ mediaType: 'image/jpeg', fileName: 'photo.jpg' }) })).toEqual([]);
  });
  it('neither requires nor checks a field hidden by its condition', () => {
    expect(errorOn({ delivery: 'guichet', deliveryAddress: undefined })).toEqual([]);
    expect(errorOn({ delivery: 'guichet', deliveryAddress: { street: '', postalCode: 'x', city: '' } })).toEqual([]);
    expect(errorOn({ delivery: 'courrier', deliveryAddress: undefined })).toEqual([
      'data.deliveryAddress: Ce champ est obligatoire.',
    ]);
  });
  it('hides a field whose controller is itself hidden', () => {
    const chain = {
      fields: [
        { name: 'a', type: 'boolean', label: 'A' },
        {
          name: 'b',
          type: 'radio',
          label: 'B',
          options: [{ value: 'x', label: 'X' }],
          showIf: { field: 'a', equals: true },
        },
        { name: 'c', type: 'text', label: 'C', required: true, showIf: { field: 'b', equals: 'x' } },
      ] satisfies FormField[],
    };
    expect(validateFormData(chain, { a: true, b: 'x' })).toEqual([
      { field: 'data.c', message: 'Ce champ est obligatoire.' },
    ]);
    expect(validateFormData(chain, { a: false, b: 'x' })).toEqual([]);
  });
  it('is not fooled by field names that exist on every object', () => {
    expect(validateFormData(only({ name: 'constructor', type: 'text', label: 'C', required: true }), {})).toEqual([
      { field: 'data.constructor', message: 'Ce champ est obligatoire.' },
    ]);
  });
});

describe('visibleFields and normaliseFormData', () => {
  it('lists the fields to show, layout included, for the answers so far', () => {
    const names = (data: Record<string, unknown>) => visibleFields(def, data).map((f) => f.name);
    expect(names({ delivery: 'guichet' })).not.toContain('deliveryAddress');
    expect(names({ delivery: 'courrier', copyType: 'integrale' })).toEqual(
      expect.arrayContaining(['identite', 'deliveryAddress', 'idDocument', 'rgpd']),
    );
  });
  it('trims, reads form posts, drops hidden and empty fields and keeps unknown keys for validation', () => {
    const posted = {
      lastName: ' Martin ',
      copies: '2',
      consent: 'on',
      delivery: 'guichet',
      deliveryAddress: { street: 'x' },
      phone: '',
      extra: 1,
    };
    expect(normaliseFormData(def, posted)).toEqual({
      lastName: 'Martin',
      copies: 2,
      consent: true,
      delivery: 'guichet',
      extra: 1,
    });
  });
  it('is idempotent', () => {
    const once = normaliseFormData(def, {
      ...validAnswers(),
      lastName: '  Martin',
      purposes: 'mariage',
      birthDate: '17/05/1990',
    });
    expect(normaliseFormData(def, once)).toEqual(once);
    expect(once.birthDate).toBe('1990-05-17');
    expect(once.purposes).toEqual(['mariage']);
  });
});
