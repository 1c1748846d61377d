import type { ProcedureDefinition } from './events.ts';

export type ProcedureCommand =
  | { type: 'DefineProcedure'; data: { procedureId: string; slug: string; definition: ProcedureDefinition } }
  | { type: 'UpdateProcedureDraft'; data: { definition: ProcedureDefinition } }
  | { type: 'PublishProcedureVersion'; data: Record<string, never> }
  | { type: 'RetireProcedure'; data: { reason: string } }
  | { type: 'SubmitProcedureForModeration'; data: Record<string, never> }
  | { type: 'ApproveProcedureModeration'; data: Record<string, never> }
  | { type: 'RejectProcedureModeration'; data: { reason: string } };
