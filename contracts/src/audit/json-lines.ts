/**
 * An export read as JSON Lines: one value per line; a line that is not JSON is kept as a
 * string so the verifier names it. Shared by the CLI and the SPA.
 */
export function parseJsonLines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        return line;
      }
    });
}
