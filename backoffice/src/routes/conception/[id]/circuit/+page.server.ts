import type { ProcedureDefinition } from '@guichet/domain';
import { readWorkflow } from '$lib/designer/draft-form';
import {
  addState,
  addTransition,
  moveState,
  removeState,
  removeTransition,
  type Outcome,
} from '$lib/designer/draft-ops';
import { indexOf, saveDraft } from '$lib/designer/procedures.server';
import type { Actions } from './$types';

/** This tab posts the circuit; the form and the catalogue card stay as saved. */
const readPart = (fd: FormData, draft: ProcedureDefinition) => {
  const { workflow, problems } = readWorkflow(fd);
  return { definition: { ...draft, workflow }, problems };
};

const op = (fn: (def: ProcedureDefinition, fd: FormData) => Outcome) => (event: Parameters<Actions[string]>[0]) =>
  saveDraft(event, readPart, fn);

export const actions: Actions = {
  save: (event) => saveDraft(event, readPart),
  addState: op((def) => addState(def)),
  moveStateUp: op((def, fd) => moveState(def, indexOf(fd), -1)),
  moveStateDown: op((def, fd) => moveState(def, indexOf(fd), 1)),
  removeState: op((def, fd) => removeState(def, indexOf(fd))),
  addTransition: op((def) => addTransition(def)),
  removeTransition: op((def, fd) => removeTransition(def, indexOf(fd))),
};
