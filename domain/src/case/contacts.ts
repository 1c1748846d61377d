import { MAX_TEXT, checkId, checkText, throwIfInvalid } from '../checks.ts';
import { IllegalStateError, assertNever, type CommandMeta, type FieldError } from '../common.ts';
import { validateDocumentRef, validateDocuments } from '../documents.ts';
import type { CaseCommand } from './commands.ts';
import type { CaseEvent } from './events.ts';
import { acknowledgedIfNew, partyOf, requireCaseAgent } from './guards.ts';
import type { CaseState } from './state.ts';

type ContactCommand = Extract<
  CaseCommand,
  { type: 'SendMessage' | 'LogPhoneCall' | 'LogLetter' | 'LogCounterVisit' | 'AttachDocument' | 'WriteInternalNote' }
>;

const direction = (value: unknown): FieldError[] =>
  value === 'inbound' || value === 'outbound'
    ? []
    : [{ field: 'direction', message: 'Indiquez le sens : reçu ou émis.' }];

/**
 * The town keeps a record of every contact, so agents log calls, letters, visits, documents and
 * notes even on a closed case. Messages are a conversation about a live request: none once closed,
 * and a resident cannot add documents to a closed case either.
 */
export function decideContact(command: ContactCommand, state: CaseState, meta: CommandMeta): CaseEvent[] {
  const { caseId } = state;
  const closedForResident = 'Ce dossier est clos : pour une nouvelle demande, déposez un nouveau dossier.';
  switch (command.type) {
    case 'SendMessage': {
      const from = partyOf(meta.actor, state);
      if (state.status === 'closed')
        throw new IllegalStateError(from === 'citizen' ? closedForResident : 'Ce dossier est clos.');
      const { messageId, text, documents } = command.data;
      throwIfInvalid([
        ...checkId(messageId, 'messageId'),
        ...checkText(text, 'text'),
        ...validateDocuments(documents, 'documents'),
      ]);
      return [
        ...(from === 'agent' ? acknowledgedIfNew(state) : []),
        { type: 'MessageSent', data: { caseId, messageId, from, text: text.trim(), documents } },
      ];
    }
    case 'AttachDocument': {
      const by = partyOf(meta.actor, state);
      if (by === 'citizen' && state.status === 'closed') throw new IllegalStateError(closedForResident);
      throwIfInvalid(validateDocumentRef(command.data.document, 'document'));
      return [{ type: 'DocumentAttached', data: { caseId, by, document: command.data.document } }];
    }
    case 'LogPhoneCall': {
      requireCaseAgent(meta.actor, state);
      const { durationSeconds, summary } = command.data;
      const duration: FieldError[] =
        Number.isInteger(durationSeconds) && durationSeconds >= 0 && durationSeconds <= 86_400
          ? []
          : [
              {
                field: 'durationSeconds',
                message: "La durée de l'appel est un nombre entier de secondes, de 0 à 86 400.",
              },
            ];
      throwIfInvalid([...direction(command.data.direction), ...duration, ...checkText(summary, 'summary')]);
      return [
        {
          type: 'PhoneCallLogged',
          data: { caseId, direction: command.data.direction, durationSeconds, summary: summary.trim() },
        },
      ];
    }
    case 'LogLetter': {
      requireCaseAgent(meta.actor, state);
      const { summary, documents } = command.data;
      throwIfInvalid([
        ...direction(command.data.direction),
        ...checkText(summary, 'summary'),
        ...validateDocuments(documents, 'documents'),
      ]);
      return [
        {
          type: 'LetterLogged',
          data: { caseId, direction: command.data.direction, summary: summary.trim(), documents },
        },
      ];
    }
    case 'LogCounterVisit': {
      requireCaseAgent(meta.actor, state);
      throwIfInvalid(checkText(command.data.summary, 'summary'));
      return [{ type: 'CounterVisitLogged', data: { caseId, summary: command.data.summary.trim() } }];
    }
    case 'WriteInternalNote': {
      requireCaseAgent(meta.actor, state);
      const { noteId, text } = command.data;
      throwIfInvalid([...checkId(noteId, 'noteId'), ...checkText(text, 'text', 1, MAX_TEXT)]);
      return [{ type: 'InternalNoteWritten', data: { caseId, noteId, text: text.trim() } }];
    }
    default:
      return assertNever(command);
  }
}
