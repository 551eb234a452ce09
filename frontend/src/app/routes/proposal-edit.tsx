import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/loading';
import { NextSteps } from '../../components/next-steps';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem-alert';
import { useEditProposal } from '../../features/proposals/api/edit-proposal';
import { ProposalForm, proposalFormValues } from '../../features/proposals/components/proposal-form';
import { useEdition } from '../../lib/api/get-edition';
import { useMe } from '../../lib/api/get-me';
import { useProposal } from '../../lib/api/get-proposal';

export function EditProposalRoute() {
  const { t } = useTranslation();
  const { proposalId = '' } = useParams();
  const proposal = useProposal(proposalId);
  const edition = useEdition(proposal.data?.editionId ?? '');
  const me = useMe();
  const edit = useEditProposal();
  const title = t('proposalForm.editTitle');
  if (proposal.error) return <ProblemAlert error={proposal.error} onRetry={() => void proposal.refetch()} />;
  if (!proposal.data || !edition.data || me.isPending) return <Loading />;
  if (edit.isSuccess) {
    return (
      <Page title={title}>
        <NextSteps title={t('proposalForm.saved')}>
          <p>{t('proposalForm.next.editUntil')}</p>
          <p>
            <Link to={`/proposals/${proposalId}`}>{t('proposalForm.seeProposal')}</Link>
          </p>
        </NextSteps>
      </Page>
    );
  }
  return (
    <Page title={title} lead={proposal.data.title}>
      <ProposalForm
        edition={edition.data}
        initial={proposalFormValues(proposal.data, null, me.data?.displayName ?? '')}
        mode="edit"
        pending={edit.isPending}
        error={edit.error}
        onSubmit={({ authorDisplayName: _author, ...changes }) => edit.mutate({ proposalId, changes })}
      />
    </Page>
  );
}
