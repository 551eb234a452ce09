import { useTranslation } from 'react-i18next';
import type { BallotTally } from '../lib/ballot';
import { useFormat } from '../lib/format';

/** Knapsack ballots: how much of the district budget the selection uses, and what is left. */
export function BudgetBar({ tally }: { tally: BallotTally }) {
  const { t } = useTranslation();
  const format = useFormat();
  const over = tally.remaining < 0;
  const share = tally.budget > 0 ? Math.min(1, tally.total / tally.budget) : 0;
  return (
    <div className={over ? 'budget budget-over' : 'budget'}>
      <p className="budget-figures" aria-live="polite" aria-atomic="true">
        <span>
          {t('ballot.budget.spent', { spent: format.money(tally.total), budget: format.money(tally.budget) })}
        </span>{' '}
        <strong>
          {over
            ? t('ballot.budget.over', { amount: format.money(-tally.remaining) })
            : t('ballot.budget.remaining', { amount: format.money(tally.remaining) })}
        </strong>
      </p>
      <div className="budget-track" aria-hidden="true">
        <div className="budget-fill" style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}

/** Approval ballots: how many proposals are picked out of how many allowed. */
export function SelectionCounter({ tally }: { tally: BallotTally }) {
  const { t } = useTranslation();
  return (
    <p className="counter" aria-live="polite" aria-atomic="true">
      {tally.maxSelections === null
        ? t('ballot.counter.unlimited', { count: tally.count })
        : t('ballot.counter.limited', { count: tally.count, max: tally.maxSelections })}
    </p>
  );
}
