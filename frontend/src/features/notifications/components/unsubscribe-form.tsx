import { ProblemAlert } from '../../../components/problem-alert';
import { useNotificationsT } from '../../../lib/i18n/notifications';
import { useUnsubscribe } from '../api/settings';

/** The page an e-mail's link opens: one press stops that kind of e-mail, without logging in. */
export function UnsubscribeForm({ token }: { token: string }) {
  const t = useNotificationsT();
  const unsubscribe = useUnsubscribe();
  if (unsubscribe.isSuccess) return <p role="status">{t('unsubscribe.done')}</p>;
  return (
    <>
      <p>
        <button
          type="button"
          className="button"
          disabled={unsubscribe.isPending}
          onClick={() => unsubscribe.mutate(token)}
        >
          {t('unsubscribe.confirm')}
        </button>
      </p>
      {unsubscribe.error ? <ProblemAlert error={unsubscribe.error} /> : null}
    </>
  );
}
