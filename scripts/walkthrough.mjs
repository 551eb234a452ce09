// A scripted walk through the public API of a running Decidimos (default
// http://localhost:3000, or BASE_URL): an edition from draft through proposals, review,
// supports and voting to results, with the refusals a resident or reviewer can meet.
// It prints each step and exits non-zero at the first answer that is not the expected one.
//   npm start        (in one terminal)
//   npm run walkthrough
import { deepStrictEqual } from 'node:assert/strict';
import { Session } from '../infra/dist/index.js';

const baseUrl = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const run = Date.now() % 100_000_000;

function expectStatus(step, answer, status, code) {
  const ok = answer.status === status && (code === undefined || answer.body?.code === code);
  const detail = answer.body?.code ? ` ${answer.body.code}: ${answer.body.detail}` : '';
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${step} → ${answer.status}${detail}`);
  if (!ok) throw new Error(`${step}: expected ${status}${code ? ` ${code}` : ''}, got ${JSON.stringify(answer)}`);
  return answer.body;
}

const anonymous = new Session(baseUrl);
const admin = await Session.logIn(baseUrl, 'admin');
expectStatus(
  'grant reviewer',
  await admin.request('POST', '/api/roles/grant', { subject: 'reviewer', role: 'reviewer' }),
  200,
);
const reviewer = await Session.logIn(baseUrl, 'reviewer');
const centro = Array.from({ length: 4 }, (_, i) => `resident-centro-${run}${i}`);
const [author, ...voters] = await Promise.all(centro.map((account) => Session.logIn(baseUrl, account)));
const minor = await Session.logIn(baseUrl, 'minor-1');

const { id } = expectStatus(
  'admin creates a draft edition',
  await admin.request('POST', '/api/processes', {
    title: `Recorrido ${run}`,
    description: 'Edición creada por scripts/walkthrough.mjs',
    districts: [{ id: 'centro', name: 'Centro', budget: 800_000 }],
    rules: { supports: { enabled: true, perResident: 2, threshold: 2 }, ballot: { method: 'knapsack' } },
  }),
  201,
);
expectStatus('a resident cannot create editions', await author.request('POST', '/api/processes', {}), 403, 'FORBIDDEN');
expectStatus(
  'advance to proposals',
  await admin.request('POST', `/api/processes/${id}/phase`, { to: 'proposals' }),
  200,
);

const proposal = (title, estimatedCost) => ({
  title,
  description: `${title}: obra propuesta.`,
  district: 'centro',
  estimatedCost,
});
const submit = async (title, cost) =>
  expectStatus(
    `submit "${title}"`,
    await author.request('POST', `/api/processes/${id}/proposals`, proposal(title, cost)),
    201,
  ).id;
const park = await submit('Parque de bolsillo', 600_000);
const lights = await submit('Luminarias LED', 300_000);
const court = await submit('Cancha techada', 500_000);
expectStatus(
  'an invalid proposal is refused',
  await author.request('POST', `/api/processes/${id}/proposals`, { title: '' }),
  400,
  'VALIDATION_FAILED',
);
expectStatus(
  'a minor cannot propose',
  await minor.request('POST', `/api/processes/${id}/proposals`, proposal('Menor', 20_000)),
  403,
  'NOT_ELIGIBLE',
);

expectStatus('advance to review', await admin.request('POST', `/api/processes/${id}/phase`, { to: 'review' }), 200);
const assessment = { feasible: true, cost: 0, reason: 'Viable según el catálogo de obra.' };
expectStatus(
  'a resident cannot assess',
  await author.request('POST', `/api/proposals/${park}/assessment`, { ...assessment, cost: 600_000 }),
  403,
  'FORBIDDEN',
);
expectStatus(
  'reviewer assesses the park',
  await reviewer.request('POST', `/api/proposals/${park}/assessment`, { ...assessment, cost: 600_000 }),
  200,
);
expectStatus(
  'reviewer assesses the lights',
  await reviewer.request('POST', `/api/proposals/${lights}/assessment`, { ...assessment, cost: 300_000 }),
  200,
);
expectStatus(
  'reviewer finds the court unfeasible',
  await reviewer.request('POST', `/api/proposals/${court}/assessment`, {
    feasible: false,
    cost: 500_000,
    reason: 'El predio no es municipal.',
  }),
  200,
);

expectStatus('advance to supports', await admin.request('POST', `/api/processes/${id}/phase`, { to: 'supports' }), 200);
for (const [i, voter] of voters.entries()) {
  expectStatus(
    `resident ${i + 1} supports the park`,
    await voter.request('PUT', `/api/proposals/${park}/support`),
    200,
  );
  if (i < 2)
    expectStatus(
      `resident ${i + 1} supports the lights`,
      await voter.request('PUT', `/api/proposals/${lights}/support`),
      200,
    );
}
expectStatus(
  'an unfeasible proposal cannot be supported',
  await voters[0].request('PUT', `/api/proposals/${court}/support`),
  422,
);

expectStatus('advance to voting', await admin.request('POST', `/api/processes/${id}/phase`, { to: 'voting' }), 200);
const ballot = (selections) => ({ selections });
expectStatus(
  'a proposal off the ballot is refused',
  await voters[0].request('POST', `/api/processes/${id}/ballot`, ballot([court])),
  422,
  'NOT_ON_BALLOT',
);
expectStatus(
  'over budget is refused (900 000 of 800 000)',
  await voters[0].request('POST', `/api/processes/${id}/ballot`, ballot([park, lights])),
  422,
  'OVER_BUDGET',
);
expectStatus(
  'resident 1 votes park',
  await voters[0].request('POST', `/api/processes/${id}/ballot`, ballot([park])),
  201,
);
expectStatus(
  'resident 2 votes lights',
  await voters[1].request('POST', `/api/processes/${id}/ballot`, ballot([lights])),
  201,
);
expectStatus(
  'resident 3 votes park',
  await voters[2].request('POST', `/api/processes/${id}/ballot`, ballot([park])),
  201,
);
expectStatus(
  'resident 3 changes to lights (revote)',
  await voters[2].request('POST', `/api/processes/${id}/ballot`, ballot([lights])),
  200,
);
expectStatus(
  'a minor cannot vote',
  await minor.request('POST', `/api/processes/${id}/ballot`, ballot([park])),
  403,
  'NOT_ELIGIBLE',
);
expectStatus('results are not out during voting', await anonymous.request('GET', `/api/processes/${id}/results`), 409);
expectStatus(
  'ballots stay sealed during voting (no openings)',
  await anonymous.request('GET', `/api/processes/${id}/audit/openings`),
  409,
  'BALLOTS_SEALED',
);

expectStatus('advance to counting', await admin.request('POST', `/api/processes/${id}/phase`, { to: 'counting' }), 200);
expectStatus('advance to results', await admin.request('POST', `/api/processes/${id}/phase`, { to: 'results' }), 200);
const results = expectStatus('results are public', await anonymous.request('GET', `/api/processes/${id}/results`), 200);
expectStatus(
  'openings are public once voting has closed',
  await anonymous.request('GET', `/api/processes/${id}/audit/openings`),
  200,
);
const district = results.districts[0];
const votes = Object.fromEntries(district.proposals.map((p) => [p.id, p.votes]));
const selected = district.proposals
  .filter((p) => p.selected)
  .map((p) => p.id)
  .sort();
// By hand: lights 2 votes (resident 2, resident 3 after the revote), park 1; greedy takes the
// lights (300 000), then skips the park, which no longer fits the 800 000.
const counted = { votes, selected, voters: district.voters, spent: district.spent };
console.log(`results: ${JSON.stringify(counted)}`);
deepStrictEqual(counted, { votes: { [park]: 1, [lights]: 2 }, selected: [lights], voters: 3, spent: 300_000 });
console.log(`\nwalkthrough of edition ${id}: every step answered as expected`);
