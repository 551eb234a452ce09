import { type ReceiptProof, type TreeHeadsDocument, verifyEdition } from '@decidimos/contracts';
import { parseJsonLines } from '@decidimos/contracts/audit/json-lines';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { EditionHistory } from '../testing/edition-history';
import { editionBody } from '../testing/fixtures';
import { type Client, startTestSystem, type TestSystem } from '../testing/test-system';
import { IntervalTreeHeads } from './interval-tree-heads';

/**
 * Issue 13, "the tree off the answer path, with a bounded delay": a cast answers without a
 * signature, and a head signed at least every TREE_HEAD_INTERVAL while events arrive makes
 * its receipt provable within that interval, not only at the next phase change.
 */
let system: TestSystem;
let admin: Client;
let resident: Client;
let editionId: string;
let proposal: string;
const url = (path = '') => `/api/processes/${editionId}${path}`;
const signDue = () => system.app.get(IntervalTreeHeads).signDue();

beforeAll(async () => {
  system = await startTestSystem();
  admin = await system.login('admin');
  resident = await system.login('resident-centro-1');
  const history = new EditionHistory(
    system,
    editionBody({
      districts: [{ id: 'centro', name: 'Centro', budget: 1_000_000 }],
      rules: { supports: { enabled: false }, ballot: { method: 'knapsack', revoting: true } },
    }),
  ).advance('proposals');
  proposal = history.submit('resident-centro-1', { title: 'Parque', district: 'centro', estimatedCost: 500_000 });
  history.advance('review');
  history.assess(proposal, { feasible: true, cost: 500_000, reason: 'Viable y con costo verificado.' });
  await history.seed();
  editionId = history.id;
  expect((await admin.post(url('/phase'), { to: 'voting' })).status).toBe(200);
}, 120_000);
afterAll(() => system?.close());

async function receipt(value: string): Promise<ReceiptProof> {
  const answer = await system.anonymous.get(`/api/receipts/${value}`);
  expect(answer.status).toBe(200);
  return answer.body as ReceiptProof;
}

async function verified() {
  const events = parseJsonLines((await system.anonymous.get(url('/audit/export'))).body as string);
  const treeHeads = (await system.anonymous.get(url('/audit/tree-heads'))).body as TreeHeadsDocument;
  // After voting closes the counted ballots' openings are public, and verify needs them to re-count.
  const openings = await system.anonymous.get(url('/audit/openings'));
  return {
    treeHeads,
    verification: verifyEdition({
      events,
      treeHeads,
      ...(openings.status === 200 ? { openings: parseJsonLines(openings.body as string) } : {}),
    }),
  };
}

it('signs nothing while nothing arrived since the head of the phase change', async () => {
  expect(await signDue()).toBe(0);
});

it('covers a ballot cast after the last head with an interval head, which verify accepts', async () => {
  const cast = await resident.post(url('/ballot'), { selections: [proposal] });
  expect(cast.status).toBe(201);
  const before = await receipt(cast.body.receipt as string);
  expect(before).toMatchObject({ status: 'pending', treeHead: null, treeHeadIntervalSeconds: 86_400 });

  expect(await signDue()).toBe(1);
  const after = await receipt(cast.body.receipt as string);
  expect(after.status).toBe('included');
  expect(after.treeHead).toMatchObject({ reason: 'interval', treeSize: after.leafIndex + 1 });

  const { treeHeads, verification } = await verified();
  expect(verification.findings).toEqual([]);
  expect(treeHeads.treeHeads.map((head) => head.reason)).toEqual([
    'phase:proposals',
    'phase:review',
    'phase:voting',
    'interval',
  ]);
});

it('signs again only once more events arrived, and twice at once records one head', async () => {
  expect(await signDue()).toBe(0);
  expect((await resident.post(url('/ballot'), { selections: [] })).status).toBe(200);
  const instance = system.app.get(IntervalTreeHeads);
  // Two signers at once (as two replicas' timers would be): the size names the head, so one is recorded.
  await Promise.all([instance.signDue(), signDueOnAnotherSigner()]);
  const { treeHeads, verification } = await verified();
  expect(verification.findings).toEqual([]);
  expect(treeHeads.treeHeads.filter((head) => head.reason === 'interval')).toHaveLength(2);
});

it('leaves a phase change to its own head', async () => {
  expect((await admin.post(url('/phase'), { to: 'counting' })).status).toBe(200);
  expect(await signDue()).toBe(0);
  const { treeHeads, verification } = await verified();
  expect(verification.findings).toEqual([]);
  expect(treeHeads.treeHeads.map((head) => head.reason).slice(-3)).toEqual(['interval', 'phase:counting', 'results']);
});

/** A second signer on the same stores, as another backend instance would run it. */
function signDueOnAnotherSigner(): Promise<number> {
  const other = new IntervalTreeHeads(
    system.config,
    system.app.get<EventStore>(EVENT_STORE),
    system.app.get<ReadModelStore>(READ_MODEL_STORE),
  );
  return other.signDue();
}
