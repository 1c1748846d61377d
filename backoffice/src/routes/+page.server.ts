import { api, ApiError } from '$lib/server/api';
import type { Agent, CaseSummary, ProcedureSummary } from '$lib/types';
import type { PageServerLoad } from './$types';

type Counts = Partial<
  Record<
    'all' | 'submitted' | 'in_progress' | 'waiting_citizen' | 'decided' | 'closed' | 'mine' | 'unassigned' | 'overdue',
    number
  >
>;
interface Queue {
  items: CaseSummary[];
  counts: Counts;
}

const STATUSES = ['open', 'submitted', 'in_progress', 'waiting_citizen', 'decided', 'closed', 'all'];
const CHANNELS = ['web', 'phone', 'email', 'letter', 'counter'];

/** Open requests in a queue, whatever `all` means to the API: the sum of the open states. */
const openCount = (c: Counts) =>
  (c.submitted ?? 0) + (c.in_progress ?? 0) + (c.waiting_citizen ?? 0) + (c.decided ?? 0);

export const load: PageServerLoad = async ({ locals, url, parent }) => {
  const { services } = await parent();
  const user = locals.user!;
  const token = locals.token;
  const mine = [...new Set(user.roles.map((r) => r.serviceId))];
  const q = url.searchParams;
  const service = mine.includes(q.get('service') ?? '') ? q.get('service')! : '';
  const status = STATUSES.includes(q.get('status') ?? '') ? q.get('status')! : 'open';
  const assignee = q.get('assignee') ?? '';
  const channel = CHANNELS.includes(q.get('channel') ?? '') ? q.get('channel')! : '';
  const filters = {
    service,
    status,
    assignee,
    overdue: q.get('overdue') === 'true',
    channel,
    procedure: q.get('procedure') ?? '',
    sort: q.get('sort') === 'activity' ? 'activity' : 'due',
  };

  const query = {
    service: service || undefined,
    status: status === 'all' ? undefined : status,
    mine: assignee === 'me' ? 'true' : undefined,
    unassigned: assignee === 'none' ? 'true' : undefined,
    assignee: assignee && assignee !== 'me' && assignee !== 'none' ? assignee : undefined,
    overdue: filters.overdue ? 'true' : undefined,
    channel: channel || undefined,
    procedure: filters.procedure || undefined,
    sort: filters.sort,
    limit: 200,
  };

  let error: string | null = null;
  const empty: Queue = { items: [], counts: {} };
  const [queue, tabs, agents, procedures] = await Promise.all([
    api<Queue>(token, '/queues', { query }).catch((err: unknown) => {
      error = err instanceof ApiError ? err.detail : 'La file d’attente est momentanément indisponible.';
      return empty;
    }),
    // One small call per service for the tab counts: the agent belongs to a handful at most.
    Promise.all(
      [undefined, ...mine].map(async (s) => {
        const r = await api<Queue>(token, '/queues', { query: { service: s, limit: 1 } }).catch(() => empty);
        return { service: s ?? '', open: openCount(r.counts), overdue: r.counts.overdue ?? 0 };
      }),
    ),
    api<{ items: Agent[] }>(token, '/agents', { query: { service: service || undefined } }).catch(() => ({
      items: [] as Agent[],
    })),
    api<{ items: ProcedureSummary[] }>(token, '/procedures').catch(() => ({ items: [] as ProcedureSummary[] })),
  ]);

  const serviceName = (id: string) => services.find((s) => s.id === id)?.name ?? id;
  return {
    filters,
    items: queue.items,
    counts: queue.counts,
    error: error as string | null,
    tabs: tabs.map((t) => ({ ...t, name: t.service ? serviceName(t.service) : 'Tous mes services' })),
    agents: agents.items,
    procedures: procedures.items.filter((p) => !p.serviceId || mine.includes(p.serviceId)),
  };
};
