// `node scripts/check-logs.mjs FILE`: searches a file of backend log lines (LOG_FILE) for
// what must never be logged, and exits 1 naming each line that has some. `npm run test:logs`
// runs every test at debug level into test-artifacts/backend.log, then this.
import { readFileSync } from 'node:fs';

const FORBIDDEN = [
  // The official layout of a CURP (what infra/src/idp/curp.ts synthesises for test accounts).
  [
    'a CURP',
    /[A-Z][AEIOUX][A-Z]{2}\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[HM][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[0-9A-Z]\d/,
  ],
  ['the session cookie', /decidimos_session/],
  ['a header that carries a credential', /"(cookie|set-cookie|authorization|x-csrf-token|idempotency-key)"/i],
  ['a CSRF token', /csrfToken/],
  ['an OIDC code or state in a URL', /[?&](code|state)=/],
  // The test accounts' name claim is their account name.
  ['a test account’s name', /\b(resident-[a-z]+-\d+|minor-1|nonresident-1)\b/],
  ['an e-mail address', /[\w.+-]+@[\w-]+\.[\w.-]+/],
];

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/check-logs.mjs FILE');
  process.exit(2);
}

const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
let problems = 0;
for (const [index, line] of lines.entries()) {
  const found = [];
  try {
    JSON.parse(line);
  } catch {
    found.push('not a JSON line');
  }
  for (const [what, pattern] of FORBIDDEN) if (pattern.test(line)) found.push(what);
  if (found.length > 0) {
    problems += 1;
    console.error(`${file}:${index + 1}: ${found.join(', ')}\n  ${line.slice(0, 300)}`);
  }
}
console.log(`${lines.length} log lines checked, ${problems} with something that must not be logged`);
process.exitCode = problems > 0 ? 1 : 0;
