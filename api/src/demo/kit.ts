import type { FieldOption, WorkflowState, WorkflowTransition } from '@guichet/domain';

/** Small builders that keep the procedure definitions readable as a list of French labels. */

export const options = (...pairs: [value: string, label: string][]): FieldOption[] =>
  pairs.map(([value, label]) => ({ value, label }));

export function state(
  id: string,
  label: string,
  publicLabel: string | undefined,
  flags: { final?: boolean; pausesDeadline?: boolean } = {},
): WorkflowState {
  return { id, label, ...(publicLabel ? { publicLabel } : {}), ...flags };
}

export function transition(
  id: string,
  label: string,
  from: string,
  to: string,
  messageTemplate?: string,
): WorkflowTransition {
  return { id, label, from, to, ...(messageTemplate ? { messageTemplate } : {}) };
}

export const MB = 1024 * 1024;
/** What town halls usually accept for scanned documents. */
export const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
