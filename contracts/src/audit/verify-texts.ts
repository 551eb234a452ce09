import { textCommitment } from '../proposals/text-commitment';
import { type ProposalTextField, type TextLine, textLineSchema } from '../proposals/texts';
import { type Finding, finding } from './findings';

/** A commitment to a proposal's text as the log recorded it. */
interface CommittedText {
  proposalId: string;
  field: ProposalTextField;
  /** The event that recorded it, and its leaf index. */
  event: string;
  index: number;
  seen: boolean;
}

/** A text a moderator erased, as `verify` reports it: not a failure, with the reason the log gives. */
export interface RedactedText {
  proposalId: string;
  field: ProposalTextField;
  reason: string;
}

/** What texts.jsonl showed: how many texts matched their commitments, and which were redacted. */
export interface TextsOutcome {
  checked: number;
  redacted: RedactedText[];
}

/**
 * The proposals' texts against the log: every commitment a ProposalSubmitted or
 * ProposalEdited recorded needs exactly one line of texts.jsonl, either its text and salt
 * (whose textCommitment must be the one recorded) or a redaction marker, which holds only
 * where a later ProposalRedacted of that proposal named that field.
 */
export function textsCheck(findings: Finding[]) {
  const committed = new Map<string, CommittedText>();
  const committingEvents = new Set<string>();
  const redactions = new Map<string, { index: number; reason: string }[]>();
  const key = (proposalId: string, field: string) => `${proposalId}\u0000${field}`;

  return {
    commit(
      event: { id: string; index: number },
      proposalId: string,
      texts: Partial<Record<ProposalTextField, string | null>>,
    ) {
      committingEvents.add(event.id);
      for (const [field, commitment] of Object.entries(texts) as [ProposalTextField, string | null][]) {
        if (commitment)
          committed.set(commitment, { proposalId, field, event: event.id, index: event.index, seen: false });
      }
    },
    redact(event: { index: number }, proposalId: string, fields: ProposalTextField[], reason: string) {
      for (const field of fields) {
        const list = redactions.get(key(proposalId, field)) ?? [];
        list.push({ index: event.index, reason });
        redactions.set(key(proposalId, field), list);
      }
    },
    finish(lines: Iterable<unknown>): TextsOutcome {
      const outcome: TextsOutcome = { checked: 0, redacted: [] };
      let number = 0;
      for (const value of lines) {
        number++;
        const parsed = textLineSchema.safeParse(value);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          findings.push(
            finding('TEXT_MALFORMED', {
              line: number,
              reason: `${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
            }),
          );
          continue;
        }
        checkLine(parsed.data, number, outcome);
      }
      for (const text of committed.values()) {
        if (!text.seen)
          findings.push(finding('TEXT_MISSING', { proposalId: text.proposalId, field: text.field, event: text.event }));
      }
      return outcome;
    },
  };

  function checkLine(line: TextLine, number: number, outcome: TextsOutcome): void {
    const name = { line: number, proposalId: line.proposalId, field: line.field };
    // Recorded after the export was taken: nothing in this log to check it against.
    if (!committingEvents.has(line.event)) return;
    const text = committed.get(line.commitment);
    if (!text || text.event !== line.event || text.proposalId !== line.proposalId || text.field !== line.field) {
      findings.push(finding('TEXT_UNKNOWN', name));
      return;
    }
    if (text.seen) {
      findings.push(finding('TEXT_DUPLICATE', name));
      return;
    }
    text.seen = true;
    if ('redacted' in line) {
      const erasedBy = redactions.get(key(line.proposalId, line.field))?.find((r) => r.index > text.index);
      if (!erasedBy) findings.push(finding('TEXT_REDACTION_UNRECORDED', name));
      else outcome.redacted.push({ proposalId: line.proposalId, field: line.field, reason: erasedBy.reason });
      return;
    }
    if (textCommitment(line) !== line.commitment) findings.push(finding('TEXT_MISMATCH', name));
    else outcome.checked++;
  }
}
