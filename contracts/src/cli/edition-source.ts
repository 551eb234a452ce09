import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type TreeHeadsDocument, treeHeadsDocument } from '../audit/audit-documents';

/** The three files an auditor keeps, as `decidimos-audit fetch` saves them in a directory. */
export const EVENTS_FILE = 'events.jsonl';
export const TREE_HEADS_FILE = 'tree-heads.json';
export const RESULTS_FILE = 'results.json';

export interface EditionFiles {
  /** events.jsonl as published. */
  eventsText: string;
  treeHeads: TreeHeadsDocument;
  /** null until results are published. */
  results: unknown;
}

export class SourceError extends Error {
  override name = 'SourceError';
}

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/**
 * Downloads an edition's audit files from EDITION_URL (`<base>/api/processes/<id>`). The
 * export is read before the tree heads so that every head it records is already published.
 */
export async function downloadEdition(editionUrl: string): Promise<EditionFiles> {
  const base = editionUrl.replace(/\/+$/, '');
  const events = await get(`${base}/audit/export`);
  const heads = await get(`${base}/audit/tree-heads`);
  const results = await fetch(`${base}/results`, { headers: { accept: 'application/json' } });
  return {
    eventsText: await events.text(),
    treeHeads: parseTreeHeads(await heads.text(), `${base}/audit/tree-heads`),
    results: results.ok ? await results.json() : null,
  };
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
  const [eventsText, heads, results] = await Promise.all([
    read(EVENTS_FILE),
    read(TREE_HEADS_FILE),
    read(RESULTS_FILE),
  ]);
  if (eventsText === null) throw new SourceError(`${join(dir, EVENTS_FILE)}: no such file`);
  if (heads === null) throw new SourceError(`${join(dir, TREE_HEADS_FILE)}: no such file`);
  return {
    eventsText,
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

export function loadEdition(source: string): Promise<EditionFiles> {
  return isUrl(source) ? downloadEdition(source) : readEditionDir(source);
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
