import { describe, expect, it } from 'vitest';
import { validateWorkflow, type ProcedureDefinition } from '@guichet/domain';
import {
  addField,
  addState,
  addTransition,
  moveField,
  moveState,
  removeField,
  removeState,
  removeTransition,
  starterWorkflow,
} from './draft-ops.ts';

const draft = (): ProcedureDefinition => ({
  title: 'Terrasse',
  description: '',
  theme: 'urbanisme',
  serviceId: 'voirie',
  deadlineDays: 30,
  access: 'account',
  documentsToProvide: [],
  fields: [
    { name: 'chauffage', type: 'boolean', label: 'Terrasse chauffée' },
    { name: 'mode', type: 'text', label: 'Mode de chauffage', showIf: { field: 'chauffage', equals: true } },
    { name: 'surface', type: 'number', label: 'Surface' },
  ],
  workflow: starterWorkflow(),
});

describe('form builder buttons', () => {
  it('adds an empty field at the end, with room for options when it is a choice', () => {
    const { definition, focus } = addField(draft(), 'radio');
    expect(definition.fields.at(-1)).toEqual({ name: '', type: 'radio', label: '', options: [] });
    expect(focus).toBe('f-3-label');
  });

  it('moves a field up and down, and not past the ends', () => {
    const up = moveField(draft(), 2, -1);
    expect(up.definition.fields.map((f) => f.name)).toEqual(['chauffage', 'surface', 'mode']);
    expect(up.message).toBe('Champ « Surface » déplacé en position 2.');
    const down = moveField(draft(), 0, 1);
    expect(down.definition.fields.map((f) => f.name)).toEqual(['mode', 'chauffage', 'surface']);
    expect(moveField(draft(), 0, -1).definition).toEqual(draft());
    expect(moveField(draft(), 2, 1).definition).toEqual(draft());
  });

  it('removes a field and the conditions that depended on it', () => {
    const { definition, message } = removeField(draft(), 0);
    expect(definition.fields).toEqual([
      { name: 'mode', type: 'text', label: 'Mode de chauffage' },
      { name: 'surface', type: 'number', label: 'Surface' },
    ]);
    expect(message).toBe(
      'Champ « Terrasse chauffée » supprimé. Le champ qui en dépendait est désormais toujours affiché.',
    );
  });
});

describe('workflow builder buttons', () => {
  it('starts new procedures with a complete circuit', () => {
    expect(validateWorkflow(starterWorkflow())).toEqual([]);
  });

  it('adds and moves states', () => {
    const added = addState(draft()).definition;
    expect(added.workflow.states.at(-1)).toEqual({ id: '', label: '' });
    expect(moveState(added, 2, -1).definition.workflow.states.map((s) => s.id)).toEqual(['recue', '', 'traitee']);
  });

  it('removes a state with the transitions that touched it, and finds another initial state', () => {
    const { definition, message } = removeState(draft(), 0);
    expect(definition.workflow).toEqual({
      initial: 'traitee',
      states: [{ id: 'traitee', label: 'Traitée', publicLabel: 'Traitée', final: true }],
      transitions: [],
    });
    expect(message).toBe('État « Reçue » supprimé. La transition qui le reliait a été supprimée.');
  });

  it('adds a transition from a working state to a final one, and removes it', () => {
    const added = addTransition(draft()).definition;
    expect(added.workflow.transitions.at(-1)).toEqual({ id: '', label: '', from: 'recue', to: 'traitee' });
    expect(removeTransition(added, 0).definition.workflow.transitions).toEqual([
      { id: '', label: '', from: 'recue', to: 'traitee' },
    ]);
  });
});
