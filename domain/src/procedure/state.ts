import type { ProcedureDefinition, ProcedureEvent } from './events.ts';

export interface ProcedureState {
  exists: boolean;
  procedureId: string;
  tenant: string;
  slug: string;
  /** What the form builder edits; citizens never see it. */
  draft: ProcedureDefinition | null;
  /** Every published version, kept forever: a case is handled under the version it was submitted with. */
  versions: Readonly<Record<number, ProcedureDefinition>>;
  /** 0 until the first publication. */
  latestVersion: number;
  retired: boolean;
}

export function initialProcedureState(): ProcedureState {
  return {
    exists: false,
    procedureId: '',
    tenant: '',
    slug: '',
    draft: null,
    versions: {},
    latestVersion: 0,
    retired: false,
  };
}

export function evolveProcedure(state: ProcedureState, event: ProcedureEvent): ProcedureState {
  switch (event.type) {
    case 'ProcedureDefined': {
      const { procedureId, tenant, slug, definition } = event.data;
      return { ...state, exists: true, procedureId, tenant, slug, draft: definition };
    }
    case 'ProcedureDraftUpdated':
      return { ...state, draft: event.data.definition };
    case 'ProcedureVersionPublished': {
      const { version, definition } = event.data;
      return { ...state, versions: { ...state.versions, [version]: definition }, latestVersion: version };
    }
    case 'ProcedureRetired':
      return { ...state, retired: true };
    default: {
      // Compile-time exhaustiveness only: an event type from a newer release is ignored, not fatal.
      const _exhaustive: never = event;
      return state;
    }
  }
}

/** The version citizens submit against, or null before the first publication. */
export function latestPublished(state: ProcedureState): { version: number; definition: ProcedureDefinition } | null {
  const definition = state.versions[state.latestVersion];
  return definition ? { version: state.latestVersion, definition } : null;
}
