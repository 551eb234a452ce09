import { http, HttpResponse } from 'msw';
import { problem, server } from '../testing/api';
import { ApiError, NetworkError, api, setCsrfToken, setRequestLanguage } from './api-client';

let sent: Request[];

beforeEach(() => {
  sent = [];
  setCsrfToken('csrf-1');
  setRequestLanguage('es');
});

/** Answers every request to `path` with `respond`, keeping each request to look at. */
function serve(path: string, respond: () => Response) {
  server.use(
    http.all(path, ({ request }) => {
      sent.push(request.clone());
      return respond();
    }),
  );
}

describe('the API client', () => {
  it('sends the CSRF token, the idempotency key and the language with a state change', async () => {
    serve('/api/processes/p/ballot', () => HttpResponse.json({ receipt: 'r' }, { status: 201 }));
    await api.post('/api/processes/p/ballot', { selections: ['a'] }, { idempotencyKey: 'key-1' });
    expect(sent[0]!.headers.get('x-csrf-token')).toBe('csrf-1');
    expect(sent[0]!.headers.get('idempotency-key')).toBe('key-1');
    expect(sent[0]!.headers.get('accept-language')).toBe('es');
    expect(await sent[0]!.text()).toBe('{"selections":["a"]}');
  });

  it('sends no CSRF token with a read', async () => {
    serve('/api/processes', () => HttpResponse.json({ items: [] }));
    await api.get('/api/processes', { query: { district: 'centro', q: '', page: 2 } });
    const url = new URL(sent[0]!.url);
    expect(url.pathname + url.search).toBe('/api/processes?district=centro&page=2');
    expect(sent[0]!.headers.get('x-csrf-token')).toBeNull();
  });

  it('reads a JSON Lines answer as text when asked to', async () => {
    const lines = '{"a":1}\n{"b":2}\n';
    serve(
      '/api/processes/p/audit/export',
      () => new HttpResponse(lines, { headers: { 'content-type': 'application/jsonl' } }),
    );
    expect(await api.get('/api/processes/p/audit/export', { accept: 'text' })).toBe(lines);
    expect(sent[0]!.headers.get('accept')).toContain('application/jsonl');
  });

  it('turns a problem+json answer into an ApiError with its code and field errors', async () => {
    serve('/api/processes/p/proposals', () =>
      HttpResponse.json(
        {
          type: 'about:blank',
          title: 'Datos no válidos',
          status: 400,
          detail: 'Revisa los campos',
          code: 'VALIDATION_FAILED',
          errors: [{ path: 'body.title', message: 'muy corto' }],
        },
        { status: 400, headers: { 'content-type': 'application/problem+json' } },
      ),
    );
    const error = await api.post('/api/processes/p/proposals', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('VALIDATION_FAILED');
    expect((error as ApiError).fieldErrors()).toEqual({ title: 'muy corto' });
  });

  it('keeps the status and code of a problem without field errors', async () => {
    serve('/api/proposals/x', () => problem('NOT_FOUND'));
    const error = (await api.get('/api/proposals/x').catch((e: unknown) => e)) as ApiError;
    expect([error.status, error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('names an answer that is not ours by its status', async () => {
    serve(
      '/api/processes',
      () => new HttpResponse('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
    );
    const error = (await api.get('/api/processes').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('UNAVAILABLE');
  });

  it('reports a request that never got an answer as a NetworkError', async () => {
    serve('/api/me', () => HttpResponse.error());
    await expect(api.get('/api/me')).rejects.toBeInstanceOf(NetworkError);
  });
});
