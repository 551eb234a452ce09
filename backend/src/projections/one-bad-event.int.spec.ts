import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { createEdition, editionBody, proposalBody } from '../testing/fixtures';
import { startTestSystem, type Client, type TestSystem } from '../testing/test-system';
import { READ_MODEL_STORE } from '../read-models/read-model.port';
import { allProjections } from '../app.projections';
import type { GenerationalReadModelStore } from './generations';
import { ProjectionRunner } from './projection-runner';
import { rebuildProjections } from './rebuild';

let system: TestSystem;
let admin: Client;
let reviewer: Client;
let author: Client;
let voter: Client;

beforeAll(async () => {
  system = await startTestSystem();
  ({ admin, reviewer } = await system.loginStaff());
  author = await system.login('resident-centro-1');
  voter = await system.login('resident-centro-2');
});
afterAll(() => system.close());

const eventStore = () => system.app.get<EventStore>(EVENT_STORE);
const runner = () => system.app.get(ProjectionRunner);
const caughtUp = async () => runner().waitFor(await eventStore().headPosition());

/** An edition open for voting with one feasible proposal on the centro ballot. */
async function votingEdition() {
  const id = await createEdition(admin, ['proposals'], editionBody({ rules: { supports: { enabled: false } } }));
  const proposal = (await author.post(`/api/processes/${id}/proposals`, proposalBody())).body.id as string;
  await admin.post(`/api/processes/${id}/phase`, { to: 'review' });
  const assessed = await reviewer.post(`/api/proposals/${proposal}/assessment`, {
    feasible: true,
    cost: 450_000,
    reason: 'Viable: predio municipal.',
  });
  expect(assessed.status).toBe(200);
  expect((await admin.post(`/api/processes/${id}/phase`, { to: 'voting' })).status).toBe(200);
  return { id, proposal };
}

/**
 * What the outside test found in the log: a proposal whose category holds a lone surrogate,
 * which the catalog's shapes allow but RFC 8785 cannot hash. Appended straight to the
 * store, past the API and the append check, as code from before this fix wrote it.
 */
async function appendPoison(editionId: string) {
  const id = randomUUID();
  const proposalId = randomUUID();
  const { position } = await eventStore().append(
    `proposal-${proposalId}`,
    [
      {
        id,
        type: 'ProposalSubmitted',
        data: {
          editionId,
          proposalId,
          author: 'a'.repeat(64),
          texts: { title: 'b'.repeat(64), description: 'c'.repeat(64), location: null },
          district: 'centro',
          estimatedCost: 100_000,
          category: 'Parque \ud800 roto',
        },
        metadata: { schemaVersion: 3 },
      },
    ],
    'no_stream',
  );
  return { id, position, proposalId };
}

describe('one bad event in the log', () => {
  it('stops the audit log projection alone: readiness names it, voting and proposals go on, a restart retries it', async () => {
    const voting = await votingEdition();
    const open = await createEdition(admin, ['proposals']);
    const poison = await appendPoison(open);
    await caughtUp();

    const failure = {
      projection: 'audit-log',
      position: poison.position,
      eventId: poison.id,
      eventType: 'ProposalSubmitted',
      error: 'Lone surrogate is not allowed',
      at: expect.any(String),
    };
    const ready = await system.anonymous.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'unavailable', checks: { projections: { lag: 0, stopped: false } } });
    expect(ready.body.checks.projections.failed).toEqual([failure]);
    const metrics = await system.anonymous.get('/metrics');
    expect(metrics.body).toContain('decidimos_projection_failed{projection="audit-log"} 1');

    // The other projections took the event in, and every later one.
    expect((await system.anonymous.get(`/api/proposals/${poison.proposalId}`)).body.category).toBe(
      'Parque \ud800 roto',
    );
    const cast = await voter.post(`/api/processes/${voting.id}/ballot`, { selections: [voting.proposal] });
    expect(cast.status).toBe(201);
    const ballot = await voter.get(`/api/processes/${voting.id}/ballot`);
    expect(ballot.status).toBe(200);
    expect(ballot.body).toMatchObject({ selections: [voting.proposal], receipt: cast.body.receipt });
    const submitted = await author.post(`/api/processes/${open}/proposals`, proposalBody({ title: 'Biblioteca' }));
    expect(submitted.status).toBe(201);
    const readBack = await system.anonymous.get(`/api/proposals/${submitted.body.id}`);
    expect(readBack.status).toBe(200);
    expect(readBack.body).toMatchObject({ title: 'Biblioteca', status: 'submitted' });

    // A restart retries the stopped projection from its checkpoint: the same event, not one after it.
    await system.restart();
    await caughtUp();
    // fetch may first reuse a keep-alive socket the old server closed (one-vote.int.spec.ts meets the same).
    await system.anonymous.get('/health/live').catch(() => null);
    const again = await system.anonymous.get('/health/ready');
    expect(again.status).toBe(503);
    expect(again.body.checks.projections.failed).toEqual([failure]);
    expect((await voter.get(`/api/processes/${voting.id}/ballot`)).body.receipt).toBe(cast.body.receipt);

    // A rebuild meets the same event and keeps the live read models rather than switch to incomplete ones.
    const readModels = system.app.get<GenerationalReadModelStore>(READ_MODEL_STORE);
    const live = await readModels.recorded();
    await expect(rebuildProjections(eventStore(), readModels, allProjections)).rejects.toThrow(
      `audit-log failed at event ${poison.id} (ProposalSubmitted, log position ${poison.position}): Lone surrogate is not allowed`,
    );
    expect(await readModels.recorded()).toEqual(live);
  });
});
