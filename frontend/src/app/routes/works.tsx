import { useParams } from 'react-router';
import { FollowButton } from '../../features/notifications/components/follow-button';
import { WorkPage } from '../../features/works/components/work-page';
import { WorksDashboard } from '../../features/works/components/works-dashboard';
import { useMe } from '../../lib/api/get-me';
import { useRouteEdition } from '../route-data';

/** The works of an edition (`works`) or one of them (`works/:workId`): one lazy route, one chunk. */
export function WorksRoute() {
  const edition = useRouteEdition();
  const { workId } = useParams();
  const me = useMe();
  if (!workId) return <WorksDashboard edition={edition} />;
  return (
    <>
      <WorkPage edition={edition} workId={workId} />
      <FollowButton target="works" id={workId} me={me.data ?? null} />
    </>
  );
}
