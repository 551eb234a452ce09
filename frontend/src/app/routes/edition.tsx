import { EditionOverview } from '../../features/editions/components/edition-overview';
import { useRouteEdition } from '../route-data';

export function EditionRoute() {
  const edition = useRouteEdition();
  return <EditionOverview key={edition.id} edition={edition} />;
}
