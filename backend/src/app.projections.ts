import { auditLogProjection } from './audit/audit-log.projection';
import { ballotsProjection } from './ballots/ballots.projection';
import { boothsProjection } from './booths/booths.projection';
import { editionsProjection } from './editions/editions.projection';
import { staffProjection } from './identity/staff.projection';
import { moderationProjection } from './moderation/moderation.projection';
import type { Projection } from './projections/projection';
import { proposalsProjection } from './proposals/proposals.projection';
import { resultsProjection } from './results/results.projection';
import { worksProjection } from './works/works.projection';

/**
 * Every read model the application keeps, one projection per feature, in the order they
 * are fed each event: what the runner feeds and a rebuild rebuilds. The audit log comes
 * last but one: only the tree-head signer, added by the app, runs after it (a rebuild must
 * never sign). Listed from the projections' own files, not their Nest modules, so that a
 * rebuild's threads load no more than they run.
 */
export const allProjections: Projection[] = [
  editionsProjection,
  proposalsProjection,
  moderationProjection,
  staffProjection,
  boothsProjection,
  ballotsProjection,
  resultsProjection,
  worksProjection,
  auditLogProjection,
];
