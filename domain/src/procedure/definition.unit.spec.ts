import { describe, expect, it } from 'vitest';
import { birthCertificate, workflow } from '../fixtures.ts';
import { validateProcedureDefinition } from './definition.ts';
import type { FormField, Workflow } from './events.ts';
import { validateWorkflow } from './workflow.ts';

const fieldsAtFault = (errors: { field: string }[]) => errors.map((e) => e.field).sort();
const withFields = (fields: FormField[]) => validateProcedureDefinition(birthCertificate({ fields }));
const text = (name: string, extra: Partial<FormField> = {}): FormField => ({
  name,
  type: 'text',
  label: name,
  ...extra,
});

describe('validateProcedureDefinition', () => {
  it('accepts the sample procedure', () => {
    expect(validateProcedureDefinition(birthCertificate())).toEqual([]);
  });
  it('wants a title, a theme, a service and a deadline of at least one day', () => {
    const errors = validateProcedureDefinition(
      birthCertificate({ title: ' ', theme: '', serviceId: '', deadlineDays: 0.5 }),
    );
    expect(fieldsAtFault(errors)).toEqual(['deadlineDays', 'serviceId', 'theme', 'title']);
    expect(errors.find((e) => e.field === 'title')?.message).toBe('Ce champ est obligatoire.');
  });
  it('wants at least one field that takes an answer', () => {
    expect(fieldsAtFault(withFields([{ name: 'intro', type: 'help', label: 'Bienvenue' }]))).toEqual(['fields']);
  });
  it('refuses duplicate and malformed field names', () => {
    expect(fieldsAtFault(withFields([text('nom'), text('nom'), text('2e champ'), text('a.b')]))).toEqual([
      'fields[1].name',
      'fields[2].name',
      'fields[3].name',
    ]);
  });
  it('wants options with unique values for lists, radios and checkboxes, and none elsewhere', () => {
    const errors = withFields([
      { name: 'a', type: 'select', label: 'A' },
      {
        name: 'b',
        type: 'radio',
        label: 'B',
        options: [
          { value: 'x', label: 'X' },
          { value: 'x', label: 'Y' },
        ],
      },
      { name: 'c', type: 'checkboxes', label: 'C', options: [{ value: 'x', label: '' }] },
      text('d', { options: [{ value: 'x', label: 'X' }] }),
    ]);
    expect(fieldsAtFault(errors)).toEqual([
      'fields[0].options',
      'fields[1].options[1].value',
      'fields[2].options[0].label',
      'fields[3].options',
    ]);
  });
  it('checks rules: sane bounds, a compiling pattern, rules that fit the type', () => {
    const errors = withFields([
      text('a', { rules: { minLength: 5, maxLength: 2 } }),
      { name: 'b', type: 'number', label: 'B', rules: { min: 10, max: 1 } },
      text('c', { rules: { pattern: '([a-z' } }),
      { name: 'd', type: 'number', label: 'D', rules: { maxLength: 3 } },
      { name: 'e', type: 'file', label: 'E', rules: { maxSize: 0, accept: [''] } },
    ]);
    expect(fieldsAtFault(errors)).toEqual([
      'fields[0].rules.maxLength',
      'fields[1].rules.max',
      'fields[2].rules.pattern',
      'fields[3].rules.maxLength',
      'fields[4].rules.accept',
      'fields[4].rules.maxSize',
    ]);
  });
  it('lets a condition depend only on an earlier field, with a value of the right kind', () => {
    const errors = withFields([
      text('a', { showIf: { field: 'b', equals: 'x' } }),
      { name: 'b', type: 'boolean', label: 'B' },
      text('c', { showIf: { field: 'b', equals: 'oui' } }),
      { name: 'd', type: 'select', label: 'D', options: [{ value: 'x', label: 'X' }] },
      text('e', { showIf: { field: 'd', equals: 'y' } }),
      text('f', { showIf: { field: 'b', equals: true } }),
    ]);
    expect(fieldsAtFault(errors)).toEqual([
      'fields[0].showIf.field',
      'fields[2].showIf.equals',
      'fields[4].showIf.equals',
    ]);
  });
  it('refuses a required layout block and a prefill that does not fit', () => {
    const errors = withFields([
      { name: 's', type: 'section', label: 'S', required: true },
      { name: 'n', type: 'number', label: 'N', prefill: 'email' },
    ]);
    expect(fieldsAtFault(errors)).toEqual(['fields[0].required', 'fields[1].prefill']);
  });
  it('reports workflow errors under workflow.', () => {
    const errors = validateProcedureDefinition(
      birthCertificate({ workflow: { ...workflow(), initial: 'nulle-part' } }),
    );
    expect(fieldsAtFault(errors)).toContain('workflow.initial');
  });
});

describe('validateWorkflow', () => {
  const wf = (patch: Partial<Workflow>): Workflow => ({ ...workflow(), ...patch });
  it('accepts the sample workflow, including its reopen transition out of a final state', () => {
    expect(validateWorkflow(workflow())).toEqual([]);
  });
  it('wants the initial state among the states, and not final', () => {
    expect(fieldsAtFault(validateWorkflow(wf({ initial: 'x' })))).toContain('workflow.initial');
    expect(fieldsAtFault(validateWorkflow(wf({ initial: 'delivree' })))).toContain('workflow.initial');
  });
  it('refuses duplicate state ids and transitions to unknown states', () => {
    const base = workflow();
    const errors = validateWorkflow({
      ...base,
      states: [...base.states, { id: 'recue', label: 'Doublon' }],
      transitions: [...base.transitions, { id: 'vers_rien', label: 'X', from: 'instruction', to: 'rien' }],
    });
    expect(fieldsAtFault(errors)).toEqual(['workflow.states[5].id', 'workflow.transitions[6].to']);
  });
  it('wants every state reachable and at least one final state', () => {
    const base = workflow();
    const orphan = validateWorkflow({
      ...base,
      states: [...base.states, { id: 'oubliee', label: 'Oubliée', final: true }],
    });
    expect(orphan).toEqual([
      { field: 'workflow.states[5]', message: "L'état « Oubliée » n'est pas atteignable depuis l'état initial." },
    ]);
    const noFinal = validateWorkflow({
      initial: 'a',
      states: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
      transitions: [
        { id: 't', label: 'T', from: 'a', to: 'b' },
        { id: 'u', label: 'U', from: 'b', to: 'a' },
      ],
    });
    expect(fieldsAtFault(noFinal)).toEqual(['workflow.states']);
  });
  it('refuses a dead end: a state that is not final and has no way out', () => {
    const base = workflow();
    const errors = validateWorkflow({ ...base, transitions: base.transitions.filter((t) => t.id !== 'pieces_recues') });
    expect(fieldsAtFault(errors)).toEqual(['workflow.states[2]']);
  });
  it('lets only a "reopen" transition to a non-final state leave a final state', () => {
    const base = workflow();
    const out = (t: Workflow['transitions'][number]) =>
      validateWorkflow({ ...base, transitions: [...base.transitions, t] });
    expect(fieldsAtFault(out({ id: 'rectifier', label: 'R', from: 'refusee', to: 'instruction' }))).toEqual([
      'workflow.transitions[6].from',
    ]);
    expect(fieldsAtFault(out({ id: 'reopen', label: 'R', from: 'refusee', to: 'delivree' }))).toEqual([
      'workflow.transitions[6].from',
      'workflow.transitions[6].id',
    ]);
  });
  it('checks transition roles and automatic delays', () => {
    const base = workflow();
    const errors = validateWorkflow({
      ...base,
      transitions: base.transitions.map((t) => (t.id === 'prendre' ? { ...t, roles: [], autoAfterDays: 0 } : t)),
    });
    expect(fieldsAtFault(errors)).toEqual(['workflow.transitions[0].autoAfterDays', 'workflow.transitions[0].roles']);
  });
});
