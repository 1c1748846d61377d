import type { Queryable } from '../../../eventstore/src/db.ts';

export interface Dimensions {
  services: { id: string; name: string }[];
  procedures: { id: string; title: string; serviceId: string; deadlineDays: number }[];
}

/** Services and procedures of a tenant, to name what the figures are about and to fill the filters. */
export async function statsDimensions(db: Queryable, tenant: string): Promise<Dimensions> {
  const { rows: services } = await db.query<{ id: string; name: string }>(
    'select id, name from rm_services where tenant = $1 order by name',
    [tenant],
  );
  const { rows: procedures } = await db.query<{ id: string; title: string; service_id: string; deadline_days: number }>(
    'select id, title, service_id, deadline_days from rm_procedures where tenant = $1 order by title',
    [tenant],
  );
  return {
    services,
    procedures: procedures.map((p) => ({
      id: p.id,
      title: p.title,
      serviceId: p.service_id,
      deadlineDays: Number(p.deadline_days),
    })),
  };
}
