import { parseArgs } from 'node:util';
import { findingMessage } from '../audit/findings';
import { type Verification, editionVerifier } from '../audit/verify';
import { counted } from '../audit/verify-rules';
import { readTreeHeads, streamEdition } from './edition-source';
import { startLeafHasher } from './leaf-hasher';

export const VERIFY_USAGE =
  'decidimos-audit verify EDITION_URL_OR_DIR [--public-key HEX] [--earlier OLD/tree-heads.json ...] [--json] [--lang en|es]';

/** Exit 0 only when every check holds; 1 with the list of findings otherwise. */
export async function verifyCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'public-key': { type: 'string' },
      earlier: { type: 'string', multiple: true, default: [] },
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
    },
  });
  const [source] = positionals;
  const language = findingsLanguage(values.lang, process.env['LANG']);
  if (positionals.length !== 1 || !source || language === null) {
    process.stderr.write(`usage: ${VERIFY_USAGE}\n`);
    return 2;
  }
  const earlierTreeHeads = await Promise.all(values.earlier.map((file) => readTreeHeads(file)));
  const hasher = startLeafHasher();
  let verification: Verification;
  try {
    const verifier = editionVerifier({ leavesHashedElsewhere: hasher !== null });
    const files = await streamEdition(source, (value) => verifier.add(value), hasher?.tap);
    const tree = await hasher?.tree();
    const openings = hasher && files.openingsBytes ? hasher.openings(files.openingsBytes) : null;
    verification = verifier.finish(
      {
        treeHeads: files.treeHeads,
        results: files.results,
        openings: openings?.openings ?? files.openings,
        openingCommitments: openings?.commitments ?? null,
        texts: files.texts,
        publicKey: values['public-key'] ?? null,
        earlierTreeHeads,
      },
      tree,
    );
  } finally {
    await hasher?.close();
  }
  const json = {
    ...verification,
    findings: verification.findings.map((found) => ({ ...found, message: findingMessage(found, language) })),
  };
  process.stdout.write(values.json ? `${JSON.stringify(json, null, 2)}\n` : report(verification, language));
  return verification.ok ? 0 : 1;
}

/** --lang wins; otherwise Spanish when LANG asks for it (es_MX.UTF-8), English by default; null if --lang is neither. */
export function findingsLanguage(flag: string | undefined, lang: string | undefined): 'es' | 'en' | null {
  if (flag !== undefined) return flag === 'es' || flag === 'en' ? flag : null;
  return lang?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function report(verification: Verification, language: 'es' | 'en' = 'en'): string {
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
  if (verification.texts === null) lines.push('texts: not checked (no texts.jsonl)');
  else {
    const { checked, redacted } = verification.texts;
    lines.push(`texts: ${checked} checked against their commitments, ${redacted.length} redacted`);
    for (const text of redacted) lines.push(`  redacted: proposal ${text.proposalId}, ${text.field} (${text.reason})`);
  }
  if (verification.ok) lines.push('OK: every check holds');
  else {
    lines.push(
      `${verification.findings.length} findings:`,
      ...verification.findings.map((f) => `  - [${f.code}] ${findingMessage(f, language)}`),
    );
  }
  return `${lines.join('\n')}\n`;
}
