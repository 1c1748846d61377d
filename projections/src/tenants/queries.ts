import type { DocumentRef } from '@guichet/domain';
import type { Queryable } from '@guichet/eventstore';
import { iso } from '../sql.ts';

/** An organisation as its portal and the back office header show it; colours null until branded. */
export interface TenantPortal {
  id: string;
  name: string;
  tagline: string | null;
  primaryColour: string | null;
  accentColour: string | null;
  logo: DocumentRef | null;
  updatedAt: string;
}

const COLUMNS = `id, name, tagline, primary_colour as "primaryColour", accent_colour as "accentColour", logo,
  updated_at as "updatedAt"`;

const shape = (r: Record<string, unknown>): TenantPortal => ({
  ...(r as unknown as TenantPortal),
  updatedAt: iso(r.updatedAt) as string,
});

/** Every organisation of the installation, by name. */
export async function listTenantPortals(db: Queryable): Promise<TenantPortal[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select ${COLUMNS} from rm_tenant_portals order by name, id`,
  );
  return rows.map(shape);
}

export async function getTenantPortal(db: Queryable, id: string): Promise<TenantPortal | null> {
  const { rows } = await db.query<Record<string, unknown>>(`select ${COLUMNS} from rm_tenant_portals where id = $1`, [
    id,
  ]);
  return rows[0] ? shape(rows[0]) : null;
}
