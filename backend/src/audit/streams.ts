export const auditStream = (editionId: string) => `audit-${editionId}`;
