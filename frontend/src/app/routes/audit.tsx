import { Page } from '../../components/page';
import { useAuditT } from '../../lib/i18n/audit';
import { AuditPanel } from '../../features/audit/components/audit-panel';
import { BoothActivity } from '../../features/audit/components/booth-activity';
import { useRouteEdition } from '../route-data';

export function AuditRoute() {
  const ta = useAuditT();
  const edition = useRouteEdition();
  return (
    <Page title={ta('audit.title')} lead={edition.title}>
      <p>{ta('audit.lead')}</p>
      <AuditPanel edition={edition} />
      <BoothActivity edition={edition} />
    </Page>
  );
}
