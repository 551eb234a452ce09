import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { isBlankLine, parseJsonLine } from '../audit/json-lines';

const NEWLINE = 0x0a;

/**
 * An export's values line by line as the bytes arrive (\n or \r\n line ends, UTF-8 split
 * anywhere): a city's export outgrows V8's longest string (about 512 MiB), so it is never
 * held as one string. The same values as `parseJsonLines` over the whole text. Lines are cut
 * at newline bytes, not with node:readline, which also ends a line at U+2028 and U+2029:
 * JSON leaves those unescaped inside strings.
 */
export async function* exportValues(input: Readable): AsyncGenerator<unknown> {
  let pending: Buffer[] = [];
  for await (const chunk of input) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    let start = 0;
    // A newline byte never occurs inside a UTF-8 multi-byte character, so cutting there is safe.
    for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      const line = Buffer.concat([...pending, bytes.subarray(start, end)]).toString('utf8');
      pending = [];
      start = end + 1;
      yield* valueOf(line);
    }
    if (start < bytes.length) pending.push(bytes.subarray(start));
  }
  yield* valueOf(Buffer.concat(pending).toString('utf8'));
}

/** A line's value, without the \r of a \r\n line end; a blank line has none. */
function* valueOf(line: string): Generator<unknown> {
  if (!isBlankLine(line)) yield parseJsonLine(line.replace(/\r$/, ''));
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
