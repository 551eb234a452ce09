/**
 * The `;`-separated tables of a pabulib file. Fields may be quoted, with `""` standing for
 * one quote and `;` or line breaks allowed inside. Line ends may be CRLF, LF or CR.
 * Unquoted fields are trimmed; quoted ones are kept as written.
 */
export class PabulibFormatError extends Error {
  override name = 'PabulibFormatError';
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}

export interface Row {
  fields: string[];
  /** 1-based line where the row starts, for error messages. */
  line: number;
}

interface Cursor {
  text: string;
  at: number;
  line: number;
}

function atLineEnd(cursor: Cursor): boolean {
  const char = cursor.text[cursor.at];
  return char === '\n' || char === '\r';
}

function skipLineEnd(cursor: Cursor): void {
  if (cursor.text[cursor.at] === '\r' && cursor.text[cursor.at + 1] === '\n') cursor.at += 1;
  cursor.at += 1;
  cursor.line += 1;
}

function readQuoted(cursor: Cursor): string {
  const { text, line } = cursor;
  let value = '';
  cursor.at += 1;
  for (;;) {
    const close = text.indexOf('"', cursor.at);
    if (close < 0) throw new PabulibFormatError('a quoted field is never closed', line);
    const chunk = text.slice(cursor.at, close);
    cursor.line += countLineBreaks(chunk);
    value += chunk;
    cursor.at = close + 1;
    if (text[cursor.at] !== '"') break;
    value += '"';
    cursor.at += 1;
  }
  // Like Python's csv module, text between the closing quote and the separator is kept.
  return value + readUnquoted(cursor, false);
}

function countLineBreaks(chunk: string): number {
  return chunk.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function readUnquoted(cursor: Cursor, trim: boolean): string {
  const start = cursor.at;
  while (cursor.at < cursor.text.length && cursor.text[cursor.at] !== ';' && !atLineEnd(cursor)) cursor.at += 1;
  const value = cursor.text.slice(start, cursor.at);
  return trim ? value.trim() : value;
}

function readRow(cursor: Cursor): string[] {
  const fields: string[] = [];
  for (;;) {
    fields.push(cursor.text[cursor.at] === '"' ? readQuoted(cursor) : readUnquoted(cursor, true));
    if (cursor.text[cursor.at] !== ';') return fields;
    cursor.at += 1;
  }
}

/** Splits the text into rows, skipping blank lines. */
export function readRows(text: string): Row[] {
  const cursor: Cursor = { text: text.startsWith('\uFEFF') ? text.slice(1) : text, at: 0, line: 1 };
  const rows: Row[] = [];
  while (cursor.at < cursor.text.length) {
    const line = cursor.line;
    const fields = readRow(cursor);
    if (cursor.at < cursor.text.length) skipLineEnd(cursor);
    if (fields.length > 1 || fields[0] !== '') rows.push({ fields, line });
  }
  return rows;
}

function needsQuotes(value: string): boolean {
  return /[;"\r\n]/.test(value) || value !== value.trim() || value.startsWith('"');
}

export function writeField(value: string): string {
  return needsQuotes(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function writeRow(fields: string[]): string {
  return fields.map(writeField).join(';');
}
