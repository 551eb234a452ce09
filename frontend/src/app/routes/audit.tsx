import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { AuditPanel } from '../../features/audit/components/audit-panel';
import { BoothActivity } from '../../features/audit/components/booth-activity';
import { useRouteEdition } from '../route-data';

export function AuditRoute() {
  const { t } = useTranslation();
  const edition = useRouteEdition();
  return (
    <Page title={t('audit.title')} lead={edition.title}>
      <p>{t('audit.lead')}</p>
      <AuditPanel edition={edition} />
      <BoothActivity edition={edition} />
    </Page>
  );
}
