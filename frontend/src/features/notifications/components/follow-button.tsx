import type { MeResponse } from '@decidimos/contracts/api/schemas';
import { ProblemAlert } from '../../../components/problem-alert';
import { useNotificationsT } from '../../../lib/i18n/notifications';
import { useFollows, useSetFollow, type FollowTarget } from '../api/follows';

interface FollowButtonProps {
  target: FollowTarget;
  id: string;
  me: MeResponse | null;
}

/** Follow a proposal or a work to hear what happens to it (for logged-in residents). */
export function FollowButton({ target, id, me }: FollowButtonProps) {
  const t = useNotificationsT();
  const follows = useFollows(Boolean(me));
  const setFollow = useSetFollow(target);
  if (!me || !follows.data) return null;
  const following = follows.data[target].includes(id);
  return (
    <div className="follow">
      <button
        type="button"
        className={following ? 'button secondary' : 'button'}
        aria-pressed={following}
        disabled={setFollow.isPending}
        onClick={() => setFollow.mutate({ id, following: !following })}
      >
        {following ? t('follow.unfollow') : t('follow.follow')}
      </button>
      {following ? (
        <p className="hint" role="status">
          {target === 'works' ? t('follow.followingWork') : t('follow.following')}
        </p>
      ) : null}
      {setFollow.error ? <ProblemAlert error={setFollow.error} /> : null}
    </div>
  );
}
