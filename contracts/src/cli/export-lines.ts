import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { isBlankLine, parseJsonLine } from '../audit/json-lines';

const NEWLINE = 0x0a;

/**
 * Hands an export's values to `take` line by line as the bytes arrive (\n or \r\n line ends,
 * UTF-8 split anywhere): a city's export outgrows V8's longest string (about 512 MiB), so it
 * is never held as one string. The same values as `parseJsonLines` over the whole text.
 * Lines are cut at newline bytes, not with node:readline, which also ends a line at U+2028
 * and U+2029: JSON leaves those unescaped inside strings. `take` is called synchronously,
 * a million times for a city: no promise per line.
 */
export async function forEachExportValue(input: AsyncIterable<unknown>, take: (value: unknown) => void): Promise<void> {
  let pending: Buffer[] = [];
  for await (const chunk of input) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    let start = 0;
    // A newline byte never occurs inside a UTF-8 multi-byte character, so cutting there is safe.
    for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      const line =
        pending.length === 0
          ? bytes.toString('utf8', start, end)
          : Buffer.concat([...pending, bytes.subarray(start, end)]).toString('utf8');
      pending = [];
      start = end + 1;
      takeLine(line, take);
    }
    if (start < bytes.length) pending.push(bytes.subarray(start));
  }
  takeLine(Buffer.concat(pending).toString('utf8'), take);
}

/** A line's value, without the \r of a \r\n line end; a blank line has none. */
function takeLine(line: string, take: (value: unknown) => void): void {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (!isBlankLine(text)) take(parseJsonLine(text));
}

/**
 * JSON Lines held as bytes, each line cut, decoded and parsed only as the iteration reaches
 * it, and never kept: the same values, in the same order, as `forEachExportValue` over the
 * same bytes. For a city's million openings, read whole (bytes, not strings) but checked
 * one by one.
 */
export function exportValuesOf(bytes: Buffer): Iterable<unknown> {
  return {
    *[Symbol.iterator]() {
      let start = 0;
      for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
        const value = lineValue(bytes.toString('utf8', start, end));
        start = end + 1;
        if (value !== BLANK) yield value;
      }
      const last = lineValue(bytes.toString('utf8', start));
      if (last !== BLANK) yield last;
    },
  };
}

/** Reads a stream's bytes whole, as one Buffer (a city's openings are far below Buffer's limit). */
export async function bytesOf(input: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

const BLANK: unique symbol = Symbol('blank');

function lineValue(line: string): unknown {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  return isBlankLine(text) ? BLANK : parseJsonLine(text);
}

/** The export as an array of values: for tests and small exports (the verifier takes them as they come). */
export async function readExport(input: Readable): Promise<unknown[]> {
  const values: unknown[] = [];
  await forEachExportValue(input, (value) => values.push(value));
  return values;
}

// 1 MiB reads: a city's 400 MiB export in 400 chunks rather than 6,400 of the default 64 KiB.
const READ_SIZE = 2 ** 20;

/** Opens eagerly so a missing file fails here (ENOENT), not midway through the stream. */
export async function openExportFile(file: string): Promise<Readable> {
  const handle = await open(file);
  return handle.createReadStream({ highWaterMark: READ_SIZE });
}
