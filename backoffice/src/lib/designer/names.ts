/**
 * Technical names derived from what the designer writes, so a town agent never has to invent
 * an identifier: « Date de naissance » → `dateDeNaissance` (a field), `date-de-naissance` (a state,
 * a transition, an option value). The rules match the domain's (definition.ts, workflow.ts).
 */

function words(label: string): string[] {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

function unique(base: string, taken: Iterable<string>, max: number): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, max - String(n).length)}${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** A field name (`^[A-Za-z][A-Za-z0-9_]{0,63}$`) not yet in `taken`; '' when the label has no letter or digit. */
export function fieldNameFrom(label: string, taken: Iterable<string> = []): string {
  const parts = words(label).map((w, i) =>
    i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase(),
  );
  let name = parts.join('');
  if (name === '') return '';
  if (!/^[A-Za-z]/.test(name)) name = `champ${name}`;
  return unique(name.slice(0, 64), taken, 64);
}

/** An identifier for a state, a transition or an option value (`^[A-Za-z0-9_-]{1,64}$`), unique in `taken`. */
export function idFrom(label: string, taken: Iterable<string> = []): string {
  const id = words(label).join('-').toLowerCase().slice(0, 64).replace(/-+$/, '');
  if (id === '') return '';
  return unique(id, taken, 64);
}
