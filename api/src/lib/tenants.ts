import { randomBytes } from 'node:crypto';
import {
  agentDecider,
  agentStreamId,
  organisationDecider,
  serviceStreamId,
  tenantStreamId,
  type CommandMeta,
} from '@guichet/domain';
import type { EventStore } from '@guichet/eventstore';
import { runCommand } from './commands.ts';
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
  const meta = (): CommandMeta => ({
    commandId: newId(),
    actor: { kind: 'system' },
    tenant: t.id,
    channel: 'web',
    now: new Date().toISOString(),
  });
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
