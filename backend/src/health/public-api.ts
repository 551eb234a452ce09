// What other features may use of health (dependency-cruiser refuses anything else; see CONTRIBUTING.md).
export { Metrics } from './metrics';
