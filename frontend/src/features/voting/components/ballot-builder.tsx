import { ballotViolations, type BallotViolation } from '@decidimos/contracts/ballots/ballot-rules';
import type { BallotRules } from '@decidimos/contracts/editions/edition';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BudgetBar, SelectionCounter } from '../../../components/budget-bar';
import { ballotTally, districtBallot, type BallotOption } from '../../../lib/ballot';
import { useFormat } from '../../../lib/format';
import { useBallotDraft } from '../hooks/use-ballot-draft';
import { useBallotIssueText } from '../../../components/ballot-issue-text';
import { paths } from '../../../lib/paths';

interface BallotBuilderProps {
  editionId: string;
  options: BallotOption[];
  rules: BallotRules;
  /** The district budget (knapsack ballots). */
  budget: number;
  /** The ballot already cast, when the resident comes back to change it. */
  initialSelection?: readonly string[];
  onReview: () => void;
}

/** Why `option` cannot join the selection (the rules one more pick can break), or null when it can. */
function whyNotAdd(
  option: BallotOption,
  selection: readonly string[],
  options: readonly BallotOption[],
  rules: BallotRules,
  budget: number,
): BallotViolation | null {
  if (selection.includes(option.id)) return null;
  const after = ballotViolations(rules, districtBallot(options, budget), [...selection, option.id]);
  return after.find((v) => v.code === 'TOO_MANY' || v.code === 'OVER_BUDGET') ?? null;
}

/**
 * Picking proposals under the edition's ballot rules. A choice that breaks a rule is not
 * taken, and the reason is shown next to it; the draft is kept on this device.
 */
export function BallotBuilder({ editionId, options, rules, budget, initialSelection, onReview }: BallotBuilderProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const issueText = useBallotIssueText();
  const listId = useId();
  const draft = useBallotDraft(editionId, initialSelection);
  const known = new Set(options.map((o) => o.id));
  const selection = draft.selection.filter((id) => known.has(id));
  const current = ballotTally(selection, options, rules, budget);
  const [blocked, setBlocked] = useState<{ proposalId: string; issue: BallotViolation } | null>(null);
  const [submitIssues, setSubmitIssues] = useState<string[]>([]);

  function choose(option: BallotOption) {
    const issue = whyNotAdd(option, selection, options, rules, budget);
    if (issue) {
      setBlocked({ proposalId: option.id, issue });
      return;
    }
    setBlocked(null);
    setSubmitIssues([]);
    draft.toggle(option.id);
  }

  function review() {
    const issues = ballotViolations(rules, districtBallot(options, budget), selection).map(issueText);
    if (selection.length === 0) issues.unshift(t('ballot.issue.empty'));
    setSubmitIssues(issues);
    if (issues.length === 0) onReview();
  }

  return (
    <div className="ballot-builder">
      <div className="ballot-summary">
        {rules.method === 'knapsack' ? <BudgetBar tally={current} /> : null}
        <SelectionCounter tally={current} />
      </div>
      <fieldset>
        <legend>{t('ballot.options', { count: options.length })}</legend>
        <ul className="options" id={listId}>
          {options.map((option) => {
            const selected = selection.includes(option.id);
            const inputId = `${listId}-${option.id}`;
            const fits = selected || rules.method !== 'knapsack' || option.cost <= current.remaining;
            const blockedHere = blocked?.proposalId === option.id ? blocked.issue : null;
            return (
              <li key={option.id} className={selected ? 'option option-selected' : 'option'}>
                <input
                  type="checkbox"
                  id={inputId}
                  checked={selected}
                  onChange={() => choose(option)}
                  aria-describedby={`${inputId}-cost${fits ? '' : ` ${inputId}-fit`}`}
                />
                <label htmlFor={inputId}>
                  <span className="option-title">{option.title}</span>
                  <span className="option-cost" id={`${inputId}-cost`}>
                    {format.money(option.cost)}
                  </span>
                </label>
                {fits ? null : (
                  <p className="hint option-fit" id={`${inputId}-fit`}>
                    {t('ballot.doesNotFit')}
                  </p>
                )}
                {blockedHere ? (
                  <p role="alert" className="field-error">
                    {issueText(blockedHere)} {t('ballot.unpickHint')}
                  </p>
                ) : null}
                <Link to={paths.proposal(option.id)} className="option-link">
                  {t('ballot.details')}
                  <span className="sr-only">: {option.title}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <p className="hint">{t('ballot.draftKept')}</p>
      {submitIssues.length > 0 ? (
        <div role="alert" className="alert alert-error">
          <p className="alert-title">{t('ballot.cannotReview')}</p>
          <ul>
            {submitIssues.map((issue) => (
              <li key={issue}>{issue}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="actions">
        <button type="button" className="button" onClick={review}>
          {t('ballot.review')}
        </button>
      </div>
    </div>
  );
}
