// What other features may use of audit (dependency-cruiser refuses anything else; see CONTRIBUTING.md).
export { AuditService } from './audit.service';
