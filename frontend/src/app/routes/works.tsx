import { useParams } from 'react-router';
import { WorkPage } from '../../features/works/components/work-page';
import { WorksDashboard } from '../../features/works/components/works-dashboard';
import { useRouteEdition } from '../route-data';

/** The works of an edition (`works`) or one of them (`works/:workId`): one lazy route, one chunk. */
export function WorksRoute() {
  const edition = useRouteEdition();
  const { workId } = useParams();
  return workId ? <WorkPage edition={edition} workId={workId} /> : <WorksDashboard edition={edition} />;
}
