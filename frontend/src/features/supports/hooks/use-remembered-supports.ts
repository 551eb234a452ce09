import { useCallback, useState } from 'react';

// The API has no "my supports" query yet, so this device remembers what the resident
// supported; the server's answer to each support or take-back corrects it.
const storageKey = (editionId: string, who: string) => `decidimos.supports.${editionId}.${who}`;

function read(key: string): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function useRememberedSupports(editionId: string, who: string) {
  const key = storageKey(editionId, who);
  const [supported, setSupported] = useState(() => read(key));
  const remember = useCallback(
    (proposalId: string, isSupported: boolean) => {
      const next = read(key).filter((id) => id !== proposalId);
      if (isSupported) next.push(proposalId);
      try {
        localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // storage disabled: remembered for this visit only
      }
      setSupported(next);
    },
    [key],
  );
  return { supported, remember };
}
