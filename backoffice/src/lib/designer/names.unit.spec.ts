import { describe, expect, it } from 'vitest';
import { fieldNameFrom, idFrom } from './names.ts';

describe('names derived from labels', () => {
  it('turns a French label into a field name the domain accepts', () => {
    expect(fieldNameFrom('Date de naissance')).toBe('dateDeNaissance');
    expect(fieldNameFrom('Œuvre d’art à déplacer ?')).toBe('oeuvreDArtADeplacer');
    expect(fieldNameFrom('2e adresse')).toBe('champ2eAdresse');
    expect(fieldNameFrom('  ')).toBe('');
    expect(fieldNameFrom('x'.repeat(80))).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);
  });

  it('never gives a name already taken', () => {
    expect(fieldNameFrom('Nom', ['nom'])).toBe('nom2');
    expect(fieldNameFrom('Nom', ['nom', 'nom2'])).toBe('nom3');
    expect(fieldNameFrom('a'.repeat(64), ['a'.repeat(64)])).toBe(`${'a'.repeat(63)}2`);
  });

  it('turns a label into a state, transition or option identifier', () => {
    expect(idFrom('En cours d’instruction')).toBe('en-cours-d-instruction');
    expect(idFrom('Reçue', ['recue'])).toBe('recue2');
    expect(idFrom('!!!')).toBe('');
  });
});
