import type { FormField, ProcedureDefinition, WorkflowState, WorkflowTransition } from '@guichet/domain';

export interface Change {
  kind: 'added' | 'removed' | 'changed';
  /** What changed, e.g. `field:birthDate`, `state:instruction`, `deadlineDays`. */
  path: string;
  /** French description for the designer. */
  label: string;
  before?: unknown;
  after?: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function byId<T>(items: readonly T[], key: (t: T) => string): Map<string, T> {
  return new Map(items.map((i) => [key(i), i]));
}

function diffList<T>(
  kind: string,
  noun: string,
  a: readonly T[],
  b: readonly T[],
  key: (t: T) => string,
  name: (t: T) => string,
): Change[] {
  const before = byId(a, key);
  const after = byId(b, key);
  const out: Change[] = [];
  for (const [id, item] of after) {
    const old = before.get(id);
    if (!old)
      out.push({ kind: 'added', path: `${kind}:${id}`, label: `${noun} ajouté(e) : ${name(item)}`, after: item });
    else if (!same(old, item))
      out.push({
        kind: 'changed',
        path: `${kind}:${id}`,
        label: `${noun} modifié(e) : ${name(item)}`,
        before: old,
        after: item,
      });
  }
  for (const [id, item] of before) {
    if (!after.has(id))
      out.push({ kind: 'removed', path: `${kind}:${id}`, label: `${noun} supprimé(e) : ${name(item)}`, before: item });
  }
  return out;
}

const SCALARS: [keyof ProcedureDefinition, string][] = [
  ['title', 'Titre'],
  ['description', 'Description'],
  ['theme', 'Thème'],
  ['serviceId', 'Service'],
  ['deadlineDays', 'Délai'],
  ['access', 'Accès'],
  ['documentsToProvide', 'Pièces à fournir'],
  ['retentionMonths', 'Durée de conservation'],
];

/** What a designer needs to read before publishing: field by field, state by state. */
export function diffDefinitions(a: ProcedureDefinition, b: ProcedureDefinition): Change[] {
  const changes: Change[] = SCALARS.filter(([k]) => !same(a[k], b[k])).map(([k, label]) => ({
    kind: 'changed',
    path: k,
    label: `${label} modifié(e)`,
    before: a[k],
    after: b[k],
  }));
  changes.push(
    ...diffList<FormField>(
      'field',
      'Champ',
      a.fields,
      b.fields,
      (f) => f.name,
      (f) => f.label,
    ),
  );
  const order = (d: ProcedureDefinition) =>
    d.fields.map((f) => f.name).filter((n) => a.fields.some((f) => f.name === n) && b.fields.some((f) => f.name === n));
  if (!same(order(a), order(b)))
    changes.push({
      kind: 'changed',
      path: 'fields.order',
      label: 'Ordre des champs modifié',
      before: order(a),
      after: order(b),
    });
  changes.push(
    ...diffList<WorkflowState>(
      'state',
      'État',
      a.workflow.states,
      b.workflow.states,
      (s) => s.id,
      (s) => s.label,
    ),
  );
  changes.push(
    ...diffList<WorkflowTransition>(
      'transition',
      'Transition',
      a.workflow.transitions,
      b.workflow.transitions,
      (t) => t.id,
      (t) => t.label,
    ),
  );
  if (a.workflow.initial !== b.workflow.initial) {
    changes.push({
      kind: 'changed',
      path: 'workflow.initial',
      label: 'État initial modifié',
      before: a.workflow.initial,
      after: b.workflow.initial,
    });
  }
  return changes;
}
