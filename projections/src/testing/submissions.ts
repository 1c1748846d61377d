import type { CaseSubmitted, Channel, Profile } from '@guichet/domain';

/** A CaseSubmitted as the case decider writes it, from the few facts a story cares about. */
export function submitted(s: {
  caseId: string;
  reference: string;
  procedureId: string;
  serviceId: string;
  citizenId: string | null;
  contact: Profile | null;
  data: Record<string, unknown>;
  at: string;
  deadlineDays: number;
  channel?: Channel;
  submittedBy?: CaseSubmitted['data']['submittedBy'];
  trackingCodeHash?: string;
  procedureVersion?: number;
}): CaseSubmitted {
  return {
    type: 'CaseSubmitted',
    data: {
      caseId: s.caseId,
      tenant: 'ville-s',
      reference: s.reference,
      procedureId: s.procedureId,
      procedureVersion: s.procedureVersion ?? 1,
      serviceId: s.serviceId,
      channel: s.channel ?? 'web',
      submittedBy: s.submittedBy ?? 'citizen',
      citizenId: s.citizenId,
      contact: s.contact,
      trackingCodeHash: s.trackingCodeHash ?? null,
      data: s.data,
      documents: [],
      workflowState: 'recue',
      submittedAt: s.at,
      dueAt: new Date(Date.parse(s.at) + s.deadlineDays * 86_400_000).toISOString(),
    },
  };
}
