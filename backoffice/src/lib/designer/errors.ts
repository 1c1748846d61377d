import type { ProcedureDefinition } from '@guichet/domain';

/** The three tabs of the builder a problem can be fixed in. */
export type Tab = 'general' | 'formulaire' | 'circuit';

export interface Located {
  tab: Tab;
  /** Id of the element to show the message next to (and to link to from a summary). */
  id: string;
  /** Where it is, in words: « Champ 2 « Motif » », « État « Reçue » ». */
  where: string;
  message: string;
}

const PROPS: Record<string, string> = {
  showIf_field: 'showIfField',
  showIf_equals: 'showIfEquals',
};

/**
 * Where the builder shows a validation message of the API (`definition.fields[2].rules.maxLength`,
 * `definition.workflow.states[1]`…): the element ids follow the builder's naming (`f-2-maxLength`, `s-1`).
 */
export function locate(path: string): { tab: Tab; id: string } {
  const p = path.replace(/^definition\./, '');
  let m = /^fields\[(\d+)\](?:\.(.+))?$/.exec(p);
  if (m) {
    const rest = m[2];
    if (!rest) return { tab: 'formulaire', id: `f-${m[1]}` };
    const prop = rest.startsWith('options')
      ? 'options'
      : rest.startsWith('rules.')
        ? rest.slice(6)
        : (PROPS[rest.replace('.', '_')] ?? rest.split('.')[0]!);
    return { tab: 'formulaire', id: `f-${m[1]}-${prop}` };
  }
  if (p === 'fields') return { tab: 'formulaire', id: 'champs' };
  m = /^workflow\.(states|transitions)\[(\d+)\](?:\.([A-Za-z]+))?/.exec(p);
  if (m) return { tab: 'circuit', id: `${m[1] === 'states' ? 's' : 't'}-${m[2]}${m[3] ? `-${m[3]}` : ''}` };
  if (p === 'workflow.initial') return { tab: 'circuit', id: 'initial' };
  if (p === 'workflow.transitions') return { tab: 'circuit', id: 'transitions' };
  if (p.startsWith('workflow')) return { tab: 'circuit', id: 'etats' };
  if (p.startsWith('documentsToProvide')) return { tab: 'general', id: 'documentsToProvide' };
  return { tab: 'general', id: p.split(/[.[]/)[0] || 'title' };
}

const GENERAL_NAMES: Record<string, string> = {
  title: 'Titre',
  description: 'Description',
  theme: 'Thème',
  serviceId: 'Service',
  deadlineDays: 'Délai de réponse',
  access: 'Accès',
  documentsToProvide: 'Documents à fournir',
  retentionMonths: 'Durée de conservation',
};

const quoted = (label: string | undefined) => (label?.trim() ? ` « ${label.trim()} »` : '');

function where(id: string, def: ProcedureDefinition | null): string {
  const m = /^([fst])-(\d+)/.exec(id);
  if (m) {
    const i = Number(m[2]);
    if (m[1] === 'f') return `Champ ${i + 1}${quoted(def?.fields[i]?.label)}`;
    if (m[1] === 's') return `État ${i + 1}${quoted(def?.workflow.states[i]?.label)}`;
    return `Transition ${i + 1}${quoted(def?.workflow.transitions[i]?.label)}`;
  }
  if (id === 'champs') return 'Formulaire';
  if (id === 'etats' || id === 'transitions') return 'Circuit';
  if (id === 'initial') return 'État initial';
  return GENERAL_NAMES[id] ?? id;
}

export function locateAll(
  errors: readonly { field: string; message: string }[],
  def: ProcedureDefinition | null,
): Located[] {
  return errors.map((e) => {
    const { tab, id } = locate(e.field);
    return { tab, id, where: where(id, def), message: e.message };
  });
}

/** Messages by element id; an element may collect several (a state both unreachable and stuck). */
export function byElement(located: readonly Located[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const l of located) {
    const messages = (out[l.id] ??= []);
    if (!messages.includes(l.message)) messages.push(l.message);
  }
  return out;
}
