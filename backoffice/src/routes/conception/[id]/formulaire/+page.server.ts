import { FIELD_TYPES, type FieldType, type ProcedureDefinition } from '@guichet/domain';
import { readFields } from '$lib/designer/draft-form';
import { addField, moveField, removeField, type Outcome } from '$lib/designer/draft-ops';
import { indexOf, saveDraft } from '$lib/designer/procedures.server';
import type { Actions } from './$types';

/** This tab posts the fields; the rest of the draft stays as saved. */
const readPart = (fd: FormData, draft: ProcedureDefinition) => {
  const { fields, problems } = readFields(fd);
  return { definition: { ...draft, fields }, problems };
};

const op = (fn: (def: ProcedureDefinition, fd: FormData) => Outcome) => (event: Parameters<Actions[string]>[0]) =>
  saveDraft(event, readPart, fn);

export const actions: Actions = {
  save: (event) => saveDraft(event, readPart),
  addField: op((def, fd) => {
    const type = String(fd.get('newType'));
    return addField(def, (FIELD_TYPES as readonly string[]).includes(type) ? (type as FieldType) : 'text');
  }),
  moveUp: op((def, fd) => moveField(def, indexOf(fd), -1)),
  moveDown: op((def, fd) => moveField(def, indexOf(fd), 1)),
  removeField: op((def, fd) => removeField(def, indexOf(fd))),
};
