import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { Loading } from '../../components/loading';
import { EditionOverview } from '../../features/editions/components/edition-overview';
import { useRouteEdition } from '../route-data';

// Loaded only on a kiosk tablet, with its QR code library.
const KioskRoute = lazy(() => import('./kiosk').then((m) => ({ default: m.KioskRoute })));

export function EditionRoute() {
  const edition = useRouteEdition();
  const [search] = useSearchParams();
  if (search.get('kiosk') === '1') {
    return (
      <Suspense fallback={<Loading />}>
        <KioskRoute edition={edition} />
      </Suspense>
    );
  }
  return <EditionOverview key={edition.id} edition={edition} />;
}
