import {
  caseDecider,
  caseStreamId,
  citizenDecider,
  citizenStreamId,
  initialCaseState,
  tenantStreamId,
  type CaseCommand,
} from '@guichet/domain';
import { ConcurrencyError, type BlobStore, type EventStore } from '@guichet/eventstore';
import { MANAGER, demoAgents, type DemoAgentAccount } from './accounts.ts';
import { planCases, references, type CasePlan } from './cases.ts';
import { documentContent, documentsIn } from './documents.ts';
import { Ledger, type Act } from './ledger.ts';
import { DEMO_TENANT } from './procedures.ts';
import { seededRandom, type Random } from './random.ts';
import { DAY, type Step } from './timeline.ts';
import { asAgent, createTenant, roleOn, setUpTown } from './town.ts';

export interface SeedDemoOptions {
  store: EventStore;
  /** The demo's history ends just before this instant. */
  now: Date;
  hashPassword: (password: string) => Promise<string>;
  /** Defaults to a generator with a fixed seed: every start builds the same town. */
  random?: Random;
  /** Where to store the attachments' content; without it, the requests reference files nobody can open. */
  blobs?: BlobStore;
}

/** The tenant stream is written last, so a town only counts as seeded once it is complete. */
export async function isSeeded(store: EventStore): Promise<boolean> {
  return (await store.streamVersion(tenantStreamId(DEMO_TENANT.id))) > 0;
}

/**
 * Creates the demo town "Ville de S.": services, staff, residents, published procedures and about
 * fifty requests of the last two months, every one written through the deciders as the API would.
 * Call it only when `isSeeded` is false.
 */
export async function seedDemo(options: SeedDemoOptions): Promise<{ cases: number; events: number }> {
  const random = options.random ?? seededRandom();
  const now = options.now.getTime();
  const ledger = new Ledger(options.store, DEMO_TENANT.id);
  const t0 = now - 90 * DAY;
  try {
    await setUpTown(ledger, t0, options.hashPassword);
    const plans = planCases(random, now);
    if (options.blobs) await storeDocuments(options.blobs, plans);
    await playCases(ledger, plans);
    await createTenant(ledger, t0);
    return { cases: plans.length, events: ledger.events };
  } catch (error) {
    if (error instanceof ConcurrencyError) {
      throw new Error(
        `Données de démonstration incomplètes (un premier démarrage a-t-il été interrompu ?) : videz la base ou démarrez avec GUICHET_DEMO=false. (${error.message})`,
        { cause: error },
      );
    }
    throw error;
  }
}

interface Action {
  at: number;
  seq: number;
  run: () => Promise<unknown>;
}

/** Every command of every request, replayed in time order, so `$all` reads like the town's real days. */
async function playCases(ledger: Ledger, plans: CasePlan[]): Promise<void> {
  const refs = references(plans);
  const actions: Action[] = [];
  const contactsCreated = new Set<string>();
  let seq = 0;
  const schedule = (at: number, run: () => Promise<unknown>) => actions.push({ at, seq: seq++, run });

  for (const plan of [...plans].sort((a, b) => a.submittedAt - b.submittedAt)) {
    const { caseId, procedure, requester, story } = plan;
    const serviceId = procedure.definition.serviceId;
    const stream = caseStreamId(caseId);
    const agentAct = (agent: DemoAgentAccount, at: number, key: string, channel: Act['channel'] = 'web'): Act => ({
      actor: asAgent(agent),
      channel,
      at,
      commandKey: `${caseId}-${key}`,
      role: roleOn(agent, serviceId),
    });
    if (requester.kind === 'contact' && !contactsCreated.has(requester.id)) {
      contactsCreated.add(requester.id);
      schedule(plan.submittedAt - 60_000, () =>
        ledger.run(
          citizenStreamId(requester.id),
          citizenDecider,
          { type: 'CreateCitizenContact', data: { citizenId: requester.id, profile: requester.profile } },
          agentAct(plan.assignee, plan.submittedAt - 60_000, 'contact', story.channel),
        ),
      );
    }
    const submitter: Act =
      requester.kind === 'citizen'
        ? {
            actor: { kind: 'citizen', id: requester.account.id },
            channel: 'web',
            at: plan.submittedAt,
            commandKey: `${caseId}-submit`,
          }
        : requester.kind === 'anonymous'
          ? {
              actor: { kind: 'anonymous', trackingCodeHash: requester.trackingCodeHash },
              channel: 'web',
              at: plan.submittedAt,
              commandKey: `${caseId}-submit`,
            }
          : agentAct(plan.assignee, plan.submittedAt, 'submit', story.channel);
    const submit: CaseCommand = {
      type: 'SubmitCase',
      data: {
        caseId,
        reference: refs.get(caseId)!,
        procedure: { procedureId: procedure.id, version: 1, retired: false, definition: procedure.definition },
        channel: story.channel,
        citizenId: requester.kind === 'contact' ? requester.id : null,
        contact: requester.kind === 'contact' ? requester.profile : null,
        trackingCodeHash: requester.kind === 'anonymous' ? requester.trackingCodeHash : null,
        data: plan.data,
        documents: [],
      },
    };
    schedule(plan.submittedAt, () => ledger.run(stream, caseDecider, submit, submitter));

    plan.steps.forEach((step: Step, i) => {
      schedule(step.at, () => {
        const key = `step-${i}`;
        let act: Act;
        if (step.as === 'owner') {
          act = { ...submitter, channel: step.channel, at: step.at, commandKey: `${caseId}-${key}` };
        } else {
          // Whoever holds the case acts on it: after a handover, the colleague does.
          const holder = ledger.state(stream, initialCaseState).assignee;
          const agent = step.as === 'manager' ? MANAGER : (demoAgents().find((a) => a.id === holder) ?? plan.assignee);
          act = agentAct(agent, step.at, key, step.channel);
        }
        return ledger.run(stream, caseDecider, step.command, act);
      });
    });
  }
  actions.sort((a, b) => a.at - b.at || a.seq - b.seq);
  for (const action of actions) await action.run();
}

async function storeDocuments(blobs: BlobStore, plans: CasePlan[]): Promise<void> {
  const refs = plans.flatMap((p) => [...documentsIn(p.data), ...p.steps.flatMap((s) => documentsIn(s.command.data))]);
  for (const ref of refs) {
    const stored = await blobs.put(documentContent(ref.fileName, ref.documentId));
    if (stored.sha256 !== ref.sha256)
      throw new Error(`demo document ${ref.fileName}: content does not match its reference`);
  }
}
