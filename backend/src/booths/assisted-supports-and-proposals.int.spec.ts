import { curpCheckDigit, verifyEdition, type PublicEvent, type TreeHeadsDocument } from '@decidimos/contracts';
import { parseJsonLines } from '@decidimos/contracts/audit/json-lines';
import { accountClaims } from '@decidimos/infra';
import { EditionHistory } from '../testing/edition-history';
import { editionBody } from '../testing/fixtures';
import { startTestSystem, type Client, type TestSystem } from '../testing/test-system';

let system: TestSystem;
let admin: Client;
let officer: Client;
let supportsEdition: EditionHistory;
let proposalsEdition: EditionHistory;
const booths: Record<'centro' | 'norte' | 'closed' | 'proposals', string> = {
  centro: '',
  norte: '',
  closed: '',
  proposals: '',
};
const proposals: Record<'a' | 'b' | 'c' | 'n', string> = { a: '', b: '', c: '', n: '' };

const HOUR = 3_600_000;
const NOW = Date.now();
const at = (offsetHours: number) => new Date(NOW + offsetHours * HOUR).toISOString();
const credentialOf = (account: string) => {
  const { curp, birthdate } = accountClaims(account)!;
  return { curp, birthdate };
};
const feasible = (cost: number) => ({ feasible: true, cost, reason: 'Viable: predio municipal y costo verificado.' });
const supportAt = (booth: string, account: string, proposal: string, credential: object = {}) =>
  officer.post(`/api/processes/${supportsEdition.id}/assisted-supports`, {
    booth,
    credential: { ...credentialOf(account), ...credential },
    proposal,
  });
const proposalBody = (title: string) => ({
  title,
  description: 'Arreglar las banquetas de la colonia para que se pueda caminar.',
  estimatedCost: 200_000,
});
const proposeAt = (booth: string, account: string, title: string, credential: object = {}) =>
  officer.post(`/api/processes/${proposalsEdition.id}/assisted-proposals`, {
    booth,
    credential: { ...credentialOf(account), ...credential },
    proposal: proposalBody(title),
  });

async function exported(editionId: string): Promise<PublicEvent[]> {
  const answer = await system.anonymous.get(`/api/processes/${editionId}/audit/export`);
  expect(answer.status).toBe(200);
  return parseJsonLines(answer.body as string) as PublicEvent[];
}

async function defineBooth(editionId: string, name: string, district: string, shift: boolean): Promise<string> {
  const defined = await admin.post(`/api/processes/${editionId}/booths`, {
    name,
    address: 'Zuazua y Padre Mier s/n',
    district,
    opensAt: at(-2),
    closesAt: at(2),
  });
  expect(defined.status).toBe(201);
  if (shift) {
    const assigned = await admin.post(`/api/booths/${defined.body.id}/shifts`, {
      officer: 'poll-officer',
      from: at(-1),
      to: at(1),
    });
    expect(assigned.status).toBe(201);
  }
  return defined.body.id as string;
}

beforeAll(async () => {
  system = await startTestSystem();
  admin = await system.login('admin');
  await admin.post('/api/roles/grant', { subject: 'poll-officer', role: 'poll-officer' });
  officer = await system.login('poll-officer');

  supportsEdition = new EditionHistory(
    system,
    editionBody({ rules: { supports: { enabled: true, perResident: 2, threshold: 1 } } }),
  ).advance('proposals');
  proposals.a = supportsEdition.submit('resident-centro-9', { title: 'Parque A', estimatedCost: 600_000 });
  proposals.b = supportsEdition.submit('resident-centro-9', { title: 'Banquetas B', estimatedCost: 400_000 });
  proposals.c = supportsEdition.submit('resident-centro-8', { title: 'Cancha C', estimatedCost: 300_000 });
  proposals.n = supportsEdition.submit('resident-norte-9', { title: 'Norte N', district: 'norte', estimatedCost: 1 });
  supportsEdition.advance('review');
  for (const [id, cost] of [
    [proposals.a, 600_000],
    [proposals.b, 400_000],
    [proposals.c, 300_000],
    [proposals.n, 100_000],
  ] as const)
    supportsEdition.assess(id, feasible(cost));
  supportsEdition.advance('supports');
  await supportsEdition.seed();
  booths.centro = await defineBooth(supportsEdition.id, 'Mesa Macroplaza', 'centro', true);
  booths.norte = await defineBooth(supportsEdition.id, 'Mesa Norte', 'norte', true);
  booths.closed = await defineBooth(supportsEdition.id, 'Mesa Alameda', 'centro', false);

  proposalsEdition = new EditionHistory(
    system,
    editionBody({ rules: { proposals: { perResident: 2, minCost: 10_000, maxCost: 5_000_000 } } }),
  ).advance('proposals');
  await proposalsEdition.seed();
  booths.proposals = await defineBooth(proposalsEdition.id, 'Mesa Colegio Civil', 'centro', true);
}, 120_000);
afterAll(() => system?.close());

describe('assisted supports', () => {
  it('records a support at the officer’s booth, under the person’s own support pseudonym, naming the booth', async () => {
    const recorded = await supportAt(booths.centro, 'resident-centro-1', proposals.a);
    expect(recorded).toMatchObject({ status: 200, body: { proposalId: proposals.a, supported: true, supports: 1 } });
    const support = (await exported(supportsEdition.id)).find((e) => e.type === 'SupportGiven')!;
    expect(support.data).toEqual({
      editionId: supportsEdition.id,
      voter: supportsEdition.pseudonym('resident-centro-1', 'support'),
      proposalId: proposals.a,
      channel: 'assisted',
      booth: booths.centro,
      residenceProof: null,
    });
    // Like an assisted ballot, only the hour: the export does not pick the person out of the queue.
    expect(support.recordedAt).toMatch(/T\d\d:00:00\.000Z$/);
    expect(JSON.stringify(support)).not.toContain(supportsEdition.staff('poll-officer'));
  });

  it('holds one support limit across channels, and the person takes back online a support given in person', async () => {
    const resident = await system.login('resident-centro-2');
    const online = await resident.put(`/api/proposals/${proposals.a}/support`);
    expect(online).toMatchObject({ status: 200, body: { supported: true } });
    expect(await supportAt(booths.centro, 'resident-centro-2', proposals.b)).toMatchObject({
      status: 200,
      body: { supported: true },
    });
    expect(await supportAt(booths.centro, 'resident-centro-2', proposals.c)).toMatchObject({
      status: 422,
      body: { code: 'SUPPORT_LIMIT_REACHED' },
    });
    expect(await resident.put(`/api/proposals/${proposals.c}/support`)).toMatchObject({
      status: 422,
      body: { code: 'SUPPORT_LIMIT_REACHED' },
    });
    // The support recorded at the booth is theirs online: taking it back frees a place.
    const before = (await system.anonymous.get(`/api/proposals/${proposals.b}`)).body.supports as number;
    expect(await resident.delete(`/api/proposals/${proposals.b}/support`)).toMatchObject({
      status: 200,
      body: { proposalId: proposals.b, supported: false, supports: before - 1 },
    });
    expect(await resident.put(`/api/proposals/${proposals.c}/support`)).toMatchObject({
      status: 200,
      body: { supported: true },
    });
  });

  it('records nothing new for a support the person already gave', async () => {
    const count = (await exported(supportsEdition.id)).length;
    expect(await supportAt(booths.centro, 'resident-centro-1', proposals.a)).toMatchObject({
      status: 200,
      body: { supported: true, supports: 2 },
    });
    expect(await exported(supportsEdition.id)).toHaveLength(count);
  });

  it('refuses a booth where the officer has no shift now (403 NOT_ON_SHIFT), and unknown booths and proposals (404)', async () => {
    expect(await supportAt(booths.closed, 'resident-centro-3', proposals.a)).toMatchObject({
      status: 403,
      body: { code: 'NOT_ON_SHIFT' },
    });
    expect(await supportAt('no-such-booth', 'resident-centro-3', proposals.a)).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
    expect(await supportAt(booths.centro, 'resident-centro-3', 'no-such-proposal')).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
    const resident = await system.login('resident-centro-3');
    expect(
      await resident.post(`/api/processes/${supportsEdition.id}/assisted-supports`, {
        booth: booths.centro,
        credential: credentialOf('resident-centro-3'),
        proposal: proposals.a,
      }),
    ).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  });

  it('checks the CURP in full (400 naming the field), and the person’s age (403 NOT_ELIGIBLE)', async () => {
    const { curp } = credentialOf('resident-centro-3');
    const wrongDigit = curp.slice(0, 17) + String((Number(curp[17]) + 1) % 10);
    const refused = await supportAt(booths.centro, 'resident-centro-3', proposals.a, { curp: wrongDigit });
    expect(refused).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(refused.body.errors).toEqual([
      {
        path: 'body.credential.curp',
        message: 'the check digit (last character) does not match: check each character',
      },
    ]);
    expect(await supportAt(booths.centro, 'minor-1', proposals.a)).toMatchObject({
      status: 403,
      body: { code: 'NOT_ELIGIBLE' },
    });
  });

  it('refuses a district other than the booth’s: typed, known from earlier supports (409), or the proposal’s (422)', async () => {
    expect(await supportAt(booths.norte, 'resident-centro-1', proposals.n)).toMatchObject({
      status: 409,
      body: { code: 'DISTRICT_MISMATCH' },
    });
    expect(await supportAt(booths.centro, 'resident-centro-4', proposals.a, { district: 'sur' })).toMatchObject({
      status: 409,
      body: { code: 'DISTRICT_MISMATCH' },
    });
    expect(await supportAt(booths.centro, 'resident-centro-4', proposals.n)).toMatchObject({
      status: 422,
      body: { code: 'WRONG_DISTRICT' },
    });
  });

  it('needs a proof-of-residence category for a CURP born outside Nuevo León (422 RESIDENCE_PROOF_REQUIRED)', async () => {
    expect(await supportAt(booths.centro, 'nonresident-1', proposals.a, { district: 'centro' })).toMatchObject({
      status: 422,
      body: { code: 'RESIDENCE_PROOF_REQUIRED' },
    });
    const withProof = await supportAt(booths.centro, 'nonresident-1', proposals.a, { residenceProof: 'utility-bill' });
    expect(withProof).toMatchObject({ status: 200, body: { supported: true } });
    const support = (await exported(supportsEdition.id)).findLast((e) => e.type === 'SupportGiven')!;
    expect(support.data).toMatchObject({ channel: 'assisted', booth: booths.centro, residenceProof: 'utility-bill' });
  });

  it('leaves an edition with assisted supports that verifies', async () => {
    expect((await admin.post(`/api/processes/${supportsEdition.id}/phase`, { to: 'voting' })).status).toBe(200);
    const treeHeads = (await system.anonymous.get(`/api/processes/${supportsEdition.id}/audit/tree-heads`))
      .body as TreeHeadsDocument;
    const events = await exported(supportsEdition.id);
    expect(events.filter((e) => e.type === 'SupportGiven' && e.data['channel'] === 'assisted')).toHaveLength(3);
    const verification = verifyEdition({ events, treeHeads, publicKey: treeHeads.publicKey });
    expect(verification.findings).toEqual([]);
    expect(verification.ok).toBe(true);
  });
});

describe('assisted proposals', () => {
  it('records a proposal for the booth’s district under the person’s own author pseudonym, with an anonymous author', async () => {
    const recorded = await proposeAt(booths.proposals, 'resident-centro-5', 'Banquetas de la colonia Obispado');
    expect(recorded.status).toBe(201);
    const proposal = await system.anonymous.get(`/api/proposals/${recorded.body.id}`);
    expect(proposal.body).toMatchObject({ district: 'centro', authorDisplayName: null, status: 'submitted' });
    // Online, the person finds it among their own, and can withdraw it like any proposal of theirs.
    const resident = await system.login('resident-centro-5');
    expect((await resident.get(`/api/proposals/${recorded.body.id}`)).body.mine).toBe(true);
    expect((await resident.post(`/api/proposals/${recorded.body.id}/withdraw`)).status).toBe(200);
    const submitted = (await exported(proposalsEdition.id)).find((e) => e.type === 'ProposalSubmitted')!;
    expect(submitted.data).toMatchObject({
      proposalId: recorded.body.id,
      author: proposalsEdition.pseudonym('resident-centro-5', 'author'),
    });
  });

  it('holds one proposal limit across channels', async () => {
    const resident = await system.login('resident-centro-6');
    const online = await resident.post(`/api/processes/${proposalsEdition.id}/proposals`, {
      ...proposalBody('Alumbrado en la calle Padre Mier'),
      district: 'centro',
    });
    expect(online.status).toBe(201);
    expect((await proposeAt(booths.proposals, 'resident-centro-6', 'Bancas en la plaza Zaragoza')).status).toBe(201);
    expect(await proposeAt(booths.proposals, 'resident-centro-6', 'Árboles en la avenida Juárez')).toMatchObject({
      status: 422,
      body: { code: 'PROPOSAL_LIMIT_REACHED' },
    });
    const third = await resident.post(`/api/processes/${proposalsEdition.id}/proposals`, {
      ...proposalBody('Árboles en la avenida Juárez'),
      district: 'centro',
    });
    expect(third).toMatchObject({ status: 422, body: { code: 'PROPOSAL_LIMIT_REACHED' } });
  });

  it('applies the in-person rules: shift, district and proof of residence', async () => {
    const bornInChihuahua = (() => {
      const { curp } = credentialOf('resident-centro-7');
      const first17 = curp.slice(0, 11) + 'CH' + curp.slice(13, 17);
      return first17 + curpCheckDigit(first17);
    })();
    expect(
      await proposeAt(booths.proposals, 'resident-centro-7', 'Parque de bolsillo', { district: 'norte' }),
    ).toMatchObject({ status: 409, body: { code: 'DISTRICT_MISMATCH' } });
    expect(
      await proposeAt(booths.proposals, 'resident-centro-7', 'Parque de bolsillo', { curp: bornInChihuahua }),
    ).toMatchObject({ status: 422, body: { code: 'RESIDENCE_PROOF_REQUIRED' } });
    const otherEdition = await officer.post(`/api/processes/${supportsEdition.id}/assisted-proposals`, {
      booth: booths.proposals,
      credential: credentialOf('resident-centro-7'),
      proposal: proposalBody('Parque de bolsillo'),
    });
    expect(otherEdition).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    const offShift = await system.login('auditor');
    await admin.post('/api/roles/grant', { subject: 'auditor', role: 'poll-officer' });
    const elsewhere = await offShift.post(`/api/processes/${proposalsEdition.id}/assisted-proposals`, {
      booth: booths.proposals,
      credential: credentialOf('resident-centro-7'),
      proposal: proposalBody('Parque de bolsillo'),
    });
    expect(elsewhere).toMatchObject({ status: 403, body: { code: 'NOT_ON_SHIFT' } });
  });

  it('answers a repeat with the same Idempotency-Key with the first answer, recording one proposal', async () => {
    const body = {
      booth: booths.proposals,
      credential: credentialOf('resident-centro-8'),
      proposal: proposalBody('Bebederos en el parque Fundidora'),
    };
    const url = `/api/processes/${proposalsEdition.id}/assisted-proposals`;
    const headers = { 'Idempotency-Key': 'mesa-colegio-civil-1' };
    const first = await officer.post(url, body, headers);
    const again = await officer.post(url, body, headers);
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: first.body });
    // The log holds only the texts' commitments: the proposal is found by its id.
    const submitted = (await exported(proposalsEdition.id)).filter(
      (e) => e.type === 'ProposalSubmitted' && e.data['proposalId'] === first.body.id,
    );
    expect(submitted).toHaveLength(1);
    expect((await officer.get(`/api/proposals/${first.body.id}`)).body.title).toBe('Bebederos en el parque Fundidora');
  });
});
