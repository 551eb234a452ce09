import { ballotCommitment } from '@decidimos/contracts';
import { anEdition } from '../../testing/an-edition';
import { deciderSpec } from '../../testing/decider-spec';
import { ballotDecider, type BallotEvent, type CastBallot } from './ballot.decider';

const voter = 'b'.repeat(64);
const salt = 'd'.repeat(64);
const edition = (options: { phase?: 'voting' | 'counting'; revoting?: boolean } = {}) =>
  anEdition(
    options.phase ?? 'voting',
    { ballot: { revoting: options.revoting ?? true } },
    {
      districts: [{ id: 'centro', name: 'Centro', budget: 1_000 }],
      ballot: {
        centro: [
          { proposalId: 'p1', cost: 600 },
          { proposalId: 'p2', cost: 500 },
        ],
      },
    },
  );
const cast = (selections: string[], overrides: Partial<CastBallot> = {}): CastBallot => ({
  type: 'CastBallot',
  edition: edition(),
  voter,
  district: 'centro',
  selections,
  salt,
  channel: 'online',
  ...overrides,
});
const sealed = (selections: string[], ballotSalt = salt) => ({
  commitment: ballotCommitment(ballotSalt, selections),
  sealed: { selections, salt: ballotSalt },
});
const cast1: BallotEvent = {
  type: 'BallotCast',
  data: { editionId: 'pp', voter, district: 'centro', channel: 'online', ...sealed(['p1']) },
};
const spec = deciderSpec(ballotDecider);

describe('ballot decider', () => {
  it('records a valid first ballot', () => {
    spec([])
      .when(cast(['p1']))
      .then([cast1]);
  });

  it('seals the selections under a commitment with the salt it is given', () => {
    const other = 'e'.repeat(64);
    spec([])
      .when(cast(['p1'], { salt: other }))
      .then([{ type: 'BallotCast', data: { ...cast1.data, ...sealed(['p1'], other) } }]);
  });

  it('records an assisted ballot with its channel', () => {
    spec([])
      .when(cast(['p2'], { channel: 'assisted' }))
      .then([{ type: 'BallotCast', data: { ...cast1.data, ...sealed(['p2']), channel: 'assisted' } }]);
  });

  it('lets a resident change the ballot while revoting is on', () => {
    spec([cast1])
      .when(cast(['p2']))
      .then([{ type: 'BallotCast', data: { ...cast1.data, ...sealed(['p2']) } }]);
  });

  it('refuses a second ballot when revoting is off, whichever the channel', () => {
    spec([cast1])
      .when(cast(['p2'], { edition: edition({ revoting: false }) }))
      .thenFails('ALREADY_VOTED');
    spec([cast1])
      .when(cast(['p2'], { edition: edition({ revoting: false }), channel: 'assisted' }))
      .thenFails('ALREADY_VOTED');
  });

  it('checks the ballot rules', () => {
    spec([])
      .when(cast(['p1', 'p2']))
      .thenFails('OVER_BUDGET', { total: 1_100, budget: 1_000 });
    spec([])
      .when(cast(['p9']))
      .thenFails('NOT_ON_BALLOT', { proposalId: 'p9' });
  });

  it('only while voting is open', () => {
    spec([])
      .when(cast(['p1'], { edition: edition({ phase: 'counting' }) }))
      .thenFails('PHASE_CLOSED', { required: 'voting' });
  });
});
