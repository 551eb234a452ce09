/**
 * Every page of the SPA by what it shows, so a link is built in one way and a route that
 * moves changes here only. The router's patterns (app/router.tsx) are the other side.
 */
const e = encodeURIComponent;
const edition = (editionId: string) => `/editions/${e(editionId)}`;
const proposal = (proposalId: string) => `/proposals/${e(proposalId)}`;

export const paths = {
  home: () => '/',
  edition,
  /** The proposal list, optionally opened on a filter (`?status=feasible`). */
  proposals: (editionId: string, filters: { status?: string } = {}) => {
    const search = new URLSearchParams(filters).toString();
    return `${edition(editionId)}/proposals${search ? `?${search}` : ''}`;
  },
  newProposal: (editionId: string) => `${edition(editionId)}/proposals/new`,
  proposal,
  editProposal: (proposalId: string) => `${proposal(proposalId)}/edit`,
  assess: (proposalId: string) => `${proposal(proposalId)}/assess`,
  ballot: (editionId: string, step?: 'review' | 'receipt') => `${edition(editionId)}/ballot${step ? `/${step}` : ''}`,
  results: (editionId: string) => `${edition(editionId)}/results`,
  review: (editionId: string) => `${edition(editionId)}/review`,
  moderation: (editionId: string) => `${edition(editionId)}/moderation`,
  assistedBallot: (editionId: string) => `${edition(editionId)}/assisted-ballot`,
  audit: (editionId: string) => `${edition(editionId)}/audit`,
  /** The works dashboard of an edition, or one work's page. */
  works: (editionId: string, workId?: string) => `${edition(editionId)}/works${workId ? `/${e(workId)}` : ''}`,
  receipts: (receipt?: string) => (receipt ? `/receipts/${e(receipt)}` : '/receipts'),
  account: () => '/account',
  notifications: () => '/notifications',
  notificationSettings: () => '/notifications/settings',
  activity: () => '/activity',
  admin: () => '/admin',
  newEdition: () => '/admin/editions/new',
  editEdition: (editionId: string) => `/admin/editions/${e(editionId)}/edit`,
};
