import { parseArgs } from 'node:util';
import { type Verification, verifyEdition } from '../audit/verify';
import { counted } from '../audit/verify-rules';
import { loadEdition, readTreeHeads } from './edition-source';

export const VERIFY_USAGE =
  'decidimos-audit verify EDITION_URL_OR_DIR [--public-key HEX] [--earlier OLD/tree-heads.json ...] [--json]';

/** Exit 0 only when every check holds; 1 with the list of findings otherwise. */
export async function verifyCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'public-key': { type: 'string' },
      earlier: { type: 'string', multiple: true, default: [] },
      json: { type: 'boolean', default: false },
    },
  });
  const [source] = positionals;
  if (positionals.length !== 1 || !source) {
    process.stderr.write(`usage: ${VERIFY_USAGE}\n`);
    return 2;
  }
  const files = await loadEdition(source);
  const earlierTreeHeads = await Promise.all(values.earlier.map((file) => readTreeHeads(file)));
  const verification = verifyEdition({
    events: files.events,
    treeHeads: files.treeHeads,
    results: files.results,
    publicKey: values['public-key'] ?? null,
    earlierTreeHeads,
  });
  process.stdout.write(values.json ? `${JSON.stringify(verification, null, 2)}\n` : report(verification));
  return verification.ok ? 0 : 1;
}

export function report(verification: Verification): string {
  const lines = [
    `edition ${verification.editionId ?? '(unknown)'}: ${verification.events} events, ` +
      `${counted(verification.treeHeads, 'signed tree head')}, ${counted(verification.ballotsCast, 'ballot')} cast by ${counted(verification.voters, 'voter')}`,
  ];
  for (const district of verification.recount?.districts ?? []) {
    const winners = district.selected.length > 0 ? district.selected.join(', ') : 'none';
    lines.push(
      `re-count ${district.id}: ${winners} (${district.spent} of ${district.budget} pesos, ${counted(district.voters, 'voter')})`,
    );
  }
  if (verification.ok) lines.push('OK: every check holds');
  else lines.push(`${verification.findings.length} findings:`, ...verification.findings.map((f) => `  - ${f}`));
  return `${lines.join('\n')}\n`;
}
