import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as domain from './index.ts';

describe('public surface', () => {
  it('names streams <category>-<id>, and parses them back with hyphenated ids', () => {
    const id = '0b6c1f1e-8a8e-4c1c-9d1e-2f3a4b5c6d7e';
    expect(domain.caseStreamId(id)).toBe(`case-${id}`);
    expect(domain.procedureStreamId('p')).toBe('procedure-p');
    expect(domain.citizenStreamId('c')).toBe('citizen-c');
    expect(domain.agentStreamId('a')).toBe('agent-a');
    expect(domain.serviceStreamId('s')).toBe('service-s');
    expect(domain.tenantStreamId('t')).toBe('tenant-t');
    expect(domain.parseStreamId(domain.caseStreamId(id))).toEqual({ category: 'case', id });
  });
  it('folds a history into the state the deciders use', () => {
    const state = domain.foldCase([
      { type: 'CaseAcknowledged', data: { caseId: 'x' } },
      { type: 'CaseAssigned', data: { caseId: 'x', assignee: 'ag-1', previousAssignee: null } },
    ]);
    expect(state).toMatchObject({ status: 'in_progress', assignee: 'ag-1' });
    expect(domain.foldProcedure([])).toEqual(domain.initialProcedureState());
    expect(domain.foldAgent([]).exists).toBe(false);
  });
  it('ignores an event type it does not know instead of failing the whole stream', () => {
    const future = { type: 'CaseTeleported', data: {} } as unknown as domain.CaseEvent;
    expect(domain.foldCase([future])).toEqual(domain.initialCaseState());
  });
  it('documents every event type in docs/event-catalogue.md', () => {
    const catalogue = readFileSync(new URL('../../docs/event-catalogue.md', import.meta.url), 'utf8');
    const missing = Object.values(domain.EVENT_TYPES)
      .flat()
      .filter((type) => !catalogue.includes(`\`${type}\``));
    expect(missing).toEqual([]);
  });
});
