import { editionRulesSchema, type EventPayload } from '@decidimos/contracts';
import { deciderSpec } from '../../testing/decider-spec';
import { editionDecider, type EditionEvent } from './edition.decider';

const admin = 'a'.repeat(64);
const rules = editionRulesSchema.parse({});
const drafted: EditionEvent = {
  type: 'EditionDrafted',
  data: {
    editionId: 'pp-2027',
    title: 'Presupuesto Participativo 2027',
    description: '',
    districts: [{ id: 'centro', name: 'Centro', budget: 5_000_000 }],
    rules,
    calendar: {},
    createdBy: admin,
  },
};
const advanced = (
  from: EventPayload<'EditionPhaseAdvanced'>['from'],
  to: EventPayload<'EditionPhaseAdvanced'>['to'],
): EditionEvent => ({
  type: 'EditionPhaseAdvanced',
  data: { editionId: 'pp-2027', from, to, by: admin },
});
const spec = deciderSpec(editionDecider);

describe('edition decider', () => {
  it('drafts a new edition with its districts and rules', () => {
    const { type: _t, ...data } = drafted;
    spec([])
      .when({ type: 'DraftEdition', ...data.data, calendar: [], by: admin })
      .then([drafted]);
  });

  it('refuses to draft an edition id twice', () => {
    spec([drafted])
      .when({ type: 'DraftEdition', ...drafted.data, calendar: [], by: admin })
      .thenFails('CONCURRENT_UPDATE');
  });

  it('advances draft → proposals → review', () => {
    spec([drafted])
      .when({ type: 'AdvancePhase', to: 'proposals', by: admin })
      .then([advanced('draft', 'proposals')]);
    spec([drafted, advanced('draft', 'proposals')])
      .when({ type: 'AdvancePhase', to: 'review', by: admin })
      .then([advanced('proposals', 'review')]);
  });

  it('refuses to skip a phase or go back', () => {
    spec([drafted])
      .when({ type: 'AdvancePhase', to: 'review', by: admin })
      .thenFails('INVALID_PHASE_TRANSITION', { from: 'draft', to: 'review', next: 'proposals' });
    spec([drafted, advanced('draft', 'proposals')])
      .when({ type: 'AdvancePhase', to: 'draft', by: admin })
      .thenFails('INVALID_PHASE_TRANSITION');
  });

  it('goes from review to supports when supports are enabled', () => {
    spec([drafted, advanced('draft', 'proposals'), advanced('proposals', 'review')])
      .when({ type: 'AdvancePhase', to: 'voting', by: admin })
      .thenFails('INVALID_PHASE_TRANSITION', { next: 'supports' });
  });

  it('skips supports when the edition disables them, fixing the ballot as voting opens', () => {
    const noSupports: EditionEvent = {
      type: 'EditionDrafted',
      data: { ...drafted.data, rules: { ...rules, supports: { ...rules.supports, enabled: false } } },
    };
    spec([noSupports, advanced('draft', 'proposals'), advanced('proposals', 'review')])
      .when({
        type: 'AdvancePhase',
        to: 'voting',
        by: admin,
        ballot: { centro: [{ proposalId: 'p1', cost: 100_000 }] },
      })
      .then([
        {
          type: 'EditionPhaseAdvanced',
          data: {
            editionId: 'pp-2027',
            from: 'review',
            to: 'voting',
            by: admin,
            ballot: { centro: [{ proposalId: 'p1', cost: 100_000 }] },
          },
        },
      ]);
  });

  it('has nothing after closed', () => {
    const all = [
      drafted,
      advanced('draft', 'proposals'),
      advanced('proposals', 'review'),
      advanced('review', 'supports'),
      advanced('supports', 'voting'),
      advanced('voting', 'counting'),
      advanced('counting', 'results'),
      advanced('results', 'closed'),
    ];
    spec(all)
      .when({ type: 'AdvancePhase', to: 'closed', by: admin })
      .thenFails('INVALID_PHASE_TRANSITION', { next: '—' });
  });

  it('cannot advance an edition that does not exist', () => {
    spec([]).when({ type: 'AdvancePhase', to: 'proposals', by: admin }).thenFails('NOT_FOUND');
  });
});
