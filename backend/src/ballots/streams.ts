export const ballotStreamPrefix = (editionId: string) => `ballot-${editionId}-`;
export const ballotStream = (editionId: string, voter: string) => `${ballotStreamPrefix(editionId)}${voter}`;
