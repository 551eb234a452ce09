// What other features may use of booths (dependency-cruiser refuses anything else; see CONTRIBUTING.md).
export { BoothLoader } from './booth-loader';
export { BoothsReadModel } from './booths.read-model';
export { onShift, type Booth } from './domain/booth.decider';
export { checkInPerson, type InPerson } from './domain/in-person';
export { InPersonChecks } from './in-person-checks';
export { BoothBallotCounts } from './queries/booth-ballot-counts';
