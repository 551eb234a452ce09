import { LRUCache } from 'lru-cache';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Bytes of a download or of part of one, and how many items (lines, leaves) they hold. */
export interface CachedBytes {
  bytes: Buffer;
  items: number;
}

/**
 * Serialised public downloads and parts of them (pages of an edition's audit export,
 * pabulib files of a given log), kept in memory within DOWNLOAD_CACHE_MB, least recently
 * used first out, so repeated downloads cost a copy instead of a read-model scan and a
 * serialisation. 0 keeps nothing.
 */
export class DownloadCache {
  private readonly entries: LRUCache<string, CachedBytes> | null;

  constructor(maxBytes: number) {
    this.entries =
      maxBytes > 0 ? new LRUCache({ maxSize: maxBytes, sizeCalculation: (entry) => entry.bytes.length || 1 }) : null;
  }

  get(key: string): CachedBytes | undefined {
    return this.entries?.get(key);
  }

  set(key: string, entry: CachedBytes): void {
    this.entries?.set(key, entry);
  }
}

/**
 * Sets a download's entity tag and caching headers, and says whether the client's copy is
 * current, in which case the status is already 304 and the caller sends no body.
 */
export function notModified(
  request: FastifyRequest,
  reply: FastifyReply,
  version: { etag: string; final: boolean },
): boolean {
  void reply.header('etag', version.etag).header('cache-control', cacheControl(version.final));
  if (!matchesIfNoneMatch(request, version.etag)) return false;
  void reply.status(304);
  return true;
}

/**
 * Whether the request's If-None-Match names this entity tag, compared weakly as RFC 9110
 * §13.1.2 asks, or is `*`: the client's copy is current and a 304 will do.
 */
function matchesIfNoneMatch(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (typeof header !== 'string') return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/** Caches may keep a download for good once it is final; until then they must check its entity tag. */
function cacheControl(final: boolean): string {
  return final ? 'public, max-age=31536000, immutable' : 'public, no-cache';
}
