/**
 * Every query key the app uses, in one place, so that a mutation in one journey can
 * invalidate what another journey shows (a support changes the proposal lists, a phase
 * change changes the edition everywhere).
 */
export const queryKeys = {
  me: ['me'] as const,
  editions: ['editions'] as const,
  edition: (editionId: string) => ['editions', editionId] as const,
  proposals: ['proposals'] as const,
  proposalList: (editionId: string, filters: object) => ['proposals', 'list', editionId, filters] as const,
  proposal: (proposalId: string) => ['proposals', 'detail', proposalId] as const,
  reviewQueue: (editionId: string, district: string) => ['review-queue', editionId, district] as const,
  moderationQueue: (editionId: string) => ['moderation-queue', editionId] as const,
  ballot: (editionId: string) => ['ballot', editionId] as const,
  results: (editionId: string) => ['results', editionId] as const,
  treeHeads: (editionId: string) => ['tree-heads', editionId] as const,
  receipt: (receipt: string) => ['receipt', receipt] as const,
  notifications: ['notifications'] as const,
  notificationSettings: ['notification-settings'] as const,
  follows: ['follows'] as const,
  activity: (editionId: string) => ['activity', editionId] as const,
  works: (editionId: string) => ['works', 'list', editionId] as const,
  work: (workId: string) => ['works', 'detail', workId] as const,
};
