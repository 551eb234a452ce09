import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { type TreeHeadsDocument, treeHeadsDocument } from '../audit/audit-documents';
import { openExportFile, readExport } from './export-lines';

/** The files an auditor keeps, as `decidimos-audit fetch` saves them in a directory. */
export const EVENTS_FILE = 'events.jsonl';
export const TREE_HEADS_FILE = 'tree-heads.json';
export const RESULTS_FILE = 'results.json';
/** Published once voting has closed; absent before. */
export const OPENINGS_FILE = 'openings.jsonl';

export interface PublishedDocuments {
  treeHeads: TreeHeadsDocument;
  /** null until results are published. */
  results: unknown;
}

export interface EditionFiles extends PublishedDocuments {
  /** events.jsonl, one parsed value per line, read as a stream. */
  events: unknown[];
  /** openings.jsonl, read the same way; null while voting is open (none published). */
  openings: unknown[] | null;
}

export class SourceError extends Error {
  override name = 'SourceError';
}

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/**
 * Downloads an edition's audit files from EDITION_URL (`<base>/api/processes/<id>`). The
 * export is handed to `takeExport` as a stream and consumed before the tree heads are asked
 * for, so that every head it records is already published.
 */
export async function downloadEdition(
  editionUrl: string,
  takeExport: (body: Readable) => Promise<void>,
): Promise<PublishedDocuments> {
  const base = editionUrl.replace(/\/+$/, '');
  const exportUrl = `${base}/audit/export`;
  const events = await get(exportUrl);
  try {
    await takeExport(events.body ? Readable.fromWeb(events.body as ReadableStream<Uint8Array>) : Readable.from([]));
  } catch (error) {
    throw new SourceError(`${exportUrl}: ${(error as Error).message}`);
  }
  const heads = await get(`${base}/audit/tree-heads`);
  const results = await fetch(`${base}/results`, { headers: { accept: 'application/json' } });
  return {
    treeHeads: parseTreeHeads(await heads.text(), `${base}/audit/tree-heads`),
    results: results.ok ? await results.json() : null,
  };
}

/**
 * Hands the edition's openings to `take` as a stream, once voting has closed; answers false,
 * taking nothing, while the route still refuses them (409: the ballots are sealed).
 */
export async function downloadOpenings(editionUrl: string, take: (body: Readable) => Promise<void>): Promise<boolean> {
  const url = `${editionUrl.replace(/\/+$/, '')}/audit/openings`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/jsonl, application/json' } });
  } catch (error) {
    throw new SourceError(`${url}: ${(error as Error).message}`);
  }
  if (response.status === 409) {
    await response.body?.cancel();
    return false;
  }
  if (!response.ok) throw new SourceError(`${url}: HTTP ${response.status}`);
  try {
    await take(response.body ? Readable.fromWeb(response.body as ReadableStream<Uint8Array>) : Readable.from([]));
  } catch (error) {
    throw new SourceError(`${url}: ${(error as Error).message}`);
  }
  return true;
}

export async function readEditionDir(dir: string): Promise<EditionFiles> {
  const read = async (file: string) => {
    try {
      return await readFile(join(dir, file), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };
  const eventsFile = join(dir, EVENTS_FILE);
  const lines = (file: string) =>
    openExportFile(join(dir, file)).then(readExport, (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
  const [events, openings, heads, results] = await Promise.all([
    lines(EVENTS_FILE),
    lines(OPENINGS_FILE),
    read(TREE_HEADS_FILE),
    read(RESULTS_FILE),
  ]);
  if (events === null) throw new SourceError(`${eventsFile}: no such file`);
  if (heads === null) throw new SourceError(`${join(dir, TREE_HEADS_FILE)}: no such file`);
  return {
    events,
    openings,
    treeHeads: parseTreeHeads(heads, join(dir, TREE_HEADS_FILE)),
    results: results === null ? null : parseJson(results, join(dir, RESULTS_FILE)),
  };
}

export async function readTreeHeads(file: string): Promise<TreeHeadsDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new SourceError(`${file}: ${(error as Error).message}`);
  }
  return parseTreeHeads(text, file);
}

export async function loadEdition(source: string): Promise<EditionFiles> {
  if (!isUrl(source)) return readEditionDir(source);
  // Openings first: if there are any, voting had closed before the export below was taken.
  let openings: unknown[] | null = null;
  await downloadOpenings(source, async (body) => {
    openings = await readExport(body);
  });
  let events: unknown[] = [];
  const documents = await downloadEdition(source, async (body) => {
    events = await readExport(body);
  });
  return { events, openings, ...documents };
}

async function get(url: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json, application/jsonl' } });
  } catch (error) {
    throw new SourceError(`${url}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new SourceError(`${url}: HTTP ${response.status}`);
  return response;
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SourceError(`${where}: not JSON`);
  }
}

function parseTreeHeads(text: string, where: string): TreeHeadsDocument {
  const parsed = treeHeadsDocument.safeParse(parseJson(text, where));
  if (!parsed.success)
    throw new SourceError(`${where}: not a tree-heads document (${parsed.error.issues[0]?.message})`);
  return parsed.data;
}
