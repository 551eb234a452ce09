import { useParams } from 'react-router';
import { Loading } from '../../components/loading';
import { ProblemAlert } from '../../components/problem-alert';
import { EditionOverview } from '../../features/editions/components/edition-overview';
import { useEdition } from '../../lib/api/get-edition';

export function EditionRoute() {
  const { editionId = '' } = useParams();
  const edition = useEdition(editionId);
  if (edition.error) return <ProblemAlert error={edition.error} onRetry={() => void edition.refetch()} />;
  if (!edition.data) return <Loading />;
  return <EditionOverview key={editionId} edition={edition.data} />;
}
