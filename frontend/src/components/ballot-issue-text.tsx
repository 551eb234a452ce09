import type { BallotViolation } from '@decidimos/contracts/ballots/ballot-rules';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format';

/** A ballot rule that stops a choice or a cast, said plainly with the figures. */
export function useBallotIssueText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (issue: BallotViolation): string => {
    switch (issue.code) {
      case 'OVER_BUDGET':
        return t('ballot.issue.overBudget', {
          total: format.money(issue.params.total),
          budget: format.money(issue.params.budget),
        });
      case 'TOO_MANY':
        return t('ballot.issue.tooMany', { count: issue.params.max });
      case 'TOO_FEW':
        return t('ballot.issue.tooFew', { count: issue.params.min });
      case 'UNDER_MINIMUM_SPEND':
        return t('ballot.issue.underMinimum', {
          minimum: format.money(issue.params.minimum),
          total: format.money(issue.params.total),
        });
      // A pick the page itself never offers twice or off the ballot: the server's words for it.
      case 'DUPLICATE_SELECTION':
      case 'NOT_ON_BALLOT':
        return t(`problems:${issue.code}.detail`, issue.params);
    }
  };
}
