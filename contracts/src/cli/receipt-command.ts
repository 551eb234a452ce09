import { parseArgs } from 'node:util';
import { receiptProof } from '../audit/audit-documents';
import { checkReceipt } from '../audit/verify-receipt';
import { parseReceipt } from '../events/public-event';

export const RECEIPT_USAGE = 'decidimos-audit receipt RECEIPT --url BASE_URL [--public-key HEX]';

/** Checks that one ballot is in the edition's log: its inclusion proof against a signed tree head. */
export async function receiptCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { url: { type: 'string' }, 'public-key': { type: 'string' } },
  });
  const [receipt] = positionals;
  if (positionals.length !== 1 || !receipt || !values.url) {
    process.stderr.write(`usage: ${RECEIPT_USAGE}\n`);
    return 2;
  }
  const parsed = parseReceipt(receipt);
  if (!parsed) {
    process.stderr.write(`not a receipt: ${receipt} (a receipt is the ballot id and its leaf hash joined by a dot)\n`);
    return 2;
  }
  // Accepts the site's base URL or any URL of its API (an edition URL, say).
  const base = values.url.replace(/\/api(\/.*)?$/, '').replace(/\/+$/, '');
  const response = await fetch(`${base}/api/receipts/${encodeURIComponent(receipt)}`, {
    headers: { accept: 'application/json' },
  });
  if (!response.ok) {
    process.stdout.write(`ballot ${parsed.ballotId}: not found (HTTP ${response.status})\n`);
    return 1;
  }
  const answer = receiptProof.parse(await response.json());
  const findings = checkReceipt(parsed, answer, values['public-key'] ?? answer.publicKey);
  if (findings.length > 0) {
    process.stdout.write(findings.map((f) => `ballot ${parsed.ballotId}: ${f}\n`).join(''));
    return 1;
  }
  const head = answer.treeHead!;
  process.stdout.write(
    `ballot ${parsed.ballotId}: included as event #${answer.leafIndex + 1} of edition ${answer.editionId}, ` +
      `under the tree head of ${head.treeSize} events signed at ${head.reason} (${head.timestamp})` +
      `${answer.current ? '' : '; a later ballot by the same voter replaced it'}\n`,
  );
  return 0;
}
