import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { StaffOnly } from '../../components/staff-only';
import { AssistedBallotForm } from '../../features/assisted-voting/components/assisted-ballot-form';
import { useRouteEdition } from '../route-data';

export function AssistedBallotRoute() {
  const { t } = useTranslation();
  const edition = useRouteEdition();
  const title = t('assisted.title');
  return (
    <StaffOnly role="poll-officer" title={title}>
      <Page title={title} lead={t('assisted.lead')} focusHeading={edition.phase !== 'voting'}>
        {edition.phase === 'voting' ? (
          <AssistedBallotForm edition={edition} />
        ) : (
          <p className="alert alert-info">{t('assisted.notVoting')}</p>
        )}
      </Page>
    </StaffOnly>
  );
}
