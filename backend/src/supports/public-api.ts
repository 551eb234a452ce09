// What other features may use of supports (dependency-cruiser refuses anything else; see CONTRIBUTING.md).
export { supportsDecider } from './domain/supports.decider';
export { supportsStream } from './streams';
export { GiveSupport, type AssistedSupporter } from './commands/give-support';
