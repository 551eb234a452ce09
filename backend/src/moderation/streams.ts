/** Everything done about one proposal's moderation: residents' reports and moderators' actions. */
export const moderationStream = (editionId: string, proposalId: string) => `moderation-${editionId}-${proposalId}`;
