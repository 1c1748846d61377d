import type { DomainEvent, Role } from '../common.ts';

export const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'date',
  'email',
  'phone',
  'select',
  'radio',
  'checkboxes',
  'boolean',
  'address',
  'file',
  'section',
  'help',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldOption {
  value: string;
  label: string;
}

export interface FieldRules {
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  /** ECMAScript regular expression the whole value must match. */
  pattern?: string;
  /** French message shown when the pattern does not match. */
  patternMessage?: string;
  /** file fields: max size in bytes and accepted media types. */
  maxSize?: number;
  accept?: string[];
}

export interface FormField {
  /** Key of the value in the case's `data`. */
  name: string;
  type: FieldType;
  label: string;
  help?: string;
  required?: boolean;
  options?: FieldOption[];
  rules?: FieldRules;
  /** Shown (and validated) only when another field has this value. */
  showIf?: { field: string; equals: string | boolean };
  /** Prefilled from the citizen's profile. */
  prefill?: 'firstName' | 'lastName' | 'email' | 'phone' | 'address';
}

export interface WorkflowState {
  id: string;
  label: string;
  /** Label the citizen sees; the state is hidden from citizens when absent. */
  publicLabel?: string;
  final?: boolean;
  /** The deadline stops running while a case is in this state. */
  pausesDeadline?: boolean;
}

export interface WorkflowTransition {
  id: string;
  label: string;
  from: string;
  to: string;
  /** Roles allowed to trigger it (default: agent). */
  roles?: Role[];
  /** Message sent to the citizen when it is taken. */
  messageTemplate?: string;
  /** Taken automatically after this many days in `from`. */
  autoAfterDays?: number;
}

export interface Workflow {
  initial: string;
  states: WorkflowState[];
  transitions: WorkflowTransition[];
}

export interface ProcedureDefinition {
  title: string;
  description: string;
  theme: string;
  serviceId: string;
  /** Calendar days the town commits to answer in. */
  deadlineDays: number;
  /** 'account': identification required; 'anonymous': may be submitted without account (tracking code). */
  access: 'account' | 'anonymous';
  documentsToProvide: string[];
  fields: FormField[];
  workflow: Workflow;
  /** Months a closed request is kept. */
  retentionMonths?: number;
}

export type ProcedureDefined = DomainEvent<
  'ProcedureDefined',
  { procedureId: string; tenant: string; slug: string; definition: ProcedureDefinition }
>;
/** The draft changed (form builder); not visible to citizens until published. */
export type ProcedureDraftUpdated = DomainEvent<
  'ProcedureDraftUpdated',
  { procedureId: string; definition: ProcedureDefinition }
>;
export type ProcedureVersionPublished = DomainEvent<
  'ProcedureVersionPublished',
  { procedureId: string; version: number; definition: ProcedureDefinition }
>;
export type ProcedureRetired = DomainEvent<'ProcedureRetired', { procedureId: string; reason: string }>;

/** A delegate (third party) proposes the draft for publication; the owning service's designers or an admin decide. */
export type ProcedureSubmittedForModeration = DomainEvent<'ProcedureSubmittedForModeration', { procedureId: string }>;
/** The moderator accepted the proposal; a ProcedureVersionPublished follows in the same command. */
export type ProcedureModerationApproved = DomainEvent<'ProcedureModerationApproved', { procedureId: string }>;
/** The moderator refused the proposal; the delegate reads the reason, corrects the draft and submits again. */
export type ProcedureModerationRejected = DomainEvent<
  'ProcedureModerationRejected',
  { procedureId: string; reason: string }
>;

export type ProcedureEvent =
  | ProcedureDefined
  | ProcedureDraftUpdated
  | ProcedureVersionPublished
  | ProcedureRetired
  | ProcedureSubmittedForModeration
  | ProcedureModerationApproved
  | ProcedureModerationRejected;
