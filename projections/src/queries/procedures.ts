import type { ProcedureDefinition } from '@guichet/domain';
import type { Queryable } from '@guichet/eventstore';
import { inFrenchOrder, iso, Where } from '../sql.ts';

export interface ProcedureSummary {
  id: string;
  slug: string;
  tenant: string;
  title: string;
  description: string;
  theme: string;
  serviceId: string;
  access: 'account' | 'anonymous';
  deadlineDays: number;
  /** Current published version; null while only a draft exists. */
  version: number | null;
  retired: boolean;
  updatedAt: string;
}

export interface ProcedureDetail extends ProcedureSummary {
  /** The published definition new requests follow; null if never published. */
  definition: ProcedureDefinition | null;
  draft: ProcedureDefinition;
  retiredReason: string | null;
}

const toSummary = (r: Record<string, unknown>): ProcedureSummary => ({
  id: String(r.id),
  slug: String(r.slug),
  tenant: String(r.tenant),
  title: String(r.title),
  description: String(r.description),
  theme: String(r.theme),
  serviceId: String(r.service_id),
  access: r.access as ProcedureSummary['access'],
  deadlineDays: Number(r.deadline_days),
  version: r.current_version === null ? null : Number(r.current_version),
  retired: Boolean(r.retired),
  updatedAt: iso(r.updated_at) as string,
});

const catalogueOrder = (list: ProcedureSummary[]) =>
  inFrenchOrder(
    list,
    (x) => x.theme,
    (x) => x.title,
    (x) => x.id,
  );

const SUMMARY =
  'id, slug, tenant, title, description, theme, service_id, access, deadline_days, current_version, retired, updated_at';

/** What citizens may start now: published and not retired. `q` uses French stemming over title and description. */
export async function listPublishedProcedures(
  db: Queryable,
  options: { theme?: string; q?: string; tenant?: string } = {},
): Promise<ProcedureSummary[]> {
  const where = new Where().add('current_version is not null').add('not retired');
  if (options.theme) where.add('theme = ?', options.theme);
  if (options.tenant) where.add('tenant = ?', options.tenant);
  if (options.q?.trim()) {
    where.add(
      `to_tsvector('french', title || ' ' || description || ' ' || theme) @@ websearch_to_tsquery('french', ?)`,
      options.q.trim(),
    );
  }
  const { rows } = await db.query<Record<string, unknown>>(
    `select ${SUMMARY} from rm_procedures ${where}`,
    where.params,
  );
  return catalogueOrder(rows.map(toSummary));
}

/** Every procedure, drafts and retired ones included (designers). */
export async function listProcedures(db: Queryable, options: { tenant?: string } = {}): Promise<ProcedureSummary[]> {
  const where = new Where();
  if (options.tenant) where.add('tenant = ?', options.tenant);
  const { rows } = await db.query<Record<string, unknown>>(
    `select ${SUMMARY} from rm_procedures ${where}`,
    where.params,
  );
  return catalogueOrder(rows.map(toSummary));
}

/** By id or by slug. */
export async function getProcedure(db: Queryable, idOrSlug: string): Promise<ProcedureDetail | null> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select p.*, v.definition from rm_procedures p
       left join rm_procedure_versions v on v.procedure_id = p.id and v.version = p.current_version
      where p.id = $1 or p.slug = $1 order by (p.id = $1) desc limit 1`,
    [idOrSlug],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    ...toSummary(r),
    definition: (r.definition as ProcedureDefinition | null) ?? null,
    draft: r.draft as ProcedureDefinition,
    retiredReason: (r.retired_reason as string | null) ?? null,
  };
}

/** The definition a case follows for its whole life. */
export async function getProcedureVersion(
  db: Queryable,
  id: string,
  version: number,
): Promise<ProcedureDefinition | null> {
  const { rows } = await db.query<{ definition: ProcedureDefinition }>(
    'select definition from rm_procedure_versions where procedure_id = $1 and version = $2',
    [id, version],
  );
  return rows[0]?.definition ?? null;
}
