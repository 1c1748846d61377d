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
  /** A delegate's proposal: waiting for a moderator, or refused with a reason until resubmitted. */
  moderation: { status: 'pending' } | { status: 'rejected'; reason: string } | null;
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
    moderation: null,
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
      // A publication settles any proposal waiting for moderation.
      return {
        ...state,
        versions: { ...state.versions, [version]: definition },
        latestVersion: version,
        moderation: null,
      };
    }
    case 'ProcedureRetired':
      return { ...state, retired: true, moderation: null };
    case 'ProcedureSubmittedForModeration':
      return { ...state, moderation: { status: 'pending' } };
    case 'ProcedureModerationApproved':
      return { ...state, moderation: null };
    case 'ProcedureModerationRejected':
      return { ...state, moderation: { status: 'rejected', reason: event.data.reason } };
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
