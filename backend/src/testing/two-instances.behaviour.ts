import { accountClaims } from '@decidimos/infra';
import { ballotStream } from '../ballots/streams';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { pseudonym } from '../identity/pseudonyms';
import { ProjectionRunner } from '../projections/projection-runner';
import { createEdition, editionBody, proposalBody } from './fixtures';
import type { Answer, Client } from './test-system';
import { type Instance, startTwoInstances, type TwoInstances } from './two-instances';

/**
 * What two instances on the same stores must do to behave as one service; the embedded
 * store's spec and the MongoDB one both run it. Requests go to either instance by
 * absolute URL with one cookie jar, as a reverse proxy spreading them would.
 */
export function describeTwoInstances(storeName: string, env: () => Record<string, string>): void {
  describe(`two backend instances on ${storeName}`, () => {
    let system: TwoInstances;
    let a: Instance;
    let b: Instance;
    let admin: Client;
    let reviewer: Client;

    beforeAll(async () => {
      system = await startTwoInstances(env());
      [a, b] = system.instances;
      admin = await system.login('admin', a);
      await admin.post('/api/roles/grant', { subject: 'reviewer', role: 'reviewer' });
      reviewer = await system.login('reviewer', b);
    }, 60_000);
    afterAll(() => system?.close());

    const on = (instance: Instance, path: string) => `${instance.baseUrl}${path}`;

    it('projects on one instance only; the other serves what it projected', () => {
      const projecting = [a, b].map((instance) => instance.app.get(ProjectionRunner).projecting);
      expect(projecting.filter(Boolean)).toHaveLength(1);
    });

    /** An edition in voting with two proposals on the centro ballot, its steps spread over both instances. */
    async function votingEdition(revoting: boolean) {
      const id = await createEdition(
        admin,
        ['proposals'],
        editionBody({
          districts: [{ id: 'centro', name: 'Centro', budget: 1_000_000 }],
          rules: { supports: { enabled: false }, ballot: { revoting } },
        }),
      );
      const author = await system.login('resident-centro-900', b);
      const submit = async (title: string, instance: Instance) =>
        (await author.post(on(instance, `/api/processes/${id}/proposals`), proposalBody({ title }))).body.id as string;
      const p1 = await submit('Primera propuesta', a);
      const p2 = await submit('Segunda propuesta', b);
      await admin.post(on(b, `/api/processes/${id}/phase`), { to: 'review' });
      for (const [p, instance] of [
        [p1, a],
        [p2, b],
      ] as const) {
        const assessed = await reviewer.post(on(instance, `/api/proposals/${p}/assessment`), {
          feasible: true,
          cost: 450_000,
          reason: 'Viable según catálogo.',
        });
        expect(assessed.status).toBe(200);
      }
      const voting = await admin.post(on(a, `/api/processes/${id}/phase`), { to: 'voting' });
      expect(voting.status).toBe(200);
      return { id, p1, p2 };
    }

    /** Closes voting and publishes on instance b, then reads the results from both once both have caught up. */
    async function publish(id: string) {
      await admin.post(on(b, `/api/processes/${id}/phase`), { to: 'counting' });
      await admin.post(on(b, `/api/processes/${id}/phase`), { to: 'results' });
      await Promise.all([a.caughtUp(), b.caughtUp()]);
      const [fromA, fromB] = await Promise.all(
        [a, b].map(async (instance) => (await admin.get(on(instance, `/api/processes/${id}/results`))).body),
      );
      expect(fromA).toEqual(fromB);
      return fromA.districts[0];
    }

    function ballotEvents(editionId: string, account: string) {
      const voter = pseudonym(a.config.voterKey, 'ballot', editionId, accountClaims(account)!.curp);
      return a.app.get<EventStore>(EVENT_STORE).readStream(ballotStream(editionId, voter));
    }

    /** 50 casts of one resident at once, alternating between the instances. */
    function race(voter: Client, id: string, selections: (i: number) => string[]): Promise<Answer[]> {
      return Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          voter.post(on(i % 2 ? b : a, `/api/processes/${id}/ballot`), { selections: selections(i) }),
        ),
      );
    }

    it('serves a session opened on one instance from the other, and ends it on both', async () => {
      const resident = await system.login('resident-centro-5', a);

      const me = await resident.get(on(b, '/api/me'));
      expect(me).toMatchObject({ status: 200, body: { csrfToken: resident.csrfToken, district: 'centro' } });

      expect((await resident.post(on(b, '/auth/logout'))).status).toBeLessThan(400);
      expect((await resident.get(on(a, '/api/me'))).status).toBe(401);
    });

    it('with revoting off, 50 racing casts across both give exactly one 201 and 49 ALREADY_VOTED', async () => {
      const { id, p1 } = await votingEdition(false);
      const voter = await system.login('resident-centro-1', b);

      const answers = await race(voter, id, () => [p1]);

      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
      const refused = answers.filter((answer) => answer.status !== 201);
      expect(refused.map((answer) => [answer.status, answer.body.code])).toEqual(
        Array.from({ length: 49 }, () => [409, 'ALREADY_VOTED']),
      );
      expect(await ballotEvents(id, 'resident-centro-1')).toHaveLength(1);
      const district = await publish(id);
      expect(district.voters).toBe(1);
    });

    it('with revoting on, racing casts across both count the resident once, with the last ballot', async () => {
      const { id, p1, p2 } = await votingEdition(true);
      const voter = await system.login('resident-centro-2', a);

      const answers = await race(voter, id, (i) => (i % 2 ? [p1] : [p2]));

      const acknowledged = answers.filter((answer) => answer.status === 200 || answer.status === 201);
      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
      const retryable = answers.filter((answer) => answer.body?.code === 'CONCURRENT_UPDATE');
      expect(acknowledged.length + retryable.length).toBe(50);
      const events = await ballotEvents(id, 'resident-centro-2');
      expect(events.map((event) => event.id).sort()).toEqual(acknowledged.map((answer) => answer.body.ballotId).sort());
      const last = (events.at(-1)!.data['sealed'] as { selections: string[] }).selections;
      const district = await publish(id);
      expect(district.voters).toBe(1);
      const votes = Object.fromEntries(
        district.proposals.map((proposal: { id: string; votes: number }) => [proposal.id, proposal.votes]),
      );
      expect(votes).toEqual({ [p1]: last.includes(p1) ? 1 : 0, [p2]: last.includes(p2) ? 1 : 0 });
    });

    it('reads a ballot back at once on either instance, though a cast does not wait for the projector', async () => {
      const { id, p1 } = await votingEdition(true);
      const follower = [a, b].find((instance) => !instance.app.get(ProjectionRunner).projecting)!;
      const projector = follower === a ? b : a;
      const voter = await system.login('resident-centro-4', follower);
      const cast = await voter.post(on(follower, `/api/processes/${id}/ballot`), { selections: [p1] });
      expect(cast.status).toBe(201);

      const [mine, elsewhere, lookedUp] = await Promise.all([
        voter.get(on(follower, `/api/processes/${id}/ballot`)),
        voter.get(on(projector, `/api/processes/${id}/ballot`)),
        voter.get(on(follower, `/api/receipts/${encodeURIComponent(cast.body.receipt as string)}`)),
      ]);

      expect(mine.body).toMatchObject({ selections: [p1], receipt: cast.body.receipt });
      expect(elsewhere.body).toEqual(mine.body);
      expect(lookedUp.body).toMatchObject({ ballotId: cast.body.ballotId, matches: true, current: true });
    });

    it('shows the same current ballot and receipt on both instances', async () => {
      const { id, p2 } = await votingEdition(true);
      const voter = await system.login('resident-centro-3', a);
      const cast = await voter.post(on(a, `/api/processes/${id}/ballot`), { selections: [p2] });
      expect(cast.status).toBe(201);

      await b.caughtUp();
      const [fromA, fromB] = await Promise.all(
        [a, b].map(async (instance) => (await voter.get(on(instance, `/api/processes/${id}/ballot`))).body),
      );

      expect(fromB).toEqual(fromA);
      expect(fromB).toMatchObject({ selections: [p2], receipt: cast.body.receipt });
    });
  });
}
