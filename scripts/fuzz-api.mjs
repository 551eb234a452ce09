// Fuzzes the HTTP API from its own OpenAPI document with schemathesis (installed by
// scripts/install-schemathesis.sh): the real system on a fresh store, requests sent
// anonymously and as a logged-in admin holding every staff role (and a resident too), and the check that no
// input, however malformed, gets a 5xx. Bad input must be a 4xx problem.
//   FUZZ_EXAMPLES (default 25): examples per operation and phase.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from './lib/session.mjs';
import { root, startServer } from './lib/server.mjs';

const schemathesis = join(root, '.tools/schemathesis-venv/bin/schemathesis');
if (!existsSync(schemathesis)) {
  console.error(`schemathesis is not installed: run scripts/install-schemathesis.sh first`);
  process.exit(1);
}
const examples = process.env.FUZZ_EXAMPLES ?? '25';

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
    await admin.post('/api/roles/grant', { subject: 'admin', role });
  await admin.post('/api/processes', {
    title: 'Edición para pruebas de robustez',
    description: 'Creada por scripts/fuzz-api.mjs',
    districts: [{ id: 'centro', name: 'Centro', budget: 1_000_000 }],
  });
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
      { stdio: 'inherit' },
    );
    if (run.status !== 0) failed = true;
  }
} finally {
  await server.stop();
}
process.exitCode = failed ? 1 : 0;
