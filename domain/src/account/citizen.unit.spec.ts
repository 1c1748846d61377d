import { describe, expect, it } from 'vitest';
import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError, type Profile } from '../common.ts';
import { actors, metaFor, specification } from '../testing.ts';
import { decideCitizen } from './citizen-decide.ts';
import { evolveCitizen, initialCitizenState } from './citizen-state.ts';
import type { CitizenCommand } from './commands.ts';
import type { CitizenEvent } from './events.ts';

const given = specification({ decide: decideCitizen, evolve: evolveCitizen, initialState: initialCitizenState });
const anonymous = metaFor(actors.anonymous());
const self = metaFor(actors.citizen('cit-1'));
const agent = metaFor(actors.agent());
const HASH = 'scrypt$16384$salt$hash';
const lea: Profile = { firstName: 'Léa', lastName: 'Martin' };
const register = (email = ' Lea.Martin@Exemple.FR ', profile: Profile = lea): CitizenCommand => ({
  type: 'RegisterCitizen',
  data: { citizenId: 'cit-1', email, passwordHash: HASH, profile },
});
const registered: CitizenEvent = {
  type: 'CitizenRegistered',
  data: {
    citizenId: 'cit-1',
    tenant: 'ville-s',
    email: 'lea.martin@exemple.fr',
    passwordHash: HASH,
    profile: { ...lea, email: 'lea.martin@exemple.fr' },
  },
};
const durand: Profile = { firstName: '', lastName: 'Durand', phone: '06 12 34 56 78' };
const contactCreated: CitizenEvent = {
  type: 'CitizenContactCreated',
  data: { citizenId: 'cit-9', tenant: 'ville-s', profile: durand, createdBy: 'ag-1' },
};
const update = (profile: Profile): CitizenCommand => ({ type: 'UpdateCitizenProfile', data: { profile } });

describe('RegisterCitizen', () => {
  it('opens an account once, with the e-mail in lower case, prefilling the profile e-mail', () => {
    expect(given([]).when(register(), anonymous).then([registered]).kind).toBe('account');
    given([registered]).when(register(), anonymous).thenThrows(IllegalStateError);
  });
  it('wants a valid e-mail and both names', () => {
    given([])
      .when(register('lea.martin@', { firstName: ' ', lastName: '' }), anonymous)
      .thenThrows(ValidationError, ['email', 'profile.firstName', 'profile.lastName']);
  });
  it('is for people not logged in', () => {
    given([]).when(register(), self).thenThrows(ForbiddenError);
    given([]).when(register(), agent).thenThrows(ForbiddenError);
  });
});

describe('CreateCitizenContact', () => {
  const create = (profile: Profile): CitizenCommand => ({
    type: 'CreateCitizenContact',
    data: { citizenId: 'cit-9', profile },
  });
  it('lets an agent record a resident with a surname and a way to answer them', () => {
    expect(given([]).when(create(durand), agent).then([contactCreated]).kind).toBe('contact');
    given([])
      .when(create({ firstName: '', lastName: 'Durand' }), agent)
      .thenThrows(ValidationError, ['profile']);
    given([])
      .when(create({ ...durand, lastName: '' }), agent)
      .thenThrows(ValidationError, ['profile.lastName']);
  });
  it('is for agents only, once', () => {
    given([]).when(create(durand), self).thenThrows(ForbiddenError);
    given([contactCreated]).when(create(durand), agent).thenThrows(IllegalStateError);
  });
});

describe('UpdateCitizenProfile', () => {
  const moved: Profile = {
    ...lea,
    email: 'lea.martin@exemple.fr',
    address: { street: ' 4 rue Neuve ', postalCode: '59100', city: 'Roubaix' },
  };
  it('lets the account holder update their profile, cleaned', () => {
    given([registered])
      .when(update(moved), self)
      .then([
        {
          type: 'CitizenProfileUpdated',
          data: {
            citizenId: 'cit-1',
            profile: { ...moved, address: { street: '4 rue Neuve', postalCode: '59100', city: 'Roubaix' } },
          },
        },
      ]);
  });
  it('records nothing when nothing changed', () => {
    expect(
      given([registered])
        .when(update({ ...lea, email: 'lea.martin@exemple.fr' }), self)
        .then([]),
    ).toMatchObject({ profile: registered.data.profile });
  });
  it("keeps an account's profile to its owner, while agents keep contacts up to date", () => {
    given([registered]).when(update(moved), agent).thenThrows(ForbiddenError);
    given([registered])
      .when(update(moved), metaFor(actors.citizen('cit-2')))
      .thenThrows(ForbiddenError);
    given([contactCreated])
      .when(update({ ...durand, phone: '01 23 45 67 89' }), agent)
      .then([
        {
          type: 'CitizenProfileUpdated',
          data: { citizenId: 'cit-9', profile: { ...durand, phone: '01 23 45 67 89' } },
        },
      ]);
  });
  it('checks the profile and knows only its tenant', () => {
    given([registered])
      .when(update({ ...lea, phone: '123' }), self)
      .thenThrows(ValidationError, ['profile.phone']);
    given([]).when(update(lea), self).thenThrows(NotFoundError);
    given([registered])
      .when(update(lea), { ...self, tenant: 'autre' })
      .thenThrows(NotFoundError);
  });
});

describe('ChangeCitizenPassword', () => {
  const change = (passwordHash: string): CitizenCommand => ({ type: 'ChangeCitizenPassword', data: { passwordHash } });
  it('is for the account holder, with a new hash', () => {
    given([registered])
      .when(change('new-hash'), self)
      .then([{ type: 'CitizenPasswordChanged', data: { citizenId: 'cit-1', passwordHash: 'new-hash' } }]);
    given([registered]).when(change(''), self).thenThrows(ValidationError, ['passwordHash']);
    given([registered]).when(change('new-hash'), agent).thenThrows(ForbiddenError);
  });
  it('makes no sense for a contact without an account', () => {
    given([contactCreated])
      .when(change('x'), metaFor(actors.citizen('cit-9')))
      .thenThrows(IllegalStateError);
  });
});
