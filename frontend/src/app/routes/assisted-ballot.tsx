import { Link } from 'react-router';
import { Page } from '../../components/page';
import { StaffOnly } from '../../components/staff-only';
import { AssistedBallotForm } from '../../features/assisted-voting/components/assisted-ballot-form';
import { useStaffT } from '../../lib/i18n/staff';
import { paths } from '../../lib/paths';
import { useRouteEdition } from '../route-data';

export function AssistedBallotRoute() {
  const edition = useRouteEdition();
  const staffT = useStaffT();
  const title = staffT('assisted.title');
  return (
    <StaffOnly role="poll-officer" title={title}>
      <Page title={title} lead={staffT('assisted.lead')} focusHeading={edition.phase !== 'voting'}>
        {edition.phase === 'voting' ? (
          <AssistedBallotForm edition={edition} />
        ) : (
          <p className="alert alert-info">{staffT('assisted.notVoting')}</p>
        )}
        {edition.phase === 'voting' ? (
          <p className="hint">
            {/* The kiosk's own address (features/kiosk): the edition's page with ?kiosk=1. */}
            <Link to={`${paths.edition(edition.id)}?kiosk=1`}>{staffT('assisted.kiosk')}</Link>{' '}
            {staffT('assisted.kioskHint')}
          </p>
        ) : null}
      </Page>
    </StaffOnly>
  );
}
