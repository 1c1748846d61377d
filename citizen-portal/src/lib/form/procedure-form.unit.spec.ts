import { describe, expect, it } from 'vitest';
import type { FormField } from '../types';
import { readPosted, withoutPrefix } from './procedure-form';

const fields: FormField[] = [
  { name: 'titre', type: 'section', label: 'Votre demande' },
  { name: 'nom', type: 'text', label: 'Nom' },
  {
    name: 'jours',
    type: 'checkboxes',
    label: 'Jours',
    options: [
      { value: 'lun', label: 'Lundi' },
      { value: 'mar', label: 'Mardi' },
    ],
  },
  { name: 'accord', type: 'boolean', label: 'J’accepte' },
  { name: 'adresse', type: 'address', label: 'Adresse' },
  { name: 'piece', type: 'file', label: 'Pièce' },
  { name: 'note', type: 'textarea', label: 'Note' },
];
const doc = { documentId: 'd-1', fileName: 'facture.pdf', mediaType: 'application/pdf', size: 2048, sha256: 'abc' };

function posted(entries: [string, string][]): FormData {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

describe('reading back a form the renderer drew', () => {
  it('reads the back office’s `data.` names into the same answers as the portal’s', () => {
    const entries: [string, string][] = [
      ['nom', '  Dupont '],
      ['jours', 'lun'],
      ['jours', 'mar'],
      ['accord', 'true'],
      ['adresse.street', '12 rue des Tilleuls'],
      ['adresse.postalCode', '99000'],
      ['adresse.city', 'S.'],
      ['piece__ref', JSON.stringify(doc)],
      ['note', '   '],
    ];
    const expected = {
      nom: 'Dupont',
      jours: ['lun', 'mar'],
      accord: true,
      adresse: { street: '12 rue des Tilleuls', postalCode: '99000', city: 'S.' },
      piece: doc,
    };
    expect(readPosted(fields, posted(entries))).toEqual(expected);
    expect(readPosted(fields, posted(entries.map(([k, v]) => [`data.${k}`, v])), 'data.')).toEqual(expected);
  });

  it('drops an attached file the person chose to remove, and a reference that is not one', () => {
    expect(
      readPosted(
        fields,
        posted([
          ['piece__ref', JSON.stringify(doc)],
          ['piece__retirer', 'true'],
        ]),
      ),
    ).toEqual({});
    expect(readPosted(fields, posted([['piece__ref', '{"pas":"un document"}']]))).toEqual({});
    expect(readPosted(fields, posted([['piece__ref', 'pas du JSON']]))).toEqual({});
  });

  it('keys the errors of a prefixed form as the renderer does, keeping others as they are', () => {
    expect(
      withoutPrefix(
        {
          'data.nom': 'Ce champ est obligatoire.',
          'data.adresse.city': 'Saisissez la commune.',
          citizenId: 'Choisissez le demandeur.',
        },
        'data.',
      ),
    ).toEqual({
      nom: 'Ce champ est obligatoire.',
      'adresse.city': 'Saisissez la commune.',
      citizenId: 'Choisissez le demandeur.',
    });
  });
});
