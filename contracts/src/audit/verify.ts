import type { DistrictTally } from '../events/catalog';
import type { TreeHeadsDocument } from './audit-documents';
import { canonicalJson } from './canonical-json';
import { type Finding, finding } from './findings';
import { type HashedLog, type LeafHashing, type LoggedHead, logCheck } from './verify-log';
import type { TextsOutcome } from './verify-texts';
import { type OpeningCommitments, type Recount, districtDifferences, rulesCheck } from './verify-rules';

/** What an auditor holds besides the export: the published tree heads and results, and a key. */
export interface EditionDocuments {
  /** tree-heads.json. */
  treeHeads?: TreeHeadsDocument | null;
  /**
   * openings.jsonl (GET /api/processes/:id/audit/openings), one parsed JSON value per line:
   * published once voting has closed; null or absent before.
   */
  openings?: Iterable<unknown> | null;
  /** The openings' commitments when computed elsewhere (the CLI's second thread); computed here otherwise. */
  openingCommitments?: OpeningCommitments | null;
  /**
   * texts.jsonl (GET /api/processes/:id/audit/texts), one parsed JSON value per line: the
   * proposals' texts and salts, or redaction markers; null or absent: texts not checked.
   */
  texts?: Iterable<unknown> | null;
  /** results.json (GET /api/processes/:id/results). */
  results?: unknown;
  /** Hex public key the auditor trusts, got apart from the export; otherwise the published one. */
  publicKey?: string | null;
  /**
   * tree-heads.json files saved earlier (at a past phase change, say). A head, once signed,
   * never changes: each must still be in the log as it was, or the log was rewritten, even
   * if it was re-signed with the city's own key.
   */
  earlierTreeHeads?: TreeHeadsDocument[];
}

/** What an auditor holds: the export's lines, and optionally the published tree heads and results. */
export interface EditionAudit extends EditionDocuments {
  /** events.jsonl, one parsed JSON value per line. */
  events: Iterable<unknown>;
}

export interface Verification {
  ok: boolean;
  /** Precise disagreements, in the order found; empty when everything holds. */
  findings: Finding[];
  editionId: string | null;
  events: number;
  treeHeads: number;
  ballotsCast: number;
  voters: number;
  /** The re-count, once voting has closed. */
  recount: Recount | null;
  /** The proposals' texts checked against their commitments, and those redacted; null when not given. */
  texts: TextsOutcome | null;
}

/**
 * Checks an edition from its public export alone: signatures and recomputed roots of the
 * tree heads, their consistency, one ballot stream per voter, every ballot valid under the
 * rules, the ballot as assessments and supports make it, and a re-count equal to the
 * TallyComputed event and to the published results. Pure: the CLI and the SPA share it.
 */
export function verifyEdition(audit: EditionAudit): Verification {
  const verifier = editionVerifier();
  for (const line of audit.events) verifier.add(line);
  return verifier.finish(audit);
}

/** An edition verifier fed one line at a time (the CLI as the export streams in, the SPA's worker with progress). */
export interface EditionVerifier {
  add(line: unknown): void;
  /** Lines added so far. */
  readonly checked: number;
  /**
   * Once the whole export is in: the checks that need the published documents, and the
   * verdict. `hashed` is the export's Merkle tree when the leaves were hashed elsewhere.
   */
  finish(documents: EditionDocuments, hashed?: HashedLog): Verification;
}

export function editionVerifier(hashing: LeafHashing = {}): EditionVerifier {
  const findings: Finding[] = [];
  const log = logCheck(findings, hashing);
  const rules = rulesCheck(findings);
  let checked = 0;
  return {
    add(line) {
      checked++;
      const event = log.add(line);
      if (event) rules.add(event);
    },
    get checked() {
      return checked;
    },
    finish(audit, hashed) {
      const logged = log.finish({ treeHeads: audit.treeHeads ?? null, publicKey: audit.publicKey ?? null }, hashed);
      const outcome = rules.finish(
        logged.heads,
        audit.openings ?? null,
        audit.openingCommitments ?? null,
        audit.texts ?? null,
      );
      if (audit.treeHeads && outcome.editionId !== null && audit.treeHeads.editionId !== outcome.editionId) {
        findings.push(
          finding('PUBLISHED_OTHER_EDITION', { published: audit.treeHeads.editionId, edition: outcome.editionId }),
        );
      }
      for (const earlier of audit.earlierTreeHeads ?? []) compareEarlier(logged.heads, earlier, findings);
      if (audit.results !== undefined && audit.results !== null) {
        compareResults(
          audit.results,
          outcome.recount,
          logged.heads.find((h) => h.head.reason === 'phase:counting')?.head,
          findings,
        );
      }
      return {
        ok: findings.length === 0,
        findings,
        editionId: outcome.editionId,
        events: logged.size,
        treeHeads: logged.heads.length,
        ballotsCast: outcome.ballotsCast,
        voters: outcome.voters,
        recount: outcome.recount,
        texts: outcome.texts,
      };
    },
  };
}

function compareEarlier(heads: LoggedHead[], earlier: TreeHeadsDocument, findings: Finding[]): void {
  const inLog = new Map(heads.map((h) => [h.head.treeSize, h]));
  for (const head of earlier.treeHeads) {
    const logged = inLog.get(head.treeSize);
    const name = { size: head.treeSize, reason: head.reason };
    if (!logged) findings.push(finding('EARLIER_HEAD_MISSING', name));
    else if (canonicalJson(logged.head) !== canonicalJson(head))
      findings.push(finding('EARLIER_HEAD_CHANGED', { ...name, head: logged.number }));
  }
}

interface PublishedDistrict {
  id: string;
  budget: number;
  spent: number;
  voters: number;
  proposals: { id: string; votes: number; selected: boolean }[];
}

/** results.json against the re-count: the same numbers, resting on the head signed when voting closed. */
function compareResults(results: unknown, recount: Recount | null, countedHead: unknown, findings: Finding[]): void {
  const published = results as { districts?: PublishedDistrict[]; treeHead?: unknown; ballots?: number };
  if (!Array.isArray(published.districts)) {
    findings.push(finding('RESULTS_MALFORMED'));
    return;
  }
  if (!recount) {
    findings.push(finding('RESULTS_BEFORE_CLOSE'));
    return;
  }
  if (countedHead === undefined || canonicalJson(published.treeHead ?? null) !== canonicalJson(countedHead)) {
    findings.push(finding('RESULTS_WRONG_HEAD'));
  }
  if (published.ballots !== recount.ballots) {
    findings.push(
      finding('BALLOT_COUNT_DIFFERS', {
        source: 'results.json',
        published: String(published.ballots),
        recount: recount.ballots,
      }),
    );
  }
  for (const expected of recount.districts) {
    const district = published.districts.find((d) => d.id === expected.id);
    if (!district) {
      findings.push(finding('DISTRICT_MISSING', { source: 'results.json', district: expected.id }));
      continue;
    }
    findings.push(...districtDifferences('results.json', asTally(district), expected));
  }
}

function asTally(district: PublishedDistrict): DistrictTally {
  return {
    id: district.id,
    budget: district.budget,
    spent: district.spent,
    voters: district.voters,
    selected: district.proposals.filter((p) => p.selected).map((p) => p.id),
    votes: Object.fromEntries(district.proposals.map((p) => [p.id, p.votes])),
  };
}
