import { accountsProjection } from './accounts/projection.ts';
import { auditProjection } from './audit/projection.ts';
import { casesProjection } from './cases/projection.ts';
import { citizenHistoryProjection } from './citizen-history/projection.ts';
import { dueTransitionsProjection } from './cases/due-transitions.ts';
import { indicatorsProjection } from './indicators/projection.ts';
import { proceduresProjection } from './procedures/projection.ts';
import type { Projection } from './projection.ts';
import { searchProjection } from './search/projection.ts';
import { tenantsProjection } from './tenants/projection.ts';
import { timelineProjection } from './timeline/projection.ts';

export const allProjections: readonly Projection[] = [
  casesProjection,
  timelineProjection,
  dueTransitionsProjection,
  citizenHistoryProjection,
  searchProjection,
  accountsProjection,
  proceduresProjection,
  auditProjection,
  indicatorsProjection,
  tenantsProjection,
];
