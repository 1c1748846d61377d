import { designableServices, designableThemes, isDelegate } from '$lib/designer/access';
import { locateAll } from '$lib/designer/errors';
import { loadProcedure, requireDesigner, validate } from '$lib/designer/procedures.server';
import type { LayoutServerLoad } from './$types';

/**
 * Every tab of a procedure: its draft and versions, and what the API finds wrong with the draft
 * (checked on each load, so the messages are always those publication would give).
 */
export const load: LayoutServerLoad = async ({ locals, params, parent }) => {
  const { token, user } = requireDesigner(locals);
  const [procedure, { services }] = await Promise.all([loadProcedure(token, params.id), parent()]);
  const check = await validate(token, procedure.draft).catch(() => null);
  const latest = procedure.versions.at(-1);
  return {
    procedure,
    checked: check !== null,
    problems: locateAll(check?.errors ?? [], procedure.draft),
    unpublished: !latest || JSON.stringify(latest.definition) !== JSON.stringify(procedure.draft),
    // The town chose the service of a procedure: a delegate keeps it.
    designServices: isDelegate(user)
      ? services.filter((s) => s.id === procedure.draft.serviceId)
      : designableServices(user, services),
    designThemes: designableThemes(user),
    delegate: isDelegate(user),
  };
};
