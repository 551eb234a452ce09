import { createBrowserRouter } from 'react-router';
import { Layout } from './layout';
import { NotFoundRoute } from './routes/not-found';

/** Each journey is its own chunk, loaded when its route opens. */
export const router = createBrowserRouter([
  {
    path: '/',
    Component: Layout,
    children: [
      { index: true, lazy: () => import('./routes/home').then((m) => ({ Component: m.HomeRoute })) },
      {
        path: 'editions/:editionId',
        lazy: () => import('./routes/edition').then((m) => ({ Component: m.EditionRoute })),
      },
      {
        path: 'editions/:editionId/proposals',
        lazy: () => import('./routes/proposals').then((m) => ({ Component: m.ProposalsRoute })),
      },
      {
        path: 'editions/:editionId/proposals/new',
        lazy: () => import('./routes/proposal-new').then((m) => ({ Component: m.NewProposalRoute })),
      },
      {
        path: 'proposals/:proposalId',
        lazy: () => import('./routes/proposal').then((m) => ({ Component: m.ProposalRoute })),
      },
      {
        path: 'proposals/:proposalId/edit',
        lazy: () => import('./routes/proposal-edit').then((m) => ({ Component: m.EditProposalRoute })),
      },
      {
        path: 'editions/:editionId/ballot/:step?',
        lazy: () => import('./routes/ballot').then((m) => ({ Component: m.BallotRoute })),
      },
      {
        path: 'receipts/:receipt?',
        lazy: () => import('./routes/receipts').then((m) => ({ Component: m.ReceiptsRoute })),
      },
      {
        path: 'editions/:editionId/results',
        lazy: () => import('./routes/results').then((m) => ({ Component: m.ResultsRoute })),
      },
      {
        path: 'editions/:editionId/review',
        lazy: () => import('./routes/review').then((m) => ({ Component: m.ReviewRoute })),
      },
      {
        path: 'proposals/:proposalId/assess',
        lazy: () => import('./routes/assess').then((m) => ({ Component: m.AssessRoute })),
      },
      { path: 'admin', lazy: () => import('./routes/admin').then((m) => ({ Component: m.AdminRoute })) },
      {
        path: 'admin/editions/new',
        lazy: () => import('./routes/admin-new-edition').then((m) => ({ Component: m.NewEditionRoute })),
      },
      {
        path: 'editions/:editionId/assisted-ballot',
        lazy: () => import('./routes/assisted-ballot').then((m) => ({ Component: m.AssistedBallotRoute })),
      },
      {
        path: 'editions/:editionId/audit',
        lazy: () => import('./routes/audit').then((m) => ({ Component: m.AuditRoute })),
      },
      { path: '*', Component: NotFoundRoute },
    ],
  },
]);
