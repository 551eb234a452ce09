import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { pseudonym } from '../identity/pseudonyms';
import { accountClaims } from '@decidimos/infra';
import { EditionHistory } from '../testing/edition-history';
import { anySealedBallot, editionBody, sealedBallot } from '../testing/fixtures';
import { existingStream, expectNewEvents, expectProblem, given } from '../testing/given-when-then';
import { startTestSystem, type Client, type TestSystem } from '../testing/test-system';
import { ballotStream } from './streams';

let system: TestSystem;
let admin: Client;

beforeAll(async () => {
  system = await startTestSystem();
  admin = await system.login('admin');
});
afterAll(() => system.close());

/** An edition in voting with two proposals on the centro ballot (no supports phase). */
async function votingEdition(revoting: boolean) {
  const edition = new EditionHistory(
    system,
    editionBody({
      districts: [{ id: 'centro', name: 'Centro', budget: 1_000_000 }],
      rules: { supports: { enabled: false }, ballot: { revoting } },
    }),
  ).advance('proposals');
  const p1 = edition.submit('resident-centro-900', { title: 'Primera propuesta' });
  const p2 = edition.submit('resident-centro-900', { title: 'Segunda propuesta' });
  const feasible = { feasible: true, cost: 450_000, reason: 'Viable según catálogo.' };
  edition.advance('review').assess(p1, feasible).assess(p2, feasible);
  await edition.seed();
  await admin.post(`/api/processes/${edition.id}/phase`, { to: 'voting' });
  return { id: edition.id, p1, p2 };
}

async function publish(id: string) {
  await admin.post(`/api/processes/${id}/phase`, { to: 'counting' });
  await admin.post(`/api/processes/${id}/phase`, { to: 'results' });
  return (await system.anonymous.get(`/api/processes/${id}/results`)).body.districts[0];
}

function ballotEvents(editionId: string, account: string) {
  const voter = pseudonym(system.config.voterKey, 'ballot', editionId, accountClaims(account)!.curp);
  return system.app.get<EventStore>(EVENT_STORE).readStream(ballotStream(editionId, voter));
}

describe('one vote per resident under concurrency', () => {
  it('with revoting off, 50 concurrent casts give exactly one 201 and 49 ALREADY_VOTED', async () => {
    const { id, p1 } = await votingEdition(false);
    const voter = await system.login('resident-centro-1');
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => voter.post(`/api/processes/${id}/ballot`, { selections: [p1] })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'ALREADY_VOTED')).toBe(true);
    expect(await ballotEvents(id, 'resident-centro-1')).toHaveLength(1);
    expect((await publish(id)).voters).toBe(1);
  });

  it('with revoting on, every acknowledged cast is one event and the resident counts once, with the last ballot', async () => {
    const { id, p1, p2 } = await votingEdition(true);
    const voter = await system.login('resident-centro-2');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        voter.post(`/api/processes/${id}/ballot`, { selections: i % 2 ? [p1] : [p2] }),
      ),
    );
    const acknowledged = answers.filter((a) => a.status === 200 || a.status === 201);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(acknowledged.length + answers.filter((a) => a.body?.code === 'CONCURRENT_UPDATE').length).toBe(50);
    const events = await ballotEvents(id, 'resident-centro-2');
    expect(events.map((e) => e.id).sort()).toEqual(acknowledged.map((a) => a.body.ballotId).sort());
    const last = (events[events.length - 1]!.data['sealed'] as { selections: string[] }).selections;
    const district = await publish(id);
    expect(district.voters).toBe(1);
    const votes = Object.fromEntries(district.proposals.map((p: { id: string; votes: number }) => [p.id, p.votes]));
    expect(votes).toEqual({ [p1]: last.includes(p1) ? 1 : 0, [p2]: last.includes(p2) ? 1 : 0 });
  });

  it('loses no acknowledged ballot when the backend restarts in the middle of a run', async () => {
    const { id, p1, p2 } = await votingEdition(true);
    const voters = await Promise.all(Array.from({ length: 30 }, (_, i) => system.login(`resident-centro-${100 + i}`)));
    const acknowledged = new Map<number, string[]>();
    const castAll = (from: number, to: number) =>
      Promise.all(
        voters.slice(from, to).map(async (voter, offset) => {
          const selections = (from + offset) % 3 === 0 ? [p1, p2] : [p1];
          const answer = await voter.post(`/api/processes/${id}/ballot`, { selections }).catch(() => null);
          if (answer && (answer.status === 201 || answer.status === 200)) acknowledged.set(from + offset, selections);
        }),
      );
    const firstWave = castAll(0, 15);
    const restarted = system.restart();
    await Promise.all([firstWave, restarted]);
    await castAll(15, 30);
    // Whatever the restart cut short, a resident whose cast was not acknowledged tries again, as the SPA does.
    for (let i = 0; i < 30; i++) {
      if (acknowledged.has(i)) continue;
      const selections = i % 3 === 0 ? [p1, p2] : [p1];
      const retry = await voters[i]!.post(`/api/processes/${id}/ballot`, { selections });
      expect([200, 201]).toContain(retry.status);
      acknowledged.set(i, selections);
    }
    const district = await publish(id);
    expect(district.voters).toBe(30);
    const expected = { [p1]: 30, [p2]: [...acknowledged.values()].filter((s) => s.includes(p2)).length };
    expect(Object.fromEntries(district.proposals.map((p: { id: string; votes: number }) => [p.id, p.votes]))).toEqual(
      expected,
    );
  });
});

describe('a cast, given an edition already in voting (seeded, not replayed through the API)', () => {
  const inVoting = () => {
    const history = new EditionHistory(
      system,
      editionBody({
        districts: [{ id: 'centro', name: 'Centro', budget: 1_000_000 }],
        rules: { supports: { enabled: false }, ballot: { revoting: false } },
      }),
    ).advance('proposals');
    const p1 = history.submit('resident-centro-900');
    history
      .advance('review')
      .assess(p1, { feasible: true, cost: 450_000, reason: 'Viable según catálogo.' })
      .openVoting({ centro: [{ proposalId: p1, cost: 450_000 }] });
    return { history, p1 };
  };
  const castBy = (editionId: string, voter: string, sealed: ReturnType<typeof sealedBallot>) =>
    existingStream(ballotStream(editionId, voter), {
      type: 'BallotCast',
      data: { editionId, voter, district: 'centro', channel: 'online', booth: null, residenceProof: null, ...sealed },
    });

  it("records exactly one BallotCast, in the resident's ballot stream", async () => {
    const { history, p1 } = inVoting();
    const voter = await system.login('resident-centro-950');
    await given(system, ...history.streams)
      .when(() => voter.post(`/api/processes/${history.id}/ballot`, { selections: [p1] }))
      .then(expectNewEvents(castBy(history.id, history.voter('resident-centro-950'), anySealedBallot([p1]))));
  });

  it('with revoting off, answers ALREADY_VOTED to a second ballot and records nothing', async () => {
    const { history, p1 } = inVoting();
    const voter = await system.login('resident-centro-951');
    await given(
      system,
      ...history.streams,
      castBy(history.id, history.voter('resident-centro-951'), sealedBallot([p1])),
    )
      .when(() => voter.post(`/api/processes/${history.id}/ballot`, { selections: [p1] }))
      .then(expectProblem(409, 'ALREADY_VOTED'));
  });
});
