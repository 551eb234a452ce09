/**
 * An export read as JSON Lines: one value per line; a line that is not JSON is kept as a
 * string so the verifier names it. Shared by the CLI and the SPA.
 */
export function parseJsonLines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => !isBlankLine(line))
    .map(parseJsonLine);
}

/** Blank lines are not events: skipped, so a trailing newline or a stray empty line is harmless. */
export function isBlankLine(line: string): boolean {
  return line.trim() === '';
}

/** One line's JSON value, or the line itself when it is not JSON. */
export function parseJsonLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return line;
  }
}
