import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { FastifyRequest } from 'fastify';
import { toProblem } from './problem.filter';

/** The error node:sqlite throws when another connection holds the file's write lock past the busy timeout. */
function busyError(): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'decidimos-busy-'));
  const holder = new DatabaseSync(join(dir, 'store.sqlite'), { timeout: 1 });
  const waiter = new DatabaseSync(join(dir, 'store.sqlite'), { timeout: 1 });
  try {
    holder.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (x)');
    holder.exec('BEGIN IMMEDIATE');
    waiter.exec('BEGIN IMMEDIATE');
    throw new Error('the second writer got the lock');
  } catch (error) {
    return error;
  } finally {
    holder.close();
    waiter.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const request = (language: string) =>
  ({ method: 'POST', url: '/api/processes/p/ballot?x=1', headers: { 'accept-language': language } }) as FastifyRequest;

describe('a store too busy to answer in time', () => {
  it('is a 503 the client may retry, in the caller’s language, not a 500', () => {
    const error = busyError();
    expect(error).toMatchObject({ code: 'ERR_SQLITE_ERROR', errcode: 5 });

    expect(toProblem(error, request('en'))).toMatchObject({
      status: 503,
      code: 'UNAVAILABLE',
      title: 'Service unavailable',
    });
    expect(toProblem(error, request('es-MX'))).toMatchObject({ status: 503, code: 'UNAVAILABLE' });
  });

  it('leaves any other store error a 500 with a reference', () => {
    const other = Object.assign(new Error('disk I/O error'), { code: 'ERR_SQLITE_ERROR', errcode: 10 });

    expect(toProblem(other, request('en'))).toMatchObject({ status: 500, code: 'INTERNAL' });
  });
});
