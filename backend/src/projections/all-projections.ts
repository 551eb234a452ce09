import { auditLogProjection } from '../audit/audit-log.projection';
import { ballotsProjection } from '../ballots/ballots.projection';
import { staffProjection } from '../identity/staff.projection';
import { editionsProjection } from '../editions/editions.projection';
import { proposalsProjection } from '../proposals/proposals.projection';
import { resultsProjection } from '../results/results.projection';
import type { Projection } from './projection';

/** Every read model the application keeps, in the order they are fed each event. */
export const allProjections: Projection[] = [
  editionsProjection,
  proposalsProjection,
  staffProjection,
  ballotsProjection,
  resultsProjection,
  auditLogProjection,
];
