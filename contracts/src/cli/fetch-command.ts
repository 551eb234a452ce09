import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import {
  EVENTS_FILE,
  OPENINGS_FILE,
  RESULTS_FILE,
  TEXTS_FILE,
  TREE_HEADS_FILE,
  downloadEdition,
  downloadOpenings,
  downloadTexts,
  isUrl,
} from './edition-source';
import { forEachExportValue, openExportFile } from './export-lines';

export const FETCH_USAGE = 'decidimos-audit fetch EDITION_URL DIR   (EDITION_URL is <base>/api/processes/<id>)';

/**
 * Saves what an auditor needs to work offline: DIR/events.jsonl, DIR/tree-heads.json,
 * DIR/results.json, DIR/texts.jsonl (the proposals' texts, or their redaction markers), and
 * DIR/openings.jsonl once voting has closed.
 */
export async function fetchCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [url, dir] = positionals;
  if (positionals.length !== 2 || !url || !dir || !isUrl(url)) {
    process.stderr.write(`usage: ${FETCH_USAGE}\n`);
    return 2;
  }
  await mkdir(dir, { recursive: true });
  const eventsFile = join(dir, EVENTS_FILE);
  // Openings before the export, so that an export taken after them holds the close of voting.
  const opened = await downloadOpenings(url, (body) => pipeline(body, createWriteStream(join(dir, OPENINGS_FILE))));
  // The export goes to disk byte for byte as it arrives, never whole in memory.
  const files = await downloadEdition(url, (body) => pipeline(body, createWriteStream(eventsFile)));
  // After the export, so every text commitment it holds has its line.
  await downloadTexts(url, (body) => pipeline(body, createWriteStream(join(dir, TEXTS_FILE))));
  await writeFile(join(dir, TREE_HEADS_FILE), `${JSON.stringify(files.treeHeads, null, 2)}\n`);
  if (files.results !== null) await writeFile(join(dir, RESULTS_FILE), `${JSON.stringify(files.results, null, 2)}\n`);
  const count = async (file: string) => {
    let values = 0;
    await forEachExportValue(await openExportFile(join(dir, file)), () => (values += 1));
    return values;
  };
  const events = await count(EVENTS_FILE);
  const openings = opened
    ? `, ${await count(OPENINGS_FILE)} ballot openings`
    : ' (no ballot openings: voting has not closed)';
  const texts = await count(TEXTS_FILE);
  process.stdout.write(
    `saved ${events} events, ${files.treeHeads.treeHeads.length} signed tree heads, ${texts} proposal texts${openings}` +
      `${files.results === null ? ' (results not published yet)' : ' and the results'} in ${dir}\n`,
  );
  return 0;
}
