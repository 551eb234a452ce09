import { anEdition } from '../../testing/an-edition';
import { deciderSpec } from '../../testing/decider-spec';
import { supportsDecider, type SupportsEvent } from './supports.decider';

const voter = 'v'.repeat(64).replace(/v/g, 'a');
const edition = (phase: 'supports' | 'voting' = 'supports') => anEdition(phase, { supports: { perResident: 2 } });
const proposal = (
  id: string,
  overrides: Partial<{ district: string; status: string; moderation: { hidden: { reason: string } | null } }> = {},
) => ({
  id,
  district: 'centro',
  status: 'feasible',
  moderation: { hidden: null },
  ...overrides,
});
const given = (proposalId: string, booth: string | null = null): SupportsEvent => ({
  type: 'SupportGiven',
  data: {
    editionId: 'pp',
    voter,
    proposalId,
    channel: booth ? 'assisted' : 'online',
    booth,
    residenceProof: null,
  },
});
const give = (id: string, overrides = {}) => ({
  type: 'GiveSupport' as const,
  edition: edition(),
  voter,
  district: 'centro',
  proposal: proposal(id, overrides),
  atBooth: null,
});
const giveAtBooth = (id: string) => ({ ...give(id), atBooth: { booth: 'mesa-1', residenceProof: null } });
const spec = deciderSpec(supportsDecider);

describe('supports decider', () => {
  it('records a support for a feasible proposal of the resident district', () => {
    spec([])
      .when(give('p1'))
      .then([given('p1')]);
  });

  it('records a support given at a booth with its channel and booth', () => {
    spec([])
      .when({ ...give('p1'), atBooth: { booth: 'mesa-1', residenceProof: 'utility-bill' } })
      .then([
        {
          type: 'SupportGiven',
          data: {
            editionId: 'pp',
            voter,
            proposalId: 'p1',
            channel: 'assisted',
            booth: 'mesa-1',
            residenceProof: 'utility-bill',
          },
        },
      ]);
  });

  it('holds one limit across channels: supports online then at a booth, and at a booth then online', () => {
    spec([given('p1'), given('p2')])
      .when(giveAtBooth('p3'))
      .thenFails('SUPPORT_LIMIT_REACHED', { limit: 2 });
    spec([given('p1', 'mesa-1'), given('p2')])
      .when(give('p3'))
      .thenFails('SUPPORT_LIMIT_REACHED', { limit: 2 });
    spec([given('p1')])
      .when(giveAtBooth('p1'))
      .thenNothingHappened();
  });

  it('takes back online a support given at a booth', () => {
    spec([given('p1', 'mesa-1')])
      .when({ type: 'WithdrawSupport', edition: edition(), voter, proposalId: 'p1' })
      .then([{ type: 'SupportWithdrawn', data: { editionId: 'pp', voter, proposalId: 'p1' } }]);
  });

  it('is idempotent: a second support of the same proposal records nothing', () => {
    spec([given('p1')])
      .when(give('p1'))
      .thenNothingHappened();
  });

  it('holds the per-resident limit, and frees a place when one is taken back', () => {
    spec([given('p1'), given('p2')])
      .when(give('p3'))
      .thenFails('SUPPORT_LIMIT_REACHED', { limit: 2 });
    const withdrawn: SupportsEvent = { type: 'SupportWithdrawn', data: { editionId: 'pp', voter, proposalId: 'p1' } };
    spec([given('p1'), given('p2'), withdrawn])
      .when(give('p3'))
      .then([given('p3')]);
  });

  it('refuses unfeasible, unassessed and withdrawn proposals, and other districts', () => {
    spec([])
      .when(give('p1', { status: 'unfeasible' }))
      .thenFails('NOT_FEASIBLE');
    spec([])
      .when(give('p1', { status: 'submitted' }))
      .thenFails('NOT_FEASIBLE');
    spec([])
      .when(give('p1', { status: 'withdrawn' }))
      .thenFails('WITHDRAWN');
    spec([])
      .when(give('p1', { district: 'norte' }))
      .thenFails('WRONG_DISTRICT', { district: 'centro', proposalDistrict: 'norte' });
  });

  it('records a support for a citywide proposal from a resident of any district', () => {
    const pooled = anEdition(
      'supports',
      { supports: { perResident: 2 } },
      { citywidePool: { id: 'ciudad', name: 'Toda la ciudad', budget: 1_000_000 } },
    );
    spec([])
      .when({ ...give('c1', { district: 'ciudad' }), edition: pooled })
      .then([given('c1')]);
    spec([])
      .when({ ...give('c1', { district: 'ciudad' }), edition: pooled, district: 'norte' })
      .then([given('c1')]);
  });

  it('only during the supports phase', () => {
    spec([])
      .when({ ...give('p1'), edition: edition('voting') })
      .thenFails('PHASE_CLOSED', { required: 'supports' });
  });

  it('takes back a support; taking back one never given records nothing', () => {
    spec([given('p1')])
      .when({ type: 'WithdrawSupport', edition: edition(), voter, proposalId: 'p1' })
      .then([{ type: 'SupportWithdrawn', data: { editionId: 'pp', voter, proposalId: 'p1' } }]);
    spec([]).when({ type: 'WithdrawSupport', edition: edition(), voter, proposalId: 'p1' }).thenNothingHappened();
  });

  it('refuses a proposal a moderator hid, saying why', () => {
    spec([])
      .when(give('p1', { moderation: { hidden: { reason: 'Contenido ofensivo' } } }))
      .thenFails('PROPOSAL_HIDDEN', { reason: 'Contenido ofensivo' });
  });
});
