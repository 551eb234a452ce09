import type { TreeHeadsDocument } from '@decidimos/contracts/audit/audit-documents';
import { editionRulesSchema } from '@decidimos/contracts/editions/edition';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anEdition, answer, requested, server } from '../../../testing/api';
import { EDITION, exportText, PUBLIC_KEY, treeHead } from '../../../testing/audit-fixture';
import { renderWithApp } from '../../../testing/render';
import { createVerifyWorker } from '../create-verify-worker';
import type { VerifyMessage, VerifyWorker } from '../verify-protocol';
import { AuditPanel } from './audit-panel';

/** The audit routes as the page sees them. */
function serve(heads: TreeHeadsDocument, openings: string | null = null) {
  server.use(answer.treeHeads(heads), answer.auditExport(exportText), answer.openings(openings), answer.texts());
}

const edition = anEdition({ id: EDITION, phase: 'voting' });
const document = (treeHeads = [treeHead]): TreeHeadsDocument => ({
  editionId: EDITION,
  publicKey: PUBLIC_KEY,
  keyId: treeHead.keyId,
  treeHeads,
  consistency: [],
});

describe('the audit page', () => {
  it('lists each signed tree head with its signature checked against the published key', async () => {
    serve(document([treeHead, { ...treeHead, treeSize: 8, reason: 'results' }]));
    renderWithApp(<AuditPanel edition={edition} />);
    const rows = await screen.findAllByTestId('tree-head');
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('paso a «Conteo»');
    expect(rows[0]).toHaveTextContent(treeHead.rootHash);
    expect(rows[0]).toHaveTextContent('✓ válida');
    // A head altered after signing (its size here) no longer verifies.
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('resultados fijados');
    expect(rows[1]).toHaveTextContent('✗ NO válida');
    expect(screen.getByText(PUBLIC_KEY)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Descargar el registro (JSON Lines)' })).toHaveAttribute(
      'href',
      `/api/processes/${EDITION}/audit/export`,
    );
  });

  it('runs the verifier on the export and fresh tree heads, and lists each disagreement it finds', async () => {
    serve(document());
    renderWithApp(<AuditPanel edition={edition} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Comprobar en este navegador' }));
    const findings = await screen.findByTestId('findings');
    // The fixture's events are not an edition's (no EditionDrafted, unknown payloads): the verifier says so, in Spanish.
    const items = within(findings).getAllByRole('listitem');
    expect(items.map((item) => item.dataset['code'])).toContain('LOG_NOT_DRAFTED_FIRST');
    expect(findings).toHaveTextContent('el registro no empieza con EditionDrafted');
    expect(findings.closest('[data-state]')).toHaveAttribute('data-state', 'failed');
    expect(screen.getByText(/La comprobación encontró \d+ diferencias?/)).toBeInTheDocument();
    // The openings (sealed: none yet) and the export are read before the heads are read again,
    // and results only once they are published.
    expect(requested.slice(1)).toEqual([
      `/api/processes/${EDITION}/audit/openings`,
      `/api/processes/${EDITION}/audit/export`,
      `/api/processes/${EDITION}/audit/texts`,
      `/api/processes/${EDITION}/audit/tree-heads`,
    ]);
  });

  it('passes the published openings to the verifier once voting has closed', async () => {
    // A log that opens and closes voting with no ballot in it: any opening names an unknown ballot.
    const admin = 'a'.repeat(64);
    const line = (n: number, type: string, data: object) =>
      JSON.stringify({
        id: `00000000-0000-4000-8000-00000000000${n}`,
        type,
        schemaVersion: 1,
        stream: `edition-${EDITION}`,
        revision: n,
        recordedAt: '2027-05-01T12:00:00.000Z',
        data: { editionId: EDITION, ...data },
      });
    const closedLog = [
      line(0, 'EditionDrafted', {
        title: 'PP',
        description: '',
        districts: [{ id: 'centro', name: 'Centro', budget: 1000 }],
        rules: editionRulesSchema.parse({}),
        calendar: {},
        createdBy: admin,
      }),
      line(1, 'EditionPhaseAdvanced', { from: 'supports', to: 'voting', by: admin, ballot: { centro: [] } }),
      line(2, 'EditionPhaseAdvanced', { from: 'voting', to: 'counting', by: admin }),
    ];
    const opening = { ballotId: 'b-1', selections: [], salt: 'ab'.repeat(32) };
    server.use(
      answer.treeHeads(document([])),
      answer.auditExport(`${closedLog.join('\n')}\n`),
      answer.openings(`${JSON.stringify(opening)}\n`),
      answer.texts(),
    );
    renderWithApp(<AuditPanel edition={anEdition({ id: EDITION, phase: 'counting' })} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Comprobar en este navegador' }));
    const findings = await screen.findByTestId('findings');
    const codes = within(findings)
      .getAllByRole('listitem')
      .map((item) => item.dataset['code']);
    expect(codes).toContain('OPENING_UNKNOWN_BALLOT');
    expect(findings).toHaveTextContent('apertura de la boleta b-1: no hay tal boleta en el registro');
  });

  it('shows the events checked of the total while the worker checks, then its verdict', async () => {
    serve(document());
    const worker: VerifyWorker = { onmessage: null, onerror: null, postMessage: jest.fn(), terminate: jest.fn() };
    jest.mocked(createVerifyWorker).mockReturnValueOnce(worker);
    // Messages arrive as tasks of their own; the verdict settles a promise, so act waits for it.
    const tell = (message: VerifyMessage) =>
      act(async () => worker.onmessage?.({ data: message } as MessageEvent<VerifyMessage>));
    renderWithApp(<AuditPanel edition={edition} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Comprobar en este navegador' }));
    await waitFor(() => expect(worker.postMessage).toHaveBeenCalledWith(expect.objectContaining({ exportText })));

    await tell({ type: 'progress', checked: 2000, total: 8000 });
    const bar = screen.getByRole('progressbar', { name: 'Comprobados 2,000 de 8,000 eventos…' });
    expect(bar).toHaveAttribute('value', '2000');
    expect(bar).toHaveAttribute('max', '8000');
    expect(screen.getByRole('button', { name: 'Comprobar en este navegador' })).toBeDisabled();

    await tell({
      type: 'done',
      verification: {
        ok: false,
        findings: [{ code: 'HEAD_ROOT_MISMATCH', params: { head: 3 } }],
        editionId: EDITION,
        events: 8000,
        treeHeads: 3,
        ballotsCast: 7000,
        voters: 6000,
        recount: null,
        texts: null,
      },
    });
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('findings')).getByRole('listitem')).toHaveTextContent(
      'cabeza de árbol 3: la raíz no coincide',
    );
    expect(worker.terminate).toHaveBeenCalled();
  });
});
