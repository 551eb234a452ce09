import type { Election } from '../counting/election';
import { parsePabulibNumber, type Pabulib } from './pabulib';
import { PabulibFormatError } from './table';

const APPROVAL_VOTE_TYPES = new Set(['approval', 'choose-1']);

/**
 * Decidimos counts integer currency units, so `400000.0` (or `400000,0`) is accepted and
 * a cost with a real fraction is refused rather than rounded.
 */
function wholeAmount(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new PabulibFormatError(`${what} must be a whole, non-negative amount, got ${value}`);
  }
  return value;
}

/** The election to count from a parsed approval (or choose-1) pabulib file. */
export function electionFromPabulib(parsed: Pabulib): Election {
  const voteType = parsed.meta['vote_type'];
  if (voteType === undefined || !APPROVAL_VOTE_TYPES.has(voteType)) {
    throw new PabulibFormatError(`vote_type ${voteType ?? '(missing)'} is not approval or choose-1`);
  }
  const budgetText = parsed.meta['budget'];
  if (budgetText === undefined) throw new PabulibFormatError('META has no budget');
  return {
    budget: wholeAmount(parsePabulibNumber(budgetText), 'the budget'),
    projects: parsed.projects.map((project) => ({
      id: project.id,
      cost: wholeAmount(project.cost, `the cost of project ${project.id}`),
    })),
    ballots: parsed.votes.map((vote) => vote.vote),
  };
}
