import { api, ApiError } from '$lib/server/api';
import type { CaseSummary, CitizenMatch, ProcedureSummary } from '$lib/types';
import type { PageServerLoad } from './$types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const STATUSES = ['open', 'submitted', 'in_progress', 'waiting_citizen', 'decided', 'closed'];

export const load: PageServerLoad = async ({ locals, url }) => {
  const p = url.searchParams;
  const criteria = {
    q: (p.get('q') ?? '').trim(),
    reference: (p.get('reference') ?? '').trim(),
    procedure: p.get('procedure') ?? '',
    status: STATUSES.includes(p.get('status') ?? '') ? p.get('status')! : '',
    from: DATE.test(p.get('from') ?? '') ? p.get('from')! : '',
    to: DATE.test(p.get('to') ?? '') ? p.get('to')! : '',
    citizen: (p.get('citizen') ?? '').trim(),
    citizenId: (p.get('citizenId') ?? '').trim(),
  };
  const procedures = await api<{ items: ProcedureSummary[] }>(locals.token, '/procedures').catch(() => ({ items: [] }));
  const mine = new Set(locals.user!.roles.map((r) => r.serviceId));
  const base = { criteria, procedures: procedures.items.filter((x) => !x.serviceId || mine.has(x.serviceId)) };
  const asked = Object.values(criteria).some((v) => v !== '');
  if (!asked)
    return { ...base, searched: false, items: [] as CaseSummary[], citizens: [] as CitizenMatch[], problem: null };

  // A resident is looked up by name, e-mail or phone; several matches are offered as a choice.
  let citizenId = criteria.citizenId;
  if (!citizenId && criteria.citizen.length >= 2) {
    const citizens = (
      await api<{ items: CitizenMatch[] }>(locals.token, '/citizens', { query: { q: criteria.citizen } }).catch(() => ({
        items: [],
      }))
    ).items;
    if (citizens.length === 1) citizenId = citizens[0]!.id;
    else
      return {
        ...base,
        searched: true,
        items: [] as CaseSummary[],
        citizens,
        problem: citizens.length === 0 ? 'Aucun demandeur ne correspond à ce nom.' : null,
      };
  }
  try {
    const result = await api<{ items: CaseSummary[] }>(locals.token, '/search', {
      query: {
        q: criteria.q,
        reference: criteria.reference,
        procedure: criteria.procedure,
        status: criteria.status,
        from: criteria.from,
        to: criteria.to,
        citizen: citizenId,
      },
    });
    return { ...base, searched: true, items: result.items, citizens: [] as CitizenMatch[], problem: null };
  } catch (err) {
    if (err instanceof ApiError && err.status < 500) {
      return {
        ...base,
        searched: true,
        items: [] as CaseSummary[],
        citizens: [] as CitizenMatch[],
        problem: err.detail,
      };
    }
    throw err;
  }
};
