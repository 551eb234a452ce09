// The JavaScript a browser downloads before a route renders, gzipped, from the Vite manifest
// of `npm run build -w frontend`: the entry chunk, the route's lazy chunk, and every chunk
// they import statically. Prints one line per route; exits 1 when one is over its budget.
//   node scripts/bundle-size.mjs [route-module ...]   (default: the voting route)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../frontend/dist/', import.meta.url));
const BUDGET_BYTES = 150 * 1024;
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const routes = process.argv.slice(2);
if (routes.length === 0) routes.push('src/app/routes/ballot.tsx');

function staticClosure(keys) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`not in the manifest: ${key}`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return [...seen].map((key) => manifest[key].file);
}

let over = false;
for (const route of routes) {
  const files = staticClosure([entryKey, route]).filter((file) => file.endsWith('.js'));
  const gzipped = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length, 0);
  const kb = (gzipped / 1024).toFixed(1);
  const verdict = gzipped <= BUDGET_BYTES ? 'within' : 'OVER';
  console.log(`${route}: ${kb} KB gzipped initial JS in ${files.length} chunks (${verdict} the 150 KB budget)`);
  over ||= gzipped > BUDGET_BYTES;
}
process.exitCode = over ? 1 : 0;
