import { curpCheckDigit } from '@decidimos/contracts';
import { accountClaims } from '@decidimos/infra';
import { EditionHistory } from '../testing/edition-history';
import { startTestSystem, type Client, type TestSystem } from '../testing/test-system';

let system: TestSystem;
let admin: Client;
let officer: Client;
let otherOfficer: Client;
let edition: EditionHistory;
const booth: Record<'centro' | 'norte' | 'later', string> = { centro: '', norte: '', later: '' };
const proposals: Record<'a' | 'b' | 'n', string> = { a: '', b: '', n: '' };

const HOUR = 3_600_000;
// Hours from one fixed instant, so that a shift ending at `at(2)` fits a booth closing at `at(2)`.
const NOW = Date.now();
const at = (offsetHours: number) => new Date(NOW + offsetHours * HOUR).toISOString();
const credentialOf = (account: string) => {
  const { curp, birthdate } = accountClaims(account)!;
  return { curp, birthdate };
};
/** A CURP as RENAPO would write it, with the state of birth changed and the check digit recomputed. */
const bornIn = (state: string, curp: string) => {
  const first17 = curp.slice(0, 11) + state + curp.slice(13, 17);
  return first17 + curpCheckDigit(first17);
};
const assisted = (who: Client, body: Record<string, unknown>) =>
  who.post(`/api/processes/${edition.id}/assisted-ballots`, body);

beforeAll(async () => {
  system = await startTestSystem();
  admin = await system.login('admin');
  for (const subject of ['poll-officer', 'auditor']) {
    await admin.post('/api/roles/grant', { subject, role: 'poll-officer' });
  }
  officer = await system.login('poll-officer');
  otherOfficer = await system.login('auditor');
  edition = new EditionHistory(system).advance('proposals');
  proposals.a = edition.submit('resident-centro-1', { title: 'Parque A', estimatedCost: 600_000 });
  proposals.b = edition.submit('resident-centro-2', { title: 'Banquetas B', estimatedCost: 400_000 });
  proposals.n = edition.submit('resident-norte-1', { title: 'Norte uno', district: 'norte', estimatedCost: 300_000 });
  edition.advance('review');
  for (const [id, cost] of [
    [proposals.a, 600_000],
    [proposals.b, 400_000],
    [proposals.n, 300_000],
  ] as const) {
    edition.assess(id, { feasible: true, cost, reason: 'Viable: predio municipal y costo verificado.' });
  }
  edition.advance('supports').support('resident-centro-3', proposals.a);
  edition.openVoting({
    centro: [
      { proposalId: proposals.a, cost: 600_000 },
      { proposalId: proposals.b, cost: 400_000 },
    ],
    norte: [{ proposalId: proposals.n, cost: 300_000 }],
  });
  await edition.seed();
  const hours = { opensAt: at(-2), closesAt: at(2) };
  for (const [key, name, district] of [
    ['centro', 'Mesa Macroplaza', 'centro'],
    ['norte', 'Mesa Norte', 'norte'],
    ['later', 'Mesa Alameda', 'centro'],
  ] as const) {
    const defined = await admin.post(`/api/processes/${edition.id}/booths`, {
      name,
      address: 'Zuazua y Padre Mier s/n',
      district,
      ...hours,
    });
    expect(defined.status).toBe(201);
    booth[key] = defined.body.id;
  }
  for (const key of ['centro', 'norte'] as const) {
    const shift = { officer: 'poll-officer', from: at(-1), to: at(1) };
    const assigned = await admin.post(`/api/booths/${booth[key]}/shifts`, shift);
    expect(assigned).toMatchObject({ status: 201, body: { booth: booth[key], from: shift.from, to: shift.to } });
  }
  // The other officer's shift at the Alameda starts in an hour.
  const later = { officer: 'auditor', from: at(1), to: at(2) };
  expect((await admin.post(`/api/booths/${booth.later}/shifts`, later)).status).toBe(201);
});
afterAll(() => system.close());

describe('booths and shifts', () => {
  it('lists the booths publicly, without counts before results', async () => {
    const list = await system.anonymous.get(`/api/processes/${edition.id}/booths`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((b: { name: string; assistedBallots: unknown }) => [b.name, b.assistedBallots])).toEqual(
      [
        ['Mesa Alameda', null],
        ['Mesa Macroplaza', null],
        ['Mesa Norte', null],
      ],
    );
  });

  it('shows an officer their own shifts, saying which is on now', async () => {
    const mine = await officer.get('/api/me/shifts');
    expect(mine.status).toBe(200);
    // Both shifts start at the same time: their order is not specified.
    const shifts = mine.body.items.map((s: { booth: { name: string }; now: boolean }) => [s.booth.name, s.now]);
    expect(shifts.sort()).toEqual([
      ['Mesa Macroplaza', true],
      ['Mesa Norte', true],
    ]);
    const theirs = await otherOfficer.get('/api/me/shifts');
    expect(theirs.body.items).toMatchObject([{ booth: { id: booth.later }, now: false }]);
    expect(await system.anonymous.get('/api/me/shifts')).toMatchObject({ status: 401 });
  });

  it('refuses bad booths and shifts with a reason', async () => {
    const body = { name: 'Mesa', address: 'Calle 1', district: 'centro', opensAt: at(-1), closesAt: at(1) };
    const url = `/api/processes/${edition.id}/booths`;
    expect(await admin.post(url, { ...body, district: 'marte' })).toMatchObject({
      status: 422,
      body: { code: 'UNKNOWN_DISTRICT' },
    });
    const backwards = await admin.post(url, { ...body, closesAt: at(-2) });
    expect(backwards).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(backwards.body.errors).toEqual([{ path: 'body.closesAt', message: 'a booth closes after it opens' }]);
    expect(await officer.post(url, body)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await admin.post('/api/processes/no-such-edition/booths', body)).toMatchObject({ status: 404 });
    const shift = (boothId: string, officerSubject: string, from: string, to: string) =>
      admin.post(`/api/booths/${boothId}/shifts`, { officer: officerSubject, from, to });
    expect(await shift(booth.centro, 'reviewer', at(-1), at(1))).toMatchObject({
      status: 422,
      body: { code: 'NOT_POLL_OFFICER' },
    });
    expect(await shift(booth.centro, 'poll-officer', at(-3), at(1))).toMatchObject({
      status: 422,
      body: { code: 'SHIFT_OUTSIDE_HOURS' },
    });
    expect(await shift('no-such-booth', 'poll-officer', at(-1), at(1))).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
  });
});

describe('assisted ballots', () => {
  it('records a ballot at the officer’s booth during their shift, naming the booth and not the officer', async () => {
    const recorded = await assisted(officer, {
      booth: booth.centro,
      credential: credentialOf('resident-centro-1'),
      selections: [proposals.a],
    });
    expect(recorded.status).toBe(201);
    const mine = await (await system.login('resident-centro-1')).get(`/api/processes/${edition.id}/ballot`);
    expect(mine.body).toMatchObject({
      channel: 'assisted',
      booth: booth.centro,
      district: 'centro',
      replaced: null,
      selections: [proposals.a],
    });
    const exported = await system.anonymous.get(`/api/processes/${edition.id}/audit/export`);
    const ballot = String(exported.body)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .find((e) => e.id === recorded.body.ballotId);
    expect(ballot.data).toMatchObject({ channel: 'assisted', booth: booth.centro, residenceProof: null });
    expect(ballot.data).not.toHaveProperty('officer');
  });

  it('refuses a booth where the officer has no shift now, and an officer outside their shift (403 NOT_ON_SHIFT)', async () => {
    const body = { credential: credentialOf('resident-centro-4'), selections: [] };
    expect(await assisted(officer, { ...body, booth: booth.later })).toMatchObject({
      status: 403,
      body: { code: 'NOT_ON_SHIFT' },
    });
    expect(await assisted(otherOfficer, { ...body, booth: booth.later })).toMatchObject({
      status: 403,
      body: { code: 'NOT_ON_SHIFT' },
    });
    expect(await assisted(officer, { ...body, booth: 'no-such-booth' })).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
  });

  it('checks the CURP: its check digit, and the birthdate and sex typed beside it (400 naming the field)', async () => {
    const { curp, birthdate } = credentialOf('resident-centro-4');
    const wrongDigit = curp.slice(0, 17) + String((Number(curp[17]) + 1) % 10);
    const badDigit = await assisted(officer, {
      booth: booth.centro,
      credential: { curp: wrongDigit, birthdate },
      selections: [],
    });
    expect(badDigit).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(badDigit.body.errors).toEqual([
      {
        path: 'body.credential.curp',
        message: 'the check digit (last character) does not match: check each character',
      },
    ]);
    const dayAfter = new Date(Date.parse(birthdate) + 86_400_000).toISOString().slice(0, 10);
    const badBirthdate = await assisted(officer, {
      booth: booth.centro,
      credential: { curp, birthdate: dayAfter },
      selections: [],
    });
    expect(badBirthdate.body.errors).toEqual([
      { path: 'body.credential.birthdate', message: 'the date of birth does not match the one in the CURP' },
    ]);
    const otherSex = curp[10] === 'H' ? 'M' : 'H';
    const badSex = await assisted(officer, {
      booth: booth.centro,
      credential: { curp, birthdate, sex: otherSex },
      selections: [],
    });
    expect(badSex.body.errors).toEqual([
      { path: 'body.credential.sex', message: 'the sex does not match the one in the CURP (character 11)' },
    ]);
  });

  it('refuses a district other than the one the system knows for the person (409 DISTRICT_MISMATCH)', async () => {
    // resident-centro-3 supported a centro proposal; resident-norte-1 votes online in norte first.
    const supported = await assisted(officer, {
      booth: booth.norte,
      credential: credentialOf('resident-centro-3'),
      selections: [],
    });
    expect(supported).toMatchObject({ status: 409, body: { code: 'DISTRICT_MISMATCH' } });
    const norte = await system.login('resident-norte-1');
    expect((await norte.post(`/api/processes/${edition.id}/ballot`, { selections: [proposals.n] })).status).toBe(201);
    const voted = await assisted(officer, {
      booth: booth.centro,
      credential: credentialOf('resident-norte-1'),
      selections: [],
      confirmReplace: true,
    });
    expect(voted).toMatchObject({ status: 409, body: { code: 'DISTRICT_MISMATCH' } });
    const typed = await assisted(officer, {
      booth: booth.centro,
      credential: { ...credentialOf('resident-centro-4'), district: 'sur' },
      selections: [],
    });
    expect(typed).toMatchObject({ status: 409, body: { code: 'DISTRICT_MISMATCH' } });
  });

  it('asks for confirmation before replacing a recorded ballot, and the resident then sees the replacement', async () => {
    const resident = await system.login('resident-centro-2');
    const online = await resident.post(`/api/processes/${edition.id}/ballot`, { selections: [proposals.b] });
    expect(online.status).toBe(201);
    const body = { booth: booth.centro, credential: credentialOf('resident-centro-2'), selections: [proposals.a] };
    const unconfirmed = await assisted(officer, body);
    expect(unconfirmed).toMatchObject({ status: 409, body: { code: 'WOULD_REPLACE' } });
    expect((await resident.get(`/api/processes/${edition.id}/ballot`)).body.receipt).toBe(online.body.receipt);
    const confirmed = await assisted(officer, { ...body, confirmReplace: true });
    expect(confirmed.status).toBe(200);
    const mine = await (await system.login('resident-centro-2')).get(`/api/processes/${edition.id}/ballot`);
    expect(mine.body).toMatchObject({
      receipt: confirmed.body.receipt,
      channel: 'assisted',
      booth: booth.centro,
      boothName: 'Mesa Macroplaza',
      selections: [proposals.a],
      replaced: { channel: 'online', booth: null },
    });
  });

  it('needs a proof-of-residence category for a CURP born outside Nuevo León (422 RESIDENCE_PROOF_REQUIRED)', async () => {
    const { curp, birthdate } = credentialOf('resident-centro-4');
    const credential = { curp: bornIn('CH', curp), birthdate };
    const missing = await assisted(officer, { booth: booth.centro, credential, selections: [] });
    expect(missing).toMatchObject({ status: 422, body: { code: 'RESIDENCE_PROOF_REQUIRED' } });
    const unknownKind = await assisted(officer, {
      booth: booth.centro,
      credential: { ...credential, residenceProof: 'passport' },
      selections: [],
    });
    expect(unknownKind).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const withProof = await assisted(officer, {
      booth: booth.centro,
      credential: { ...credential, residenceProof: 'ine-address' },
      selections: [proposals.b],
    });
    expect(withProof.status).toBe(201);
    const exported = await system.anonymous.get(`/api/processes/${edition.id}/audit/export`);
    expect(String(exported.body)).toContain('"residenceProof":"ine-address"');
  });

  it("refuses the non-resident account's CURP typed at a booth of centro without a proof of residence", async () => {
    const { curp, birthdate } = credentialOf('nonresident-1');
    const typed = await assisted(officer, {
      booth: booth.centro,
      credential: { curp, birthdate, district: 'centro' },
      selections: [],
    });
    expect(typed).toMatchObject({ status: 422, body: { code: 'RESIDENCE_PROOF_REQUIRED' } });
  });

  it('counts ballots per channel and booth in the results and the booth list once results are out', async () => {
    await admin.post(`/api/processes/${edition.id}/phase`, { to: 'counting' });
    await admin.post(`/api/processes/${edition.id}/phase`, { to: 'results' });
    const results = await system.anonymous.get(`/api/processes/${edition.id}/results`);
    expect(results.status).toBe(200);
    // Counted: centro-1 (assisted, Macroplaza), centro-2 (assisted, replaced its online one), the CH-born
    // person (assisted, Macroplaza), norte-1 (online).
    expect(results.body.channels).toEqual({ online: 1, assisted: 3 });
    expect(results.body.booths).toEqual([
      { id: booth.later, name: 'Mesa Alameda', district: 'centro', ballots: 0 },
      { id: booth.centro, name: 'Mesa Macroplaza', district: 'centro', ballots: 3 },
      { id: booth.norte, name: 'Mesa Norte', district: 'norte', ballots: 0 },
    ]);
    const list = await system.anonymous.get(`/api/processes/${edition.id}/booths`);
    expect(list.body.items.map((b: { id: string; assistedBallots: number }) => [b.id, b.assistedBallots])).toEqual([
      [booth.later, 0],
      [booth.centro, 3],
      [booth.norte, 0],
    ]);
  });
});
