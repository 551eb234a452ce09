import type { EditionView, MeResponse, ProposalView } from '@decidimos/contracts/api/schemas';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { NextSteps } from '../../../components/next-steps';
import { ProblemAlert } from '../../../components/problem-alert';
import { loginUrl } from '../../../lib/login';
import { queryKeys } from '../../../lib/query-keys';
import { useGiveSupport } from '../api/give-support';
import { useTakeBackSupport } from '../api/take-back-support';
import { useActivity } from '../../../lib/api/get-activity';

interface SupportButtonProps {
  edition: EditionView;
  proposal: ProposalView;
  me: MeResponse | null;
}

/** Support a proposal, or take the support back, during the supports phase. */
export function SupportButton({ edition, proposal, me }: SupportButtonProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const queryClient = useQueryClient();
  // My supports come from the server (my activity); nothing is kept on the device.
  const activity = useActivity(edition.id, Boolean(me) && edition.phase === 'supports');
  const give = useGiveSupport();
  const takeBack = useTakeBackSupport();
  const [done, setDone] = useState<'given' | 'taken' | null>(null);
  const [answered, setAnswered] = useState<boolean | null>(null);
  const supported = answered ?? Boolean(activity.data?.supports.some((s) => s.id === proposal.id));
  const { perResident, threshold } = edition.rules.supports;

  if (edition.phase !== 'supports' || !edition.rules.supports.enabled) return null;
  if (!me) {
    return (
      <p className="now">
        {t('support.loginFirst')} <a href={loginUrl(location.pathname)}>{t('auth.login')}</a>
      </p>
    );
  }
  if (proposal.status !== 'feasible') return <p className="hint">{t('support.onlyFeasible')}</p>;

  function onAnswer(answer: { supported: boolean }) {
    setAnswered(answer.supported);
    void queryClient.invalidateQueries({ queryKey: queryKeys.activity(edition.id) });
    setDone(answer.supported ? 'given' : 'taken');
  }

  const pending = give.isPending || takeBack.isPending;
  const error = give.error ?? takeBack.error;
  return (
    <section className="now" aria-labelledby="support-title">
      <h2 id="support-title">{t('support.title')}</h2>
      <p>{t('support.explain', { threshold, count: perResident })}</p>
      {supported ? (
        <button
          type="button"
          className="button secondary"
          disabled={pending}
          onClick={() => {
            give.reset();
            takeBack.mutate(proposal.id, { onSuccess: onAnswer });
          }}
        >
          {t('support.takeBack')}
        </button>
      ) : (
        <button
          type="button"
          className="button"
          disabled={pending}
          onClick={() => {
            takeBack.reset();
            give.mutate(proposal.id, { onSuccess: onAnswer });
          }}
        >
          {t('support.give')}
        </button>
      )}
      {error ? <ProblemAlert error={error} /> : null}
      {done === 'given' && supported ? (
        <NextSteps title={t('support.given')}>
          <p>{t('support.next.given', { threshold })}</p>
        </NextSteps>
      ) : null}
      {done === 'taken' && !supported ? (
        <NextSteps title={t('support.taken')}>
          <p>{t('support.next.taken')}</p>
        </NextSteps>
      ) : null}
    </section>
  );
}
