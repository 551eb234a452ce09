import type { Client } from './test-system';

const HOUR = 3_600_000;

/**
 * A booth of `district` open now, with `officer` (an iD subject already holding the
 * poll-officer role) on shift there for the next hour: what an assisted ballot needs.
 */
export async function boothWithShift(admin: Client, editionId: string, district: string, officer: string) {
  const now = Date.now();
  const at = (hours: number) => new Date(now + hours * HOUR).toISOString();
  const booth = await admin.send<{ id: string }>('POST', `/api/processes/${editionId}/booths`, {
    name: `Mesa ${district}`,
    address: 'Zuazua y Padre Mier s/n',
    district,
    opensAt: at(-1),
    closesAt: at(2),
  });
  await admin.send('POST', `/api/booths/${booth.id}/shifts`, { officer, from: at(-1), to: at(2) });
  return booth.id;
}
