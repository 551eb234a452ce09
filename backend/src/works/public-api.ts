// What other features may use of works (dependency-cruiser refuses anything else; see CONTRIBUTING.md).
export { WorksReadModel } from './works.read-model';
export type { WorkDoc as Work, WorkUpdateDoc as WorkUpdate } from './works.projection';
export { workStream } from './streams';
