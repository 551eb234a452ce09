import { isPublished } from '@decidimos/contracts/editions/phases';
import type { EditionView, MeResponse } from '@decidimos/contracts/api/schemas';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { loginUrl } from '../../../lib/login';
import { paths } from '../../../lib/paths';

interface PhaseActionsProps {
  edition: EditionView;
  me: MeResponse | null | undefined;
}

/** What a resident can do in the edition's current phase, as one or two plain buttons. */
export function PhaseActions({ edition, me }: PhaseActionsProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const needsLogin = !me && ['proposals', 'supports', 'voting'].includes(edition.phase);
  return (
    <section className="now" aria-labelledby="now-title">
      <h2 id="now-title">{t('edition.whatNow')}</h2>
      <p>{t(`edition.phaseExplain.${edition.phase}`)}</p>
      <div className="actions">
        {edition.phase === 'proposals' ? (
          <Link className="button" to={paths.newProposal(edition.id)}>
            {t('edition.action.propose')}
          </Link>
        ) : null}
        {edition.phase === 'supports' ? (
          <Link className="button" to={paths.proposals(edition.id, { status: 'feasible' })}>
            {t('edition.action.support')}
          </Link>
        ) : null}
        {edition.phase === 'voting' ? (
          <Link className="button" to={paths.ballot(edition.id)}>
            {t('edition.action.vote')}
          </Link>
        ) : null}
        {isPublished(edition.phase) ? (
          <Link className="button" to={paths.results(edition.id)}>
            {t('edition.action.results')}
          </Link>
        ) : null}
        {edition.phase !== 'draft' ? (
          <Link className="button secondary" to={paths.proposals(edition.id)}>
            {t('edition.action.browse')}
          </Link>
        ) : null}
      </div>
      {needsLogin ? (
        <p className="hint">
          {t('edition.loginHint')} <a href={loginUrl(location.pathname)}>{t('auth.login')}</a>
        </p>
      ) : null}
      {me && !me.eligible && ['proposals', 'supports', 'voting'].includes(edition.phase) ? (
        <p className="alert alert-info">{t('edition.notEligible')}</p>
      ) : null}
    </section>
  );
}
