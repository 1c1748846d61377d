/** Messages by element id, as the builder's editors receive them. */
export type ErrorMap = Record<string, string[] | undefined>;

/**
 * Attributes tying an input to its hint and its messages: `aria-describedby` names `<id>-aide`
 * (when there is a hint) and `<id>-err` (when there is a message), `aria-invalid` says it is at fault.
 */
export function describe(id: string, errors: ErrorMap, hint = false) {
  const bad = (errors[id]?.length ?? 0) > 0;
  const by = [hint ? `${id}-aide` : '', bad ? `${id}-err` : ''].filter(Boolean).join(' ');
  return { id, 'aria-describedby': by || undefined, 'aria-invalid': bad ? ('true' as const) : undefined };
}
