import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { finding } from '../audit/findings';
import { parseJsonLines } from '../audit/json-lines';
import { verifyEdition } from '../audit/verify';
import { openExportFile, readExport } from './export-lines';

/** The bytes of `text` as a stream cut at the given offsets, as a file or a socket delivers them. */
function chunked(text: string, cuts: number[]): Readable {
  const bytes = Buffer.from(text, 'utf8');
  const edges = [0, ...[...new Set(cuts)].filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b), bytes.length];
  return Readable.from(edges.slice(1).map((end, i) => bytes.subarray(edges[i], end)));
}

describe('reading an export as a stream of lines', () => {
  it('joins a line cut across chunks, even inside a multi-byte character', async () => {
    const text = '{"title":"Banquetas en Niños Héroes"}\n{"b":2}\n';
    const insideEnye = Buffer.from('{"title":"Banquetas en Ni', 'utf8').length + 1;
    expect(await readExport(chunked(text, [3, insideEnye, 40]))).toEqual([
      { title: 'Banquetas en Niños Héroes' },
      { b: 2 },
    ]);
  });

  it('takes \\r\\n line ends, even with the \\r and the \\n in different chunks', async () => {
    const text = '{"a":1}\r\n{"b":2}\r\n';
    expect(await readExport(chunked(text, [text.indexOf('\r') + 1]))).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('keeps a last line that has no newline', async () => {
    expect(await readExport(chunked('{"a":1}\n{"b":2}', [10]))).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('skips empty and blank lines', async () => {
    expect(await readExport(chunked('\n{"a":1}\n\n  \n{"b":2}\n\n', [1, 9]))).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('keeps a broken line as its text, in its place, so the verifier names it by its line number', async () => {
    const values = await readExport(chunked('{"a":1}\r\nnot json\r\n{"b":2}\n', [12]));
    expect(values).toEqual([{ a: 1 }, 'not json', { b: 2 }]);
    expect(verifyEdition({ events: values }).findings).toContainEqual(finding('EVENT_NOT_OBJECT', { line: 2 }));
  });

  it('keeps U+2028 and U+2029 inside a line, where JSON leaves them unescaped in strings', async () => {
    const text = `${JSON.stringify({ title: 'a\u2028b\u2029c' })}\n{"b":2}\n`;
    expect(await readExport(chunked(text, [5]))).toEqual([{ title: 'a\u2028b\u2029c' }, { b: 2 }]);
  });

  it('reads the same values as parsing the whole text, wherever the chunks are cut', async () => {
    const line = fc.oneof(
      fc.json().filter((json) => !json.includes('\n')),
      fc.string({ unit: 'grapheme' }).filter((s) => !/[\r\n]/.test(s)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line), fc.array(fc.nat()), async (lines, cuts) => {
        const text = lines.join('\n');
        const length = Buffer.byteLength(text);
        expect(
          await readExport(
            chunked(
              text,
              cuts.map((c) => c % (length + 1)),
            ),
          ),
        ).toEqual(parseJsonLines(text));
      }),
    );
  });

  it('fails on a missing file when opening it, before any line is read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'export-lines-'));
    try {
      await expect(openExportFile(path.join(dir, 'events.jsonl'))).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
