import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { isBlankLine, parseJsonLine } from '../audit/json-lines';

/**
 * An export's values line by line as the bytes arrive (\n or \r\n line ends, UTF-8 split
 * anywhere): a city's export outgrows V8's longest string (about 512 MiB), so it is never
 * held as one string. The same values as `parseJsonLines` over the whole text.
 */
export async function* exportValues(input: Readable): AsyncGenerator<unknown> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) if (!isBlankLine(line)) yield parseJsonLine(line);
}

/**
 * The export as the verifier's array of values. The verifier keeps every event anyway (rules,
 * re-count and head checks look back over the whole log), so its core stays a pure function
 * of an array the SPA shares; only the one-string step is gone.
 */
export async function readExport(input: Readable): Promise<unknown[]> {
  const values: unknown[] = [];
  for await (const value of exportValues(input)) values.push(value);
  return values;
}

/** Opens eagerly so a missing file fails here (ENOENT), not midway through the stream. */
export async function openExportFile(file: string): Promise<Readable> {
  const handle = await open(file);
  return handle.createReadStream();
}
