import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/page';
import { ProposalBrowser } from '../../features/proposals/components/proposal-browser';
import { paths } from '../../lib/paths';
import { useRouteEdition } from '../route-data';

export function ProposalsRoute() {
  const { t } = useTranslation();
  const edition = useRouteEdition();
  return (
    <Page title={t('proposals.title')} lead={edition.title}>
      {edition.phase === 'proposals' ? (
        <p>
          <Link className="button" to={paths.newProposal(edition.id)}>
            {t('edition.action.propose')}
          </Link>
        </p>
      ) : null}
      {edition.phase === 'supports' ? <p className="alert alert-info">{t('proposals.supportsHint')}</p> : null}
      <ProposalBrowser edition={edition} />
    </Page>
  );
}
