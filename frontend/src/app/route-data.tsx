import type { EditionView, ProposalView } from '@decidimos/contracts/api/schemas';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import {
  Outlet,
  useOutletContext,
  useParams,
  useRevalidator,
  useRouteError,
  type LoaderFunctionArgs,
} from 'react-router';
import { ProblemAlert } from '../components/problem-alert';
import { editionQueryOptions } from '../lib/api/get-edition';
import { proposalQueryOptions } from '../lib/api/get-proposal';

// The loaders put the edition (or the proposal and its edition) in the query cache before
// the page renders; the layouts read it from there, so it stays live (a phase change or a
// support refreshes it) and is never undefined below them.

export const editionLoader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) =>
    queryClient.ensureQueryData(editionQueryOptions(params['editionId']!));

export const proposalLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const proposal = await queryClient.ensureQueryData(proposalQueryOptions(params['proposalId']!));
    await queryClient.ensureQueryData(editionQueryOptions(proposal.editionId));
    return null;
  };

export function EditionLayout() {
  const { editionId = '' } = useParams();
  const edition = useSuspenseQuery(editionQueryOptions(editionId)).data;
  return <Outlet context={{ edition } satisfies EditionContext} />;
}

export function ProposalLayout() {
  const { proposalId = '' } = useParams();
  const proposal = useSuspenseQuery(proposalQueryOptions(proposalId)).data;
  const edition = useSuspenseQuery(editionQueryOptions(proposal.editionId)).data;
  return <Outlet context={{ edition, proposal } satisfies ProposalContext} />;
}

interface EditionContext {
  edition: EditionView;
}
interface ProposalContext extends EditionContext {
  proposal: ProposalView;
}

/** The edition of the page, under editions/:editionId. */
export const useRouteEdition = () => useOutletContext<EditionContext>().edition;

/** The proposal of the page and its edition, under proposals/:proposalId. */
export const useRouteProposal = () => useOutletContext<ProposalContext>();

/** The edition or proposal could not be loaded (not found, offline, server down): say so, with a retry. */
export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  return <ProblemAlert error={error} onRetry={() => void revalidator.revalidate()} />;
}
