import type { EditionView } from '@decidimos/contracts/api/schemas';
import { nextPhase } from '@decidimos/contracts/editions/edition';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PhaseBadge } from '../../../components/phase-badge';
import { ProblemAlert } from '../../../components/problem-alert';
import { useAdvancePhase } from '../api/advance-phase';
import { useEditionFormT } from '../i18n';
import { useFormat } from '../../../lib/format';
import { paths } from '../../../lib/paths';

/** Advance an edition to its next phase, after a confirmation that says what will change. */
export function PhaseControl({ edition }: { edition: EditionView }) {
  const { t } = useTranslation();
  const tf = useEditionFormT();
  const format = useFormat();
  const advance = useAdvancePhase();
  const [confirming, setConfirming] = useState(false);
  const to = nextPhase(edition.phase, edition.rules);
  const headingId = `edition-${edition.id}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h3 id={headingId} className="card-title">
        <Link to={paths.edition(edition.id)}>{edition.title}</Link>
      </h3>
      <p>
        {t('edition.currentPhase')} <PhaseBadge phase={edition.phase} />
      </p>
      {edition.phaseEndsAt ? <p>{tf('edit.phaseEnds', { date: format.dateTime(edition.phaseEndsAt) })}</p> : null}
      {edition.phase !== 'closed' ? (
        <p>
          <Link to={paths.editEdition(edition.id)}>{tf('edit.link', { title: edition.title })}</Link>
        </p>
      ) : null}
      {advance.isSuccess && !confirming ? (
        <p role="status" className="alert alert-success">
          {t('admin.advanced', { phase: t(`phase.${edition.phase}`) })} {t(`admin.next.${edition.phase}`)}
        </p>
      ) : null}
      {to && !confirming ? (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          {t('admin.advanceTo', { phase: t(`phase.${to}`) })}
        </button>
      ) : null}
      {to && confirming ? (
        <div className="confirm" role="group" aria-labelledby={`${headingId}-confirm`}>
          <p id={`${headingId}-confirm`}>
            <strong>{t('admin.confirmAdvance', { from: t(`phase.${edition.phase}`), to: t(`phase.${to}`) })}</strong>
          </p>
          <p>{t(`admin.changes.${to}`)}</p>
          <p className="hint">{t('admin.cannotUndo')}</p>
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={advance.isPending}
              onClick={() => advance.mutate({ editionId: edition.id, to }, { onSuccess: () => setConfirming(false) })}
            >
              {t('admin.confirm', { phase: t(`phase.${to}`) })}
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {advance.error ? <ProblemAlert error={advance.error} /> : null}
    </li>
  );
}
