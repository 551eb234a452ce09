import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NextSteps } from '../../components/next-steps';
import { Page } from '../../components/page';
import { useEditProposal } from '../../features/proposals/api/edit-proposal';
import { ProposalForm, proposalFormValues } from '../../features/proposals/components/proposal-form';
import { paths } from '../../lib/paths';
import { useRouteProposal } from '../route-data';

export function EditProposalRoute() {
  const { t } = useTranslation();
  const { proposal, edition } = useRouteProposal();
  const edit = useEditProposal();
  const title = t('proposalForm.editTitle');
  if (edit.isSuccess) {
    return (
      <Page title={title}>
        <NextSteps title={t('proposalForm.saved')}>
          <p>{t('proposalForm.next.editUntil')}</p>
          <p>
            <Link to={paths.proposal(proposal.id)}>{t('proposalForm.seeProposal')}</Link>
          </p>
        </NextSteps>
      </Page>
    );
  }
  return (
    <Page title={title} lead={proposal.title}>
      <ProposalForm
        edition={edition}
        initial={proposalFormValues(proposal, null)}
        mode="edit"
        pending={edit.isPending}
        error={edit.error}
        onSubmit={(changes) => edit.mutate({ proposalId: proposal.id, changes })}
      />
    </Page>
  );
}
