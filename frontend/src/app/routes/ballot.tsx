import { useParams } from 'react-router';
import { VotingBooth, type BoothStep } from '../../features/voting/components/voting-booth';
import { useRouteEdition } from '../route-data';

const STEPS: Record<string, BoothStep> = { review: 'review', receipt: 'receipt' };

export function BallotRoute() {
  const edition = useRouteEdition();
  const { step = '' } = useParams();
  return <VotingBooth key={`${edition.id}/${step}`} edition={edition} step={STEPS[step] ?? 'build'} />;
}
