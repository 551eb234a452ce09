/** One resident's supports in one edition: the per-resident limit is decided against it. */
export const supportsStream = (editionId: string, voter: string) => `supports-${editionId}-${voter}`;
