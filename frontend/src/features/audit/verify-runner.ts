import { isBlankLine, parseJsonLine, parseJsonLines } from '@decidimos/contracts/audit/json-lines';
import { editionVerifier } from '@decidimos/contracts/audit/verify';
import type { VerifyMessage, VerifyRequest } from './verify-protocol';

/** Events between two progress messages: often enough for a smooth bar, rare enough to cost nothing. */
export const PROGRESS_EVERY = 2_000;

/** The worker's side: verifies and posts what it finds. A plain function, tested without a Worker. */
export function runVerification(
  request: VerifyRequest,
  post: (message: VerifyMessage) => void,
  every = PROGRESS_EVERY,
): void {
  try {
    const lines = request.exportText.split('\n').filter((line) => !isBlankLine(line));
    const total = lines.length;
    const verifier = editionVerifier();
    post({ type: 'progress', checked: 0, total });
    for (const line of lines) {
      verifier.add(parseJsonLine(line));
      if (verifier.checked % every === 0) post({ type: 'progress', checked: verifier.checked, total });
    }
    const openings = request.openingsText === null ? null : parseJsonLines(request.openingsText);
    const texts = request.textsText === null ? null : parseJsonLines(request.textsText);
    const verification = verifier.finish({ treeHeads: request.treeHeads, results: request.results, openings, texts });
    post({ type: 'progress', checked: total, total });
    post({ type: 'done', verification });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
