import { describe, expect, it } from 'vitest';
import { validateProcedureDefinition } from '@guichet/domain';
import { megabytesText, optionsText, readFields, readGeneral, readOptions, readWorkflow } from './draft-form.ts';

const form = (entries: [string, string][]) => {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
};

describe('reading the general information', () => {
  it('reads numbers, access and one document per line', () => {
    const { general, problems } = readGeneral(
      form([
        ['title', ' Autorisation de terrasse '],
        ['description', 'Pour les cafés.'],
        ['theme', 'urbanisme'],
        ['serviceId', 'voirie'],
        ['deadlineDays', '30'],
        ['access', 'anonymous'],
        ['documentsToProvide', 'Plan de la terrasse\r\n\r\n Attestation d’assurance '],
        ['retentionMonths', ''],
      ]),
    );
    expect(problems).toEqual({});
    expect(general).toEqual({
      title: 'Autorisation de terrasse',
      description: 'Pour les cafés.',
      theme: 'urbanisme',
      serviceId: 'voirie',
      deadlineDays: 30,
      access: 'anonymous',
      documentsToProvide: ['Plan de la terrasse', 'Attestation d’assurance'],
    });
  });

  it('says which number it could not read instead of inventing one', () => {
    const { problems } = readGeneral(
      form([
        ['deadlineDays', '15 jours'],
        ['retentionMonths', '12'],
      ]),
    );
    expect(problems).toEqual({ deadlineDays: 'Saisissez un nombre entier, par exemple 15.' });
  });
});

describe('reading the fields', () => {
  it('derives names, reads options, rules by type and a condition on an earlier field', () => {
    const { fields, problems } = readFields(
      form([
        ['f.0.type', 'radio'],
        ['f.0.label', 'Type de terrasse'],
        ['f.0.name', ''],
        ['f.0.required', 'on'],
        ['f.0.options', 'Ouverte\nfermee | Fermée (véranda)'],
        ['f.1.type', 'number'],
        ['f.1.label', 'Surface'],
        ['f.1.name', ''],
        ['f.1.min', '1,5'],
        ['f.1.max', ''],
        ['f.1.minLength', '3'], // left over from a former type: dropped
        ['f.1.showIfField', '0'],
        ['f.1.showIfEquals', 'fermee'],
        ['f.2.type', 'file'],
        ['f.2.label', 'Plan'],
        ['f.2.name', 'plan'],
        ['f.2.maxSize', '2,5'],
        ['f.2.accept', 'application/pdf'],
        ['f.2.accept', 'image/*'],
        ['f.3.type', 'section'],
        ['f.3.label', 'Vous'],
        ['f.3.name', ''],
        ['f.3.required', 'on'], // a heading is never required
      ]),
    );
    expect(problems).toEqual({});
    expect(fields).toEqual([
      {
        name: 'typeDeTerrasse',
        type: 'radio',
        label: 'Type de terrasse',
        required: true,
        options: [
          { value: 'ouverte', label: 'Ouverte' },
          { value: 'fermee', label: 'Fermée (véranda)' },
        ],
      },
      {
        name: 'surface',
        type: 'number',
        label: 'Surface',
        rules: { min: 1.5 },
        showIf: { field: 'typeDeTerrasse', equals: 'fermee' },
      },
      {
        name: 'plan',
        type: 'file',
        label: 'Plan',
        rules: { maxSize: 2_621_440, accept: ['application/pdf', 'image/*'] },
      },
      { name: 'vous', type: 'section', label: 'Vous' },
    ]);
  });

  it('keeps the condition of a renamed controller, and reads a yes/no condition as a boolean', () => {
    const { fields } = readFields(
      form([
        ['f.0.type', 'boolean'],
        ['f.0.label', 'Terrasse chauffée'],
        ['f.0.name', 'chauffage'],
        ['f.1.type', 'text'],
        ['f.1.label', 'Type de chauffage'],
        ['f.1.showIfField', '0'],
        ['f.1.showIfEquals', 'true'],
        ['f.2.type', 'text'],
        ['f.2.label', 'Raison'],
        ['f.2.showIfField', '0'],
        ['f.2.showIfEquals', 'false'],
      ]),
    );
    expect(fields[1]!.showIf).toEqual({ field: 'chauffage', equals: true });
    expect(fields[2]!.showIf).toEqual({ field: 'chauffage', equals: false });
  });

  it('gives two fields with the same label different names', () => {
    const { fields } = readFields(
      form([
        ['f.0.label', 'Nom'],
        ['f.1.label', 'Nom'],
        ['f.2.label', 'Nom'],
        ['f.2.name', 'nom2'],
      ]),
    );
    expect(fields.map((f) => f.name)).toEqual(['nom', 'nom3', 'nom2']);
  });

  it('flags a number rule it cannot read', () => {
    const { problems } = readFields(
      form([
        ['f.4.type', 'text'],
        ['f.4.label', 'Immatriculation'],
        ['f.4.maxLength', 'dix'],
      ]),
    );
    expect(problems).toEqual({ 'f-4-maxLength': 'Saisissez un nombre entier, par exemple 15.' });
  });

  it('shows options and sizes so that reading them back changes nothing', () => {
    const options = [
      { value: 'ouverte', label: 'Ouverte' },
      { value: 'F', label: 'Fermée' },
    ];
    expect(optionsText(options)).toBe('Ouverte\nF | Fermée');
    expect(readOptions(optionsText(options))).toEqual(options);
    for (const bytes of [5_242_880, 1_000_000, 1]) {
      const { fields } = readFields(
        form([
          ['f.0.type', 'file'],
          ['f.0.label', 'P'],
          ['f.0.maxSize', megabytesText(bytes)],
        ]),
      );
      expect(fields[0]!.rules?.maxSize).toBe(bytes);
    }
  });
});

describe('reading the workflow', () => {
  const posted = form([
    ['initial', '0'],
    ['s.0.label', 'Reçue'],
    ['s.0.id', ''],
    ['s.0.visible', 'on'],
    ['s.0.publicLabel', ''],
    ['s.1.label', 'En instruction'],
    ['s.1.id', 'instruction'],
    ['s.1.pausesDeadline', 'on'],
    ['s.2.label', 'Terminée'],
    ['s.2.id', ''],
    ['s.2.visible', 'on'],
    ['s.2.publicLabel', 'Votre demande est traitée'],
    ['s.2.final', 'on'],
    ['t.0.label', 'Instruire'],
    ['t.0.from', '0'],
    ['t.0.to', '1'],
    ['t.1.label', 'Terminer'],
    ['t.1.from', '1'],
    ['t.1.to', '2'],
    ['t.1.roles', 'manager'],
    ['t.1.messageTemplate', 'Votre demande est traitée.'],
    ['t.1.autoAfterDays', '30'],
    ['t.2.id', 'reopen'],
    ['t.2.label', 'Rouvrir'],
    ['t.2.from', '2'],
    ['t.2.to', 'id:disparu'],
  ]);

  it('reads states and transitions, resolving references by position', () => {
    const { workflow, problems } = readWorkflow(posted);
    expect(problems).toEqual({});
    expect(workflow).toEqual({
      initial: 'recue',
      states: [
        { id: 'recue', label: 'Reçue', publicLabel: 'Reçue' },
        { id: 'instruction', label: 'En instruction', pausesDeadline: true },
        { id: 'terminee', label: 'Terminée', publicLabel: 'Votre demande est traitée', final: true },
      ],
      transitions: [
        { id: 'instruire', label: 'Instruire', from: 'recue', to: 'instruction' },
        {
          id: 'terminer',
          label: 'Terminer',
          from: 'instruction',
          to: 'terminee',
          roles: ['manager'],
          messageTemplate: 'Votre demande est traitée.',
          autoAfterDays: 30,
        },
        { id: 'reopen', label: 'Rouvrir', from: 'terminee', to: 'disparu' },
      ],
    });
  });

  it('gives what it read to the domain validation, which finds the missing state', () => {
    const { workflow } = readWorkflow(posted);
    const { general } = readGeneral(
      form([
        ['title', 'T'],
        ['theme', 'x'],
        ['serviceId', 'voirie'],
        ['deadlineDays', '10'],
      ]),
    );
    const errors = validateProcedureDefinition({
      ...general,
      fields: [{ name: 'a', type: 'text', label: 'A' }],
      workflow,
    });
    expect(errors.map((e) => e.field)).toEqual(['workflow.transitions[2].to', 'workflow.transitions[2].from']);
    expect(errors[0]!.message).toBe("L'état d'arrivée n'existe pas dans le circuit.");
  });
});
