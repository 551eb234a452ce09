// The city-sized edition the verify and rebuild benchmarks share: one district, 40 proposals
// submitted, assessed and supported, then sealed ballots until the log holds `events`
// events, then the close, the tally and the results. Each event goes to `record(stream,
// type, data)`, which the benchmark writes its own way (an export file, or the event store).
import { createHash } from 'node:crypto';
import { ballotCommitment } from '../../contracts/dist/ballots/commitment.js';
import { editionRulesSchema } from '../../contracts/dist/editions/edition.js';
import { tallyEdition } from '../../contracts/dist/tally/tally.js';

const PROPOSALS = 40;

/**
 * The n-th event's id: random-looking like the UUIDv4 a server gives every event (so keys
 * such as the audit log's leaves, and the verifier's table of ids, meet them as on a real
 * voting night, not in order), yet the same in every run.
 */
export function eventId(n) {
  const bytes = createHash('sha256').update(`event ${n}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const district = { id: 'centro', name: 'Centro', budget: 2_000_000 };
export const rules = editionRulesSchema.parse({
  supports: { enabled: true, perResident: 5, threshold: 1 },
  ballot: { method: 'knapsack', revoting: true },
  counting: { rule: 'greedy' },
});
const proposals = Array.from({ length: PROPOSALS }, (_, i) => ({ proposalId: `p${i}`, cost: 100_000 + i * 5_000 }));

/**
 * Generates the edition. `pseudonym(name)` makes a 64-hex pseudonym; `recorded()` says how
 * many events are in the log so far; `closingsEvents` is how many the close adds after the
 * last ballot (phase changes, tally, and any heads `record` adds); `onBallot` sees each
 * ballot's opening; `closingHead()` names the tree head the tally rests on.
 * Returns the number of ballots.
 */
export async function generateEdition({ events, pseudonym, record, recorded, closingEvents, onBallot, closingHead }) {
  const admin = pseudonym('admin');
  const phase = (from, to, extra = {}) => record('edition', 'EditionPhaseAdvanced', { from, to, by: admin, ...extra });
  await record('edition', 'EditionDrafted', {
    title: 'Presupuesto Participativo de prueba',
    description: '',
    districts: [district],
    rules,
    calendar: {},
    createdBy: admin,
  });
  await phase('draft', 'proposals');
  for (const { proposalId, cost } of proposals) {
    await record(`proposal-${proposalId}`, 'ProposalSubmitted', {
      proposalId,
      author: pseudonym(`author-${proposalId}`),
      // Commitments only: the texts live outside the log, and no texts.jsonl is written, so
      // verify leaves them unchecked and a rebuilt read model shows them as erased.
      texts: {
        title: pseudonym(`title-${proposalId}`),
        description: pseudonym(`description-${proposalId}`),
        location: null,
      },
      district: district.id,
      estimatedCost: cost,
      category: null,
    });
  }
  await phase('proposals', 'review');
  for (const { proposalId, cost } of proposals) {
    await record(`proposal-${proposalId}`, 'ProposalAssessed', {
      proposalId,
      reviewer: pseudonym('reviewer'),
      feasible: true,
      cost,
      reason: 'Dictamen del comité.',
      technical: null,
      legal: null,
      financial: null,
    });
  }
  await phase('review', 'supports');
  for (const { proposalId } of proposals) {
    const voter = pseudonym(`supporter-${proposalId}`);
    await record(`supports-${voter}`, 'SupportGiven', {
      voter,
      proposalId,
      channel: 'online',
      booth: null,
      residenceProof: null,
    });
  }
  const ballot = { [district.id]: proposals };
  await phase('supports', 'voting', { ballot });
  const ballots = [];
  for (let i = 0; recorded() < events - closingEvents; i++) {
    const voter = pseudonym(`voter-${i}`);
    const selections = [proposals[i % PROPOSALS].proposalId, proposals[(i * 7 + 3) % PROPOSALS].proposalId].filter(
      (id, at, all) => all.indexOf(id) === at,
    );
    ballots.push({ district: district.id, selections });
    const salt = pseudonym(`salt-${i}`);
    const ballotId = await record(`ballot-${voter}`, 'BallotCast', {
      voter,
      district: district.id,
      commitment: ballotCommitment(salt, selections),
      channel: 'online',
      booth: null,
      residenceProof: null,
      sealed: { selections, salt },
    });
    await onBallot?.({ ballotId, selections, salt });
  }
  await phase('voting', 'counting');
  await record('edition', 'TallyComputed', {
    counting: rules.counting,
    ballots: ballots.length,
    districts: tallyEdition({ districts: [district], rules, ballot }, ballots),
    treeHead: closingHead(),
  });
  await phase('counting', 'results');
  return ballots.length;
}
