import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './layout';
import { editionLoader, EditionLayout, proposalLoader, ProposalLayout, RouteError } from './route-data';
import { Loading } from '../components/loading';
import { NotFoundRoute } from './routes/not-found';

/**
 * Each journey is its own chunk, loaded when its route opens. The pages of one edition (or
 * one proposal) sit under a parent route whose loader fetches it once, in parallel with
 * the page's chunk, and hands it down; a failure to load it shows in one place.
 */
export function appRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: '/',
      Component: Layout,
      children: [
        { index: true, lazy: () => import('./routes/home').then((m) => ({ Component: m.HomeRoute })) },
        {
          path: 'editions/:editionId',
          loader: editionLoader(queryClient),
          Component: EditionLayout,
          ErrorBoundary: RouteError,
          HydrateFallback: Loading,
          children: [
            { index: true, lazy: () => import('./routes/edition').then((m) => ({ Component: m.EditionRoute })) },
            {
              path: 'proposals',
              lazy: () => import('./routes/proposals').then((m) => ({ Component: m.ProposalsRoute })),
            },
            {
              path: 'proposals/new',
              lazy: () => import('./routes/proposal-new').then((m) => ({ Component: m.NewProposalRoute })),
            },
            {
              path: 'ballot/:step?',
              lazy: () => import('./routes/ballot').then((m) => ({ Component: m.BallotRoute })),
            },
            {
              path: 'results',
              lazy: () => import('./routes/results').then((m) => ({ Component: m.ResultsRoute })),
            },
            {
              path: 'review',
              lazy: () => import('./routes/review').then((m) => ({ Component: m.ReviewRoute })),
            },
            {
              path: 'moderation',
              lazy: () => import('./routes/moderation').then((m) => ({ Component: m.ModerationRoute })),
            },
            {
              path: 'assisted-ballot',
              lazy: () => import('./routes/assisted-ballot').then((m) => ({ Component: m.AssistedBallotRoute })),
            },
            {
              path: 'audit',
              lazy: () => import('./routes/audit').then((m) => ({ Component: m.AuditRoute })),
            },
            {
              path: 'works/:workId?',
              lazy: () => import('./routes/works').then((m) => ({ Component: m.WorksRoute })),
            },
          ],
        },
        {
          path: 'proposals/:proposalId',
          loader: proposalLoader(queryClient),
          Component: ProposalLayout,
          ErrorBoundary: RouteError,
          HydrateFallback: Loading,
          children: [
            { index: true, lazy: () => import('./routes/proposal').then((m) => ({ Component: m.ProposalRoute })) },
            {
              path: 'edit',
              lazy: () => import('./routes/proposal-edit').then((m) => ({ Component: m.EditProposalRoute })),
            },
            {
              path: 'assess',
              lazy: () => import('./routes/assess').then((m) => ({ Component: m.AssessRoute })),
            },
          ],
        },
        {
          path: 'receipts/:receipt?',
          lazy: () => import('./routes/receipts').then((m) => ({ Component: m.ReceiptsRoute })),
        },
        { path: 'account', lazy: () => import('./routes/account').then((m) => ({ Component: m.AccountRoute })) },
        // My notifications, their settings (/notifications/settings) and the e-mails' unsubscribe page (/notifications/unsubscribe).
        { path: 'notifications/:page?', lazy: () => import('./routes/notifications') },
        { path: 'activity', lazy: () => import('./routes/activity') },
        { path: 'admin', lazy: () => import('./routes/admin').then((m) => ({ Component: m.AdminRoute })) },
        {
          path: 'admin/editions/new',
          lazy: () => import('./routes/admin-new-edition').then((m) => ({ Component: m.NewEditionRoute })),
        },
        {
          path: 'admin/editions/:editionId/edit',
          lazy: () => import('./routes/admin-edit-edition').then((m) => ({ Component: m.EditEditionRoute })),
        },
        { path: '*', Component: NotFoundRoute },
      ],
    },
  ];
}

export const createRouter = (queryClient: QueryClient) => createBrowserRouter(appRoutes(queryClient));
