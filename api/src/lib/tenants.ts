import { createHash, randomBytes } from 'node:crypto';
import {
  agentDecider,
  agentStreamId,
  DEFAULT_BRANDING_COLOURS,
  organisationDecider,
  serviceStreamId,
  tenantStreamId,
  type CommandMeta,
  type DocumentRef,
  type TenantBranding,
} from '@guichet/domain';
import type { BlobStore, EventStore } from '@guichet/eventstore';
import { loadState, runCommand, type CommandResult } from './commands.ts';
import { newId, uuidFrom } from './ids.ts';
import { hashPassword } from './passwords.ts';

export interface NewTenant {
  id: string;
  name: string;
  services: { id: string; name: string }[];
  admin: { email: string; name: string };
}

/**
 * A new organisation on the installation (a commune, its CCAS/CPAS, a member of an
 * intercommunalité): the platform operator creates it with its services and a first
 * administrator, who then invites the agents. Returns that administrator's first password.
 */
export async function createTenant(
  store: EventStore,
  t: NewTenant,
): Promise<{ adminId: string; temporaryPassword: string }> {
  const meta = (): CommandMeta => operatorMeta(t.id);
  const ctx = { store };
  await runCommand(ctx, {
    streamId: tenantStreamId(t.id),
    decider: organisationDecider,
    command: { type: 'CreateTenant', data: { tenant: t.id, name: t.name } },
    meta: meta(),
    expectedVersion: 0,
  });
  for (const s of t.services) {
    await runCommand(ctx, {
      streamId: serviceStreamId(s.id),
      decider: organisationDecider,
      command: { type: 'CreateService', data: { serviceId: s.id, name: s.name } },
      meta: meta(),
      expectedVersion: 0,
    });
  }
  const email = t.admin.email.trim().toLowerCase();
  const adminId = uuidFrom('agent', t.id, email);
  const temporaryPassword = randomBytes(12).toString('base64url');
  await runCommand(ctx, {
    streamId: agentStreamId(adminId),
    decider: agentDecider,
    command: {
      type: 'CreateAgentAccount',
      data: { agentId: adminId, email, name: t.admin.name, passwordHash: await hashPassword(temporaryPassword) },
    },
    meta: meta(),
    expectedVersion: 0,
  });
  for (const s of t.services) {
    await runCommand(ctx, {
      streamId: agentStreamId(adminId),
      decider: agentDecider,
      command: { type: 'GrantRole', data: { serviceId: s.id, role: 'admin' } },
      meta: meta(),
    });
  }
  return { adminId, temporaryPassword };
}

/** The branding a tenant has, or what it starts with: its name and the default colours, no logo. */
export async function currentBranding(store: EventStore, tenant: string): Promise<TenantBranding | null> {
  const { state } = await loadState({ store }, tenantStreamId(tenant), organisationDecider);
  if (!state.exists || state.tenant !== tenant) return null;
  return state.branding ?? { name: state.name, tagline: null, ...DEFAULT_BRANDING_COLOURS, logo: null };
}

/**
 * Changes a tenant's branding (`TenantBrandingChanged` on `tenant-<id>`): by its administrator
 * from the back office, or by the operator (system actor) from the CLI. `meta.tenant` must be
 * that tenant: another one's stream answers "not found".
 */
export async function setTenantBranding(
  ctx: { store: EventStore },
  branding: TenantBranding,
  meta: CommandMeta,
): Promise<CommandResult<unknown>> {
  return runCommand(ctx, {
    streamId: tenantStreamId(meta.tenant),
    decider: organisationDecider,
    command: { type: 'SetTenantBranding', data: branding },
    meta,
  });
}

/** PNG or JPEG by their first bytes, whatever the file is called; anything else (SVG included) is null. */
export function logoMediaType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}

/** A logo file read by the operator CLI, stored in the blob store; the decider checks its type and size. */
export async function storeLogo(blobs: BlobStore, bytes: Uint8Array, fileName: string): Promise<DocumentRef> {
  const mediaType = logoMediaType(bytes);
  // A file that is no PNG/JPEG is described, never stored: the decider refuses it.
  const { sha256, size } = mediaType
    ? await blobs.put(bytes)
    : { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  return {
    documentId: uuidFrom('logo', sha256),
    fileName,
    mediaType: mediaType ?? 'application/octet-stream',
    size,
    sha256,
  };
}

/** System metadata for operator commands on one tenant. */
export function operatorMeta(tenant: string): CommandMeta {
  return { commandId: newId(), actor: { kind: 'system' }, tenant, channel: 'web', now: new Date().toISOString() };
}
