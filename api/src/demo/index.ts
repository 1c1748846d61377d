/** The demo town « Ville de S. », created on an empty database outside production. */
export { isSeeded, seedDemo, type SeedDemoOptions } from './seed.ts';
export { DEMO_PROCEDURES, DEMO_SERVICES, DEMO_TENANT, demoProcedure, type DemoProcedure } from './procedures.ts';
export { DEMO_ACCOUNTS, DEMO_CONTACTS, DEMO_PASSWORD, type DemoAccount } from './accounts.ts';
export { DEMO_TRACKING_CODES } from './cases.ts';
