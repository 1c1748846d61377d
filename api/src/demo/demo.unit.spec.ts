import { describe, expect, it } from 'vitest';
import { validateFormData, validateProcedureDefinition } from '@guichet/domain';
import { DEMO_ACCOUNTS } from './accounts.ts';
import { DEMO_TRACKING_CODES, planCases, references } from './cases.ts';
import { DEMO_PROCEDURES, DEMO_SERVICES } from './procedures.ts';
import { seededRandom } from './random.ts';

const NOW = Date.parse('2026-05-20T10:00:00Z');
const DAY = 86_400_000;

describe('demo procedures', () => {
  it.each(DEMO_PROCEDURES.map((p) => [p.slug, p] as const))('%s can be published', (_slug, p) => {
    expect(validateProcedureDefinition(p.definition)).toEqual([]);
    expect(DEMO_SERVICES.map((s) => s.id)).toContain(p.definition.serviceId);
  });

  it('have distinct ids and slugs, and every demo service offers some', () => {
    expect(new Set(DEMO_PROCEDURES.map((p) => p.id)).size).toBe(DEMO_PROCEDURES.length);
    expect(new Set(DEMO_PROCEDURES.map((p) => p.slug)).size).toBe(DEMO_PROCEDURES.length);
    for (const s of DEMO_SERVICES) expect(DEMO_PROCEDURES.some((p) => p.definition.serviceId === s.id)).toBe(true);
  });

  it('let residents report a voirie problem without an account, and nothing else', () => {
    expect(DEMO_PROCEDURES.filter((p) => p.definition.access === 'anonymous').map((p) => p.slug)).toEqual([
      'signalement-voirie',
    ]);
  });
});

describe('demo accounts', () => {
  it('include the four documented logins with distinct e-mails and ids', () => {
    const emails = DEMO_ACCOUNTS.map((a) => a.email);
    expect(emails).toEqual(
      expect.arrayContaining([
        'citoyen@demo.guichet.test',
        'agent@demo.guichet.test',
        'responsable@demo.guichet.test',
        'admin@demo.guichet.test',
      ]),
    );
    expect(new Set(emails).size).toBe(emails.length);
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.id)).size).toBe(DEMO_ACCOUNTS.length);
  });

  it('give the main agent and the manager every demo service', () => {
    for (const email of ['agent@demo.guichet.test', 'responsable@demo.guichet.test']) {
      const account = DEMO_ACCOUNTS.find((a) => a.email === email);
      const services = account?.kind === 'agent' ? account.roles.map((r) => r.serviceId) : [];
      expect(new Set(services)).toEqual(new Set(DEMO_SERVICES.map((s) => s.id)));
    }
  });
});

describe('demo requests', () => {
  const plans = planCases(seededRandom(), NOW);

  it('are the same on every start', () => {
    expect(planCases(seededRandom(), NOW)).toEqual(plans);
  });

  it('tell the same stories whatever the hour the town is created at', () => {
    const later = planCases(seededRandom(), NOW + 7.3 * 3_600_000);
    const finished = (p: (typeof plans)[number]) => p.steps.some((s) => s.command.type === 'CloseCase');
    for (const [i, plan] of plans.entries()) {
      expect(later[i]!.assignee).toBe(plan.assignee);
      if (finished(plan)) expect(later[i]!.steps.map((s) => s.command)).toEqual(plan.steps.map((s) => s.command));
    }
  });

  it('answer their procedure form and all happened within the last two months, before now', () => {
    for (const plan of plans) {
      expect(validateFormData(plan.procedure.definition, plan.data), plan.caseId).toEqual([]);
      expect(plan.submittedAt).toBeGreaterThan(NOW - 63 * DAY);
      for (const step of plan.steps) {
        expect(step.at).toBeGreaterThanOrEqual(plan.submittedAt);
        expect(step.at).toBeLessThan(NOW);
      }
    }
  });

  it('are numbered S-<year>-00001… in order of submission', () => {
    const refs = references(plans);
    const ordered = [...plans].sort((a, b) => a.submittedAt - b.submittedAt).map((p) => refs.get(p.caseId));
    expect(ordered[0]).toBe('S-2026-00001');
    expect(ordered.at(-1)).toBe(`S-2026-${String(plans.length).padStart(5, '0')}`);
  });

  it('give anonymous reporters tracking codes in the API format', () => {
    expect(DEMO_TRACKING_CODES.length).toBeGreaterThanOrEqual(3);
    for (const code of DEMO_TRACKING_CODES) expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });
});
