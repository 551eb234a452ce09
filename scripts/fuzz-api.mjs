// Fuzzes the HTTP API from its own OpenAPI document with schemathesis (installed by
// scripts/install-schemathesis.sh): the real system on a fresh store, requests sent
// anonymously and as a logged-in admin holding every staff role (and a resident too), and the check that no
// input, however malformed, gets a 5xx. Bad input must be a 4xx problem. First, hand-made
// hostile bodies (scripts/lib/hostile-bodies.mjs) go to every write route: deep nesting with
// and without Idempotency-Key, lone surrogates and controls in every string.
//   FUZZ_EXAMPLES (default 25): examples per operation and phase.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sendHostileBodies } from './lib/hostile-bodies.mjs';
import { Session } from '../infra/dist/index.js';
import { root, startServer } from './lib/server.mjs';

const schemathesis = join(root, '.tools/schemathesis-venv/bin/schemathesis');
if (!existsSync(schemathesis)) {
  console.error(`schemathesis is not installed: run scripts/install-schemathesis.sh first`);
  process.exit(1);
}
const examples = process.env.FUZZ_EXAMPLES ?? '25';

// Schemathesis closes with pytest's banner ("=== 3 warnings in 33.13s ==="), which a CI reading
// closing lines takes for a pytest run that executed no test; its counts are on the
// "N generated, N passed" line that scripts/ci-summary.mjs reads, so the banner is reworded.
function withoutPytestBanners(output) {
  return output.replace(
    /^=+ (.+?) =+$/gm,
    (_, summary) => `schemathesis: ${summary.replace(/ in ([\d.]+s)$/, ' ($1)')}`,
  );
}

// Schemathesis sends thousands of requests a minute from one session and one address; the limits
// are raised so that they reach the handlers instead of a 429.
const server = await startServer({
  RATE_LIMIT_LOGINS: '1000000',
  RATE_LIMIT_WRITES: '1000000',
  RATE_LIMIT_DOWNLOADS: '1000000',
});
let failed = false;
try {
  const admin = await Session.logIn(server.baseUrl, 'admin');
  // Every staff role, so the fuzzing reaches the reviewer's and poll officer's routes too.
  for (const role of ['reviewer', 'poll-officer', 'auditor'])
    await admin.send('POST', '/api/roles/grant', { subject: 'admin', role });
  await admin.send('POST', '/api/processes', {
    title: 'Edición para pruebas de robustez',
    description: 'Creada por scripts/fuzz-api.mjs',
    districts: [{ id: 'centro', name: 'Centro', budget: 1_000_000 }],
  });
  // Before schemathesis: a connection left idle through its minute-long runs can be closed by
  // the server just as it is reused. Schemathesis afterwards also shows the service still answers.
  console.log('\n--- hostile bodies to every write route ---');
  // An edition open for proposals, with one proposal, so the proposal routes reach their validation.
  const { id: edition } = await admin.send('POST', '/api/processes', {
    title: 'Edición con propuestas para pruebas de robustez',
    description: 'Creada por scripts/fuzz-api.mjs',
    districts: [{ id: 'centro', name: 'Centro', budget: 1_000_000 }],
  });
  await admin.send('POST', `/api/processes/${edition}/phase`, { to: 'proposals' });
  const { id: proposal } = await admin.send('POST', `/api/processes/${edition}/proposals`, {
    title: 'Banquetas accesibles',
    description: 'Rampas en las esquinas de la colonia',
    district: 'centro',
    estimatedCost: 50_000,
  });
  const document = await (await fetch(`${server.baseUrl}/api/docs`)).json();
  const { sent, failures } = await sendHostileBodies(
    server.baseUrl,
    document,
    [
      ['anonymous', {}],
      ['admin', { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken }],
    ],
    (_, template) =>
      template.startsWith('/api/processes/') ? edition : template.startsWith('/api/proposals/') ? proposal : 'fuzz',
    {
      'POST /api/processes': {
        title: 'Presupuesto Participativo de prueba',
        description: 'Una edición creada para probar textos hostiles',
        districts: [{ id: 'norte', name: 'Norte', budget: 2_000_000 }],
      },
      'POST /api/processes/{id}/proposals': {
        title: 'Luminarias en el parque',
        description: 'Cambiar las luminarias del parque por LED de bajo consumo',
        district: 'centro',
        estimatedCost: 80_000,
        category: 'Alumbrado',
        location: 'Parque Fundidora',
      },
      'PUT /api/me/display-name': { displayName: 'Vecina de prueba' },
      'PATCH /api/proposals/{id}': {
        title: 'Banquetas accesibles y seguras',
        description: 'Rampas en las esquinas de la colonia, con señalización',
        category: 'Movilidad',
        location: 'Colonia Centro',
      },
      'POST /api/proposals/{id}/assessment': {
        feasible: true,
        cost: 60_000,
        reason: 'Viable con el presupuesto de obra pública',
        technical: 'Sin observaciones',
      },
      'POST /api/roles/grant': { subject: 'vecina-de-prueba', role: 'reviewer' },
    },
  );
  for (const failure of failures) console.error(`  ${failure.slice(0, 500)}`);
  console.log(`${sent} hostile requests, ${failures.length} failed`);
  if (failures.length > 0) failed = true;

  const runs = [
    ['anonymous', []],
    ['admin', ['-H', `Cookie: ${admin.cookie}`, '-H', `X-CSRF-Token: ${admin.csrfToken}`]],
  ];
  for (const [who, headers] of runs) {
    console.log(`\n--- schemathesis as ${who} ---`);
    const run = spawnSync(
      schemathesis,
      [
        'run',
        `${server.baseUrl}/api/docs`,
        '--checks',
        'not_a_server_error',
        '--max-examples',
        examples,
        '--seed',
        '20261201',
        '--exclude-path',
        '/auth/logout',
        ...headers,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    );
    process.stdout.write(withoutPytestBanners(run.stdout ?? ''));
    if (run.status !== 0) failed = true;
  }
} finally {
  await server.stop();
}
process.exitCode = failed ? 1 : 0;
