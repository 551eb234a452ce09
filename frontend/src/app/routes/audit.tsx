import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem-alert';
import { AuditPanel } from '../../features/audit/components/audit-panel';
import { useEdition } from '../../lib/api/get-edition';

export function AuditRoute() {
  const { t } = useTranslation();
  const { editionId = '' } = useParams();
  const edition = useEdition(editionId);
  if (edition.error) return <ProblemAlert error={edition.error} onRetry={() => void edition.refetch()} />;
  if (!edition.data) return <Loading />;
  return (
    <Page title={t('audit.title')} lead={edition.data.title}>
      <p>{t('audit.lead')}</p>
      <AuditPanel edition={edition.data} />
    </Page>
  );
}
