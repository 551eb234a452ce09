import type { EditionView, MeResponse, ProposalView } from '@decidimos/contracts/api/schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NextSteps } from '../../../components/next-steps';
import { ProblemAlert } from '../../../components/problem-alert';
import { useWithdrawProposal } from '../api/withdraw-proposal';
import { paths } from '../../../lib/paths';

interface AuthorActionsProps {
  edition: EditionView;
  proposal: ProposalView;
  me: MeResponse | null;
}

/**
 * Edit and withdraw, while the proposals phase is open, for the proposal's author: the
 * API says `mine` from the author pseudonym (names may be erased or shared), and the
 * server has the last word.
 */
export function AuthorActions({ edition, proposal, me }: AuthorActionsProps) {
  const { t } = useTranslation();
  const withdraw = useWithdrawProposal();
  const [confirming, setConfirming] = useState(false);
  if (withdraw.isSuccess) {
    return (
      <NextSteps title={t('proposal.withdrawn')}>
        <p>{t('proposal.next.withdrawn')}</p>
      </NextSteps>
    );
  }
  if (!me || !proposal.mine || edition.phase !== 'proposals' || proposal.status !== 'submitted') return null;
  return (
    <section className="now" aria-labelledby="author-title">
      <h2 id="author-title">{t('proposal.yours')}</h2>
      <p>{t('proposal.yoursExplain')}</p>
      <div className="actions">
        <Link className="button" to={paths.editProposal(proposal.id)}>
          {t('proposal.edit')}
        </Link>
        {confirming ? null : (
          <button type="button" className="button danger" onClick={() => setConfirming(true)}>
            {t('proposal.withdraw')}
          </button>
        )}
      </div>
      {confirming ? (
        <div className="confirm" role="group" aria-labelledby="withdraw-question">
          <p id="withdraw-question">{t('proposal.withdrawQuestion')}</p>
          <div className="actions">
            <button
              type="button"
              className="button danger"
              disabled={withdraw.isPending}
              onClick={() => withdraw.mutate(proposal.id)}
            >
              {t('proposal.withdrawConfirm')}
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {withdraw.error ? <ProblemAlert error={withdraw.error} /> : null}
    </section>
  );
}
