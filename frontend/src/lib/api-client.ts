// A problem+json answer (RFC 9457) as the backend sends it; `detail` is already in the UI language.
import type { ProblemDetails as Problem } from '@decidimos/contracts/api/schemas';

/** The server answered with an error: what happened is in `problem`. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }

  /** Field errors keyed by the request field (`body.title` → `title`). */
  fieldErrors(): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const { path, message } of this.problem.errors ?? []) {
      const field = path.replace(/^(body|query)\./, '');
      fields[field] ??= message;
    }
    return fields;
  }
}

/** The request never got an answer (offline, server down, connection dropped). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network request failed', { cause });
    this.name = 'NetworkError';
  }
}

let csrfToken: string | null = null;
let language = 'es';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Problems' `detail` comes back in this language (Accept-Language). */
export function setRequestLanguage(next: string): void {
  language = next;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
  idempotencyKey?: string;
  /** 'text' for answers that are not one JSON document (the audit export is JSON Lines). */
  accept?: 'json' | 'text';
}

export function withQuery(path: string, query: RequestOptions['query'] = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** A state-changing request needs the session's CSRF token; fetch it once if the app has not yet. */
async function ensureCsrfToken(): Promise<string | null> {
  if (csrfToken) return csrfToken;
  const response = await fetch('/api/me', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) return null;
  const me = (await response.json()) as { csrfToken?: string };
  csrfToken = me.csrfToken ?? null;
  return csrfToken;
}

async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body = (await response.json().catch(() => null)) as Partial<Problem> | null;
    if (body && typeof body.code === 'string') {
      return new ApiError({
        type: body.type ?? 'about:blank',
        title: body.title ?? response.statusText,
        status: body.status ?? response.status,
        detail: body.detail ?? '',
        code: body.code,
        ...(body.errors ? { errors: body.errors } : {}),
      });
    }
  }
  // Not one of ours (a proxy page, a crashed gateway): name it by status only.
  const code = response.status >= 500 ? 'UNAVAILABLE' : response.status === 404 ? 'NOT_FOUND' : 'INTERNAL';
  return new ApiError({ type: 'about:blank', title: response.statusText, status: response.status, detail: '', code });
}

/** Calls the backend on the same origin with the session cookie; rejects with ApiError or NetworkError. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const accept = options.accept === 'text' ? 'application/jsonl, text/plain' : 'application/json';
  const headers: Record<string, string> = { accept, 'accept-language': language };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(method)) {
    const token = await ensureCsrfToken().catch(() => null);
    if (token) headers['x-csrf-token'] = token;
  }
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (options.accept === 'text' ? await response.text() : await response.json()) as T;
}

/**
 * Answers are typed with the contracts' schemas but not parsed at run time: zod would
 * double the JavaScript a phone downloads before the first page. Forms, which load with
 * their own routes, validate what people type with those same schemas.
 */
export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body: body ?? {} }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, body: body ?? {} }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};

/** A key that makes a retried state change safe: the server answers a repeat with the first answer. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
