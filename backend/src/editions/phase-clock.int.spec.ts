import { THE_CALENDAR } from '@decidimos/contracts';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { Clock } from '../shared/clock';
import { createEdition } from '../testing/fixtures';
import type { Client } from '../testing/test-system';
import { startTwoInstances, type TwoInstances } from '../testing/two-instances';
import { PhaseClock } from './phase-clock';
import { editionStream } from './streams';

let system: TwoInstances;
let admin: Client;

beforeAll(async () => {
  system = await startTwoInstances();
  admin = await system.login('admin');
}, 60_000);
afterEach(() => jest.restoreAllMocks());
afterAll(() => system?.close());

describe('the calendar on two backend instances', () => {
  it('moves a phase on exactly once when both look at the same moment', async () => {
    const [a, b] = system.instances;
    const id = await createEdition(admin, ['proposals']);
    const endsAt = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 86_400_000).toISOString();
    const startsAt = new Date(Date.now() - 86_400_000).toISOString();
    const set = await admin.put(`${a.baseUrl}/api/processes/${id}/calendar`, {
      phases: [{ phase: 'proposals', startsAt, endsAt }],
    });
    expect(set.status).toBe(200);
    await b.caughtUp();
    // Both replicas' clocks reach the end of the phase together.
    for (const instance of [a, b]) jest.spyOn(instance.app.get(Clock), 'now').mockReturnValue(new Date(endsAt));

    const advanced = await Promise.all([a, b].map((instance) => instance.app.get(PhaseClock).advanceDue()));

    expect(advanced.reduce((sum, n) => sum + n, 0)).toBe(1);
    const events = await a.app.get<EventStore>(EVENT_STORE).readStream(editionStream(id));
    const changes = events.filter((event) => event.type === 'EditionPhaseAdvanced').map((event) => event.data);
    expect(changes).toEqual([
      expect.objectContaining({ from: 'draft', to: 'proposals' }),
      { editionId: id, from: 'proposals', to: 'review', by: THE_CALENDAR },
    ]);
    await Promise.all([a.caughtUp(), b.caughtUp()]);
    for (const instance of [a, b]) {
      expect((await admin.get(`${instance.baseUrl}/api/processes/${id}`)).body.phase).toBe('review');
    }
  });
});
