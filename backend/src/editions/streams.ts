export const editionStream = (editionId: string) => `edition-${editionId}`;
