import {
  CHOICE_TYPES,
  FIELD_TYPES,
  LAYOUT_TYPES,
  ROLES,
  type FieldOption,
  type FieldRules,
  type FieldType,
  type FormField,
  type ProcedureDefinition,
  type Role,
  type Workflow,
  type WorkflowState,
  type WorkflowTransition,
} from '@guichet/domain';
import { fieldNameFrom, idFrom } from './names.ts';
import { PREFILL_TYPES } from './labels.ts';

/**
 * The builder is one long HTML form per tab; these functions read what it posts back into a
 * definition, and give the text the inputs show. Names are `f.<i>.<prop>` (fields), `s.<i>.<prop>`
 * (states), `t.<i>.<prop>` (transitions); the matching element ids are `f-<i>-<prop>`…
 * A reference to another field or state is posted as its position in the page, so renaming it in
 * the same submission does not break the reference; `id:<x>` keeps a reference the page could not
 * resolve (an imported definition naming a missing state) so that validation can point at it.
 */

/** Messages keyed by element id, for input the builder could not even read (« 12abc » jours). */
export type Problems = Record<string, string>;

export type GeneralPart = Omit<ProcedureDefinition, 'fields' | 'workflow'>;

const str = (fd: FormData, name: string) => {
  const v = fd.get(name);
  return typeof v === 'string' ? v.trim() : '';
};
const strs = (fd: FormData, name: string) => fd.getAll(name).filter((v): v is string => typeof v === 'string');
const checked = (fd: FormData, name: string) => fd.has(name);
const idOf = (name: string) => name.replaceAll('.', '-');

function integer(fd: FormData, name: string, problems: Problems): number | undefined {
  const raw = str(fd, name).replace(/[\s\u00a0\u202f]/g, '');
  if (raw === '') return undefined;
  if (/^\d+$/.test(raw)) return Number(raw);
  problems[idOf(name)] = 'Saisissez un nombre entier, par exemple 15.';
  return undefined;
}

function decimal(fd: FormData, name: string, problems: Problems): number | undefined {
  const raw = str(fd, name)
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.');
  if (raw === '') return undefined;
  if (/^[-+]?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  problems[idOf(name)] = 'Saisissez un nombre, par exemple 12,5.';
  return undefined;
}

/** Positions present in the posted form for a prefix (`f`, `s`, `t`), in page order. */
function positions(fd: FormData, prefix: string): number[] {
  const found = new Set<number>();
  const re = new RegExp(`^${prefix}\\.(\\d+)\\.`);
  for (const key of fd.keys()) {
    const m = re.exec(key);
    if (m) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b);
}

/** Resolves a posted reference: a position in `ids`, or `id:<x>` kept as is. */
function reference(raw: string, ids: readonly string[]): string | undefined {
  if (raw === '') return undefined;
  if (raw.startsWith('id:')) return raw.slice(3);
  return /^\d+$/.test(raw) ? ids[Number(raw)] : undefined;
}

export function readGeneral(fd: FormData): { general: GeneralPart; problems: Problems } {
  const problems: Problems = {};
  const access = str(fd, 'access') === 'anonymous' ? 'anonymous' : 'account';
  const deadlineDays = integer(fd, 'deadlineDays', problems);
  const retentionMonths = integer(fd, 'retentionMonths', problems);
  const general: GeneralPart = {
    title: str(fd, 'title'),
    description: str(fd, 'description'),
    theme: str(fd, 'theme'),
    serviceId: str(fd, 'serviceId'),
    // 0 is refused by validation with a clear message; a blank must not silently become a deadline.
    deadlineDays: deadlineDays ?? 0,
    access,
    documentsToProvide: str(fd, 'documentsToProvide')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  };
  if (retentionMonths !== undefined) general.retentionMonths = retentionMonths;
  return { general, problems };
}

/** `Libellé` when the value is the one the label gives, `valeur | Libellé` otherwise. */
export function optionsText(options: readonly FieldOption[] | undefined): string {
  return (options ?? []).map((o) => (o.value === idFrom(o.label) ? o.label : `${o.value} | ${o.label}`)).join('\n');
}

export function readOptions(text: string): FieldOption[] {
  const values: string[] = [];
  const options: FieldOption[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const bar = line.indexOf('|');
    const label = (bar >= 0 ? line.slice(bar + 1) : line).trim();
    const value = bar >= 0 ? line.slice(0, bar).trim() : idFrom(label, values);
    values.push(value);
    options.push({ value, label });
  }
  return options;
}

/** A number as a French designer types it back: « 12,5 ». Exact, so a round trip changes nothing. */
export const numberText = (n: number | undefined) => (n === undefined || n === null ? '' : String(n).replace('.', ','));
/** Megabytes with every decimal: a size in bytes is a multiple of 2^-20 Mo, whose decimal expansion is finite. */
export const megabytesText = (bytes: number | undefined) =>
  bytes === undefined || bytes === null
    ? ''
    : (bytes / 1_048_576)
        .toFixed(20)
        .replace(/\.?0+$/, '')
        .replace('.', ',');

function readRules(fd: FormData, at: string, type: FieldType, problems: Problems): FieldRules | undefined {
  const rules: FieldRules = {};
  if (type === 'text' || type === 'textarea') {
    rules.minLength = integer(fd, `${at}.minLength`, problems);
    rules.maxLength = integer(fd, `${at}.maxLength`, problems);
    const pattern = str(fd, `${at}.pattern`);
    if (pattern) {
      rules.pattern = pattern;
      rules.patternMessage = str(fd, `${at}.patternMessage`) || undefined;
    }
  } else if (type === 'number') {
    rules.min = decimal(fd, `${at}.min`, problems);
    rules.max = decimal(fd, `${at}.max`, problems);
  } else if (type === 'file') {
    const mo = decimal(fd, `${at}.maxSize`, problems);
    rules.maxSize = mo === undefined ? undefined : Math.round(mo * 1_048_576);
    const accept = strs(fd, `${at}.accept`).filter(Boolean);
    rules.accept = accept.length > 0 ? accept : undefined;
  }
  const kept = Object.entries(rules).filter(([, v]) => v !== undefined);
  return kept.length > 0 ? (Object.fromEntries(kept) as FieldRules) : undefined;
}

export function readFields(fd: FormData): { fields: FormField[]; problems: Problems } {
  const problems: Problems = {};
  const at = positions(fd, 'f').map((i) => `f.${i}`);
  // First the names and types, which conditions refer to.
  const explicit = at.map((a) => str(fd, `${a}.name`));
  const names: string[] = [];
  at.forEach((a, i) => {
    names.push(explicit[i] || fieldNameFrom(str(fd, `${a}.label`), [...explicit, ...names]));
  });
  const types = at.map((a) => {
    const t = str(fd, `${a}.type`);
    return (FIELD_TYPES as readonly string[]).includes(t) ? (t as FieldType) : ('text' as FieldType);
  });

  const fields = at.map((a, i): FormField => {
    const type = types[i]!;
    const field: FormField = { name: names[i]!, type, label: str(fd, `${a}.label`) };
    const help = str(fd, `${a}.help`);
    if (help) field.help = help;
    const holdsValue = !LAYOUT_TYPES.includes(type);
    if (holdsValue && checked(fd, `${a}.required`)) field.required = true;
    if (CHOICE_TYPES.includes(type)) field.options = readOptions(str(fd, `${a}.options`));
    const rules = readRules(fd, a, type, problems);
    if (rules) field.rules = rules;
    const controller = reference(str(fd, `${a}.showIfField`), names);
    if (controller !== undefined) {
      const controllerType = types[names.indexOf(controller)];
      const raw = str(fd, `${a}.showIfEquals`);
      const equals = controllerType === 'boolean' ? !['false', 'non', 'off', '0'].includes(raw.toLowerCase()) : raw;
      field.showIf = { field: controller, equals };
    }
    const prefill = str(fd, `${a}.prefill`) as NonNullable<FormField['prefill']>;
    if (holdsValue && prefill && PREFILL_TYPES[prefill]) field.prefill = prefill;
    return field;
  });
  return { fields, problems };
}

export function readWorkflow(fd: FormData): { workflow: Workflow; problems: Problems } {
  const problems: Problems = {};
  const stateAt = positions(fd, 's').map((i) => `s.${i}`);
  const explicit = stateAt.map((a) => str(fd, `${a}.id`));
  const ids: string[] = [];
  stateAt.forEach((a, i) => ids.push(explicit[i] || idFrom(str(fd, `${a}.label`), [...explicit, ...ids])));
  const states = stateAt.map((a, i): WorkflowState => {
    const label = str(fd, `${a}.label`);
    const state: WorkflowState = { id: ids[i]!, label };
    if (checked(fd, `${a}.visible`)) state.publicLabel = str(fd, `${a}.publicLabel`) || label;
    if (checked(fd, `${a}.final`)) state.final = true;
    if (checked(fd, `${a}.pausesDeadline`)) state.pausesDeadline = true;
    return state;
  });

  const transitionAt = positions(fd, 't').map((i) => `t.${i}`);
  const explicitT = transitionAt.map((a) => str(fd, `${a}.id`));
  const tids: string[] = [];
  transitionAt.forEach((a, i) => tids.push(explicitT[i] || idFrom(str(fd, `${a}.label`), [...explicitT, ...tids])));
  const transitions = transitionAt.map((a, i): WorkflowTransition => {
    const t: WorkflowTransition = {
      id: tids[i]!,
      label: str(fd, `${a}.label`),
      from: reference(str(fd, `${a}.from`), ids) ?? '',
      to: reference(str(fd, `${a}.to`), ids) ?? '',
    };
    const roles = strs(fd, `${a}.roles`).filter((r): r is Role => (ROLES as readonly string[]).includes(r));
    if (roles.length > 0) t.roles = roles;
    const message = str(fd, `${a}.messageTemplate`);
    if (message) t.messageTemplate = message;
    const days = integer(fd, `${a}.autoAfterDays`, problems);
    if (days !== undefined) t.autoAfterDays = days;
    return t;
  });

  const initial = reference(str(fd, 'initial'), ids) ?? ids[0] ?? '';
  return { workflow: { initial, states, transitions }, problems };
}
