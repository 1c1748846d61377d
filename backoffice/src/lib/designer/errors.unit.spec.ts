import { describe, expect, it } from 'vitest';
import { validateProcedureDefinition, type ProcedureDefinition } from '@guichet/domain';
import { byElement, locate, locateAll } from './errors.ts';

describe('where the builder shows a validation message', () => {
  it('maps API paths to the element of the right tab', () => {
    expect(locate('definition.title')).toEqual({ tab: 'general', id: 'title' });
    expect(locate('definition.documentsToProvide[2]')).toEqual({ tab: 'general', id: 'documentsToProvide' });
    expect(locate('definition.fields')).toEqual({ tab: 'formulaire', id: 'champs' });
    expect(locate('definition.fields[2].label')).toEqual({ tab: 'formulaire', id: 'f-2-label' });
    expect(locate('definition.fields[2].options[1].value')).toEqual({ tab: 'formulaire', id: 'f-2-options' });
    expect(locate('definition.fields[0].rules.maxLength')).toEqual({ tab: 'formulaire', id: 'f-0-maxLength' });
    expect(locate('definition.fields[3].showIf.equals')).toEqual({ tab: 'formulaire', id: 'f-3-showIfEquals' });
    expect(locate('definition.fields[3].showIf.field')).toEqual({ tab: 'formulaire', id: 'f-3-showIfField' });
    expect(locate('definition.workflow.states[1]')).toEqual({ tab: 'circuit', id: 's-1' });
    expect(locate('definition.workflow.states[1].id')).toEqual({ tab: 'circuit', id: 's-1-id' });
    expect(locate('definition.workflow.transitions[0].from')).toEqual({ tab: 'circuit', id: 't-0-from' });
    expect(locate('definition.workflow.initial')).toEqual({ tab: 'circuit', id: 'initial' });
    expect(locate('definition.workflow.states')).toEqual({ tab: 'circuit', id: 'etats' });
  });

  it('names the field or state at fault in the summary, and groups messages by element', () => {
    const def: ProcedureDefinition = {
      title: 'T',
      description: '',
      theme: 'x',
      serviceId: 'voirie',
      deadlineDays: 5,
      access: 'account',
      documentsToProvide: [],
      fields: [{ name: 'motif', type: 'select', label: 'Motif', options: [] }],
      workflow: {
        initial: 'a',
        states: [
          { id: 'a', label: 'Reçue' },
          { id: 'b', label: 'Perdue' },
          { id: 'c', label: 'Close', final: true },
        ],
        transitions: [{ id: 't', label: 'Clore', from: 'a', to: 'c' }],
      },
    };
    const located = locateAll(
      validateProcedureDefinition(def).map((e) => ({ ...e, field: `definition.${e.field}` })),
      def,
    );
    expect(located.map((l) => `${l.tab} ${l.where} : ${l.message}`)).toEqual([
      'formulaire Champ 1 « Motif » : Proposez au moins une option.',
      "circuit État 2 « Perdue » : L'état « Perdue » n'est pas atteignable depuis l'état initial.",
      "circuit État 2 « Perdue » : Aucune transition ne sort de l'état « Perdue » : marquez-le comme final ou ajoutez une transition.",
    ]);
    expect(Object.keys(byElement(located))).toEqual(['f-0-options', 's-1']);
    expect(byElement(located)['s-1']).toHaveLength(2);
  });
});
