import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/**
 * Issue 13's read-model goal (≤ 0.5 KB per event): the bytes the read-model file's pages
 * hold, per event in the log, read beside a running server if there is one (WAL readers see its writes),
 * and the largest collections by JSON bytes (sessions and rate-limit counters are not
 * projections but live in the same file).
 */
export function readModelBytes(dir) {
  const events = new DatabaseSync(join(dir, 'events.sqlite'), { readOnly: true });
  const readModels = new DatabaseSync(join(dir, 'read-models.sqlite'), { readOnly: true });
  try {
    const count = events.prepare('SELECT count(*) AS n FROM events').get().n;
    const pragma = (name) => Object.values(readModels.prepare(`PRAGMA ${name}`).get())[0];
    const bytes = (pragma('page_count') - pragma('freelist_count')) * pragma('page_size');
    console.log(
      `  read models: ${(bytes / 1024 / 1024).toFixed(1)} MiB for ${count} events, ${(bytes / count / 1024).toFixed(2)} KB per event`,
    );
    const collections = readModels
      .prepare(
        'SELECT collection, count(*) AS docs, sum(length(doc)) AS json FROM documents GROUP BY collection ORDER BY json DESC LIMIT 6',
      )
      .all();
    for (const { collection, docs, json } of collections) {
      console.log(
        `    ${collection.padEnd(28)} ${String(docs).padStart(7)} documents  ${(json / count / 1024).toFixed(2)} KB per event`,
      );
    }
  } finally {
    events.close();
    readModels.close();
  }
}
