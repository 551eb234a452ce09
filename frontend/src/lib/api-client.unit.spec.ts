/**
 * @jest-environment node
 */
// Node has fetch and Response as browsers do; jsdom does not.
import { ApiError, NetworkError, api, setCsrfToken, setRequestLanguage } from './api-client';

type Call = { url: string; init: RequestInit };
let calls: Call[];

function answer(status: number, body: unknown, type = 'application/problem+json') {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': type } });
}

beforeEach(() => {
  calls = [];
  setCsrfToken('csrf-1');
  setRequestLanguage('es');
});

function serve(...responses: (Response | Error)[]) {
  global.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const next = responses.shift()!;
    if (next instanceof Error) throw next;
    return next;
  }) as typeof fetch;
}

const header = (call: Call, name: string) => (call.init.headers as Record<string, string>)[name];

describe('the API client', () => {
  it('sends the CSRF token, the idempotency key and the language with a state change', async () => {
    serve(answer(201, { receipt: 'r' }, 'application/json'));
    await api.post('/api/processes/p/ballot', { selections: ['a'] }, { idempotencyKey: 'key-1' });
    expect(header(calls[0]!, 'x-csrf-token')).toBe('csrf-1');
    expect(header(calls[0]!, 'idempotency-key')).toBe('key-1');
    expect(header(calls[0]!, 'accept-language')).toBe('es');
    expect(calls[0]!.init.body).toBe('{"selections":["a"]}');
  });

  it('sends no CSRF token with a read', async () => {
    serve(answer(200, { items: [] }, 'application/json'));
    await api.get('/api/processes', { query: { district: 'centro', q: '', page: 2 } });
    expect(calls[0]!.url).toBe('/api/processes?district=centro&page=2');
    expect(header(calls[0]!, 'x-csrf-token')).toBeUndefined();
  });

  it('reads a JSON Lines answer as text when asked to', async () => {
    const lines = '{"a":1}\n{"b":2}\n';
    serve(new Response(lines, { status: 200, headers: { 'content-type': 'application/jsonl' } }));
    expect(await api.get('/api/processes/p/audit/export', { accept: 'text' })).toBe(lines);
    expect(header(calls[0]!, 'accept')).toContain('application/jsonl');
  });

  it('turns a problem+json answer into an ApiError with its code and field errors', async () => {
    serve(
      answer(400, {
        type: 'about:blank',
        title: 'Datos no válidos',
        status: 400,
        detail: 'Revisa los campos',
        code: 'VALIDATION_FAILED',
        errors: [{ path: 'body.title', message: 'muy corto' }],
      }),
    );
    const error = await api.post('/api/processes/p/proposals', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('VALIDATION_FAILED');
    expect((error as ApiError).fieldErrors()).toEqual({ title: 'muy corto' });
  });

  it('names an answer that is not ours by its status', async () => {
    serve(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    const error = (await api.get('/api/processes').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('UNAVAILABLE');
  });

  it('reports a request that never got an answer as a NetworkError', async () => {
    serve(new TypeError('Failed to fetch'));
    await expect(api.get('/api/me')).rejects.toBeInstanceOf(NetworkError);
  });
});
