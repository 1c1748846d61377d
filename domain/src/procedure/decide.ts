import { forbidUnless, hasRoleOn, isAdmin, isDelegateOf, isSystem } from '../access.ts';
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
import type { ProcedureDefinition, ProcedureEvent } from './events.ts';
import type { ProcedureState } from './state.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Designers and admins of the owning service shape its procedures; an admin of any service may too. */
function mayDesign(actor: Actor, serviceId: string): boolean {
  return isSystem(actor) || isAdmin(actor) || hasRoleOn(actor, serviceId, ['designer', 'admin']);
}

/** What a publication (direct, or approving a delegate's proposal) needs: a complete draft that changed. */
function publishableDraft(state: ProcedureState): ProcedureDefinition {
  const draft = state.draft;
  if (!draft) throw new IllegalStateError('Aucun brouillon à publier.');
  const errors = validateProcedureDefinition(draft);
  if (errors.length > 0) throw new ValidationError(errors.map((e) => ({ ...e, field: `definition.${e.field}` })));
  const latest = state.versions[state.latestVersion];
  // Definitions come back from the same events they were stored with, so equal JSON means unchanged.
  if (latest && JSON.stringify(latest) === JSON.stringify(draft)) {
    throw new IllegalStateError(`Aucune modification depuis la version ${state.latestVersion}.`);
  }
  return draft;
}

/**
 * Procedures: a draft edited freely, versions published after a full check, retirement final.
 * A retired procedure accepts no command at all (it can still be read).
 *
 * A third party holding a delegation of the procedure's category (theme) drafts too, but never
 * publishes: they submit the draft for moderation, and a designer of the owning service or an
 * administrator approves it (a publication with every check) or rejects it with a reason.
 */
export function decideProcedure(command: ProcedureCommand, state: ProcedureState, meta: CommandMeta): ProcedureEvent[] {
  if (command.type === 'DefineProcedure') {
    const { procedureId, slug, definition } = command.data;
    forbidUnless(
      mayDesign(meta.actor, definition.serviceId) || isDelegateOf(meta.actor, definition.theme),
      'Seuls les concepteurs du service, ou les délégués de cette catégorie, peuvent créer une démarche.',
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
  const designer = mayDesign(meta.actor, owner);
  const delegate = !designer && isDelegateOf(meta.actor, state.draft?.theme ?? '');
  forbidUnless(designer || delegate, 'Seuls les concepteurs du service peuvent modifier cette démarche.');
  if (state.retired) throw new IllegalStateError('Cette démarche est retirée : elle ne peut plus être modifiée.');
  const { procedureId } = state;
  const pending = state.moderation?.status === 'pending';
  const moderate = (what: string) => {
    forbidUnless(designer, `Seuls les concepteurs du service et les administrateurs peuvent ${what} une proposition.`);
    if (!pending) throw new IllegalStateError('Aucune proposition n’attend de modération pour cette démarche.');
  };

  switch (command.type) {
    case 'UpdateProcedureDraft': {
      const { definition } = command.data;
      if (delegate) {
        if (pending) {
          throw new IllegalStateError(
            'Votre proposition attend la décision d’un modérateur : elle ne peut pas être modifiée.',
          );
        }
        forbidUnless(
          isDelegateOf(meta.actor, definition.theme),
          'Vous ne pouvez classer cette démarche que dans une catégorie qui vous est déléguée.',
        );
        forbidUnless(
          definition.serviceId === owner,
          'Le service qui traite la démarche est choisi par la commune : vous ne pouvez pas le changer.',
        );
      } else {
        // Moving a procedure to another service needs rights on both.
        forbidUnless(
          mayDesign(meta.actor, definition.serviceId),
          "Vous n'avez pas les droits sur le service de destination.",
        );
      }
      throwIfInvalid(checkText(definition.serviceId, 'definition.serviceId', 1, 200));
      return [{ type: 'ProcedureDraftUpdated', data: { procedureId, definition } }];
    }
    case 'PublishProcedureVersion': {
      forbidUnless(designer, 'Vous ne publiez pas vous-même : soumettez la démarche à la modération.');
      const definition = publishableDraft(state);
      return [
        {
          type: 'ProcedureVersionPublished',
          data: { procedureId, version: state.latestVersion + 1, definition },
        },
      ];
    }
    case 'RetireProcedure': {
      forbidUnless(designer, 'Seuls les concepteurs du service peuvent retirer cette démarche.');
      throwIfInvalid(checkText(command.data.reason, 'reason'));
      return [{ type: 'ProcedureRetired', data: { procedureId, reason: command.data.reason.trim() } }];
    }
    case 'SubmitProcedureForModeration': {
      forbidUnless(delegate, 'La modération concerne les délégués : en tant que concepteur, publiez directement.');
      if (pending) throw new IllegalStateError('Cette démarche attend déjà la décision d’un modérateur.');
      publishableDraft(state);
      return [{ type: 'ProcedureSubmittedForModeration', data: { procedureId } }];
    }
    case 'ApproveProcedureModeration': {
      moderate('approuver');
      const definition = publishableDraft(state);
      return [
        { type: 'ProcedureModerationApproved', data: { procedureId } },
        { type: 'ProcedureVersionPublished', data: { procedureId, version: state.latestVersion + 1, definition } },
      ];
    }
    case 'RejectProcedureModeration': {
      moderate('refuser');
      throwIfInvalid(checkText(command.data.reason, 'reason'));
      return [{ type: 'ProcedureModerationRejected', data: { procedureId, reason: command.data.reason.trim() } }];
    }
    default:
      return assertNever(command);
  }
}
