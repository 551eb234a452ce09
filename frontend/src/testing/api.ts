import { PROBLEM_STATUS, type ProblemCode } from '@decidimos/contracts/api/problems';
import {
  editionList,
  editionView,
  meResponse,
  problemDetails,
  proposalList,
  proposalView,
  type EditionView,
  type MeResponse,
  type ProposalView,
} from '@decidimos/contracts/api/schemas';
import {
  receiptProof,
  treeHeadsDocument,
  type ReceiptProof,
  type TreeHeadsDocument,
} from '@decidimos/contracts/audit/audit-documents';
import { editionRulesSchema } from '@decidimos/contracts/editions/edition';
import { notificationsAnswer, type NotificationsAnswer } from '@decidimos/contracts/api/notifications';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { z } from 'zod';

/**
 * The backend as the SPA's specs see it, through MSW: each spec says what the routes it
 * needs answer, and every body goes through the contracts' schema first, so a fixture
 * cannot drift from what the server sends. A request no handler expects fails the test.
 */
export const server = setupServer();

/** Every request the code under test made in this test, as path and query, in order. */
export const requested: string[] = [];
server.events.on('request:start', ({ request }) => {
  const url = new URL(request.url);
  requested.push(url.pathname + url.search);
});

/** A problem+json answer as the backend sends it, its status the one the contracts give `code`. */
export function problem(code: ProblemCode, detail = ''): HttpResponse<z.infer<typeof problemDetails>> {
  const status = PROBLEM_STATUS[code];
  const body = problemDetails.parse({ type: 'about:blank', title: code, status, detail, code });
  return HttpResponse.json(body, { status, headers: { 'content-type': 'application/problem+json' } });
}

export function anEdition(overrides: Partial<EditionView> = {}): EditionView {
  return editionView.parse({
    id: 'pp-2027',
    title: 'Presupuesto Participativo 2027',
    description: '',
    phase: 'proposals',
    districts: [{ id: 'centro', name: 'Centro', budget: 1_000_000 }],
    citywidePool: null,
    rules: editionRulesSchema.parse({}),
    calendar: {},
    calendarPhases: [],
    calendarReason: null,
    phaseHistory: [],
    phaseEndsAt: null,
    createdAt: '2027-01-01T00:00:00.000Z',
    ...overrides,
  });
}

export function aProposal(overrides: Partial<ProposalView> = {}): ProposalView {
  return proposalView.parse({
    id: 'p1',
    editionId: 'pp-2027',
    title: 'Propuesta p1',
    description: 'Una obra pública para las familias del Centro.',
    district: 'centro',
    estimatedCost: 100_000,
    cost: 100_000,
    category: null,
    location: null,
    authorDisplayName: 'Vecina del Centro',
    mine: false,
    status: 'submitted',
    supports: 0,
    votes: null,
    assessment: null,
    history: [],
    submittedAt: '2027-02-01T12:00:00.000Z',
    updatedAt: '2027-02-01T12:00:00.000Z',
    moderation: { hidden: null, redactions: [] },
    ...overrides,
  });
}

/** Handlers for the routes the SPA reads, one per route, answering with contract-checked bodies. */
export const answer = {
  /** GET /api/me: this person (no public name unless given), or 401. */
  me: (me: (Omit<MeResponse, 'publicDisplayName'> & Partial<MeResponse>) | null) =>
    http.get('/api/me', () =>
      me ? HttpResponse.json(meResponse.parse({ publicDisplayName: null, ...me })) : problem('UNAUTHENTICATED'),
    ),

  /** GET /api/processes and /api/processes/:id: these editions, and 404 for any other id. */
  editions: (...editions: EditionView[]) => [
    http.get('/api/processes', () => HttpResponse.json(editionList.parse({ items: editions, total: editions.length }))),
    http.get('/api/processes/:editionId', ({ params }) => {
      const found = editions.find((e) => e.id === params['editionId']);
      return found ? HttpResponse.json(editionView.parse(found)) : problem('NOT_FOUND');
    }),
  ],

  /** GET /api/proposals/:id: these proposals by id, 404 for any other. */
  proposal: (...proposals: ProposalView[]) =>
    http.get('/api/proposals/:proposalId', ({ params }) => {
      const found = proposals.find((p) => p.id === params['proposalId']);
      return found ? HttpResponse.json(proposalView.parse(found)) : problem('NOT_FOUND');
    }),

  /** GET /api/processes/:id/proposals: the page `list` makes of the request's query. */
  proposals: (list: (query: URLSearchParams) => z.input<typeof proposalList>) =>
    http.get('/api/processes/:editionId/proposals', ({ request }) =>
      HttpResponse.json(proposalList.parse(list(new URL(request.url).searchParams))),
    ),

  receipt: (proof: ReceiptProof | (() => Response)) =>
    http.get('/api/receipts/:receipt', () =>
      typeof proof === 'function' ? proof() : HttpResponse.json(receiptProof.parse(proof)),
    ),

  treeHeads: (document: TreeHeadsDocument) =>
    http.get('/api/processes/:editionId/audit/tree-heads', () => HttpResponse.json(treeHeadsDocument.parse(document))),

  /** The openings as JSON Lines once voting has closed; null answers 409 BALLOTS_SEALED, as while voting is open. */
  openings: (lines: string | null) =>
    http.get('/api/processes/:editionId/audit/openings', () =>
      lines === null
        ? problem('BALLOTS_SEALED')
        : new HttpResponse(lines, { headers: { 'content-type': 'application/jsonl' } }),
    ),

  /** GET /api/me/notifications: what the bell counts and the centre lists (none unless given). */
  notifications: (answer: NotificationsAnswer = { items: [], unread: 0 }) =>
    http.get('/api/me/notifications', () => HttpResponse.json(notificationsAnswer.parse(answer))),

  /** The proposals' texts as JSON Lines (none by default). */
  texts: (lines = '') =>
    http.get(
      '/api/processes/:editionId/audit/texts',
      () => new HttpResponse(lines, { headers: { 'content-type': 'application/jsonl' } }),
    ),

  /** The public log as JSON Lines. */
  auditExport: (lines: string) =>
    http.get(
      '/api/processes/:editionId/audit/export',
      () => new HttpResponse(lines, { headers: { 'content-type': 'application/jsonl' } }),
    ),
};
