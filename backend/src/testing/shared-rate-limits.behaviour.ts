import type { Client } from './test-system';
import { startTwoInstances, type TwoInstances } from './two-instances';

/**
 * Rate limits hold for the service, not per replica: two instances on the same stores
 * count one client against one allowance, whichever instance each request reaches. The
 * embedded store's spec and the MongoDB one both run it.
 */
export function describeSharedRateLimits(storeName: string, env: () => Record<string, string>): void {
  describe(`rate limits of two backend instances on ${storeName}`, () => {
    let system: TwoInstances;
    let resident: Client;

    beforeAll(async () => {
      system = await startTwoInstances({
        ...env(),
        RATE_LIMIT_WINDOW_SECONDS: '3600',
        RATE_LIMIT_WRITES: '3',
        RATE_LIMIT_DOWNLOADS: '3',
      });
      resident = await system.login('resident-centro-1');
    }, 60_000);
    afterAll(() => system?.close());

    const on = (n: 0 | 1, path: string) => `${system.instances[n].baseUrl}${path}`;

    it("counts an address's downloads on either instance against one allowance", async () => {
      const download = (n: 0 | 1) => resident.get(on(n, '/api/processes/nowhere/audit/export'));
      const answers = [await download(0), await download(1), await download(0), await download(1), await download(0)];

      expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 429, 429]);
      expect(answers[3]!.body).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
      expect(Number(answers[3]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    });

    it("counts a session's writes on either instance against one allowance", async () => {
      const write = (n: 0 | 1) => resident.post(on(n, '/api/processes/nowhere/ballot'), { selections: [] });
      const answers = [await write(1), await write(0), await write(1), await write(0), await write(1)];

      expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 429, 429]);
      expect(answers[4]!.body).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    });
  });
}
