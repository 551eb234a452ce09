import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { toHex } from '../audit/encoding';
import { eventLeafHash } from '../audit/event-leaf';
import { MerkleTree } from '../audit/merkle-tree';
import { generateSigningKey, keyId, signTreeHead } from '../audit/tree-head';
import { editionRulesSchema } from '../editions/edition';
import { type EventType, SCHEMA_VERSIONS } from '../events/catalog';
import { textCommitment } from '../proposals/text-commitment';
import type { PublicEvent } from '../events/public-event';
import { writePabulib } from '../pabulib/pabulib';

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const bin = path.join(repoRoot, 'contracts', 'bin', 'decidimos-audit.js');

/** The real command as an auditor runs it: the built bin, in its own Node process (LANG as given, or English). */
async function audit(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return auditIn('en_US.UTF-8', ...args);
}

async function auditIn(lang: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, LANG: lang } });
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

/**
 * A small edition as the backend logs it: drafted, opened for proposals, one proposal, and the
 * head signed for the phase change, with its tree-heads document.
 */
function smallEdition(): { lines: string[]; treeHeads: object; texts: string[] } {
  const key = generateSigningKey();
  const tree = new MerkleTree();
  const events: PublicEvent[] = [];
  const record = (stream: string, type: string, data: Record<string, unknown>) => {
    const event: PublicEvent = {
      id: `00000000-0000-4000-8000-${String(events.length).padStart(12, '0')}`,
      type,
      schemaVersion: SCHEMA_VERSIONS[type as EventType],
      stream: `${stream}-pp-2027`,
      revision: events.filter((e) => e.stream === `${stream}-pp-2027`).length,
      recordedAt: new Date(Date.UTC(2027, 0, 1, 0, events.length)).toISOString(),
      data: { editionId: 'pp-2027', ...data },
    };
    events.push(event);
    tree.append(eventLeafHash(event));
  };
  const admin = toHex(eventLeafHash('admin'));
  record('edition', 'EditionDrafted', {
    title: 'Presupuesto Participativo 2027',
    description: '',
    districts: [{ id: 'centro', name: 'Centro', budget: 1000 }],
    rules: editionRulesSchema.parse({}),
    calendar: {},
    createdBy: admin,
  });
  record('edition', 'EditionPhaseAdvanced', { from: 'draft', to: 'proposals', by: admin });
  const head = signTreeHead(
    {
      editionId: 'pp-2027',
      treeSize: tree.size,
      rootHash: toHex(tree.root()),
      timestamp: events[1]!.recordedAt,
      reason: 'phase:proposals',
    },
    key.privateKey,
  );
  record('audit', 'TreeHeadSigned', { ...head, publicKey: key.publicKey });
  const salt = toHex(eventLeafHash('salt'));
  const title = { proposalId: 'banquetas', field: 'title' as const, salt, text: 'Banquetas en Niños Héroes' };
  const description = { proposalId: 'banquetas', field: 'description' as const, salt, text: 'Llamen al 81 5555 1234' };
  record('proposal-banquetas', 'ProposalSubmitted', {
    proposalId: 'banquetas',
    author: toHex(eventLeafHash('author')),
    texts: { title: textCommitment(title), description: textCommitment(description), location: null },
    district: 'centro',
    estimatedCost: 400,
    category: null,
  });
  const submitted = events[events.length - 1]!.id;
  record('moderation-banquetas', 'ProposalRedacted', {
    proposalId: 'banquetas',
    reason: 'Publica un teléfono',
    by: admin,
    fields: ['description'],
  });
  const line = (text: typeof title) => ({
    proposalId: text.proposalId,
    field: text.field,
    event: submitted,
    commitment: textCommitment(text),
  });
  return {
    texts: [
      JSON.stringify({ ...line(title), text: title.text, salt }),
      JSON.stringify({ ...line(description), redacted: { reason: 'Publica un teléfono' } }),
    ],
    lines: events.map((event) => JSON.stringify(event)),
    treeHeads: {
      editionId: 'pp-2027',
      publicKey: key.publicKey,
      keyId: keyId(key.publicKey),
      treeHeads: [head],
      consistency: [],
    },
  };
}

describe('decidimos-audit verify and fetch read the export as a stream', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'decidimos-audit-'));
  const edition = smallEdition();
  const writeEdition = (name: string, exportText: string) => {
    const editionDir = path.join(dir, name);
    mkdirSync(editionDir, { recursive: true });
    writeFileSync(path.join(editionDir, 'events.jsonl'), exportText);
    writeFileSync(path.join(editionDir, 'tree-heads.json'), JSON.stringify(edition.treeHeads));
    return editionDir;
  };
  let server: Server;
  let editionUrl: string;

  beforeAll(async () => {
    execFileSync(path.join(repoRoot, 'node_modules', '.bin', 'tsc'), ['-b', 'contracts'], { cwd: repoRoot });
    // Serves the export in 7-byte writes, so lines (and the ñ and é) arrive cut across chunks.
    server = createServer((request, response) => {
      if (request.url === '/api/processes/pp-2027/audit/export') {
        const bytes = Buffer.from(`${edition.lines.join('\n')}\n`);
        response.writeHead(200, { 'content-type': 'application/jsonl' });
        for (let at = 0; at < bytes.length; at += 7) response.write(bytes.subarray(at, at + 7));
        response.end();
      } else if (request.url === '/api/processes/pp-2027/audit/texts') {
        response.writeHead(200, { 'content-type': 'application/jsonl' }).end(`${edition.texts.join('\n')}\n`);
      } else if (request.url === '/api/processes/pp-2027/audit/tree-heads') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(edition.treeHeads));
      } else {
        response.writeHead(409, { 'content-type': 'application/problem+json' }).end('{}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    editionUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/processes/pp-2027`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes an export with \\r\\n line ends, a blank line and no final newline', async () => {
    const editionDir = writeEdition(
      'crlf',
      `${edition.lines.slice(0, 2).join('\r\n')}\r\n\r\n${edition.lines.slice(2).join('\r\n')}`,
    );
    const result = await audit('verify', editionDir);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      'edition pp-2027: 5 events, 1 signed tree head, 0 ballots cast by 0 voters\n' +
        'texts: not checked (no texts.jsonl)\nOK: every check holds\n',
    );
    expect(result.code).toBe(0);
  });

  it('exits 1 naming a line that is not JSON by its number', async () => {
    const broken = [...edition.lines];
    broken[4] = '{"id": "00000000-0000-4000-8000-000000000004", "type":';
    const result = await audit('verify', writeEdition('broken', `${broken.join('\n')}\n`));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  - [EVENT_NOT_OBJECT] event #5: not a JSON object\n');
  });

  it('words its findings in Spanish when LANG or --lang asks for it, with the same codes and exit code', async () => {
    const broken = [...edition.lines];
    broken[4] = 'no es JSON';
    const editionDir = writeEdition('broken-es', `${broken.join('\n')}\n`);
    const spanish = await auditIn('es_MX.UTF-8', 'verify', editionDir);
    expect(spanish.code).toBe(1);
    expect(spanish.stdout).toContain('  - [EVENT_NOT_OBJECT] evento #5: no es un objeto JSON\n');
    const flag = await auditIn('es_MX.UTF-8', 'verify', editionDir, '--lang', 'en', '--json');
    expect(flag.code).toBe(1);
    expect(JSON.parse(flag.stdout).findings).toEqual([
      { code: 'EVENT_NOT_OBJECT', params: { line: 5 }, message: 'event #5: not a JSON object' },
    ]);
    const unknown = await audit('verify', editionDir, '--lang', 'fr');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('usage: decidimos-audit verify');
  });

  it('verifies a downloaded export and fetch saves it byte for byte', async () => {
    const online = await audit('verify', editionUrl);
    expect(online.stdout).toContain('edition pp-2027: 5 events, 1 signed tree head');
    expect(online.stdout).toContain(
      'texts: 1 checked against their commitments, 1 redacted\n' +
        '  redacted: proposal banquetas, description (Publica un teléfono)\n',
    );
    expect(online.code).toBe(0);

    const saved = path.join(dir, 'fetched');
    const fetched = await audit('fetch', editionUrl, saved);
    expect(fetched.stdout).toBe(
      `saved 5 events, 1 signed tree heads, 2 proposal texts (no ballot openings: voting has not closed) (results not published yet) in ${saved}\n`,
    );
    expect(fetched.code).toBe(0);
    expect(readFileSync(path.join(saved, 'events.jsonl'), 'utf8')).toBe(`${edition.lines.join('\n')}\n`);
    expect(readFileSync(path.join(saved, 'texts.jsonl'), 'utf8')).toBe(`${edition.texts.join('\n')}\n`);
    const offline = await audit('verify', saved);
    expect(offline.stdout).toContain('texts: 1 checked against their commitments, 1 redacted\n');
    expect(offline.code).toBe(0);
  });

  it('exits 2 when the directory has no export', async () => {
    const empty = path.join(dir, 'empty');
    mkdirSync(empty);
    const result = await audit('verify', empty);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`decidimos-audit verify: ${path.join(empty, 'events.jsonl')}: no such file\n`);
  });
});
