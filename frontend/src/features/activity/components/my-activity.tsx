import type { EditionView } from '@decidimos/contracts/api/schemas';
import { Link } from 'react-router';
import { Loading } from '../../../components/loading';
import { ProblemAlert } from '../../../components/problem-alert';
import { useActivity } from '../../../lib/api/get-activity';
import { useFormat } from '../../../lib/format';
import { useNotificationsT } from '../../../lib/i18n/notifications';
import { paths } from '../../../lib/paths';

/** My part in one edition: proposals, supports, whether I voted (never what), follows and notices. */
export function MyActivity({ edition }: { edition: EditionView }) {
  const t = useNotificationsT();
  const format = useFormat();
  const activity = useActivity(edition.id);
  if (activity.isPending) return <Loading />;
  if (activity.error) return <ProblemAlert error={activity.error} />;
  const { proposals, supports, ballot, follows, followedWorks, settings } = activity.data;
  const kinds = (list: string[]) =>
    list.length === 0 ? t('activity.nothing') : list.map((kind) => t(`settings.kinds.${kind}`)).join('; ');
  const none = <p>{t('activity.none')}</p>;
  return (
    <>
      <section aria-labelledby="my-proposals">
        <h2 id="my-proposals">{t('activity.proposals')}</h2>
        {proposals.length === 0 ? none : null}
        <ul>
          {proposals.map((p) => (
            <li key={p.id}>
              <Link to={paths.proposal(p.id)}>{p.title}</Link> — {t(`status.${p.status}`)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="my-supports">
        <h2 id="my-supports">{t('activity.supports')}</h2>
        {supports.length === 0 ? none : null}
        <ul>
          {supports.map((p) => (
            <li key={p.id}>
              <Link to={paths.proposal(p.id)}>{p.title}</Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="my-vote">
        <h2 id="my-vote">{t('activity.vote')}</h2>
        {ballot ? (
          <>
            <p>
              {t('activity.voted', { channel: t(`activity.${ballot.channel}`), at: format.dateTime(ballot.castAt) })}
            </p>
            <p className="hint">
              {t('activity.receipt')} <Link to={paths.ballot(edition.id, 'receipt')}>{t('notice.receipt')}</Link>
            </p>
          </>
        ) : (
          <p>{t('activity.notVoted')}</p>
        )}
      </section>
      <section aria-labelledby="my-follows">
        <h2 id="my-follows">{t('activity.follows')}</h2>
        {follows.length === 0 ? none : null}
        <ul>
          {follows.map((p) => (
            <li key={p.id}>
              <Link to={paths.proposal(p.id)}>{p.title}</Link> — {t(`status.${p.status}`)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="my-works">
        <h2 id="my-works">{t('activity.works')}</h2>
        {followedWorks.length === 0 ? none : null}
        <ul>
          {followedWorks.map((w) => (
            <li key={w.id}>
              <Link to={paths.works(w.editionId, w.id)}>{w.title}</Link> —{' '}
              {t('activity.workProgress', { status: t(`workStatus.${w.status}`), progress: w.progress })}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="my-settings">
        <h2 id="my-settings">{t('activity.settings')}</h2>
        <p>{t('activity.inAppKinds', { kinds: kinds(settings.inApp.kinds) })}</p>
        <p>{t('activity.emailKinds', { kinds: kinds(settings.email.kinds) })}</p>
        <p>
          <Link to={paths.notificationSettings()}>{t('centre.settings')}</Link>
        </p>
      </section>
    </>
  );
}
