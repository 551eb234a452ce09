import { useParams } from 'react-router';
import { VotingBooth, type BoothStep } from '../../features/voting/components/voting-booth';

const STEPS: Record<string, BoothStep> = { review: 'review', receipt: 'receipt' };

export function BallotRoute() {
  const { editionId = '', step = '' } = useParams();
  return <VotingBooth key={`${editionId}/${step}`} editionId={editionId} step={STEPS[step] ?? 'build'} />;
}
