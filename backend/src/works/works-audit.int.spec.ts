import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { IntervalTreeHeads } from '../audit/interval-tree-heads';
import { EditionHistory } from '../testing/edition-history';
import { editionBody } from '../testing/fixtures';
import { startTestSystem, type Client, type TestSystem } from '../testing/test-system';

const run = promisify(execFile);
const repoRoot = resolve(__dirname, '..', '..', '..');
const cli = join(repoRoot, 'contracts', 'bin', 'decidimos-audit.js');

async function audit(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [cli, ...args]);
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

let system: TestSystem;
let workDir: string;
let editionUrl: string;
let parque: string;

beforeAll(async () => {
  // The CLI runs from contracts/dist, as `npx decidimos-audit` does: build it first.
  await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'contracts'], { cwd: repoRoot });
  workDir = mkdtempSync(join(tmpdir(), 'decidimos-works-audit-'));
  system = await startTestSystem();
  const admin = await system.login('admin');
  await admin.post('/api/roles/grant', { subject: 'implementer', role: 'implementer' });
  const implementer = await system.login('implementer');
  const history = new EditionHistory(
    system,
    editionBody({
      districts: [{ id: 'centro', name: 'Centro', budget: 1_000_000 }],
      rules: { supports: { enabled: false }, counting: { rule: 'greedy' } },
    }),
  ).advance('proposals');
  parque = history.submit('resident-centro-1', { title: 'Parque A', district: 'centro', estimatedCost: 600_000 });
  history.advance('review').assess(parque, { feasible: true, cost: 600_000, reason: 'Viable: predio municipal.' });
  await history.seed();
  editionUrl = `${system.baseUrl}/api/processes/${history.id}`;
  await admin.post(`${editionUrl}/phase`, { to: 'voting' });
  const voter: Client = await system.login('resident-centro-2');
  expect((await voter.post(`${editionUrl}/ballot`, { selections: [parque] })).status).toBe(201);
  await admin.post(`${editionUrl}/phase`, { to: 'counting' });
  await admin.post(`${editionUrl}/phase`, { to: 'results' });
  const update = async (body: object) =>
    expect((await implementer.post(`/api/works/${parque}/updates`, body)).status).toBe(201);
  await update({ status: 'design', department: 'Secretaría de Obras Públicas' });
  await update({ status: 'in_progress', progress: 60, spent: 400_000 });
  await update({ status: 'finished', progress: 100, spent: 640_000, reason: 'Subió el precio del acero.' });
  // Work updates come after the last phase change: the interval head is what covers them.
  expect(await system.app.get(IntervalTreeHeads).signDue()).toBe(1);
}, 120_000);
afterAll(async () => {
  await system.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('the audit trail of an edition with works', () => {
  it('verifies with `decidimos-audit verify`, work updates and all', async () => {
    const verified = await audit('verify', editionUrl, '--lang', 'en');
    expect(verified.stdout).toContain('OK: every check holds');
    expect(verified.code).toBe(0);
  }, 60_000);

  it('catches a tampered update: the tree heads no longer match, and the rule it now breaks is named', async () => {
    const dir = join(workDir, 'tampered');
    expect((await audit('fetch', editionUrl, dir)).code).toBe(0);
    const file = join(dir, 'events.jsonl');
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const target = lines.findIndex((line) => line.includes('"WorkUpdated"') && line.includes('"finished"'));
    expect(target).toBeGreaterThan(0);
    // The spending beyond the awarded budget loses its public reason.
    const event = JSON.parse(lines[target]!) as { id: string; data: Record<string, unknown> };
    delete event.data['reason'];
    lines[target] = JSON.stringify(event);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const verified = await audit('verify', dir, '--lang', 'en');
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain('[HEAD_ROOT_MISMATCH]');
    expect(verified.stdout).toContain(
      `[WORK_UPDATE_BREAKS_RULE] event ${event.id}: an update of work ${parque} that breaks the rule OVERSPEND_NEEDS_REASON`,
    );
  }, 60_000);
});
