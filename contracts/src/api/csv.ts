// CSV of open data: the SPA's downloads and the backend's works.csv.

/** What a spreadsheet may read as the start of a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): always quoted, inner quotes doubled, so commas and line breaks
 * stay in one cell. Text that a spreadsheet would run as a formula (a proposal titled
 * `=HYPERLINK(...)`) gets a leading single quote, as OWASP recommends, so it shows as text.
 * Numbers and booleans are ours, not user input, and stay numbers.
 */
export function csvField(value: string | number | boolean): string {
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return `"${text.replaceAll('"', '""')}"`;
}

/** Rows of fields as CSV text, CRLF after every row (RFC 4180). */
export function csvText(rows: readonly (readonly (string | number | boolean)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
