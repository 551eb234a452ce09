import { useParams } from 'react-router';
import { VotingBooth, type BoothStep } from '../../features/voting/components/voting-booth';
import { useRouteEdition } from '../route-data';

const STEPS: Record<string, BoothStep> = { review: 'review', receipt: 'receipt' };

export function BallotRoute() {
  const edition = useRouteEdition();
  const { step = '' } = useParams();
  return <VotingBooth key={`${edition.id}/${step}`} edition={edition} step={STEPS[step] ?? 'build'} />;
}

// The kiosk (routes/kiosk.tsx) reuses these screens through this route, so that the voting
// modules are not split into shared chunks that would add to this route's download.
export { useBallotOptions } from '../../features/voting/api/get-ballot-options';
export { useMyBallot } from '../../features/voting/api/get-my-ballot';
export { BallotBuilder } from '../../features/voting/components/ballot-builder';
export { BallotReview } from '../../features/voting/components/ballot-review';
