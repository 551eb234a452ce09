import { anEdition } from '../../testing/an-edition';
import { deciderSpec } from '../../testing/decider-spec';
import { proposalDecider, type ProposalCommand, type ProposalEvent } from './proposal.decider';

const author = '1'.repeat(64);
const stranger = '2'.repeat(64);
const reviewer = '3'.repeat(64);
const edition = (phase: 'proposals' | 'review' | 'voting') =>
  anEdition(
    phase,
    { proposals: { perResident: 2, minCost: 10_000, maxCost: 2_000_000 } },
    {
      editionId: 'pp-2027',
      districts: [
        { id: 'centro', name: 'Centro', budget: 5_000_000 },
        { id: 'norte', name: 'Norte', budget: 3_000_000 },
      ],
    },
  );
// The texts themselves live outside the log: the decider sees and records only their commitments.
const texts = { title: 'a'.repeat(64), description: 'b'.repeat(64), location: null };
const content = {
  texts,
  district: 'centro',
  estimatedCost: 450_000,
  category: 'alumbrado',
};
const submitCommand = (
  overrides: Partial<Extract<ProposalCommand, { type: 'SubmitProposal' }>> = {},
): ProposalCommand => ({
  type: 'SubmitProposal',
  proposalId: 'p1',
  edition: edition('proposals'),
  author,
  content,
  ...overrides,
});
const submittedAs = (proposalId: string): ProposalEvent => ({
  type: 'ProposalSubmitted',
  data: { editionId: 'pp-2027', proposalId, author, ...content },
});
const submitted = submittedAs('p1');
const withdrawnEvent = (proposalId: string): ProposalEvent => ({
  type: 'ProposalWithdrawn',
  data: { editionId: 'pp-2027', proposalId },
});
const assessment = {
  feasible: true,
  cost: 500_000,
  reason: 'Viable con el catálogo de alumbrado municipal.',
  technical: null,
  legal: null,
  financial: null,
};
const spec = deciderSpec(proposalDecider);

describe('proposal decider', () => {
  describe('submitting', () => {
    it('records the proposal while the proposals phase is open', () => {
      spec([]).when(submitCommand()).then([submitted]);
    });

    it('refuses outside the proposals phase', () => {
      spec([])
        .when(submitCommand({ edition: edition('review') }))
        .thenFails('PHASE_CLOSED', { required: 'proposals', phase: 'review' });
    });

    it('records a proposal for the citywide pool, and assesses it against the pool budget', () => {
      const pooled = (phase: 'proposals' | 'review') => ({
        ...edition(phase),
        citywidePool: { id: 'ciudad', name: 'Toda la ciudad', budget: 1_000_000 },
      });
      const citywide = { ...content, district: 'ciudad' };
      spec([])
        .when(submitCommand({ edition: pooled('proposals'), content: citywide }))
        .then([{ type: 'ProposalSubmitted', data: { editionId: 'pp-2027', proposalId: 'p1', author, ...citywide } }]);
      const submittedCitywide: ProposalEvent = {
        type: 'ProposalSubmitted',
        data: { editionId: 'pp-2027', proposalId: 'p1', author, ...citywide },
      };
      spec([submittedCitywide])
        .when({
          type: 'AssessProposal',
          edition: pooled('review'),
          proposalId: 'p1',
          reviewer,
          ...assessment,
          cost: 1_500_000,
        })
        .thenFails('ASSESSED_COST_OUT_OF_RANGE', { district: 'ciudad', budget: 1_000_000 });
    });

    it('refuses a district the edition does not have', () => {
      spec([])
        .when(submitCommand({ content: { ...content, district: 'saltillo' } }))
        .thenFails('UNKNOWN_DISTRICT');
    });

    it('refuses a cost outside the edition range, at both ends', () => {
      spec([])
        .when(submitCommand({ content: { ...content, estimatedCost: 9_999 } }))
        .thenFails('COST_OUT_OF_RANGE', { min: 10_000 });
      spec([])
        .when(submitCommand({ content: { ...content, estimatedCost: 2_000_001 } }))
        .thenFails('COST_OUT_OF_RANGE', { max: 2_000_000 });
      spec([])
        .when(submitCommand({ content: { ...content, estimatedCost: 2_000_000 } }))
        .then([{ type: 'ProposalSubmitted', data: { ...submitted.data, estimatedCost: 2_000_000 } }]);
    });

    it('enforces the per-resident limit against the author stream', () => {
      spec([submittedAs('p1'), submittedAs('p2')])
        .when(submitCommand({ proposalId: 'p3' }))
        .thenFails('PROPOSAL_LIMIT_REACHED', { limit: 2 });
    });

    it('frees a slot for each withdrawn proposal, and only that one', () => {
      spec([submittedAs('p1'), submittedAs('p2'), withdrawnEvent('p1')])
        .when(submitCommand({ proposalId: 'p3' }))
        .then([submittedAs('p3')]);
      spec([submittedAs('p1'), submittedAs('p2'), withdrawnEvent('p1'), submittedAs('p3')])
        .when(submitCommand({ proposalId: 'p4' }))
        .thenFails('PROPOSAL_LIMIT_REACHED', { limit: 2 });
    });

    it('counts assessed and edited proposals against the limit', () => {
      spec([
        submittedAs('p1'),
        { type: 'ProposalEdited', data: { editionId: 'pp-2027', proposalId: 'p1', texts: { title: 'c'.repeat(64) } } },
        submittedAs('p2'),
        {
          type: 'ProposalAssessed',
          data: { editionId: 'pp-2027', proposalId: 'p2', reviewer, ...assessment, feasible: false },
        },
      ])
        .when(submitCommand({ proposalId: 'p3' }))
        .thenFails('PROPOSAL_LIMIT_REACHED');
    });

    it('refuses a proposal id the author stream already holds', () => {
      spec([submitted]).when(submitCommand()).thenFails('CONCURRENT_UPDATE');
    });
  });

  describe('editing and withdrawing', () => {
    it('lets the author edit while the phase is open', () => {
      spec([submitted])
        .when({
          type: 'EditProposal',
          edition: edition('proposals'),
          proposalId: 'p1',
          by: author,
          changes: { texts: { title: 'c'.repeat(64) }, estimatedCost: 600_000 },
        })
        .then([
          {
            type: 'ProposalEdited',
            data: { editionId: 'pp-2027', proposalId: 'p1', texts: { title: 'c'.repeat(64) }, estimatedCost: 600_000 },
          },
        ]);
    });

    it('refuses anyone but the author', () => {
      spec([submitted])
        .when({
          type: 'EditProposal',
          edition: edition('proposals'),
          proposalId: 'p1',
          by: stranger,
          changes: { texts: { title: 'c'.repeat(64) } },
        })
        .thenFails('NOT_AUTHOR');
      spec([submitted])
        .when({ type: 'WithdrawProposal', edition: edition('proposals'), proposalId: 'p1', by: stranger })
        .thenFails('NOT_AUTHOR');
    });

    it('checks edited costs against the range', () => {
      spec([submitted])
        .when({
          type: 'EditProposal',
          edition: edition('proposals'),
          proposalId: 'p1',
          by: author,
          changes: { texts: {}, estimatedCost: 1 },
        })
        .thenFails('COST_OUT_OF_RANGE');
    });

    it('refuses edits once the phase has closed', () => {
      spec([submitted])
        .when({
          type: 'EditProposal',
          edition: edition('review'),
          proposalId: 'p1',
          by: author,
          changes: { texts: { title: 'c'.repeat(64) } },
        })
        .thenFails('PHASE_CLOSED');
      spec([submitted])
        .when({ type: 'WithdrawProposal', edition: edition('review'), proposalId: 'p1', by: author })
        .thenFails('PHASE_CLOSED');
    });

    it('withdraws once, then refuses edits and a second withdrawal', () => {
      const withdrawn: ProposalEvent = { type: 'ProposalWithdrawn', data: { editionId: 'pp-2027', proposalId: 'p1' } };
      spec([submitted])
        .when({ type: 'WithdrawProposal', edition: edition('proposals'), proposalId: 'p1', by: author })
        .then([withdrawn]);
      spec([submitted, withdrawn])
        .when({ type: 'WithdrawProposal', edition: edition('proposals'), proposalId: 'p1', by: author })
        .thenFails('WITHDRAWN');
      spec([submitted, withdrawn])
        .when({
          type: 'EditProposal',
          edition: edition('proposals'),
          proposalId: 'p1',
          by: author,
          changes: { texts: { title: 'c'.repeat(64) } },
        })
        .thenFails('WITHDRAWN');
    });

    it('changes only the named proposal of the author stream', () => {
      spec([submittedAs('p1'), submittedAs('p2'), withdrawnEvent('p1')])
        .when({ type: 'WithdrawProposal', edition: edition('proposals'), proposalId: 'p2', by: author })
        .then([withdrawnEvent('p2')]);
      spec([submittedAs('p1')])
        .when({ type: 'WithdrawProposal', edition: edition('proposals'), proposalId: 'p9', by: author })
        .thenFails('NOT_FOUND', { what: 'proposal', id: 'p9' });
    });
  });

  describe('assessing', () => {
    it('records the reviewer, verdict, final cost and public reason during review', () => {
      spec([submitted])
        .when({ type: 'AssessProposal', edition: edition('review'), proposalId: 'p1', reviewer, ...assessment })
        .then([
          { type: 'ProposalAssessed', data: { editionId: 'pp-2027', proposalId: 'p1', reviewer, ...assessment } },
        ]);
    });

    it('only during review', () => {
      spec([submitted])
        .when({ type: 'AssessProposal', edition: edition('proposals'), proposalId: 'p1', reviewer, ...assessment })
        .thenFails('PHASE_CLOSED', { required: 'review' });
    });

    it('not for a withdrawn or unknown proposal', () => {
      spec([submitted, { type: 'ProposalWithdrawn', data: { editionId: 'pp-2027', proposalId: 'p1' } }])
        .when({ type: 'AssessProposal', edition: edition('review'), proposalId: 'p1', reviewer, ...assessment })
        .thenFails('WITHDRAWN');
      spec([])
        .when({ type: 'AssessProposal', edition: edition('review'), proposalId: 'p1', reviewer, ...assessment })
        .thenFails('NOT_FOUND');
    });

    const assessing = (cost: number): ProposalCommand => ({
      type: 'AssessProposal',
      edition: edition('review'),
      proposalId: 'p1',
      reviewer,
      ...assessment,
      cost,
    });

    it("takes a final cost above zero and at most the district's budget", () => {
      spec([submitted])
        .when(assessing(0))
        .thenFails('ASSESSED_COST_OUT_OF_RANGE', { district: 'centro', budget: 5_000_000, cost: 0 });
      spec([submitted])
        .when(assessing(5_000_001))
        .thenFails('ASSESSED_COST_OUT_OF_RANGE', { district: 'centro', budget: 5_000_000, cost: 5_000_001 });
      spec([submitted])
        .when(assessing(5_000_000))
        .then([
          {
            type: 'ProposalAssessed',
            data: { editionId: 'pp-2027', proposalId: 'p1', reviewer, ...assessment, cost: 5_000_000 },
          },
        ]);
      spec([submitted])
        .when(assessing(1))
        .then([
          {
            type: 'ProposalAssessed',
            data: { editionId: 'pp-2027', proposalId: 'p1', reviewer, ...assessment, cost: 1 },
          },
        ]);
    });

    it('checks the final cost against the budget of the district the proposal was moved to', () => {
      spec([submitted, { type: 'ProposalEdited', data: { editionId: 'pp-2027', proposalId: 'p1', district: 'norte' } }])
        .when(assessing(3_000_001))
        .thenFails('ASSESSED_COST_OUT_OF_RANGE', { district: 'norte', budget: 3_000_000 });
    });
  });
});
