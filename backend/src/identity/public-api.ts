// What other features may use of identity (dependency-cruiser refuses anything else; see CONTRIBUTING.md).
export { eligibility } from './eligibility';
export { participant, type Participant } from './participation';
export { Profiles } from './profiles';
export { pseudonym, staffPseudonym, type PseudonymPurpose } from './pseudonyms';
export { grantedRoles } from './staff-roles';
