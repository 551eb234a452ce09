// What other features may use of proposals (dependency-cruiser refuses anything else; see CONTRIBUTING.md).
export { AssessProposal } from './commands/assess-proposal';
export { ProposalsReadModel } from './proposals.read-model';
export { RecordProposal, type ProposalContent } from './commands/record-proposal';
export type { ProposalDoc } from './proposals.projection';
export { SubmitProposal, type AssistedAuthor } from './commands/submit-proposal';
