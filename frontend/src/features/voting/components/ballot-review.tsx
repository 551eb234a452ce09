import type { BallotRules } from '@decidimos/contracts/editions/edition';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert';
import type { BallotPoolView } from '../../../lib/ballot';
import { useFormat } from '../../../lib/format';
import { useCastBallot, type CastBallotResponse } from '../api/cast-ballot';
import { useBallotDraft } from '../hooks/use-ballot-draft';

interface BallotReviewProps {
  editionId: string;
  pools: BallotPoolView[];
  rules: BallotRules;
  initialSelection?: readonly string[];
  /** True when this cast replaces a ballot already recorded. */
  changing: boolean;
  onBack: () => void;
  onCast: (answer: CastBallotResponse) => void;
}

/** The last look before casting: what is picked in each pool, what it adds up to, and one clear button. */
export function BallotReview({
  editionId,
  pools,
  rules,
  initialSelection,
  changing,
  onBack,
  onCast,
}: BallotReviewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const draft = useBallotDraft(editionId, initialSelection);
  const cast = useCastBallot();
  const picked = pools.map((pool) => pool.options.filter((o) => draft.selection.includes(o.id)));
  // One ballot holds the picks of every pool.
  const selections = picked.flat().map((o) => o.id);

  function confirm() {
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
      <h2>{t('ballot.reviewTitle', { count: selections.length })}</h2>
      {pools.map((pool, index) => (
        <section key={pool.id} aria-label={pool.name}>
          {pools.length > 1 ? <h3>{pool.name}</h3> : null}
          <ul className="review-list">
            {picked[index]!.map((option) => (
              <li key={option.id}>
                <span>{option.title}</span>
                <span className="option-cost">{format.money(option.cost)}</span>
              </li>
            ))}
          </ul>
          {rules.method === 'knapsack' ? (
            <p>
              {t('ballot.reviewTotal', {
                total: format.money(picked[index]!.reduce((sum, o) => sum + o.cost, 0)),
                budget: format.money(pool.budget),
              })}
            </p>
          ) : null}
        </section>
      ))}
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
