import { graphlib, layout } from '@dagrejs/dagre';
import type { Workflow } from '@guichet/domain';

/**
 * Positions of a workflow's states and transitions, computed by dagre (a maintained layered-graph
 * layout) so that the SVG drawn from them needs no JavaScript in the browser: the layout runs
 * wherever the page is rendered.
 */
export interface NodeBox {
  id: string;
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
  initial: boolean;
  final: boolean;
  visible: boolean;
}

export interface EdgePath {
  id: string;
  from: string;
  to: string;
  lines: string[];
  /** SVG path data of the arrow, ending at the target's border. */
  d: string;
  labelX: number;
  labelY: number;
  labelWidth: number;
  labelHeight: number;
}

export interface Diagram {
  width: number;
  height: number;
  nodes: NodeBox[];
  edges: EdgePath[];
}

const CHAR = 7.2;
const LINE = 17;

/** Splits a label into lines of at most `max` characters, on spaces where possible. */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    for (let w = word; w.length > 0;) {
      const room = line ? max - line.length - 1 : max;
      if (w.length <= room) {
        line = line ? `${line} ${w}` : w;
        w = '';
      } else if (line) {
        lines.push(line);
        line = '';
      } else {
        lines.push(w.slice(0, max));
        w = w.slice(max);
      }
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

const widthOf = (lines: string[]) => Math.max(...lines.map((l) => l.length)) * CHAR;

/** Smooth curve through dagre's control points. */
function pathData(points: readonly { x: number; y: number }[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  let d = `M${first.x.toFixed(1)},${first.y.toFixed(1)}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const p = rest[i]!;
    const q = rest[i + 1]!;
    d += ` Q${p.x.toFixed(1)},${p.y.toFixed(1)} ${((p.x + q.x) / 2).toFixed(1)},${((p.y + q.y) / 2).toFixed(1)}`;
  }
  const last = rest.at(-1);
  if (last) d += ` L${last.x.toFixed(1)},${last.y.toFixed(1)}`;
  return d;
}

export function layoutWorkflow(workflow: Workflow, direction: 'LR' | 'TB' = 'LR'): Diagram {
  const g = new graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: direction, nodesep: 40, ranksep: 70, edgesep: 20, marginx: 16, marginy: 16 });
  const known = new Set<string>();
  for (const s of workflow.states) {
    if (!s.id || known.has(s.id)) continue;
    known.add(s.id);
    const lines = wrap(s.label || s.id, 22);
    g.setNode(s.id, { width: Math.max(110, widthOf(lines) + 28), height: lines.length * LINE + 26, lines });
  }
  const edgeIds: string[] = [];
  workflow.transitions.forEach((t, i) => {
    if (!known.has(t.from) || !known.has(t.to)) return;
    const name = `${i}:${t.id}`;
    edgeIds.push(name);
    const lines = wrap(t.label || t.id, 24);
    g.setEdge(t.from, t.to, { width: widthOf(lines) + 10, height: lines.length * 15 + 6, labelpos: 'c', lines }, name);
  });
  layout(g);

  const byId = new Map(workflow.states.map((s) => [s.id, s]));
  const nodes: NodeBox[] = g.nodes().map((id) => {
    const n = g.node(id) as { x: number; y: number; width: number; height: number; lines: string[] };
    const s = byId.get(id);
    return {
      id,
      lines: n.lines,
      x: n.x,
      y: n.y,
      width: n.width,
      height: n.height,
      initial: workflow.initial === id,
      final: !!s?.final,
      visible: !!s?.publicLabel,
    };
  });
  const edges: EdgePath[] = g.edges().map((e) => {
    const label = g.edge(e) as {
      points: { x: number; y: number }[];
      x: number;
      y: number;
      width: number;
      height: number;
      lines: string[];
    };
    const id = e.name ?? '';
    return {
      id: id.slice(id.indexOf(':') + 1),
      from: e.v,
      to: e.w,
      lines: label.lines,
      d: pathData(label.points),
      labelX: label.x,
      labelY: label.y,
      labelWidth: label.width,
      labelHeight: label.height,
    };
  });
  const graph = g.graph() as { width?: number; height?: number };
  return { width: Math.ceil(graph.width ?? 0), height: Math.ceil(graph.height ?? 0), nodes, edges };
}
