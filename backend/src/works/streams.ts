/** One work's updates: a work is a selected proposal, so it is named by its edition and the proposal's id. */
export const workStream = (editionId: string, workId: string) => `work-${editionId}-${workId}`;
