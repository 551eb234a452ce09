import { useTranslation } from 'react-i18next';
import type { BallotIssue } from '../lib/ballot-rules';
import { useFormat } from '../lib/format';

/** A ballot rule that stops a choice or a cast, said plainly with the figures. */
export function useBallotIssueText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (issue: BallotIssue): string => {
    switch (issue.code) {
      case 'OVER_BUDGET':
        return t('ballot.issue.overBudget', { total: format.money(issue.total), budget: format.money(issue.budget) });
      case 'TOO_MANY':
        return t('ballot.issue.tooMany', { count: issue.max });
      case 'TOO_FEW':
        return t('ballot.issue.tooFew', { count: issue.min });
      case 'UNDER_MINIMUM_SPEND':
        return t('ballot.issue.underMinimum', {
          minimum: format.money(issue.minimum),
          total: format.money(issue.total),
        });
    }
  };
}
