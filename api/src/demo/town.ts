import {
  agentDecider,
  agentStreamId,
  citizenDecider,
  citizenStreamId,
  decideOrganisation,
  evolveOrganisation,
  initialOrganisationState,
  procedureDecider,
  procedureStreamId,
  serviceStreamId,
  tenantStreamId,
  type Actor,
} from '@guichet/domain';
import { ADMIN, DEMO_PASSWORD, demoAgents, demoCitizens, type DemoAgentAccount } from './accounts.ts';
import type { Act, Ledger } from './ledger.ts';
import { DEMO_PROCEDURES, DEMO_SERVICES, DEMO_TENANT, type DemoProcedure } from './procedures.ts';
import { DAY, HOUR } from './timeline.ts';

const organisation = { decide: decideOrganisation, evolve: evolveOrganisation, initialState: initialOrganisationState };
const SYSTEM: Actor = { kind: 'system' };

export const asAgent = (a: DemoAgentAccount): Actor => ({ kind: 'agent', id: a.id, roles: a.roles });
export const roleOn = (a: DemoAgentAccount, serviceId: string) => a.roles.find((r) => r.serviceId === serviceId)?.role;

function system(at: number, key: string): Act {
  return { actor: SYSTEM, channel: 'system', at, commandKey: key };
}

/** Services, staff with their roles, published procedures, then residents signing up, from `t0` on. */
export async function setUpTown(
  ledger: Ledger,
  t0: number,
  hashPassword: (password: string) => Promise<string>,
): Promise<void> {
  // The demo password is public anyway: one hash for every account spares a few scrypt runs at first start.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const [i, s] of DEMO_SERVICES.entries()) {
    await ledger.run(
      serviceStreamId(s.id),
      organisation,
      { type: 'CreateService', data: { serviceId: s.id, name: s.name } },
      system(t0 + i * 60_000, `service-${s.id}`),
    );
  }
  for (const [i, a] of demoAgents().entries()) {
    const at = t0 + HOUR + i * 10 * 60_000;
    const stream = agentStreamId(a.id);
    await ledger.run(
      stream,
      agentDecider,
      { type: 'CreateAgentAccount', data: { agentId: a.id, email: a.email, name: a.name, passwordHash } },
      system(at, `agent-${a.email}`),
    );
    for (const r of a.roles) {
      await ledger.run(
        stream,
        agentDecider,
        { type: 'GrantRole', data: r },
        system(at + 60_000, `grant-${a.email}-${r.serviceId}-${r.role}`),
      );
    }
    for (const d of a.delegations ?? []) {
      await ledger.run(
        stream,
        agentDecider,
        { type: 'DelegateCategory', data: d },
        system(at + 60_000, `delegate-${a.email}-${d.category}`),
      );
    }
  }
  // The administrator, also designer of every service, defines and publishes the procedures.
  for (const [i, p] of DEMO_PROCEDURES.entries()) {
    const act = (step: string, at: number): Act => ({
      actor: asAgent(ADMIN),
      channel: 'web',
      at,
      commandKey: `${step}-${p.slug}`,
      role: 'designer',
    });
    await definePublished(ledger, p, act, t0 + DAY + i * 2 * HOUR, HOUR);
  }
  // Residents sign up on the portal over the following weeks.
  for (const [i, c] of demoCitizens().entries()) {
    const act: Act = {
      actor: { kind: 'anonymous' },
      channel: 'web',
      at: t0 + (3 + i * 5) * DAY + 19 * HOUR,
      commandKey: `register-${c.email}`,
    };
    await ledger.run(
      citizenStreamId(c.id),
      citizenDecider,
      { type: 'RegisterCitizen', data: { citizenId: c.id, email: c.email, passwordHash, profile: c.profile } },
      act,
    );
  }
}

/** A procedure defined at `at` and published `delay` later, by the designer `act` names. */
export async function definePublished(
  ledger: Ledger,
  p: DemoProcedure,
  act: (step: string, at: number) => Act,
  at: number,
  delay: number,
): Promise<void> {
  await ledger.run(
    procedureStreamId(p.id),
    procedureDecider,
    { type: 'DefineProcedure', data: { procedureId: p.id, slug: p.slug, definition: p.definition } },
    act('define', at),
  );
  await ledger.run(
    procedureStreamId(p.id),
    procedureDecider,
    { type: 'PublishProcedureVersion', data: {} },
    act('publish', at + delay),
  );
}

export async function createTenant(ledger: Ledger, t0: number): Promise<void> {
  await ledger.run(
    tenantStreamId(DEMO_TENANT.id),
    organisation,
    { type: 'CreateTenant', data: { tenant: DEMO_TENANT.id, name: DEMO_TENANT.name } },
    system(t0, 'tenant'),
  );
}
