import { Query } from '@nestjs/cqrs';

/**
 * What editing an edition's districts asks of the proposals feature: which of these
 * districts have proposals (withdrawn ones too), and so cannot be removed. Declared here
 * and answered there, so editions never imports proposals.
 */
export class DistrictsWithProposals extends Query<string[]> {
  constructor(
    readonly editionId: string,
    readonly districts: readonly string[],
  ) {
    super();
  }
}
