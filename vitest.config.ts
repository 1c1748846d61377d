import { defineConfig } from 'vitest/config';

const server = ['domain', 'eventstore', 'projections', 'api'];

/** Long fault runs (`npm run test:faults`): only defined when asked for, so `npm test` never runs them. */
const faults = process.env.GUICHET_FAULTS
  ? [
      {
        test: {
          name: 'faults',
          include: ['api/src/faults/**/*.fault.spec.ts'],
          environment: 'node',
          testTimeout: 1_800_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ]
  : [];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            ...server.map((p) => `${p}/src/**/*.unit.spec.ts`),
            'backoffice/src/lib/**/*.unit.spec.ts',
            'citizen-portal/src/lib/**/*.unit.spec.ts',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'int',
          include: server.map((p) => `${p}/src/**/*.int.spec.ts`),
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // 2 cores: database suites in parallel only fight each other.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: [
            'api/src/**/*.e2e.spec.ts',
            'citizen-portal/tests/**/*.e2e.spec.ts',
            'backoffice/tests/**/*.e2e.spec.ts',
          ],
          environment: 'node',
          globalSetup: ['scripts/e2e-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      ...faults,
    ],
  },
});
