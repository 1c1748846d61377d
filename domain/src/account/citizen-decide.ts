import { actorId, forbidUnless, isStaff, isSystem } from '../access.ts';
import { EMAIL_MESSAGE, checkId, isEmail, throwIfInvalid } from '../checks.ts';
import { IllegalStateError, NotFoundError, assertNever, type CommandMeta, type FieldError } from '../common.ts';
import { normaliseProfile, validateProfile } from '../profile.ts';
import type { CitizenCommand } from './commands.ts';
import type { CitizenEvent } from './events.ts';
import type { CitizenState } from './citizen-state.ts';

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export function checkEmail(email: unknown, field = 'email'): FieldError[] {
  return typeof email === 'string' && isEmail(normaliseEmail(email)) ? [] : [{ field, message: EMAIL_MESSAGE }];
}

export function checkPasswordHash(hash: unknown): FieldError[] {
  // The API hashes; an empty hash would mean a password was never set.
  return typeof hash === 'string' && hash.trim() !== ''
    ? []
    : [{ field: 'passwordHash', message: 'Mot de passe manquant.' }];
}

/**
 * Residents: an account they open themselves, or a contact an agent records for someone who wrote,
 * phoned or came to the counter. E-mail uniqueness needs every account, so the API checks it.
 */
export function decideCitizen(command: CitizenCommand, state: CitizenState, meta: CommandMeta): CitizenEvent[] {
  const actor = meta.actor;
  switch (command.type) {
    case 'RegisterCitizen': {
      forbidUnless(
        actor.kind === 'anonymous' || isSystem(actor),
        'Vous avez déjà un compte : déconnectez-vous pour en créer un autre.',
      );
      if (state.exists) throw new IllegalStateError('Ce compte existe déjà.');
      const { citizenId, email, passwordHash, profile } = command.data;
      throwIfInvalid([
        ...checkId(citizenId, 'citizenId'),
        ...checkEmail(email),
        ...checkPasswordHash(passwordHash),
        ...validateProfile(profile, 'profile', { names: 'both' }),
      ]);
      const clean = normaliseProfile(profile);
      // The sign-up address prefills forms until the resident gives another one.
      const withEmail = { ...clean, email: clean.email ?? normaliseEmail(email) };
      return [
        {
          type: 'CitizenRegistered',
          data: { citizenId, tenant: meta.tenant, email: normaliseEmail(email), passwordHash, profile: withEmail },
        },
      ];
    }
    case 'CreateCitizenContact': {
      forbidUnless(isStaff(actor) || isSystem(actor), 'Seuls les agents peuvent enregistrer un usager.');
      if (state.exists) throw new IllegalStateError('Cet usager existe déjà.');
      const { citizenId, profile } = command.data;
      throwIfInvalid([
        ...checkId(citizenId, 'citizenId'),
        ...validateProfile(profile, 'profile', { names: 'lastName', reachable: true }),
      ]);
      return [
        {
          type: 'CitizenContactCreated',
          data: { citizenId, tenant: meta.tenant, profile: normaliseProfile(profile), createdBy: actorId(actor) },
        },
      ];
    }
    case 'UpdateCitizenProfile': {
      requireKnown(state, meta);
      const self = actor.kind === 'citizen' && actor.id === state.citizenId;
      // An account's profile belongs to its owner; a contact is kept up to date by the agents.
      forbidUnless(
        self || (state.kind === 'contact' && (isStaff(actor) || isSystem(actor))),
        'Vous ne pouvez pas modifier ce profil.',
      );
      const { profile } = command.data;
      const rules =
        state.kind === 'account' ? ({ names: 'both' } as const) : ({ names: 'lastName', reachable: true } as const);
      throwIfInvalid(validateProfile(profile, 'profile', rules));
      const clean = normaliseProfile(profile);
      // Saving an unchanged form records nothing.
      if (JSON.stringify(clean) === JSON.stringify(state.profile)) return [];
      return [{ type: 'CitizenProfileUpdated', data: { citizenId: state.citizenId, profile: clean } }];
    }
    case 'ChangeCitizenPassword': {
      requireKnown(state, meta);
      forbidUnless(
        actor.kind === 'citizen' && actor.id === state.citizenId,
        'Seul le titulaire du compte peut changer son mot de passe.',
      );
      if (state.kind !== 'account') throw new IllegalStateError("Cet usager n'a pas de compte en ligne.");
      throwIfInvalid(checkPasswordHash(command.data.passwordHash));
      return [
        {
          type: 'CitizenPasswordChanged',
          data: { citizenId: state.citizenId, passwordHash: command.data.passwordHash },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

function requireKnown(state: CitizenState, meta: CommandMeta): void {
  if (!state.exists || state.tenant !== meta.tenant) throw new NotFoundError('Usager introuvable.');
}
