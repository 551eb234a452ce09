/** All of one author's proposals in one edition: the per-resident limit is decided against it. */
export const authorProposalsStream = (editionId: string, author: string) => `proposals-${editionId}-${author}`;
