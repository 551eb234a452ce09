import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * For each test, a store on a file of its own: before it, `open` runs on `fileName` in a
 * fresh temporary directory (and keeps the store where the tests use it); after it, that
 * store is closed and the directory removed. Returns the file's path in the current test,
 * for a second connection to the same file.
 */
export function storePerTest(
  fileName: string,
  open: (file: string) => Promise<{ close(): Promise<void> }>,
): () => string {
  let dir: string;
  let store: { close(): Promise<void> } | undefined;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'decidimos-test-'));
    store = await open(join(dir, fileName));
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    rmSync(dir, { recursive: true, force: true });
  });
  return () => join(dir, fileName);
}
