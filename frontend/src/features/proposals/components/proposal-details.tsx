import type { EditionView, ProposalView } from '@decidimos/contracts/api/schemas';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/status-badge';
import { districtName } from '../../../lib/api/get-edition';
import { useFormat } from '../../../lib/format';

/** Everything public about a proposal: what, where, how much, the committee's assessment and its history. */
export function ProposalDetails({ proposal, edition }: { proposal: ProposalView; edition: EditionView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { assessment } = proposal;
  return (
    <>
      <p className="card-meta">
        <StatusBadge status={proposal.status} />
      </p>
      <dl className="facts">
        <dt>{t('proposal.district')}</dt>
        <dd>{districtName(edition, proposal.district)}</dd>
        {proposal.category ? (
          <>
            <dt>{t('proposal.category')}</dt>
            <dd>{proposal.category}</dd>
          </>
        ) : null}
        {proposal.location ? (
          <>
            <dt>{t('proposal.location')}</dt>
            <dd>{proposal.location}</dd>
          </>
        ) : null}
        <dt>{t('proposal.author')}</dt>
        <dd>{proposal.authorDisplayName ?? t('proposal.anonymous')}</dd>
        <dt>{t('proposal.estimatedCost')}</dt>
        <dd>{format.money(proposal.estimatedCost)}</dd>
        {assessment ? (
          <>
            <dt>{t('proposal.finalCost')}</dt>
            <dd>{format.money(proposal.cost)}</dd>
          </>
        ) : null}
        {edition.rules.supports.enabled ? (
          <>
            <dt>{t('proposal.supports')}</dt>
            <dd data-testid="support-count">{format.number(proposal.supports)}</dd>
          </>
        ) : null}
        {proposal.votes !== null ? (
          <>
            <dt>{t('proposal.votes')}</dt>
            <dd>{format.number(proposal.votes)}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('proposal.description')}</h2>
      <p className="prose">{proposal.description}</p>
      <section aria-labelledby="assessment-title">
        <h2 id="assessment-title">{t('proposal.assessment')}</h2>
        {assessment ? (
          <div className={assessment.feasible ? 'assessment feasible' : 'assessment unfeasible'}>
            <p>
              <strong>{assessment.feasible ? t('proposal.feasible') : t('proposal.unfeasible')}</strong>{' '}
              {t('proposal.assessedOn', { date: format.date(assessment.assessedAt) })}
            </p>
            <p className="prose">{assessment.reason}</p>
            {(['technical', 'legal', 'financial'] as const).map((aspect) =>
              assessment[aspect] ? (
                <p key={aspect}>
                  <strong>{t(`proposal.aspect.${aspect}`)}:</strong> {assessment[aspect]}
                </p>
              ) : null,
            )}
          </div>
        ) : (
          <p>{t('proposal.notAssessed')}</p>
        )}
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('proposal.history')}</h2>
        <ol className="history">
          {proposal.history.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <span>{format.dateTime(entry.at)}</span> <StatusBadge status={entry.status} />
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
