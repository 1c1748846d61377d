import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError, type Actor } from '../common.ts';
import { OTHER_SERVICE, SERVICE, birthCertificate, validAnswers } from '../fixtures.ts';
import { metaFor } from '../testing.ts';
import type { ProcedureCommand } from './commands.ts';
import { validateProcedureDefinition } from './definition.ts';
import { decideProcedure } from './decide.ts';
import type { ProcedureDefinition } from './events.ts';
import { normaliseFormData, validateFormData } from './form.ts';
import { evolveProcedure, initialProcedureState, type ProcedureState } from './state.ts';

/** Generous: the suite may share two cores with other builds. */
const PROPERTY_TIMEOUT = 30_000;

const definitions: ProcedureDefinition[] = [
  birthCertificate(),
  birthCertificate({ deadlineDays: 30 }),
  birthCertificate({ title: 'Inscription sur les listes électorales', access: 'anonymous' }),
  birthCertificate({ serviceId: OTHER_SERVICE }),
  birthCertificate({ deadlineDays: 0 }), // not publishable
  birthCertificate({ fields: [] }), // not publishable
];
const command: fc.Arbitrary<ProcedureCommand> = fc.oneof(
  fc.constantFrom(...definitions).map<ProcedureCommand>((definition) => ({
    type: 'DefineProcedure',
    data: { procedureId: 'p', slug: 'demarche', definition },
  })),
  fc
    .constantFrom(...definitions)
    .map<ProcedureCommand>((definition) => ({ type: 'UpdateProcedureDraft', data: { definition } })),
  fc.constant<ProcedureCommand>({ type: 'PublishProcedureVersion', data: {} }),
  fc.constant<ProcedureCommand>({ type: 'PublishProcedureVersion', data: {} }),
  fc.constantFrom('', 'Remplacée.').map<ProcedureCommand>((reason) => ({ type: 'RetireProcedure', data: { reason } })),
);
const actor = fc.constantFrom<Actor>(
  { kind: 'agent', id: 'd', roles: [{ serviceId: SERVICE, role: 'designer' }] },
  { kind: 'agent', id: 'a', roles: [{ serviceId: 'svc-dsi', role: 'admin' }] },
  { kind: 'agent', id: 'g', roles: [{ serviceId: SERVICE, role: 'agent' }] },
  { kind: 'citizen', id: 'c' },
);

describe('procedure decider properties', () => {
  it(
    'publishes versions 1, 2, 3… of valid definitions, never changes a published one, and freezes once retired',
    () => {
      fc.assert(
        fc.property(fc.array(fc.record({ command, actor }), { minLength: 5, maxLength: 30 }), (steps) => {
          let state: ProcedureState = initialProcedureState();
          for (const { command: c, actor: a } of steps) {
            const before = state;
            let events;
            try {
              events = decideProcedure(c, state, metaFor(a));
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
              continue;
            }
            if (before.retired) throw new Error('a retired procedure accepted a command');
            state = events.reduce(evolveProcedure, state);
            for (const e of events) {
              if (e.type !== 'ProcedureVersionPublished') continue;
              expect(e.data.version).toBe(before.latestVersion + 1);
              expect(e.data.definition).toEqual(before.draft);
              expect(validateProcedureDefinition(e.data.definition)).toEqual([]);
            }
            expect(Object.keys(state.versions).map(Number)).toEqual(
              Array.from({ length: state.latestVersion }, (_, i) => i + 1),
            );
            for (const [version, definition] of Object.entries(before.versions))
              expect(state.versions[Number(version)]).toBe(definition);
          }
        }),
        { numRuns: 150 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});

describe('form data properties', () => {
  const def = birthCertificate();
  const names = def.fields.map((f) => f.name);
  it(
    'never throws, whatever is posted',
    () => {
      fc.assert(
        fc.property(
          fc.dictionary(fc.constantFrom(...names, 'autre', 'constructor', '__proto__'), fc.anything({ maxDepth: 2 })),
          (data) => {
            const errors = validateFormData(def, data);
            expect(Array.isArray(errors)).toBe(true);
            for (const e of errors) expect(e.field.startsWith('data')).toBe(true);
          },
        ),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT,
  );
  it(
    'accepts what it accepted once normalised, and normalising twice changes nothing',
    () => {
      const answers = fc.record({
        lastName: fc.string({ minLength: 1, maxLength: 30 }),
        copies: fc.oneof(
          fc.integer({ min: 0, max: 6 }),
          fc.integer({ min: 0, max: 6 }).map((n) => ` ${n},0 `),
        ),
        delivery: fc.constantFrom('courrier', 'guichet'),
        purposes: fc.constantFrom(undefined, 'mariage', ['passeport', 'mariage']),
      });
      fc.assert(
        fc.property(answers, (patch) => {
          const data = { ...validAnswers(), ...patch };
          const once = normaliseFormData(def, data);
          expect(normaliseFormData(def, once)).toEqual(once);
          if (validateFormData(def, data).length === 0) expect(validateFormData(def, once)).toEqual([]);
        }),
        { numRuns: 150 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
