// What other features may use of editions (dependency-cruiser refuses anything else; see CONTRIBUTING.md).
export { CountVotes } from './commands/count-votes';
export { RecordTally } from './commands/record-tally';
export { requirePhase, type Edition, type EditionState } from './domain/edition.decider';
export { EditionLoader } from './edition-loader';
export { EditionsReadModel } from './editions.read-model';
export { BallotCandidates } from './queries/ballot-candidates';
export { DistrictsWithProposals } from './queries/districts-with-proposals';
