// What other features may use of ballots (dependency-cruiser refuses anything else; see CONTRIBUTING.md).
export { BallotsReadModel } from './ballots.read-model';
export { finalBallots, finalOpenings } from './final-ballots';
