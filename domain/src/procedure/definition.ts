import type { FieldError } from '../common.ts';
import { FIELD_TYPES, type FieldType, type FormField, type ProcedureDefinition } from './events.ts';
import { validateWorkflow } from './workflow.ts';

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** Field types that hold no value: layout only. */
export const LAYOUT_TYPES: readonly FieldType[] = ['section', 'help'];
export const CHOICE_TYPES: readonly FieldType[] = ['select', 'radio', 'checkboxes'];
const RULES_BY_TYPE: Record<string, readonly FieldType[]> = {
  minLength: ['text', 'textarea'],
  maxLength: ['text', 'textarea'],
  pattern: ['text', 'textarea'],
  patternMessage: ['text', 'textarea'],
  min: ['number'],
  max: ['number'],
  maxSize: ['file'],
  accept: ['file'],
};
const PREFILL_TYPES: Record<NonNullable<FormField['prefill']>, readonly FieldType[]> = {
  firstName: ['text'],
  lastName: ['text'],
  email: ['email', 'text'],
  phone: ['phone', 'text'],
  address: ['address'],
};

export function carriesValue(field: FormField): boolean {
  return !LAYOUT_TYPES.includes(field.type);
}

/** The anchored form of a designer's pattern, shared by publication and form validation. */
export function compilePattern(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return null;
  }
}

/** Everything checked before a version is published; paths are relative to the definition. */
export function validateProcedureDefinition(def: ProcedureDefinition): FieldError[] {
  const errors: FieldError[] = [];
  const err = (field: string, message: string) => errors.push({ field, message });
  const text = (value: unknown, field: string, max: number, required = true) => {
    if (typeof value !== 'string' || (required && value.trim() === '')) err(field, 'Ce champ est obligatoire.');
    else if (value.length > max) err(field, `Saisissez au plus ${max} caractères.`);
  };
  text(def.title, 'title', 200);
  text(def.description, 'description', 5000, false);
  text(def.theme, 'theme', 100);
  text(def.serviceId, 'serviceId', 200);
  if (!(Number.isInteger(def.deadlineDays) && def.deadlineDays >= 1 && def.deadlineDays <= 3650)) {
    err('deadlineDays', 'Le délai de réponse est un nombre entier de jours, entre 1 et 3650.');
  }
  if (def.access !== 'account' && def.access !== 'anonymous') err('access', 'Choisissez « account » ou « anonymous ».');
  (Array.isArray(def.documentsToProvide) ? def.documentsToProvide : []).forEach((d, i) =>
    text(d, `documentsToProvide[${i}]`, 500),
  );
  if (def.retentionMonths !== undefined && !(Number.isInteger(def.retentionMonths) && def.retentionMonths >= 1)) {
    err('retentionMonths', 'La durée de conservation est un nombre entier de mois (au moins 1).');
  }
  const fields = Array.isArray(def.fields) ? def.fields : [];
  if (!fields.some((f) => FIELD_TYPES.includes(f.type) && carriesValue(f))) {
    err('fields', 'Le formulaire doit comporter au moins un champ à remplir.');
  }
  const seen = new Map<string, FormField>();
  fields.forEach((field, i) => {
    errors.push(...validateField(field, `fields[${i}]`, seen));
    if (typeof field.name === 'string' && !seen.has(field.name)) seen.set(field.name, field);
  });
  errors.push(...validateWorkflow(def.workflow));
  return errors;
}

/** `earlier` holds the fields above this one: a condition may only depend on them, which rules out cycles. */
function validateField(field: FormField, at: string, earlier: Map<string, FormField>): FieldError[] {
  const errors: FieldError[] = [];
  const err = (field: string, message: string) => errors.push({ field: `${at}.${field}`, message });
  if (typeof field.name !== 'string' || !FIELD_NAME.test(field.name)) {
    err('name', 'Nom technique invalide : une lettre puis lettres, chiffres ou soulignés (64 au plus).');
  } else if (earlier.has(field.name)) err('name', 'Ce nom de champ est déjà utilisé.');
  if (!FIELD_TYPES.includes(field.type)) {
    err('type', 'Type de champ inconnu.');
    return errors;
  }
  if (typeof field.label !== 'string' || field.label.trim() === '') err('label', 'Donnez un libellé à ce champ.');
  if (!carriesValue(field) && field.required)
    err('required', "Un intertitre ou un texte d'aide ne peut pas être obligatoire.");

  const options = field.options ?? [];
  if (CHOICE_TYPES.includes(field.type)) {
    if (options.length === 0) err('options', 'Proposez au moins une option.');
    const values = new Set<string>();
    options.forEach((o, j) => {
      if (typeof o.value !== 'string' || o.value === '')
        err(`options[${j}].value`, 'Donnez une valeur à cette option.');
      else if (values.has(o.value)) err(`options[${j}].value`, 'Cette valeur est déjà utilisée par une autre option.');
      else values.add(o.value);
      if (typeof o.label !== 'string' || o.label.trim() === '')
        err(`options[${j}].label`, 'Donnez un libellé à cette option.');
    });
  } else if (options.length > 0)
    err('options', "Les options ne s'appliquent qu'aux listes, boutons radio et cases à cocher.");

  errors.push(...validateRules(field, at));

  if (field.showIf) {
    const controller = earlier.get(field.showIf.field);
    if (!controller || !carriesValue(controller)) {
      err('showIf.field', 'La condition doit porter sur un champ placé plus haut dans le formulaire.');
    } else if (
      controller.type === 'boolean' ? typeof field.showIf.equals !== 'boolean' : typeof field.showIf.equals !== 'string'
    ) {
      err('showIf.equals', 'La valeur attendue ne correspond pas au type du champ de la condition.');
    } else if (
      CHOICE_TYPES.includes(controller.type) &&
      !controller.options?.some((o) => o.value === field.showIf?.equals)
    ) {
      err('showIf.equals', 'La valeur attendue doit être une des options du champ de la condition.');
    }
  }
  if (field.prefill !== undefined && !PREFILL_TYPES[field.prefill]?.includes(field.type)) {
    err('prefill', 'Ce préremplissage ne correspond pas au type du champ.');
  }
  return errors;
}

function validateRules(field: FormField, at: string): FieldError[] {
  const errors: FieldError[] = [];
  const rules = field.rules ?? {};
  const err = (name: string, message: string) => errors.push({ field: `${at}.rules.${name}`, message });
  for (const [name, value] of Object.entries(rules)) {
    if (value === undefined) continue;
    if (!RULES_BY_TYPE[name]) err(name, 'Règle inconnue.');
    else if (!RULES_BY_TYPE[name].includes(field.type)) err(name, "Cette règle ne s'applique pas à ce type de champ.");
  }
  const count = (v: number | undefined) => v === undefined || (Number.isInteger(v) && v >= 0);
  if (!count(rules.minLength)) err('minLength', 'Indiquez un nombre entier positif.');
  if (!count(rules.maxLength) || rules.maxLength === 0) err('maxLength', 'Indiquez un nombre entier supérieur à 0.');
  if (rules.minLength !== undefined && rules.maxLength !== undefined && rules.minLength > rules.maxLength) {
    err('maxLength', 'La longueur maximale doit être supérieure ou égale à la longueur minimale.');
  }
  const finite = (v: number | undefined) => v === undefined || Number.isFinite(v);
  if (!finite(rules.min)) err('min', 'Indiquez un nombre.');
  if (!finite(rules.max)) err('max', 'Indiquez un nombre.');
  if (rules.min !== undefined && rules.max !== undefined && rules.min > rules.max) {
    err('max', 'Le maximum doit être supérieur ou égal au minimum.');
  }
  if (rules.pattern !== undefined && (typeof rules.pattern !== 'string' || !compilePattern(rules.pattern))) {
    err('pattern', 'Expression régulière invalide.');
  }
  if (rules.maxSize !== undefined && !(Number.isInteger(rules.maxSize) && rules.maxSize > 0)) {
    err('maxSize', 'Indiquez une taille en octets supérieure à 0.');
  }
  if (
    rules.accept !== undefined &&
    (!Array.isArray(rules.accept) || rules.accept.some((a) => typeof a !== 'string' || a.trim() === ''))
  ) {
    err('accept', 'Indiquez des types de fichiers, par exemple application/pdf, image/* ou .pdf.');
  }
  return errors;
}
