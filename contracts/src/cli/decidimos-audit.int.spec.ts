import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { writePabulib } from '../pabulib/pabulib';

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const bin = path.join(repoRoot, 'contracts', 'bin', 'decidimos-audit.js');

/** The real command as an auditor runs it: the built bin, in its own Node process. */
async function audit(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('decidimos-audit count', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'decidimos-audit-'));
  const file = path.join(dir, 'centro.pb');

  beforeAll(() => {
    execFileSync(path.join(repoRoot, 'node_modules', '.bin', 'tsc'), ['-b', 'contracts'], { cwd: repoRoot });
    // Three voters approve a (60) and b (40), one approves c (25): greedy funds a and b,
    // equal shares funds b and c.
    const majority = (voterId: string) => ({ voterId, vote: ['a', 'b'], fields: {} });
    writeFileSync(
      file,
      writePabulib({
        meta: { description: 'Centro', budget: '100', vote_type: 'approval' },
        projects: [
          { id: 'a', cost: 60, fields: {} },
          { id: 'b', cost: 40, fields: {} },
          { id: 'c', cost: 25, fields: {} },
        ],
        votes: [majority('1'), majority('2'), majority('3'), { voterId: '4', vote: ['c'], fields: {} }],
      }),
    );
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the projects greedy selects and their cost as JSON', async () => {
    const result = await audit('count', '--rule', 'greedy', file);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ selected: ['a', 'b'], cost: 100 });
  });

  it('counts equal shares with add1 and cost utility by default', async () => {
    const result = await audit('count', '--rule', 'equal-shares', file);
    expect(JSON.parse(result.stdout)).toEqual({ selected: ['b', 'c'], cost: 65 });
  });

  it('takes the completion and the utility', async () => {
    const result = await audit(
      'count',
      '--rule',
      'equal-shares',
      '--completion',
      'add1-greedy',
      '--utility',
      'cardinality',
      file,
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ selected: ['b', 'c'], cost: 65 });
  });

  it.each([
    [['count', file], '--rule is required'],
    [['count', '--rule', 'median', file], '--rule must be greedy or equal-shares, got "median"'],
    [['count', '--rule', 'greedy', '--utility', 'cost', file], 'apply to --rule equal-shares only'],
    [['count', '--rule', 'greedy'], 'give exactly one .pb file'],
    [['count', '--rule', 'greedy', '--round', 'up', file], "Unknown option '--round'"],
    [['tally'], 'unknown command "tally"'],
    [[], 'usage: decidimos-audit <command>'],
  ])('exits 2 with a message on a usage error: %j', async (args, message) => {
    const result = await audit(...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('usage: decidimos-audit');
  });

  it('exits 1 and says why when the file cannot be counted', async () => {
    const broken = path.join(dir, 'broken.pb');
    writeFileSync(broken, 'META\nkey;value\nbudget;100\nvote_type;ordinal\n');
    const result = await audit('count', '--rule', 'greedy', broken);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('vote_type ordinal is not approval or choose-1');
  });
});
