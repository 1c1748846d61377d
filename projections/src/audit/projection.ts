import { readFileSync } from 'node:fs';
import type { RecordedEvent } from '../../../eventstore/src/types.ts';
import { defineProjection, emptyTouched } from '../projection.ts';

type Data = Record<string, any>;

const ROLE: Record<string, string> = {
  agent: 'agent',
  manager: 'responsable',
  designer: 'concepteur',
  admin: 'administrateur',
};

/** The French line an administrator reads in the audit view; passwords never appear. */
const LINES: Record<string, (d: Data) => string> = {
  TenantCreated: (d) => `Organisation créée : ${d.name}`,
  ServiceCreated: (d) => `Service créé : ${d.name}`,
  TenantBrandingChanged: (d) =>
    `Identité de la collectivité modifiée : ${d.name}, couleurs ${d.primaryColour} et ${d.accentColour}, ${d.logo ? `logo ${d.logo.fileName}` : 'sans logo'}`,
  AgentAccountCreated: (d) => `Compte agent créé : ${d.name} (${d.email})`,
  AgentRoleGranted: (d) => `Rôle ${ROLE[d.role] ?? d.role} donné dans le service ${d.serviceId}`,
  AgentRoleRevoked: (d) => `Rôle ${ROLE[d.role] ?? d.role} retiré dans le service ${d.serviceId}`,
  AgentDeactivated: (d) => `Compte désactivé : ${d.reason}`,
  AgentReactivated: () => 'Compte réactivé',
  AgentPasswordReset: () => 'Accès réinitialisé (nouveau mot de passe provisoire)',
  ProcedureDefined: (d) => `Démarche créée : ${d.definition?.title ?? d.slug}`,
  ProcedureDraftUpdated: (d) => `Brouillon modifié : ${d.definition?.title ?? ''}`,
  ProcedureVersionPublished: (d) => `Version ${d.version} publiée : ${d.definition?.title ?? ''}`,
  ProcedureRetired: (d) => `Démarche retirée : ${d.reason}`,
  CategoryDelegated: (d) => `Catégorie « ${d.category} » déléguée (${d.organisation})`,
  DelegationRevoked: (d) => `Délégation de la catégorie « ${d.category} » retirée`,
  ProcedureSubmittedForModeration: () => 'Démarche soumise à la modération',
  ProcedureModerationApproved: () => 'Proposition approuvée par la modération',
  ProcedureModerationRejected: (d) => `Proposition refusée par la modération : ${d.reason}`,
};

/** rm_audit: one row per administrative event, keyed by position (re-delivery changes nothing). */
export const auditProjection = defineProjection({
  name: 'audit',
  version: 1,
  migrations: readFileSync(new URL('./schema.sql', import.meta.url), 'utf8'),
  reset: 'truncate rm_audit',
  handles: (e) => Object.hasOwn(LINES, e.type),
  async handleBatch(tx, events: readonly RecordedEvent[]) {
    const rows = events.filter((e) => Object.hasOwn(LINES, e.type));
    if (rows.length > 0) {
      await tx.query(
        `insert into rm_audit (position, at, tenant, actor, type, stream_id, summary)
         select * from unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         on conflict (position) do nothing`,
        [
          rows.map((e) => e.position),
          rows.map((e) => e.metadata.recordedAt),
          rows.map((e) => e.metadata.tenant),
          rows.map((e) => e.metadata.actor),
          rows.map((e) => e.type),
          rows.map((e) => e.streamId),
          rows.map((e) => LINES[e.type]!(e.data as Data)),
        ],
      );
    }
    return emptyTouched();
  },
});
