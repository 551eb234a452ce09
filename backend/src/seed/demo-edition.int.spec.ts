import { startTestSystem, type TestSystem } from '../testing/test-system';
import { seedDemoEdition } from './demo-edition';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system.close());

describe('the demo edition', () => {
  it('shows its authors under display names kept in their profiles, never in the log', async () => {
    const id = (await seedDemoEdition(system.app))!;

    const listed = await system.anonymous.get(`/api/processes/${id}/proposals?pageSize=200`);
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBeGreaterThan(0);
    for (const proposal of listed.body.items as { district: string; authorDisplayName: string | null }[])
      expect(proposal.authorDisplayName).toBe(`Vecina/o de ${proposal.district}`);
    // Besides its districts, the demo has a citywide pool with proposals of its own.
    expect((await system.anonymous.get(`/api/processes/${id}`)).body.citywidePool).toMatchObject({ id: 'ciudad' });
    expect(listed.body.items.some((p: { district: string }) => p.district === 'ciudad')).toBe(true);
    const exported = await system.anonymous.get(`/api/processes/${id}/audit/export`);
    expect(exported.status).toBe(200);
    expect(exported.body).not.toContain('Vecina/o');
  });
});
