import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem-alert';
import { StaffOnly } from '../../components/staff-only';
import { AssistedBallotForm } from '../../features/assisted-voting/components/assisted-ballot-form';
import { useEdition } from '../../lib/api/get-edition';

export function AssistedBallotRoute() {
  const { t } = useTranslation();
  const { editionId = '' } = useParams();
  const edition = useEdition(editionId);
  const title = t('assisted.title');
  if (edition.error) return <ProblemAlert error={edition.error} onRetry={() => void edition.refetch()} />;
  if (!edition.data) return <Loading />;
  return (
    <StaffOnly role="poll-officer" title={title}>
      <Page title={title} lead={t('assisted.lead')} focusHeading={edition.data.phase !== 'voting'}>
        {edition.data.phase === 'voting' ? (
          <AssistedBallotForm edition={edition.data} />
        ) : (
          <p className="alert alert-info">{t('assisted.notVoting')}</p>
        )}
      </Page>
    </StaffOnly>
  );
}
