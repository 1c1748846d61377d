import { CHOICE_TYPES, type FieldType, type FormField, type ProcedureDefinition, type Workflow } from '@guichet/domain';

/**
 * What the builder's buttons do to a draft. Pure: the form action reads the posted draft, applies
 * one of these and saves the result. Each answers the new definition and a French sentence for the
 * status message; `focus` names the element to bring into view afterwards.
 */
export interface Outcome {
  definition: ProcedureDefinition;
  message: string;
  focus?: string;
}

const swap = <T>(list: readonly T[], i: number, j: number): T[] => {
  const copy = [...list];
  [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  return copy;
};
const inRange = (list: readonly unknown[], i: number) => Number.isInteger(i) && i >= 0 && i < list.length;
const named = (label: string, fallback: string) => (label.trim() ? `« ${label.trim()} »` : fallback);

export function addField(def: ProcedureDefinition, type: FieldType): Outcome {
  const field: FormField = { name: '', type, label: '' };
  if (CHOICE_TYPES.includes(type)) field.options = [];
  const fields = [...def.fields, field];
  const at = fields.length - 1;
  return {
    definition: { ...def, fields },
    message: `Champ ajouté en position ${at + 1}. Donnez-lui un libellé.`,
    focus: `f-${at}-label`,
  };
}

export function moveField(def: ProcedureDefinition, i: number, delta: -1 | 1): Outcome {
  const j = i + delta;
  if (!inRange(def.fields, i) || !inRange(def.fields, j))
    return { definition: def, message: 'Ce champ ne peut pas aller plus loin.' };
  const field = def.fields[i]!;
  return {
    definition: { ...def, fields: swap(def.fields, i, j) },
    message: `Champ ${named(field.label, 'sans libellé')} déplacé en position ${j + 1}.`,
    focus: `f-${j}-${delta < 0 ? 'up' : 'down'}`,
  };
}

/** Conditions that depended on the removed field would hide their field for ever: they go with it. */
export function removeField(def: ProcedureDefinition, i: number): Outcome {
  if (!inRange(def.fields, i)) return { definition: def, message: 'Ce champ n’existe plus.' };
  const removed = def.fields[i]!;
  let freed = 0;
  const fields = def.fields
    .filter((_, k) => k !== i)
    .map((f) => {
      if (f.showIf?.field !== removed.name || removed.name === '') return f;
      freed++;
      const { showIf: _dropped, ...rest } = f;
      return rest;
    });
  const also =
    freed === 0
      ? ''
      : ` ${freed === 1 ? 'Le champ qui en dépendait est désormais toujours affiché.' : `Les ${freed} champs qui en dépendaient sont désormais toujours affichés.`}`;
  return {
    definition: { ...def, fields },
    message: `Champ ${named(removed.label, 'sans libellé')} supprimé.${also}`,
    focus: 'champs',
  };
}

const withWorkflow = (def: ProcedureDefinition, workflow: Partial<Workflow>): ProcedureDefinition => ({
  ...def,
  workflow: { ...def.workflow, ...workflow },
});

export function addState(def: ProcedureDefinition): Outcome {
  const states = [...def.workflow.states, { id: '', label: '' }];
  const at = states.length - 1;
  return {
    definition: withWorkflow(def, { states }),
    message: `État ajouté en position ${at + 1}. Donnez-lui un nom.`,
    focus: `s-${at}-label`,
  };
}

export function moveState(def: ProcedureDefinition, i: number, delta: -1 | 1): Outcome {
  const states = def.workflow.states;
  const j = i + delta;
  if (!inRange(states, i) || !inRange(states, j))
    return { definition: def, message: 'Cet état ne peut pas aller plus loin.' };
  return {
    definition: withWorkflow(def, { states: swap(states, i, j) }),
    message: `État ${named(states[i]!.label, 'sans nom')} déplacé en position ${j + 1}.`,
    focus: `s-${j}-${delta < 0 ? 'up' : 'down'}`,
  };
}

/** Transitions to or from the removed state could never be taken: they are removed too, and said so. */
export function removeState(def: ProcedureDefinition, i: number): Outcome {
  const { states, transitions, initial } = def.workflow;
  if (!inRange(states, i)) return { definition: def, message: 'Cet état n’existe plus.' };
  const removed = states[i]!;
  const kept = transitions.filter((t) => t.from !== removed.id && t.to !== removed.id);
  const rest = states.filter((_, k) => k !== i);
  const dropped = transitions.length - kept.length;
  const also =
    dropped === 0
      ? ''
      : ` ${dropped === 1 ? 'La transition qui le reliait a été supprimée.' : `Les ${dropped} transitions qui le reliaient ont été supprimées.`}`;
  return {
    definition: withWorkflow(def, {
      states: rest,
      transitions: kept,
      initial: initial === removed.id ? (rest[0]?.id ?? '') : initial,
    }),
    message: `État ${named(removed.label, 'sans nom')} supprimé.${also}`,
    focus: 'etats',
  };
}

export function addTransition(def: ProcedureDefinition): Outcome {
  const { states, transitions } = def.workflow;
  const from = states.find((s) => !s.final)?.id ?? states[0]?.id ?? '';
  const to = states.find((s) => s.final)?.id ?? states[0]?.id ?? '';
  const next = [...transitions, { id: '', label: '', from, to }];
  const at = next.length - 1;
  return {
    definition: withWorkflow(def, { transitions: next }),
    message: `Transition ajoutée en position ${at + 1}. Donnez-lui un nom et choisissez ses états.`,
    focus: `t-${at}-label`,
  };
}

export function removeTransition(def: ProcedureDefinition, i: number): Outcome {
  const { transitions } = def.workflow;
  if (!inRange(transitions, i)) return { definition: def, message: 'Cette transition n’existe plus.' };
  const removed = transitions[i]!;
  return {
    definition: withWorkflow(def, { transitions: transitions.filter((_, k) => k !== i) }),
    message: `Transition ${named(removed.label, 'sans nom')} supprimée.`,
    focus: 'transitions',
  };
}

/**
 * What a new procedure starts from: a form to fill in and the simplest complete circuit
 * (received → handled), which the designer then shapes.
 */
export function starterWorkflow(): Workflow {
  return {
    initial: 'recue',
    states: [
      { id: 'recue', label: 'Reçue', publicLabel: 'Reçue' },
      { id: 'traitee', label: 'Traitée', publicLabel: 'Traitée', final: true },
    ],
    transitions: [{ id: 'traiter', label: 'Marquer comme traitée', from: 'recue', to: 'traitee' }],
  };
}
