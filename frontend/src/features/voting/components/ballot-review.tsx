import type { BallotRules } from '@decidimos/contracts/editions/edition';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert';
import { ballotTally, type BallotOption } from '../../../lib/ballot';
import { useFormat } from '../../../lib/format';
import { useCastBallot, type CastBallotResponse } from '../api/cast-ballot';
import { useBallotDraft } from '../hooks/use-ballot-draft';

interface BallotReviewProps {
  editionId: string;
  options: BallotOption[];
  rules: BallotRules;
  budget: number;
  initialSelection?: readonly string[];
  /** True when this cast replaces a ballot already recorded. */
  changing: boolean;
  onBack: () => void;
  onCast: (answer: CastBallotResponse) => void;
}

/** The last look before casting: what is picked, what it adds up to, and one clear button. */
export function BallotReview({
  editionId,
  options,
  rules,
  budget,
  initialSelection,
  changing,
  onBack,
  onCast,
}: BallotReviewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const draft = useBallotDraft(editionId, initialSelection);
  const cast = useCastBallot();
  const picked = options.filter((o) => draft.selection.includes(o.id));
  const current = ballotTally(
    picked.map((o) => o.id),
    options,
    rules,
    budget,
  );

  function confirm() {
    const selections = picked.map((o) => o.id);
    cast.mutate(
      { editionId, selections, idempotencyKey: draft.idempotencyKey },
      {
        onSuccess: (answer) => {
          draft.settle(selections);
          onCast(answer);
        },
      },
    );
  }

  return (
    <div className="ballot-review">
      <h2>{t('ballot.reviewTitle', { count: picked.length })}</h2>
      <ul className="review-list">
        {picked.map((option) => (
          <li key={option.id}>
            <span>{option.title}</span>
            <span className="option-cost">{format.money(option.cost)}</span>
          </li>
        ))}
      </ul>
      {rules.method === 'knapsack' ? (
        <p>{t('ballot.reviewTotal', { total: format.money(current.total), budget: format.money(budget) })}</p>
      ) : null}
      <p className="hint">
        {changing ? t('ballot.replaceNote') : rules.revoting ? t('ballot.revotingNote') : t('ballot.finalNote')}
      </p>
      {cast.error ? (
        <>
          <ProblemAlert error={cast.error} onRetry={confirm} />
          <p className="hint">{t('ballot.draftSafe')}</p>
        </>
      ) : null}
      <div className="actions">
        <button type="button" className="button" onClick={confirm} disabled={cast.isPending}>
          {cast.isPending ? t('ballot.casting') : changing ? t('ballot.confirmChange') : t('ballot.confirm')}
        </button>
        <button type="button" className="button secondary" onClick={onBack} disabled={cast.isPending}>
          {t('ballot.back')}
        </button>
      </div>
    </div>
  );
}
