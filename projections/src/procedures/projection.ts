import { readFileSync } from 'node:fs';
import type { ProcedureDefinition, ProcedureEvent } from '@guichet/domain';
import { defineProjection, knows, statementsPerEvent, type Handlers, type StatementContext } from '../projection.ts';

const listing = (d: ProcedureDefinition) => [
  d.title,
  d.description ?? '',
  d.theme,
  d.serviceId,
  d.access,
  d.deadlineDays,
];

const handlers: Handlers<ProcedureEvent, StatementContext> = {
  ProcedureDefined: (c, d) => {
    c.touched.serviceIds.add(d.definition.serviceId);
    c.statements.push([
      `insert into rm_procedures (id, tenant, slug, title, description, theme, service_id, access, deadline_days, draft, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) on conflict (id) do nothing`,
      [d.procedureId, d.tenant, d.slug, ...listing(d.definition), JSON.stringify(d.definition), c.at],
    ]);
  },
  ProcedureDraftUpdated: (c, d) => {
    c.statements.push([
      // Until a version is published, the catalogue shows the draft.
      `update rm_procedures set draft = $2, updated_at = $9,
         title = case when current_version is null then $3 else title end,
         description = case when current_version is null then $4 else description end,
         theme = case when current_version is null then $5 else theme end,
         service_id = case when current_version is null then $6 else service_id end,
         access = case when current_version is null then $7 else access end,
         deadline_days = case when current_version is null then $8::int else deadline_days end
       where id = $1`,
      [d.procedureId, JSON.stringify(d.definition), ...listing(d.definition), c.at],
    ]);
  },
  ProcedureVersionPublished: (c, d) => {
    c.touched.serviceIds.add(d.definition.serviceId);
    c.statements.push(
      [
        'insert into rm_procedure_versions (procedure_id, version, definition, published_at) values ($1, $2, $3, $4) on conflict do nothing',
        [d.procedureId, d.version, JSON.stringify(d.definition), c.at],
      ],
      [
        // A re-delivered older publication must not take the catalogue back to it.
        `update rm_procedures set current_version = $2, title = $3, description = $4, theme = $5, service_id = $6,
           access = $7, deadline_days = $8, updated_at = $9
         where id = $1 and (current_version is null or current_version <= $2)`,
        [d.procedureId, d.version, ...listing(d.definition), c.at],
      ],
    );
  },
  // One row per procedure: the latest proposal of a delegate and what the moderator made of it.
  ProcedureSubmittedForModeration: (c, d, e) => {
    c.statements.push([
      `insert into rm_procedure_moderation (procedure_id, status, submitted_by, submitted_at, reason, decided_by, decided_at)
       values ($1, 'pending', $2, $3, null, null, null)
       on conflict (procedure_id) do update set status = 'pending', submitted_by = excluded.submitted_by,
         submitted_at = excluded.submitted_at, reason = null, decided_by = null, decided_at = null`,
      [d.procedureId, e.metadata.actor, c.at],
    ]);
  },
  ProcedureModerationApproved: (c, d, e) => {
    c.statements.push([
      `update rm_procedure_moderation set status = 'approved', decided_by = $2, decided_at = $3 where procedure_id = $1`,
      [d.procedureId, e.metadata.actor, c.at],
    ]);
  },
  ProcedureModerationRejected: (c, d, e) => {
    c.statements.push([
      `update rm_procedure_moderation set status = 'rejected', reason = $2, decided_by = $3, decided_at = $4
        where procedure_id = $1`,
      [d.procedureId, d.reason, e.metadata.actor, c.at],
    ]);
  },
  ProcedureRetired: (c, d) => {
    c.statements.push([
      'update rm_procedures set retired = true, retired_reason = $2, updated_at = $3 where id = $1',
      [d.procedureId, d.reason, c.at],
    ]);
  },
};

/** rm_procedures and rm_procedure_versions: the catalogue citizens browse and the definitions cases follow. */
export const proceduresProjection = defineProjection({
  name: 'procedures',
  version: 1,
  migrations: readFileSync(new URL('./schema.sql', import.meta.url), 'utf8'),
  reset: 'truncate rm_procedures, rm_procedure_versions, rm_procedure_moderation',
  handles: (e) => knows(handlers, e),
  handleBatch: statementsPerEvent(handlers),
});
