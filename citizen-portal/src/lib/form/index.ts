/**
 * The portal's procedure form renderer, as the `@guichet/citizen-portal/form` package entry: the back
 * office renders the designer's live preview and the agents' « nouvelle demande » form with it, so a
 * form looks and behaves the same everywhere. Relative imports only (no `$lib`): this folder is
 * compiled by the back office's build too.
 */
export { default as ProcedureForm } from './ProcedureForm.svelte';
export { default as ProcedureField } from './ProcedureField.svelte';
export {
  conditionText,
  errorsFromProblem,
  fieldId,
  isAddress,
  isDocumentRef,
  prefillValues,
  readPosted,
  visibility,
  withoutPrefix,
  type FormValues,
} from './procedure-form';
