import { describe, expect, it } from 'vitest';
import type { Workflow } from '@guichet/domain';
import { layoutWorkflow, wrap } from './diagram-layout.ts';

const workflow: Workflow = {
  initial: 'recue',
  states: [
    { id: 'recue', label: 'Reçue', publicLabel: 'Reçue' },
    { id: 'instruction', label: 'En cours d’instruction par le service' },
    { id: 'close', label: 'Close', final: true },
  ],
  transitions: [
    { id: 'instruire', label: 'Instruire', from: 'recue', to: 'instruction' },
    { id: 'clore', label: 'Clore', from: 'instruction', to: 'close' },
    { id: 'reopen', label: 'Rouvrir', from: 'close', to: 'instruction' },
    { id: 'perdue', label: 'Vers nulle part', from: 'instruction', to: 'inconnu' },
  ],
};

describe('workflow diagram layout', () => {
  it('wraps long labels on word boundaries', () => {
    expect(wrap('En cours d’instruction par le service', 22)).toEqual(['En cours d’instruction', 'par le service']);
    expect(wrap('Anticonstitutionnellement', 10)).toEqual(['Anticonsti', 'tutionnell', 'ement']);
  });

  it('places states left to right in the order cases go through them, without overlap', () => {
    const d = layoutWorkflow(workflow);
    const x = Object.fromEntries(d.nodes.map((n) => [n.id, n]));
    expect(x.recue!.x).toBeLessThan(x.instruction!.x);
    expect(x.instruction!.x).toBeLessThan(x.close!.x);
    expect(x.recue!.initial && x.close!.final && x.recue!.visible && !x.instruction!.visible).toBe(true);
    for (const a of d.nodes)
      for (const b of d.nodes)
        if (a !== b)
          expect(
            Math.abs(a.x - b.x) >= (a.width + b.width) / 2 || Math.abs(a.y - b.y) >= (a.height + b.height) / 2,
          ).toBe(true);
    for (const n of d.nodes) expect(n.x + n.width / 2 <= d.width && n.y + n.height / 2 <= d.height).toBe(true);
  });

  it('draws one arrow per transition between known states, the reopening one included', () => {
    const d = layoutWorkflow(workflow);
    expect(d.edges.map((e) => `${e.from}→${e.to} ${e.id}`)).toEqual([
      'recue→instruction instruire',
      'instruction→close clore',
      'close→instruction reopen',
    ]);
    for (const e of d.edges) expect(e.d).toMatch(/^M[\d.]+,[\d.]+ .*L[\d.]+,[\d.]+$/);
  });
});
