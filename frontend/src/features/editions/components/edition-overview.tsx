import type { EditionView } from '@decidimos/contracts/api/schemas';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/page';
import { PhaseBadge } from '../../../components/phase-badge';
import { useMe } from '../../../lib/api/get-me';
import { useFormat } from '../../../lib/format';
import { EditionCalendar } from './edition-calendar';
import { PhaseActions } from './phase-actions';

/** An edition at a glance: its phase, what to do now, the calendar, the districts and the rules. */
export function EditionOverview({ edition }: { edition: EditionView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const { rules } = edition;
  return (
    <Page title={edition.title}>
      <p>
        {t('edition.currentPhase')} <PhaseBadge phase={edition.phase} />
      </p>
      {edition.description ? <p className="lead">{edition.description}</p> : null}
      <PhaseActions edition={edition} me={me.data} />
      <EditionCalendar edition={edition} />
      <section aria-labelledby="districts-title">
        <h2 id="districts-title">{t('edition.districts')}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('edition.district')}</th>
              <th scope="col" className="numeric">
                {t('edition.budget')}
              </th>
            </tr>
          </thead>
          <tbody>
            {/* The citywide pool's budget beside the districts'. */}
            {[...edition.districts, ...(edition.citywidePool ? [edition.citywidePool] : [])].map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.name}</th>
                <td className="numeric">{format.money(d.budget)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="rules-title">
        <h2 id="rules-title">{t('edition.rules')}</h2>
        <ul>
          <li>{t('edition.rule.age', { age: rules.minAge })}</li>
          <li>
            {t('edition.rule.proposals', {
              count: rules.proposals.perResident,
              min: format.money(rules.proposals.minCost),
              max: format.money(rules.proposals.maxCost),
            })}
          </li>
          {rules.supports.enabled ? (
            <li>
              {t('edition.rule.supports', { count: rules.supports.perResident, threshold: rules.supports.threshold })}
            </li>
          ) : (
            <li>{t('edition.rule.noSupports')}</li>
          )}
          <li>
            {rules.ballot.method === 'knapsack'
              ? t('edition.rule.knapsack')
              : t('edition.rule.approval', { count: rules.ballot.maxSelections ?? 0 })}
          </li>
          <li>{rules.ballot.revoting ? t('edition.rule.revoting') : t('edition.rule.noRevoting')}</li>
          <li>{t(`edition.rule.counting.${rules.counting.rule}`)}</li>
        </ul>
      </section>
    </Page>
  );
}
