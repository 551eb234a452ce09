export { electionFromPabulib } from './election';
export {
  parsePabulib,
  parsePabulibNumber,
  writePabulib,
  type Pabulib,
  type PabulibProject,
  type PabulibVote,
} from './pabulib';
export { PabulibFormatError } from './table';
export { districtAsPabulib, pabulibRule, type DistrictExport } from './edition-export';
