import { ballotViolations, type BallotViolation } from '@decidimos/contracts/ballots/ballot-rules';
import type { BallotRules } from '@decidimos/contracts/editions/edition';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BudgetBar, SelectionCounter } from '../../../components/budget-bar';
import { ballotTally, districtBallot, type BallotOption, type BallotPoolView } from '../../../lib/ballot';
import { useFormat } from '../../../lib/format';
import { useBallotDraft } from '../hooks/use-ballot-draft';
import { useBallotIssueText } from '../../../components/ballot-issue-text';
import { paths } from '../../../lib/paths';

interface BallotBuilderProps {
  editionId: string;
  /** The resident's district, then the citywide pool if the edition has one: each with its own budget. */
  pools: BallotPoolView[];
  rules: BallotRules;
  /** The ballot already cast, when the resident comes back to change it. */
  initialSelection?: readonly string[];
  onReview: () => void;
}

/** The picks of one pool, in the order made. */
const picksIn = (pool: BallotPoolView, selection: readonly string[]) =>
  selection.filter((id) => pool.options.some((o) => o.id === id));

/**
 * Every rule the picks of each pool break: the rules apply to each pool on its own, as the
 * server and the audit apply them (poolViolations).
 */
const violations = (pool: BallotPoolView, rules: BallotRules, picks: readonly string[]) =>
  ballotViolations(rules, districtBallot(pool.options, pool.budget), picks);

/**
 * Picking proposals under the edition's ballot rules, pool by pool. A choice that breaks a
 * rule is not taken, and the reason is shown next to it; the draft is kept on this device.
 */
export function BallotBuilder({ editionId, pools, rules, initialSelection, onReview }: BallotBuilderProps) {
  const { t } = useTranslation();
  const issueText = useBallotIssueText();
  const draft = useBallotDraft(editionId, initialSelection);
  const selection = draft.selection.filter((id) => pools.some((pool) => picksIn(pool, [id]).length > 0));
  const [blocked, setBlocked] = useState<{ proposalId: string; issue: BallotViolation } | null>(null);
  const [submitIssues, setSubmitIssues] = useState<string[]>([]);

  function choose(pool: BallotPoolView, option: BallotOption) {
    const picks = picksIn(pool, selection);
    const issue = picks.includes(option.id)
      ? null
      : violations(pool, rules, [...picks, option.id]).find((v) => v.code === 'TOO_MANY' || v.code === 'OVER_BUDGET');
    setBlocked(issue ? { proposalId: option.id, issue } : null);
    if (issue) return;
    setSubmitIssues([]);
    draft.toggle(option.id);
  }

  function review() {
    // With two pools each issue says which pool it is about.
    const issues = pools.flatMap((pool) =>
      violations(pool, rules, picksIn(pool, selection)).map(
        (v) => (pools.length > 1 ? `${pool.name}: ` : '') + issueText(v),
      ),
    );
    if (selection.length === 0) issues.unshift(t('ballot.issue.empty'));
    setSubmitIssues(issues);
    if (issues.length === 0) onReview();
  }

  return (
    <div className="ballot-builder">
      {pools.map((pool) => (
        <PoolChoices
          key={pool.id}
          pool={pool}
          named={pools.length > 1}
          rules={rules}
          picks={picksIn(pool, selection)}
          blocked={blocked}
          onChoose={(option) => choose(pool, option)}
        />
      ))}
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

interface PoolChoicesProps {
  pool: BallotPoolView;
  /** Headed by the pool's name when the ballot has more than one. */
  named: boolean;
  rules: BallotRules;
  picks: string[];
  blocked: { proposalId: string; issue: BallotViolation } | null;
  onChoose: (option: BallotOption) => void;
}

/** One pool's proposals with its own budget bar (or counter). */
function PoolChoices({ pool, named, rules, picks, blocked, onChoose }: PoolChoicesProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const issueText = useBallotIssueText();
  const listId = useId();
  const current = ballotTally(picks, pool.options, rules, pool.budget);
  return (
    <section className="ballot-pool" aria-label={pool.name}>
      {named ? <h2>{pool.name}</h2> : null}
      <div className="ballot-summary">
        {rules.method === 'knapsack' ? <BudgetBar tally={current} /> : null}
        <SelectionCounter tally={current} />
      </div>
      <fieldset>
        <legend>{t('ballot.options', { count: pool.options.length, pool: pool.name })}</legend>
        <ul className="options">
          {pool.options.map((option) => {
            const selected = picks.includes(option.id);
            const inputId = `${listId}-${option.id}`;
            const fits = selected || rules.method !== 'knapsack' || option.cost <= current.remaining;
            const blockedHere = blocked?.proposalId === option.id ? blocked.issue : null;
            return (
              <li key={option.id} className={selected ? 'option option-selected' : 'option'}>
                <input
                  type="checkbox"
                  id={inputId}
                  checked={selected}
                  onChange={() => onChoose(option)}
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
    </section>
  );
}
