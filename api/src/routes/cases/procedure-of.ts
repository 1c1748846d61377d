import type { FastifyInstance } from 'fastify';
import type { CaseState, Workflow } from '@guichet/domain';
import { notFound } from '../../lib/problem.ts';

/** The workflow of the procedure version the case was submitted under (a case keeps its version). */
export async function procedureWorkflow(app: FastifyInstance, state: CaseState): Promise<Workflow> {
  const procedure = await app.queries.getProcedure(state.procedureId!, state.procedureVersion!);
  if (!procedure) throw notFound('La démarche de cette demande est introuvable.');
  return procedure.definition.workflow as Workflow;
}
