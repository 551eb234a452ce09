import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Loading } from '../../components/loading';
import { NextSteps } from '../../components/next-steps';
import { Page } from '../../components/page';
import { useSubmitProposal } from '../../features/proposals/api/submit-proposal';
import { ProposalForm, proposalFormValues } from '../../features/proposals/components/proposal-form';
import { newIdempotencyKey } from '../../lib/api-client';
import { useMe } from '../../lib/api/get-me';
import { useFormat } from '../../lib/format';
import { loginUrl } from '../../lib/login';
import { paths } from '../../lib/paths';
import { useRouteEdition } from '../route-data';

export function NewProposalRoute() {
  const { t } = useTranslation();
  const format = useFormat();
  const location = useLocation();
  const edition = useRouteEdition();
  const me = useMe();
  const submit = useSubmitProposal();
  // One key per form visit: a double click or a retry after a dropped connection records one proposal.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const title = t('proposalForm.newTitle');

  if (me.isPending) return <Loading />;
  if (!me.data) {
    return (
      <Page title={title} lead={t('proposalForm.loginLead')}>
        <a className="button" href={loginUrl(location.pathname)}>
          {t('auth.login')}
        </a>
      </Page>
    );
  }
  if (edition.phase !== 'proposals') return <Page title={title} lead={t('proposalForm.closed')} />;
  if (submit.data) {
    const closes = edition.calendar.review;
    return (
      <Page title={title}>
        <NextSteps title={t('proposalForm.received')}>
          <p>
            {closes
              ? t('proposalForm.next.editUntilDate', { date: format.date(closes) })
              : t('proposalForm.next.editUntil')}
          </p>
          <p>{t('proposalForm.next.review')}</p>
          <p>
            <Link to={paths.proposal(submit.data.id)}>{t('proposalForm.seeProposal')}</Link>
          </p>
        </NextSteps>
      </Page>
    );
  }
  return (
    <Page title={title} lead={t('proposalForm.lead')}>
      {!me.data.eligible ? <p className="alert alert-info">{t('edition.notEligible')}</p> : null}
      <ProposalForm
        edition={edition}
        initial={proposalFormValues(null, me.data.district)}
        mode="submit"
        publicName={me.data.publicDisplayName}
        pending={submit.isPending}
        error={submit.error}
        onSubmit={(proposal) => submit.mutate({ editionId: edition.id, proposal, idempotencyKey })}
      />
    </Page>
  );
}
