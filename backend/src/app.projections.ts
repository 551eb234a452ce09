import { AuditModule } from './audit/audit.module';
import { BallotsModule } from './ballots/ballots.module';
import { BoothsModule } from './booths/booths.module';
import { EditionsModule } from './editions/editions.module';
import { IdentityModule } from './identity/identity.module';
import type { Projection } from './projections/projection';
import { ProposalsModule } from './proposals/proposals.module';
import { ResultsModule } from './results/results.module';
import { WorksModule } from './works/works.module';

/**
 * Every read model the application keeps, composed from the feature modules, in the order
 * they are fed each event: what the runner feeds and a rebuild rebuilds. The audit log
 * comes last but one: only the tree-head signer, added by the app, runs after it.
 */
export const allProjections: Projection[] = [
  ...EditionsModule.projections,
  ...ProposalsModule.projections,
  ...IdentityModule.projections,
  ...BoothsModule.projections,
  ...BallotsModule.projections,
  ...ResultsModule.projections,
  ...WorksModule.projections,
  ...AuditModule.projections,
];
