import type { FormValues, Profile } from '@guichet/domain';
import { AGENT, DEMO_ACCOUNTS, DEMO_CONTACTS, type DemoAgentAccount, type DemoCitizenAccount } from './accounts.ts';
import { playArc } from './arcs.ts';
import { FORM_GENERATORS } from './forms.ts';
import { demoUuid, sha256Hex } from './ids.ts';
import { PLAYBOOKS } from './playbooks.ts';
import { demoProcedure, type DemoProcedure } from './procedures.ts';
import { between, pick, seededRandom, type Random } from './random.ts';
import { STORIES, type Arc, type Requester, type Story } from './stories.ts';
import { DAY, HOUR, officeHours, wakingHours, type Step } from './timeline.ts';

export type RequesterRef =
  | { kind: 'citizen'; account: DemoCitizenAccount }
  | { kind: 'contact'; id: string; profile: Profile }
  | { kind: 'anonymous'; trackingCode: string; trackingCodeHash: string };

export interface CasePlan {
  caseId: string;
  story: Story;
  procedure: DemoProcedure;
  requester: RequesterRef;
  submittedAt: number;
  data: FormValues;
  assignee: DemoAgentAccount;
  steps: Step[];
}

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Tracking codes of the anonymous reports, in the API's format (12 characters grouped by 4). */
export function demoTrackingCode(storyIndex: number): string {
  const hex = demoUuid('tracking-code', String(storyIndex)).replace(/-/g, '');
  let code = '';
  for (let i = 0; i < 12; i++) code += CODE_ALPHABET[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % CODE_ALPHABET.length];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** Codes a visitor of the demo can type to follow an anonymous report. */
export const DEMO_TRACKING_CODES: string[] = STORIES.flatMap((s, i) =>
  s.from === 'anonymous' ? [demoTrackingCode(i)] : [],
);

const citizenByName: Record<string, DemoCitizenAccount> = Object.fromEntries(
  DEMO_ACCOUNTS.filter((a): a is DemoCitizenAccount => a.kind === 'citizen').map((a) => [
    a.profile.firstName.toLowerCase(),
    a,
  ]),
);

function requesterOf(from: Requester, index: number): RequesterRef {
  if (from === 'anonymous') {
    const trackingCode = demoTrackingCode(index);
    return { kind: 'anonymous', trackingCode, trackingCodeHash: sha256Hex(trackingCode) };
  }
  const contact = DEMO_CONTACTS.find((c) => c.profile.firstName.toLowerCase() === from);
  if (contact) return { kind: 'contact', id: contact.id, profile: contact.profile };
  const account = citizenByName[from];
  if (!account) throw new Error(`unknown demo requester: ${from}`);
  return { kind: 'citizen', account };
}

/** The agents who handle the service's queue (managers and administrators only supervise). */
function handlers(serviceId: string): DemoAgentAccount[] {
  return DEMO_ACCOUNTS.filter(
    (a): a is DemoAgentAccount =>
      a.kind === 'agent' && a.roles.some((r) => r.serviceId === serviceId && r.role === 'agent'),
  );
}

const CLOSED_ARCS: readonly Arc[] = ['accepted', 'info-then-accepted', 'rejected', 'reopened-and-done'];

/** When a request of this arc was filed: open ones recently enough (or, when overdue, just too long ago). */
function submissionTime(arc: Arc, deadlineDays: number, now: number, random: Random): number {
  switch (arc) {
    case 'new':
      return now - between(random, 1, 40) * HOUR;
    case 'in-progress':
      return now - between(random, 1, Math.min(deadlineDays - 1.5, 10)) * DAY;
    case 'waiting-citizen':
      return now - between(random, 4, 12) * DAY;
    case 'overdue':
      return now - (deadlineDays + between(random, 3, 12)) * DAY;
    case 'reopened-open':
      return now - between(random, 20, 35) * DAY;
    default:
      return now - between(random, 8, 56) * DAY;
  }
}

export function planCases(random: Random, now: number): CasePlan[] {
  return STORIES.map((story, index) => {
    // Two generators per request: what happens never depends on the hours the clock falls on, so
    // the town tells the same stories whatever the day it is created.
    const seed = Math.floor(random() * 0x1_0000_0000);
    const content = seededRandom(seed);
    const clock = seededRandom(seed ^ 0x9e37_79b9);
    const procedure = demoProcedure(story.slug);
    const { definition } = procedure;
    const requester = requesterOf(story.from, index);
    const staff = handlers(definition.serviceId);
    const assignee = pick(content, staff);
    const colleague = staff.find((a) => a !== assignee) ?? AGENT;
    const person: Profile =
      requester.kind === 'citizen'
        ? requester.account.profile
        : requester.kind === 'contact'
          ? requester.profile
          : anonymousPerson(content);
    const online = requester.kind !== 'contact';
    const raw = submissionTime(story.arc, definition.deadlineDays, now, clock);
    let submittedAt = story.channel === 'web' ? wakingHours(raw, clock) : officeHours(raw, clock);
    const key = `case-${index}`;
    let steps = playArc(
      {
        story,
        key,
        playbook: PLAYBOOKS[story.slug]!,
        workflow: definition.workflow,
        random: content,
        clock,
        online,
        name: requester.kind === 'anonymous' ? "l'auteur du signalement" : `${person.firstName} ${person.lastName}`,
        assignee: assignee.id,
        colleague: colleague.id,
      },
      submittedAt,
    );
    if (CLOSED_ARCS.includes(story.arc)) {
      // A finished story must be over by now: move it back by whole weeks, which keeps days and hours.
      while ((steps.at(-1)?.at ?? submittedAt) > now - HOUR) {
        submittedAt -= 7 * DAY;
        steps = steps.map((s) => ({ ...s, at: s.at - 7 * DAY }));
      }
    } else {
      // An open story simply has not gone further yet.
      steps = steps.filter((s) => s.at < now - 5 * 60_000);
    }
    const data = FORM_GENERATORS[story.slug]!({ random: content, key, person, submittedAt: new Date(submittedAt) });
    return { caseId: demoUuid('case', String(index)), story, procedure, requester, submittedAt, data, assignee, steps };
  });
}

/** Anonymous reporters sometimes leave an e-mail address to hear back. */
function anonymousPerson(random: Random): Profile {
  return random() < 0.5
    ? { firstName: '', lastName: '', email: 'riverain.s@exemple.fr' }
    : { firstName: '', lastName: '' };
}

/** `S-2026-00001`, numbered per year in order of submission. */
export function references(plans: CasePlan[]): Map<string, string> {
  const counters = new Map<number, number>();
  const refs = new Map<string, string>();
  for (const plan of [...plans].sort((a, b) => a.submittedAt - b.submittedAt)) {
    const year = new Date(plan.submittedAt).getUTCFullYear();
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    refs.set(plan.caseId, `S-${year}-${String(n).padStart(5, '0')}`);
  }
  return refs;
}
