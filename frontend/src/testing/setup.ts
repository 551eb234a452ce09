import '@testing-library/jest-dom';
import { requested, server } from './api';

// jsdom has no Worker (and jest no import.meta): the audit page's verifier runs in-process.
jest.mock('../features/audit/create-verify-worker', () => ({
  createVerifyWorker: jest.fn(() =>
    jest.requireActual<typeof import('./verify-worker')>('./verify-worker').inProcessVerifyWorker(),
  ),
}));

// A request no handler expects fails the test that made it, rather than passing as a
// network error the page happens to handle.
const unexpected: string[] = [];
server.events.on('request:unhandled', ({ request }) => void unexpected.push(`${request.method} ${request.url}`));
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  const made = unexpected.splice(0);
  if (made.length > 0) throw new Error(`requests no handler answered: ${made.join(', ')}`);
});
afterAll(() => server.close());

// Every test starts with an empty device (no draft, no language choice left by another
// test) and an empty list of requests made.
beforeEach(() => {
  requested.length = 0;
  if (typeof window !== 'undefined') localStorage.clear();
});
