// What other features may use of moderation (dependency-cruiser refuses anything else; see CONTRIBUTING.md).
export { ModerationReadModel } from './moderation.read-model';
