import { useCallback, useEffect, useRef, useState } from 'react';
import { newIdempotencyKey } from '../../../lib/api-client';

/** A ballot being built, kept on this device so that a reload or a dropped connection loses nothing. */
export interface BallotDraft {
  selection: string[];
  /** Sent with the cast; a new one after each successful cast. */
  idempotencyKey: string;
}

export const draftStorageKey = (editionId: string) => `decidimos.ballot-draft.${editionId}`;

export function readDraft(editionId: string): BallotDraft | null {
  try {
    const raw = localStorage.getItem(draftStorageKey(editionId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<BallotDraft>;
    if (!Array.isArray(parsed.selection) || typeof parsed.idempotencyKey !== 'string') return null;
    return {
      selection: parsed.selection.filter((id): id is string => typeof id === 'string'),
      idempotencyKey: parsed.idempotencyKey,
    };
  } catch {
    return null;
  }
}

function writeDraft(editionId: string, draft: BallotDraft): void {
  try {
    localStorage.setItem(draftStorageKey(editionId), JSON.stringify(draft));
  } catch {
    // storage full or disabled: the draft still lives for this visit
  }
}

/**
 * The draft of `editionId`. Without a saved draft it starts from `initialSelection`
 * (the ballot already cast, when changing it).
 */
export function useBallotDraft(editionId: string, initialSelection: readonly string[] = []) {
  const [draft, setDraft] = useState<BallotDraft>(
    () => readDraft(editionId) ?? { selection: [...initialSelection], idempotencyKey: newIdempotencyKey() },
  );
  // Only what the resident changed is kept: a ballot already cast needs no copy on a shared device.
  const changed = useRef(false);

  useEffect(() => {
    if (changed.current) writeDraft(editionId, draft);
  }, [editionId, draft]);

  const toggle = useCallback((proposalId: string) => {
    changed.current = true;
    setDraft((current) => {
      const selection = current.selection.includes(proposalId)
        ? current.selection.filter((id) => id !== proposalId)
        : [...current.selection, proposalId];
      return { ...current, selection };
    });
  }, []);

  /** After a successful cast: the draft is spent, and a later change is a new request. */
  const settle = useCallback(
    (castSelection: string[]) => {
      changed.current = false;
      setDraft({ selection: castSelection, idempotencyKey: newIdempotencyKey() });
      try {
        localStorage.removeItem(draftStorageKey(editionId));
      } catch {
        // nothing stored
      }
    },
    [editionId],
  );

  return { selection: draft.selection, idempotencyKey: draft.idempotencyKey, toggle, settle };
}
