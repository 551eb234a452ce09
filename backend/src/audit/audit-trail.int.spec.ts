import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  type PublicEvent,
  type TreeHeadsDocument,
  type EventPayload,
  type Opening,
  ballotCommitment,
  eventLeafHash,
  fromHex,
  generateSigningKey,
  keyId,
  signTreeHead,
  toHex,
  finding,
  verifyEdition,
  verifyInclusion,
  verifyTreeHead,
} from '@decidimos/contracts';
import { parseJsonLines } from '@decidimos/contracts/audit/json-lines';
import { accountClaims } from '@decidimos/infra';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { allProjections } from '../app.projections';
import type { GenerationalReadModelStore } from '../projections/generations';
import { ProjectionRunner } from '../projections/projection-runner';
import { rebuildProjections } from '../projections/rebuild';
import { READ_MODEL_STORE } from '../read-models/read-model.port';
import { boothWithShift } from '../testing/booths';
import { createEdition, editionBody, proposalBody } from '../testing/fixtures';
import { startTestSystem, type Client, type TestSystem } from '../testing/test-system';

const run = promisify(execFile);
const repoRoot = resolve(__dirname, '..', '..', '..');
// The bin that `npx decidimos-audit` runs (it loads contracts/dist).
const cli = join(repoRoot, 'contracts', 'bin', 'decidimos-audit.js');

/** Runs the real `decidimos-audit` as a child process; resolves with its exit code and output. */
async function audit(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const RESIDENTS = [
  'resident-centro-1',
  'resident-centro-2',
  'resident-centro-3',
  'resident-centro-4',
  'resident-norte-1',
];
const ACCOUNTS = ['admin', 'reviewer', 'poll-officer', ...RESIDENTS];

let system: TestSystem;
let admin: Client;
const clients: Record<string, Client> = {};
const who = (name: string) => clients[name]!;

let editionId: string;
let editionUrl: string;
let proposals: Record<'a' | 'b' | 'c' | 'd' | 'n1', string>;
let receipts: Record<string, string>;
let pendingReceipt: { status: number; body: { status: string; proof: unknown } };
let exportText: string;
let openingsText: string;
let openings: Opening[];
let events: PublicEvent[];
let treeHeads: TreeHeadsDocument;
let results: { treeHead: unknown; districts: { id: string; rule: string }[] };
let workDir: string;

beforeAll(async () => {
  // The CLI runs from contracts/dist, as `npx decidimos-audit` does: build it first.
  await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'contracts'], { cwd: repoRoot });
  workDir = mkdtempSync(join(tmpdir(), 'decidimos-audit-'));
  system = await startTestSystem();
  admin = await system.login('admin');
  await admin.post('/api/roles/grant', { subject: 'reviewer', role: 'reviewer' });
  await admin.post('/api/roles/grant', { subject: 'poll-officer', role: 'poll-officer' });
  for (const name of ['reviewer', 'poll-officer', ...RESIDENTS]) clients[name] = await system.login(name);
  await runEdition();
  // A whole edition through the API and a TypeScript build: far more than jest's default 5 s on a busy machine.
}, 120_000);
afterAll(async () => {
  await system.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** A whole edition through the API, counted by the Method of Equal Shares. */
async function runEdition() {
  editionId = await createEdition(
    admin,
    ['proposals'],
    editionBody({
      districts: [
        { id: 'centro', name: 'Centro', budget: 1_000_000 },
        { id: 'norte', name: 'Norte', budget: 500_000 },
      ],
      rules: {
        supports: { enabled: true, perResident: 3, threshold: 2 },
        ballot: { method: 'knapsack', revoting: true },
        counting: { rule: 'equal-shares', completion: 'add1', utility: 'cost' },
      },
    }),
  );
  editionUrl = `${system.baseUrl}/api/processes/${editionId}`;
  const submit = async (author: string, title: string, district: string, estimatedCost: number) => {
    const answer = await who(author).post(
      `/api/processes/${editionId}/proposals`,
      proposalBody({ title, district, estimatedCost }),
    );
    expect(answer.status).toBe(201);
    return answer.body.id as string;
  };
  proposals = {
    a: await submit('resident-centro-1', 'Parque A', 'centro', 600_000),
    b: await submit('resident-centro-1', 'Banquetas B', 'centro', 400_000),
    c: await submit('resident-centro-2', 'Cancha C', 'centro', 300_000),
    d: await submit('resident-centro-2', 'Deportivo D', 'centro', 200_000),
    n1: await submit('resident-norte-1', 'Norte uno', 'norte', 300_000),
  };
  await admin.post(`${editionUrl}/phase`, { to: 'review' });
  const assess = (proposal: string, feasible: boolean, cost: number) =>
    who('reviewer').post(`/api/proposals/${proposal}/assessment`, {
      feasible,
      cost,
      reason: feasible ? 'Viable: predio municipal.' : 'No es de competencia municipal.',
    });
  for (const [proposal, cost] of [
    [proposals.a, 600_000],
    [proposals.b, 350_000],
    [proposals.c, 300_000],
    [proposals.n1, 300_000],
  ] as const)
    expect((await assess(proposal, true, cost)).status).toBe(200);
  expect((await assess(proposals.d, false, 200_000)).status).toBe(200);
  await admin.post(`${editionUrl}/phase`, { to: 'supports' });
  const support = async (name: string, proposal: string) =>
    expect((await who(name).put(`/api/proposals/${proposal}/support`)).status).toBe(200);
  for (const name of ['resident-centro-1', 'resident-centro-2', 'resident-centro-3']) {
    await support(name, proposals.a);
    await support(name, proposals.b);
  }
  await support('resident-centro-3', proposals.c);
  await support('resident-centro-4', proposals.c);
  await support('resident-norte-1', proposals.n1);
  expect((await who('resident-centro-4').delete(`/api/proposals/${proposals.c}/support`)).status).toBe(200);
  await support('resident-centro-4', proposals.c);
  await admin.post(`${editionUrl}/phase`, { to: 'voting' });

  const vote = async (name: string, selections: string[]) => {
    const answer = await who(name).post(`${editionUrl}/ballot`, { selections });
    expect([200, 201]).toContain(answer.status);
    return answer.body.receipt as string;
  };
  receipts = {
    first: await vote('resident-centro-1', [proposals.a]),
    'resident-centro-1': await vote('resident-centro-1', [proposals.a, proposals.c]),
    'resident-centro-2': await vote('resident-centro-2', [proposals.b, proposals.c]),
    'resident-centro-3': await vote('resident-centro-3', [proposals.c]),
  };
  const claims = accountClaims('resident-centro-4')!;
  const booth = await boothWithShift(admin, editionId, 'centro', 'poll-officer');
  const assisted = await who('poll-officer').post(`${editionUrl}/assisted-ballots`, {
    booth,
    credential: { curp: claims.curp, birthdate: claims.birthdate, district: 'centro' },
    selections: [proposals.b, proposals.c],
  });
  expect(assisted.status).toBe(201);
  receipts['resident-centro-4'] = assisted.body.receipt;
  receipts['resident-norte-1'] = await vote('resident-norte-1', []);
  pendingReceipt = await system.anonymous.get(`/api/receipts/${receipts['resident-centro-3']}`);
  await admin.post(`${editionUrl}/phase`, { to: 'counting' });
  // No waiting: a phase change answers only once its signed head is recorded and projected.
  await admin.post(`${editionUrl}/phase`, { to: 'results' });

  const exported = await system.anonymous.get(`${editionUrl}/audit/export`);
  expect(exported.status).toBe(200);
  expect(exported.headers.get('content-type')).toMatch(/^application\/jsonl/);
  exportText = exported.body as string;
  events = parseJsonLines(exportText) as PublicEvent[];
  treeHeads = (await system.anonymous.get(`${editionUrl}/audit/tree-heads`)).body;
  results = (await system.anonymous.get(`${editionUrl}/results`)).body;
  const opened = await system.anonymous.get(`${editionUrl}/audit/openings`);
  expect(opened.status).toBe(200);
  openingsText = opened.body as string;
  openings = parseJsonLines(openingsText) as Opening[];
}

async function caughtUp() {
  await system.app.get(ProjectionRunner).waitFor(await system.app.get<EventStore>(EVENT_STORE).headPosition());
}

const lines = () => exportText.trimEnd().split('\n');
const withLines = (changed: string[]) => parseJsonLines(`${changed.join('\n')}\n`);
const openingOf = (receipt: string) => openings.find((o) => o.ballotId === receipt.split('.')[0])!;
const changedOpening = (receipt: string, change: Partial<Opening>) =>
  openings.map((o) => (o === openingOf(receipt) ? { ...o, ...change } : o));
const indexOf = (predicate: (event: PublicEvent) => boolean) => events.findIndex(predicate);
const ballotIndex = (receipt: string) => indexOf((e) => e.id === receipt.split('.')[0]);
const closingIndex = () => indexOf((e) => e.type === 'EditionPhaseAdvanced' && e.data['from'] === 'voting');
/** Findings for every signed head covering leaf `index`: each one's root no longer matches. */
const rootMismatchesFrom = (index: number) =>
  treeHeads.treeHeads.flatMap((head, i) =>
    head.treeSize > index ? [finding('HEAD_ROOT_MISMATCH', { head: i + 1 })] : [],
  );
const votesDiffer = (proposalId: string, published: number, recount: number) =>
  finding('VOTES_DIFFER', { source: 'TallyComputed', district: 'centro', proposalId, published, recount });
const ballotsDiffer = (published: number, recount: number) =>
  finding('BALLOT_COUNT_DIFFERS', { source: 'TallyComputed', published, recount });

describe('the audit trail of an edition counted by equal shares', () => {
  it('exports every event of the edition in log order, and nothing of other editions', () => {
    expect(events[0]!.type).toBe('EditionDrafted');
    expect(events.every((e) => e.data['editionId'] === editionId)).toBe(true);
    const types = new Set(events.map((e) => e.type));
    for (const type of ['ProposalAssessed', 'SupportWithdrawn', 'BallotCast', 'TallyComputed', 'TreeHeadSigned'])
      expect(types).toContain(type);
    expect(events.filter((e) => e.type === 'BallotCast')).toHaveLength(6);
  });

  it('signs a tree head at every phase change and when the results are fixed', () => {
    expect(treeHeads.treeHeads.map((h) => h.reason)).toEqual([
      'phase:proposals',
      'phase:review',
      'phase:supports',
      'phase:voting',
      'phase:counting',
      'results',
      'phase:results',
    ]);
    expect(treeHeads.keyId).toBe(keyId(treeHeads.publicKey));
    for (const head of treeHeads.treeHeads) expect(verifyTreeHead(head, treeHeads.publicKey)).toBe(true);
    // Each head covers the log up to and including the event it was signed for.
    const causes = treeHeads.treeHeads.map((h) => events[h.treeSize - 1]!.type);
    expect(causes).toEqual([...Array(5).fill('EditionPhaseAdvanced'), 'TallyComputed', 'EditionPhaseAdvanced']);
  });

  it('names in TallyComputed, and in the results, the tree head signed when voting closed', () => {
    const closing = treeHeads.treeHeads.find((h) => h.reason === 'phase:counting')!;
    expect(closing.treeSize).toBe(closingIndex() + 1);
    const tally = events.find((e) => e.type === 'TallyComputed')!;
    expect(tally.data['treeHead']).toEqual({ treeSize: closing.treeSize, rootHash: closing.rootHash });
    expect(results.treeHead).toEqual(closing);
    expect(results.districts[0]!.rule).toBe('equal-shares/add1/cost');
  });

  it('verifies: signatures, roots, consistency, ballots, ballot composition and the re-count all hold', () => {
    const verification = verifyEdition({ events, treeHeads, results, openings, publicKey: treeHeads.publicKey });
    expect(verification.findings).toEqual([]);
    expect(verification).toMatchObject({ ok: true, editionId, treeHeads: 7, ballotsCast: 6, voters: 5 });
    expect(verification.recount?.ballots).toBe(5);
  });

  it('proves a receipt against the latest signed head once one covers it', async () => {
    expect(pendingReceipt).toMatchObject({ status: 200, body: { status: 'pending', proof: null } });
    const answer = await system.anonymous.get(`/api/receipts/${receipts['resident-centro-3']}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'included', matches: true, current: true, editionId });
    const latest = treeHeads.treeHeads[treeHeads.treeHeads.length - 1]!;
    expect(answer.body.treeHead).toEqual(latest);
    const [ballotId, leafHash] = receipts['resident-centro-3']!.split('.');
    expect(answer.body.leafIndex).toBe(indexOf((e) => e.id === ballotId));
    const proof = (answer.body.proof as string[]).map((h) => fromHex(h));
    expect(
      verifyInclusion(fromHex(leafHash!), answer.body.leafIndex, latest.treeSize, proof, fromHex(latest.rootHash)),
    ).toBe(true);
    expect((await system.anonymous.get(`/api/receipts/${receipts['first']}`)).body).toMatchObject({
      status: 'included',
      current: false,
    });
  });

  it('answers a malformed receipt with 400 and an unknown one with 404', async () => {
    expect(await system.anonymous.get('/api/receipts/not-a-receipt')).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED' },
    });
    const unknown = `${randomUUID()}.${'ab'.repeat(32)}`;
    expect(await system.anonymous.get(`/api/receipts/${unknown}`, { 'accept-language': 'en' })).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
    expect((await system.anonymous.get('/api/processes/no-such-edition/audit/export')).status).toBe(404);
    expect((await system.anonymous.get('/api/processes/no-such-edition/audit/tree-heads')).status).toBe(404);
  });

  it('documents the audit routes in the OpenAPI document', async () => {
    const { paths } = (await system.anonymous.get('/api/docs')).body as { paths: Record<string, unknown> };
    for (const path of [
      '/api/processes/{id}/audit/export',
      '/api/processes/{id}/audit/tree-heads',
      '/api/processes/{id}/audit/openings',
      '/api/receipts/{receipt}',
    ])
      expect(paths).toHaveProperty([path, 'get']);
  });

  it('passes `decidimos-audit verify` on the served edition and on a fetched directory, and `receipt`', async () => {
    const online = await audit('verify', editionUrl);
    expect(online.stdout).toContain('OK: every check holds');
    expect(online.code).toBe(0);
    const dir = join(workDir, 'fetched');
    const fetched = await audit('fetch', editionUrl, dir);
    expect(fetched.code).toBe(0);
    expect(readFileSync(join(dir, 'events.jsonl'), 'utf8')).toBe(exportText);
    expect(JSON.parse(readFileSync(join(dir, 'tree-heads.json'), 'utf8'))).toEqual(treeHeads);
    expect(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'))).toEqual(results);
    expect(readFileSync(join(dir, 'openings.jsonl'), 'utf8')).toBe(openingsText);
    const offline = await audit(
      'verify',
      dir,
      '--public-key',
      treeHeads.publicKey,
      '--earlier',
      join(dir, 'tree-heads.json'),
    );
    expect(offline).toMatchObject({ code: 0 });
    const receipt = await audit('receipt', receipts['resident-centro-2']!, '--url', editionUrl);
    expect(receipt.stdout).toContain('included as event');
    expect(receipt.code).toBe(0);
    expect((await audit('verify')).code).toBe(2);
  }, 60_000);

  it('fails verification, with exit code 1, when the files are verified against another key', async () => {
    const stranger = generateSigningKey();
    const dir = join(workDir, 'fetched');
    const result = await audit('verify', dir, '--public-key', stranger.publicKey, '--lang', 'en');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `[HEAD_WRONG_KEY] tree head 1: signed with key ${treeHeads.keyId}, not the edition's key`,
    );
  }, 60_000);

  it('keeps the same tree, export and heads, signing nothing again, when every projection is rebuilt from 0', async () => {
    const logSize = await system.app.get<EventStore>(EVENT_STORE).headPosition();
    // What npm run rebuild-projections does, with the service running; the app then moves over.
    const readModels = system.app.get<GenerationalReadModelStore>(READ_MODEL_STORE);
    await rebuildProjections(system.app.get<EventStore>(EVENT_STORE), readModels, allProjections);
    expect(await system.app.get(ProjectionRunner).followRebuild()).toBe(true);
    await caughtUp();
    expect((await system.anonymous.get(`${editionUrl}/audit/tree-heads`)).body).toEqual(treeHeads);
    expect((await system.anonymous.get(`${editionUrl}/audit/export`)).body).toBe(exportText);
    expect(await system.app.get<EventStore>(EVENT_STORE).headPosition()).toBe(logSize);
  });
});

describe('an export tampered with by an insider', () => {
  it('is caught when a ballot is dropped', async () => {
    const dropped = ballotIndex(receipts['resident-centro-3']!);
    const tampered = lines().filter((_, i) => i !== dropped);
    const { ok, findings } = verifyEdition({ events: withLines(tampered), treeHeads, results, openings });
    expect(ok).toBe(false);
    expect(findings).toEqual(expect.arrayContaining(rootMismatchesFrom(dropped)));
    expect(findings).toContainEqual(ballotsDiffer(5, 4));
    expect(findings).toContainEqual(votesDiffer(proposals.c, 4, 3));
    // The same through the CLI, on a directory.
    const dir = join(workDir, 'dropped');
    await audit('fetch', editionUrl, dir);
    writeFileSync(join(dir, 'events.jsonl'), `${tampered.join('\n')}\n`);
    const verified = await audit('verify', dir, '--lang', 'en');
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain(
      `  - [HEAD_ROOT_MISMATCH] tree head ${rootMismatchesFrom(dropped)[0]!.params['head']}: root mismatch\n`,
    );
  }, 60_000);

  it('is caught when a selection or a salt is changed in its opening, by the CLI too', async () => {
    const target = receipts['resident-centro-3']!;
    const mismatch = finding('OPENING_MISMATCH', { ballot: openingOf(target).ballotId });
    for (const change of [{ selections: [proposals.a] }, { salt: 'ab'.repeat(32) }]) {
      const { findings } = verifyEdition({ events, treeHeads, results, openings: changedOpening(target, change) });
      expect(findings[0]).toEqual(mismatch);
      // The ballot is not counted on an opening that does not match: the tally and results disagree.
      expect(findings).toContainEqual(ballotsDiffer(5, 4));
    }
    const dir = join(workDir, 'changed-opening');
    await audit('fetch', editionUrl, dir);
    const changed = changedOpening(target, { selections: [proposals.a] });
    writeFileSync(join(dir, 'openings.jsonl'), changed.map((o) => `${JSON.stringify(o)}\n`).join(''));
    const verified = await audit('verify', dir, '--lang', 'en');
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain(
      `  - [OPENING_MISMATCH] ballot ${mismatch.params['ballot']}: its opening does not match its commitment (selections or salt changed)\n`,
    );
  }, 60_000);

  it('is caught when a ballot is committed again to other selections', () => {
    const target = receipts['resident-centro-3']!;
    const changed = ballotIndex(target);
    const salt = 'cd'.repeat(32);
    const tampered = lines().map((line, i) => {
      if (i !== changed) return line;
      const event = JSON.parse(line) as PublicEvent;
      return JSON.stringify({ ...event, data: { ...event.data, commitment: ballotCommitment(salt, [proposals.a]) } });
    });
    const forged = changedOpening(target, { selections: [proposals.a], salt });
    const { findings } = verifyEdition({ events: withLines(tampered), treeHeads, results, openings: forged });
    // The opening matches the new commitment: only the signed roots and the re-count give it away.
    expect(findings).toEqual(expect.arrayContaining(rootMismatchesFrom(changed)));
    expect(findings).toContainEqual(votesDiffer(proposals.a, 1, 2));
  });

  it('is caught when events are reordered', () => {
    const first = ballotIndex(receipts['resident-centro-2']!);
    const second = ballotIndex(receipts['resident-centro-3']!);
    const tampered = lines();
    [tampered[first], tampered[second]] = [tampered[second]!, tampered[first]!];
    const { findings } = verifyEdition({ events: withLines(tampered), treeHeads, results, openings });
    // Same ballots, same count: only the signed roots give it away.
    expect(findings).toEqual(rootMismatchesFrom(Math.min(first, second)));
  });

  it('is caught when a tree head is forged', () => {
    const forgedIndex = indexOf((e) => e.type === 'TreeHeadSigned' && e.data['reason'] === 'phase:counting');
    const number = treeHeads.treeHeads.findIndex((h) => h.reason === 'phase:counting') + 1;
    const tampered = lines().map((line, i) => {
      if (i !== forgedIndex) return line;
      const event = JSON.parse(line) as PublicEvent;
      return JSON.stringify({ ...event, data: { ...event.data, rootHash: 'ab'.repeat(32) } });
    });
    const { findings } = verifyEdition({ events: withLines(tampered), treeHeads, results, openings });
    expect(findings).toEqual(
      expect.arrayContaining([
        finding('HEAD_BAD_SIGNATURE', { head: number }),
        finding('HEAD_ROOT_MISMATCH', { head: number }),
        finding('HEAD_DIFFERS_FROM_PUBLISHED', { head: number }),
      ]),
    );

    // Re-signed by an insider with a key of their own, over a tree of their choosing.
    const insider = generateSigningKey();
    const resigned = lines().map((line, i) => {
      if (i !== forgedIndex) return line;
      const event = JSON.parse(line) as PublicEvent;
      const {
        publicKey: _key,
        keyId: _id,
        signature: _signature,
        ...unsigned
      } = event.data as EventPayload<'TreeHeadSigned'>;
      const head = signTreeHead({ ...unsigned, rootHash: 'ab'.repeat(32) }, insider.privateKey);
      return JSON.stringify({ ...event, data: { ...head, publicKey: insider.publicKey } });
    });
    const verification = verifyEdition({ events: withLines(resigned), treeHeads, results, openings });
    expect(verification.findings).toContainEqual(
      finding('HEAD_WRONG_KEY', { head: number, key: keyId(insider.publicKey), editionKey: treeHeads.keyId }),
    );
  });

  it('is caught when a ballot is added for an unknown voter', () => {
    const close = closingIndex();
    const voter = toHex(eventLeafHash({ voter: 'nobody' }));
    const forged: PublicEvent = {
      id: randomUUID(),
      type: 'BallotCast',
      schemaVersion: 2,
      stream: `ballot-${editionId}-${voter}`,
      revision: 0,
      recordedAt: events[close - 1]!.recordedAt,
      data: {
        editionId,
        voter,
        district: 'centro',
        commitment: ballotCommitment('ef'.repeat(32), [proposals.a]),
        channel: 'online',
        booth: null,
        residenceProof: null,
      },
    };
    const tampered = lines();
    tampered.splice(close, 0, JSON.stringify(forged));
    const withForged = [...openings, { ballotId: forged.id, selections: [proposals.a], salt: 'ef'.repeat(32) }];
    const { findings } = verifyEdition({ events: withLines(tampered), treeHeads, results, openings: withForged });
    expect(findings).toEqual(expect.arrayContaining(rootMismatchesFrom(close)));
    const closingHead = treeHeads.treeHeads.findIndex((h) => h.reason === 'phase:counting') + 1;
    expect(findings).toContainEqual(
      finding('EVENT_ADDED', { event: forged.id, type: 'BallotCast', head: closingHead }),
    );
    expect(findings).toContainEqual(ballotsDiffer(5, 6));
    expect(findings).toContainEqual(votesDiffer(proposals.a, 1, 2));
  });
});

describe('the privacy of the public export', () => {
  it('holds no name, e-mail, CURP, address or iD subject of any account that took part', () => {
    const values: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') values.push(value.toLowerCase());
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    events.forEach(collect);
    const text = exportText.toLowerCase();
    for (const account of ACCOUNTS) {
      const claims = accountClaims(account)!;
      // Values, not keys: "reviewer" is also the name of a field that holds a pseudonym.
      for (const secret of [claims.sub, claims.name]) {
        expect(values.filter((v) => v.includes(secret.toLowerCase()))).toEqual([]);
      }
      expect(text).not.toContain(claims.curp.toLowerCase());
      expect(text).not.toContain(claims.birthdate);
    }
    expect(text).not.toMatch(/[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/);
    // No address fields at all: the only place an event may hold one is a proposal's public location.
    expect(values.some((v) => /\b(calle|av\.|avenida|col\.|colonia|c\.p\.)\s/.test(v))).toBe(false);
  });
});
