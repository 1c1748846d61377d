import { tick } from 'svelte';
import type { SubmitFunction } from '@sveltejs/kit';

/**
 * How the builder's forms behave with JavaScript: never reset what is typed (the page redraws from
 * the saved draft), then bring the element the action names into view — the new field, the moved
 * one's button — or, after a refusal, let the error summary take the focus.
 */
export function keepAndFocus(after?: () => void): SubmitFunction {
  return () => {
    // A save the page made by itself (a new type) must leave the focus where the designer was.
    const was = document.activeElement?.id || null;
    return async ({ update, result }) => {
      await update({ reset: false });
      after?.();
      if (result.type !== 'success') return;
      const target = typeof result.data?.focus === 'string' ? result.data.focus : null;
      await tick();
      if (!target) {
        if (was && document.activeElement === document.body) document.getElementById(was)?.focus();
        return;
      }
      let el = document.getElementById(target) as HTMLElement | null;
      // A button that became disabled (the first field cannot go up) hands over to its fieldset.
      if (el instanceof HTMLButtonElement && el.disabled)
        el = el.closest('fieldset')?.querySelector<HTMLElement>('button:not([disabled])') ?? null;
      el?.focus();
      el?.scrollIntoView({ block: 'center' });
    };
  };
}
