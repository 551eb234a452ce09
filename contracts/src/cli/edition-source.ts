import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { type TreeHeadsDocument, treeHeadsDocument } from '../audit/audit-documents';
import { bytesOf, exportValuesOf, forEachExportValue, openExportFile } from './export-lines';

/** Sees the export's bytes go by on their way to being read (the CLI hands them to its hashing thread too). */
export type ExportTap = (input: AsyncIterable<unknown>) => AsyncIterable<unknown>;

/** The files an auditor keeps, as `decidimos-audit fetch` saves them in a directory. */
export const EVENTS_FILE = 'events.jsonl';
export const TREE_HEADS_FILE = 'tree-heads.json';
export const RESULTS_FILE = 'results.json';
/** Published once voting has closed; absent before. */
export const OPENINGS_FILE = 'openings.jsonl';
/** The proposals' texts and salts (or redaction markers), checked against the commitments in the log. */
export const TEXTS_FILE = 'texts.jsonl';

export interface PublishedDocuments {
  treeHeads: TreeHeadsDocument;
  /** null until results are published. */
  results: unknown;
}

/** The published documents with the openings (null while voting is open: none are published). */
export interface EditionSources extends PublishedDocuments {
  /** openings.jsonl, one parsed value per line, each parsed as it is iterated. */
  openings: Iterable<unknown> | null;
  /** openings.jsonl's bytes (null when there are none). */
  openingsBytes: Buffer | null;
  /** texts.jsonl, one parsed value per line; null when it was not saved. */
  texts: Iterable<unknown> | null;
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
 * Hands the edition's texts (texts.jsonl) to `take` as a stream. They are read after the
 * export, so every commitment the export holds has its line.
 */
export async function downloadTexts(editionUrl: string, take: (body: Readable) => Promise<void>): Promise<void> {
  const url = `${editionUrl.replace(/\/+$/, '')}/audit/texts`;
  const response = await get(url);
  try {
    await take(response.body ? Readable.fromWeb(response.body as ReadableStream<Uint8Array>) : Readable.from([]));
  } catch (error) {
    throw new SourceError(`${url}: ${(error as Error).message}`);
  }
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

/**
 * Reads an edition directory, the export handed to `take` value by value as it streams from
 * disk (a city's export is never held in memory), then the published documents and the
 * openings, if voting had closed when they were saved.
 */
export async function streamEditionDir(
  dir: string,
  take: (value: unknown) => void,
  through: ExportTap = (input) => input,
): Promise<EditionSources> {
  const read = async (file: string) => {
    try {
      return await readFile(join(dir, file), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };
  const eventsFile = join(dir, EVENTS_FILE);
  const events = await openExportFile(eventsFile).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new SourceError(`${eventsFile}: no such file`);
    throw error;
  });
  const [heads, results] = await Promise.all([read(TREE_HEADS_FILE), read(RESULTS_FILE)]);
  if (heads === null) {
    events.destroy();
    throw new SourceError(`${join(dir, TREE_HEADS_FILE)}: no such file`);
  }
  await forEachExportValue(through(events), take);
  const openingsFile = await openExportFile(join(dir, OPENINGS_FILE)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  const textsFile = await openExportFile(join(dir, TEXTS_FILE)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  return {
    ...openingsOf(openingsFile === null ? null : await bytesOf(openingsFile)),
    texts: textsFile === null ? null : exportValuesOf(await bytesOf(textsFile)),
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

/**
 * An edition from EDITION_URL or a directory, the export handed to `take` value by value as
 * it streams in. Openings are asked for first: if there are any, voting had closed before
 * the export was taken, so the export holds the close.
 */
export async function streamEdition(
  source: string,
  take: (value: unknown) => void,
  through: ExportTap = (input) => input,
): Promise<EditionSources> {
  if (!isUrl(source)) return streamEditionDir(source, take, through);
  let bytes: Buffer | null = null;
  await downloadOpenings(source, async (body) => {
    bytes = await bytesOf(body);
  });
  const edition = await downloadEdition(source, (body) => forEachExportValue(through(body), take));
  let texts: Buffer | null = null;
  await downloadTexts(source, async (body) => {
    texts = await bytesOf(body);
  });
  return { ...edition, ...openingsOf(bytes), texts: texts === null ? null : exportValuesOf(texts) };
}

function openingsOf(bytes: Buffer | null): Pick<EditionSources, 'openings' | 'openingsBytes'> {
  return { openings: bytes === null ? null : exportValuesOf(bytes), openingsBytes: bytes };
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
