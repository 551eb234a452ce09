// The live service while an operator rebuilds the projections: the whole system (as `npm
// start` runs it) on a data directory that already holds a log and its read models, a
// voting edition opened through the API, residents logged in, then ballot casts and GET
// /ballot (each resident reads the ballot they cast; sent on schedule, a read may leave
// before its cast is answered and find none, 404) offered at a constant rate, open loop,
// before and while `npm run rebuild-projections` runs on the same directory. Prints each
// kind's statuses and latencies before and during the rebuild, and the longest event-loop
// delay the backend reported meanwhile (from its own /metrics, once a second).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { logInResidents } from './residents.mjs';
import { root, startServer } from './server.mjs';
import { votingEdition } from './voting-edition.mjs';
import { percentile } from './percentile.mjs';

const RESIDENTS = 400;
const BEFORE_MS = 3_000;

function summary(answers) {
  const statuses = {};
  for (const { status } of answers) statuses[status] = (statuses[status] ?? 0) + 1;
  const ms = answers.map((answer) => answer.ms).sort((a, b) => a - b);
  const at = (p) => `${(percentile(ms, p) ?? 0).toFixed(0)} ms`;
  return `${answers.length} requests, statuses ${JSON.stringify(statuses)}, p50 ${at(50)}, p99 ${at(99)}, max ${at(100)}`;
}

async function eventLoopDelayMaxSeconds(baseUrl) {
  const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
  return Number(/^nodejs_eventloop_lag_max_seconds (\S+)$/m.exec(metrics)?.[1] ?? 0);
}

/** @param dataDir a data directory with a log and its read models; it is used, not copied. */
export async function requestsDuringRebuild(dataDir, rate) {
  const { baseUrl, stop } = await startServer({
    DATA_DIR: dataDir,
    RATE_LIMIT_LOGINS: String(RESIDENTS * 2),
    RATE_LIMIT_WRITES: '1000000',
  });
  try {
    const edition = await votingEdition(baseUrl, 'Durante la reconstrucción');
    const sessions = await logInResidents(baseUrl, RESIDENTS, 10_000);
    const answers = [];
    let sending = true;
    // Request i is due at start + i / rate; a resident casts, then the next request reads that ballot.
    const load = (async () => {
      const start = performance.now();
      const pending = [];
      for (let i = 0; sending; i++) {
        const due = start + (i * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const session = sessions[Math.floor(i / 2) % sessions.length];
        const kind = i % 2 === 0 ? 'cast' : 'read';
        const path = `/api/processes/${edition.id}/ballot`;
        const request =
          kind === 'cast'
            ? session.request('POST', path, { selections: edition.proposals.slice(0, 1) })
            : session.get(path);
        pending.push(request.then(({ status }) => answers.push({ kind, status, ms: performance.now() - due, due })));
      }
      await Promise.all(pending);
    })();
    let rebuildStarted = 0;
    let delayMax = 0;
    let watching = true;
    const watch = (async () => {
      while (watching) {
        const seconds = await eventLoopDelayMaxSeconds(baseUrl);
        if (rebuildStarted) delayMax = Math.max(delayMax, seconds);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, BEFORE_MS));
    rebuildStarted = performance.now();
    const rebuild = spawn(process.execPath, [path.join(root, 'backend/dist/rebuild-projections.js')], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const code = await new Promise((resolve) => rebuild.on('exit', resolve));
    const rebuildEnded = performance.now();
    sending = false;
    await load;
    watching = false;
    await watch;
    console.log(
      `  rebuild beside them: exit ${code} in ${((rebuildEnded - rebuildStarted) / 1000).toFixed(1)} s; ` +
        `longest event-loop delay meanwhile ${(delayMax * 1000).toFixed(0)} ms`,
    );
    for (const kind of ['cast', 'read']) {
      const mine = answers.filter((answer) => answer.kind === kind);
      const label = kind === 'cast' ? 'POST ballot' : 'GET ballot';
      console.log(`  ${label} before: ${summary(mine.filter((answer) => answer.due < rebuildStarted))}`);
      console.log(
        `  ${label} during: ${summary(mine.filter((answer) => answer.due >= rebuildStarted && answer.due <= rebuildEnded))}`,
      );
    }
  } finally {
    await stop();
  }
}
