import { type TreeHeadsDocument, REDACTED_TEXT, verifyEdition } from '@decidimos/contracts';
import { parseJsonLines } from '@decidimos/contracts/audit/json-lines';
import { allProjections } from '../app.projections';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import type { GenerationalReadModelStore } from '../projections/generations';
import { ProjectionRunner } from '../projections/projection-runner';
import { rebuildProjections } from '../projections/rebuild';
import { READ_MODEL_STORE } from '../read-models/read-model.port';
import { createEdition, editionBody, proposalBody } from '../testing/fixtures';
import { startTestSystem, type Answer, type TestSystem } from '../testing/test-system';

/**
 * A phone number posted by mistake in a proposal that reached the ballot, erased by a
 * moderator while voting is open: the log and every tree head signed before stay as they
 * were, the edition still verifies (the text reported as redacted, with the log's reason),
 * and no public route serves the number any more, also after a rebuild of every read model.
 */
const PHONE = '81 5555 1234';
const REASON = 'Publica un número de teléfono personal.';

let system: TestSystem;
let editionId: string;
let url: (route: string) => string;
let proposal: string;
const before: { exportText: string; treeHeads: TreeHeadsDocument; texts: string } = {} as never;

beforeAll(async () => {
  system = await startTestSystem();
  const admin = await system.login('admin');
  await admin.post('/api/roles/grant', { subject: 'reviewer', role: 'reviewer' });
  await admin.post('/api/roles/grant', { subject: 'moderator', role: 'moderator' });
  const [reviewer, author, voter] = await Promise.all(
    ['reviewer', 'resident-centro-1', 'resident-centro-2'].map((name) => system.login(name)),
  );
  editionId = await createEdition(
    admin,
    ['proposals'],
    editionBody({ rules: { supports: { enabled: true, perResident: 5, threshold: 1 } } }),
  );
  url = (route) => `/api/processes/${editionId}${route}`;
  const submitted = await author.post(
    url('/proposals'),
    proposalBody({ description: `Banquetas nuevas en la calle Zaragoza. Dudas: ${PHONE}.` }),
  );
  proposal = submitted.body.id;
  await admin.post(url('/phase'), { to: 'review' });
  await reviewer.post(`/api/proposals/${proposal}/assessment`, { feasible: true, cost: 400_000, reason: 'Viable.' });
  await admin.post(url('/phase'), { to: 'supports' });
  await voter.put(`/api/proposals/${proposal}/support`);
  await admin.post(url('/phase'), { to: 'voting' });
  expect((await voter.post(url('/ballot'), { selections: [proposal] })).status).toBe(201);
  before.exportText = (await system.anonymous.get(url('/audit/export'))).body;
  before.treeHeads = (await system.anonymous.get(url('/audit/tree-heads'))).body;
  before.texts = (await system.anonymous.get(url('/audit/texts'))).body;
}, 60_000);
afterAll(() => system.close());

const moderator = () => system.login('moderator');

async function publicAnswers(): Promise<[string, Answer][]> {
  const { paths } = (await system.anonymous.get('/api/docs')).body as { paths: Record<string, { get?: unknown }> };
  const answers: [string, Answer][] = [];
  for (const [template, operations] of Object.entries(paths)) {
    if (!operations.get || !template.startsWith('/api/') || template === '/api/docs') continue;
    const path = template.replace('{id}', template.startsWith('/api/proposals/') ? proposal : editionId);
    answers.push([path, await system.anonymous.get(path)]);
  }
  return answers;
}

describe('a redaction in the audit trail', () => {
  it('publishes the text beside the export before the redaction, checked against its commitment', () => {
    expect(before.texts).toContain(PHONE);
    expect(before.exportText).not.toContain(PHONE);
    const verification = verifyEdition({
      events: parseJsonLines(before.exportText),
      treeHeads: before.treeHeads,
      texts: parseJsonLines(before.texts),
    });
    expect(verification.findings).toEqual([]);
    expect(verification.texts).toEqual({ checked: 2, redacted: [] });
  });

  it('refuses to hide a proposal on the ballot, and redacts its text instead', async () => {
    const staff = await moderator();
    expect(await staff.post(`/api/proposals/${proposal}/hide`, { reason: REASON })).toMatchObject({
      status: 409,
      body: { code: 'HIDE_ON_BALLOT' },
    });
    const redacted = await staff.post(`/api/proposals/${proposal}/redact`, { fields: ['description'], reason: REASON });
    expect(redacted).toMatchObject({ status: 200, body: { description: REDACTED_TEXT } });
  });

  it('keeps every earlier leaf and tree head, and still verifies, the text reported as redacted', async () => {
    const exportText: string = (await system.anonymous.get(url('/audit/export'))).body;
    const treeHeads: TreeHeadsDocument = (await system.anonymous.get(url('/audit/tree-heads'))).body;
    const texts: string = (await system.anonymous.get(url('/audit/texts'))).body;
    expect(exportText.startsWith(before.exportText)).toBe(true);
    const added = parseJsonLines(exportText.slice(before.exportText.length)) as { type: string; data: object }[];
    expect(added).toEqual([
      expect.objectContaining({
        type: 'ProposalRedacted',
        data: expect.objectContaining({ proposalId: proposal, fields: ['description'], reason: REASON }),
      }),
    ]);
    expect(treeHeads.treeHeads.slice(0, before.treeHeads.treeHeads.length)).toEqual(before.treeHeads.treeHeads);
    const verification = verifyEdition({
      events: parseJsonLines(exportText),
      treeHeads,
      texts: parseJsonLines(texts),
      earlierTreeHeads: [before.treeHeads],
    });
    expect(verification.findings).toEqual([]);
    expect(verification.texts).toEqual({
      checked: 1,
      redacted: [{ proposalId: proposal, field: 'description', reason: REASON }],
    });
  });

  it('serves the erased text on no public route, also after every read model is rebuilt', async () => {
    const scan = async () => {
      const answers = await publicAnswers();
      expect(answers.map(([path]) => path)).toEqual(
        expect.arrayContaining([
          url('/audit/texts'),
          url('/audit/export'),
          url('/proposals'),
          `/api/proposals/${proposal}`,
        ]),
      );
      for (const [path, { body }] of answers) {
        const text = typeof body === 'string' ? body : JSON.stringify(body);
        // The number as written or without its spaces: four digits alone turn up by chance in
        // the export's hashes and ids (it failed so once in CI).
        const phone = text.includes(PHONE) || text.includes(PHONE.replaceAll(' ', ''));
        expect({ path, phone }).toEqual({ path, phone: false });
      }
    };
    await scan();
    const events = system.app.get<EventStore>(EVENT_STORE);
    await rebuildProjections(events, system.app.get<GenerationalReadModelStore>(READ_MODEL_STORE), allProjections);
    expect(await system.app.get(ProjectionRunner).followRebuild()).toBe(true);
    await system.app.get(ProjectionRunner).waitFor(await events.headPosition());
    expect((await system.anonymous.get(`/api/proposals/${proposal}`)).body.description).toBe(REDACTED_TEXT);
    await scan();
  });
});
