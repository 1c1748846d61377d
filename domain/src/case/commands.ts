import type { Channel, Profile } from '../common.ts';
import type { ProcedureDefinition } from '../procedure/events.ts';
import type { Direction, DocumentRef, Outcome } from './events.ts';

/** The published procedure version a submission is checked against (loaded by the handler). */
export interface PublishedProcedure {
  procedureId: string;
  version: number;
  retired: boolean;
  definition: ProcedureDefinition;
}

export type CaseCommand =
  | {
      type: 'SubmitCase';
      data: {
        caseId: string;
        reference: string;
        procedure: PublishedProcedure;
        channel: Channel;
        /** Set when the actor is an agent recording on behalf of a resident, or the citizen themselves. */
        citizenId: string | null;
        contact: Profile | null;
        /** SHA-256 of the tracking code, for anonymous submissions. */
        trackingCodeHash: string | null;
        data: Record<string, unknown>;
        documents: DocumentRef[];
      };
    }
  | { type: 'AcknowledgeCase'; data: Record<string, never> }
  | { type: 'AssignCase'; data: { assignee: string } }
  | { type: 'UnassignCase'; data: Record<string, never> }
  | { type: 'TransferCase'; data: { toServiceId: string; reason: string } }
  | { type: 'RequestInformation'; data: { requestId: string; message: string } }
  | { type: 'ProvideInformation'; data: { message: string; documents: DocumentRef[] } }
  | { type: 'SendMessage'; data: { messageId: string; text: string; documents: DocumentRef[] } }
  | { type: 'LogPhoneCall'; data: { direction: Direction; durationSeconds: number; summary: string } }
  | { type: 'LogLetter'; data: { direction: Direction; summary: string; documents: DocumentRef[] } }
  | { type: 'LogCounterVisit'; data: { summary: string } }
  | { type: 'AttachDocument'; data: { document: DocumentRef } }
  | { type: 'WriteInternalNote'; data: { noteId: string; text: string } }
  | {
      type: 'TransitionWorkflow';
      data: {
        transitionId: string;
        workflow: ProcedureDefinition['workflow'];
        /** Only the scheduler (system actor) sets it, for a transition due after N days. */
        automatic?: boolean | undefined;
      };
    }
  | { type: 'DecideCase'; data: { outcome: Outcome; reason: string } }
  | { type: 'CloseCase'; data: { reason: string } }
  | { type: 'ReopenCase'; data: { reason: string } }
  | { type: 'RateCase'; data: { score: number; comment: string } };
