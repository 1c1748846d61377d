import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Workflow } from '@guichet/domain';
import { plannedTransitions } from '@guichet/projections';
import type { Audience, CaseSummary, CaseView } from '../../plugins/context.ts';

export const TimelineEventSchema = Type.Object({
  position: Type.Number(),
  version: Type.Integer(),
  type: Type.String(),
  at: Type.String(),
  actor: Type.Object({ kind: Type.String(), id: Type.Optional(Type.String()), name: Type.String() }),
  channel: Type.String(),
  internal: Type.Boolean(),
  summary: Type.String(),
  data: Type.Object({}, { additionalProperties: true }),
});

const STATUS_LABELS: Record<Audience, Record<string, string>> = {
  citizen: {
    submitted: 'Reçue',
    in_progress: 'En cours de traitement',
    waiting_citizen: 'En attente de votre réponse',
    decided: 'Décision rendue',
    closed: 'Clôturée',
  },
  agent: {
    submitted: 'Reçue',
    in_progress: 'En cours de traitement',
    waiting_citizen: 'En attente du demandeur',
    decided: 'Décision rendue',
    closed: 'Clôturée',
  },
};

/** What a citizen may see of a summary: no agent identities, no internal bookkeeping. */
export function summaryFor<T extends CaseSummary>(c: T, audience: Audience) {
  const base = { ...c, statusLabel: STATUS_LABELS[audience][c.status] ?? c.status };
  if (audience === 'agent') return base;
  return { ...base, assignee: null, assigneeName: null };
}

/**
 * The case as the reader should see it. Agents also get the workflow transitions they can take
 * from the current state; citizens get the public label of the workflow state, never the internal one.
 */
export async function caseViewFor(
  app: FastifyInstance,
  c: CaseView,
  audience: Audience,
  /** A past state (« vue au … »): the automatic steps ahead are today's, so none are shown. */
  options: { asOf?: boolean } = {},
) {
  const visible = summaryFor(c, audience);
  const procedure = await app.queries.getProcedure(c.procedureId, c.procedureVersion);
  const workflow = procedure?.definition.workflow as Workflow | undefined;
  const state = workflow?.states.find((s) => s.id === c.workflowState);
  if (audience === 'citizen') {
    return { ...visible, workflowState: state?.publicLabel ?? null, workflowLabel: state?.publicLabel ?? null };
  }
  const open = c.status !== 'closed';
  const availableTransitions = open
    ? (workflow?.transitions ?? [])
        .filter((t) => t.from === c.workflowState)
        .map((t) => ({ id: t.id, label: t.label, to: t.to }))
    : [];
  // Why the deadline is paused (both may hold), and the automatic steps ahead (see api/src/scheduler).
  const pauseReasons = c.pausedSince
    ? [
        ...(c.openInformationRequest ? ['information_request'] : []),
        ...(state?.pausesDeadline ? ['workflow_state'] : []),
      ]
    : [];
  const planned = open && !options.asOf ? await plannedTransitions(app.db, c.id) : [];
  const automaticTransitions = planned.map((p) => ({
    transitionId: p.transitionId,
    label: workflow?.transitions.find((t) => t.id === p.transitionId)?.label ?? p.transitionId,
    to: p.to,
    toLabel: p.toLabel ?? p.to,
    afterDays: p.afterDays,
    dueAt: p.dueAt,
  }));
  return {
    ...visible,
    workflowLabel: state?.label ?? c.workflowState,
    availableTransitions,
    pauseReasons,
    automaticTransitions,
  };
}
