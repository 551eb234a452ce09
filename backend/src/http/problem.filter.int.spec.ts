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

/**
 * SQLITE_BUSY_SNAPSHOT (517), an extended SQLITE_BUSY: a connection whose snapshot another
 * process's commit overtook asks for the write lock. The embedded store's lock wait retries
 * every SQLITE_BUSY, extended or not (sqlite-database.ts), and gives up with the last one.
 */
function busySnapshotError(): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'decidimos-busy-'));
  const reader = new DatabaseSync(join(dir, 'store.sqlite'), { timeout: 1 });
  const other = new DatabaseSync(join(dir, 'store.sqlite'), { timeout: 1 });
  try {
    reader.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (x)');
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM t').get();
    other.exec('INSERT INTO t VALUES (1)');
    reader.exec('INSERT INTO t VALUES (2)');
    throw new Error('the overtaken snapshot got the lock');
  } catch (error) {
    return error;
  } finally {
    reader.close();
    other.close();
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

  it('is a 503 for an extended SQLITE_BUSY too', () => {
    const error = busySnapshotError();
    expect(error).toMatchObject({ code: 'ERR_SQLITE_ERROR', errcode: 517 });

    expect(toProblem(error, request('en'))).toMatchObject({ status: 503, code: 'UNAVAILABLE' });
  });

  it('leaves any other store error a 500 with a reference', () => {
    const other = Object.assign(new Error('disk I/O error'), { code: 'ERR_SQLITE_ERROR', errcode: 10 });

    expect(toProblem(other, request('en'))).toMatchObject({ status: 500, code: 'INTERNAL' });
  });
});
