import { forbidUnless, hasRoleOn, isAdmin, isSystem } from '../access.ts';
import { checkText, throwIfInvalid } from '../checks.ts';
import {
  IllegalStateError,
  NotFoundError,
  ValidationError,
  assertNever,
  type Actor,
  type CommandMeta,
} from '../common.ts';
import type { ProcedureCommand } from './commands.ts';
import { validateProcedureDefinition } from './definition.ts';
import type { ProcedureEvent } from './events.ts';
import type { ProcedureState } from './state.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Designers and admins of the owning service shape its procedures; an admin of any service may too. */
function mayDesign(actor: Actor, serviceId: string): boolean {
  return isSystem(actor) || isAdmin(actor) || hasRoleOn(actor, serviceId, ['designer', 'admin']);
}

/**
 * Procedures: a draft edited freely, versions published after a full check, retirement final.
 * A retired procedure accepts no command at all (it can still be read).
 */
export function decideProcedure(command: ProcedureCommand, state: ProcedureState, meta: CommandMeta): ProcedureEvent[] {
  if (command.type === 'DefineProcedure') {
    const { procedureId, slug, definition } = command.data;
    forbidUnless(
      mayDesign(meta.actor, definition.serviceId),
      'Seuls les concepteurs du service peuvent créer une démarche.',
    );
    if (state.exists) throw new IllegalStateError('Cette démarche existe déjà.');
    throwIfInvalid([
      ...(typeof slug === 'string' && slug.length <= 80 && SLUG.test(slug)
        ? []
        : [
            {
              field: 'slug',
              message: 'Adresse invalide : minuscules, chiffres et tirets, par exemple acte-de-naissance.',
            },
          ]),
      ...checkText(definition.serviceId, 'definition.serviceId', 1, 200),
      ...checkText(procedureId, 'procedureId', 1, 200),
    ]);
    return [{ type: 'ProcedureDefined', data: { procedureId, tenant: meta.tenant, slug, definition } }];
  }

  // The tenant check answers "not found": another town's procedures are not ours to know about.
  if (!state.exists || state.tenant !== meta.tenant) throw new NotFoundError('Démarche introuvable.');
  const owner = state.draft?.serviceId ?? '';
  forbidUnless(mayDesign(meta.actor, owner), 'Seuls les concepteurs du service peuvent modifier cette démarche.');
  if (state.retired) throw new IllegalStateError('Cette démarche est retirée : elle ne peut plus être modifiée.');
  const { procedureId } = state;

  switch (command.type) {
    case 'UpdateProcedureDraft': {
      const { definition } = command.data;
      // Moving a procedure to another service needs rights on both.
      forbidUnless(
        mayDesign(meta.actor, definition.serviceId),
        "Vous n'avez pas les droits sur le service de destination.",
      );
      throwIfInvalid(checkText(definition.serviceId, 'definition.serviceId', 1, 200));
      return [{ type: 'ProcedureDraftUpdated', data: { procedureId, definition } }];
    }
    case 'PublishProcedureVersion': {
      const draft = state.draft;
      if (!draft) throw new IllegalStateError('Aucun brouillon à publier.');
      const errors = validateProcedureDefinition(draft);
      if (errors.length > 0) throw new ValidationError(errors.map((e) => ({ ...e, field: `definition.${e.field}` })));
      const latest = state.versions[state.latestVersion];
      // Definitions come back from the same events they were stored with, so equal JSON means unchanged.
      if (latest && JSON.stringify(latest) === JSON.stringify(draft)) {
        throw new IllegalStateError(`Aucune modification depuis la version ${state.latestVersion}.`);
      }
      return [
        {
          type: 'ProcedureVersionPublished',
          data: { procedureId, version: state.latestVersion + 1, definition: draft },
        },
      ];
    }
    case 'RetireProcedure': {
      throwIfInvalid(checkText(command.data.reason, 'reason'));
      return [{ type: 'ProcedureRetired', data: { procedureId, reason: command.data.reason.trim() } }];
    }
    default:
      return assertNever(command);
  }
}
