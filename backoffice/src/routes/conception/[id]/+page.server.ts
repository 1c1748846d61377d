import type { ProcedureDefinition } from '@guichet/domain';
import { readGeneral } from '$lib/designer/draft-form';
import { saveDraft } from '$lib/designer/procedures.server';
import type { Actions } from './$types';

/** This tab posts the catalogue card; fields and circuit stay as saved. */
const readPart = (fd: FormData, draft: ProcedureDefinition) => {
  const { general, problems } = readGeneral(fd);
  const { retentionMonths: _dropped, ...rest } = draft;
  return { definition: { ...rest, ...general }, problems };
};

export const actions: Actions = {
  save: (event) => saveDraft(event, readPart),
};
