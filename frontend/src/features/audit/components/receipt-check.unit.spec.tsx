import type { EditionView } from '@decidimos/contracts/api/schemas';
import { screen } from '@testing-library/react';
import { aProposal, anEdition, answer, problem, requested, server } from '../../../testing/api';
import {
  EDITION,
  includedAnswer,
  otherLeafHash,
  pendingAnswer,
  receipt,
  treeHead,
} from '../../../testing/audit-fixture';
import { renderWithApp } from '../../../testing/render';
import { ReceiptCheck } from './receipt-check';

/** The backend as the page sees it: the receipt route and the edition it belongs to. */
function serve(receiptAnswer: Parameters<typeof answer.receipt>[0], edition: EditionView) {
  server.use(answer.receipt(receiptAnswer), ...answer.editions(edition));
}

const voting = anEdition({ id: EDITION, phase: 'voting', calendar: { counting: '2027-03-01T18:00:00-06:00' } });

async function result() {
  const section = (await screen.findByRole('heading', { level: 2 })).closest('[data-state]');
  return section as HTMLElement;
}

describe('checking a receipt', () => {
  it('says the vote is in the signed record once the proof and the signature check here', async () => {
    serve(includedAnswer(), voting);
    renderWithApp(<ReceiptCheck receipt={receipt} />);
    const section = await result();
    expect(section).toHaveAttribute('data-state', 'verified');
    expect(section).toHaveTextContent('Tu voto está en el registro público');
    expect(section).toHaveTextContent('Tu boleta es la entrada 6 de 7 del registro firmado');
    expect(section).toHaveTextContent('paso a «Conteo»');
    expect(section).toHaveTextContent(`firma Ed25519 de la clave ${treeHead.keyId}`);
    expect(screen.getByRole('link', { name: 'Ver las cabeceras firmadas de la edición' })).toHaveAttribute(
      'href',
      `/editions/${EDITION}/audit`,
    );
    expect(screen.queryByTestId('receipt-replaced')).not.toBeInTheDocument();
  });

  it('says a replaced ballot is recorded but the last one counts', async () => {
    serve(includedAnswer({ current: false, replaced: true }), voting);
    renderWithApp(<ReceiptCheck receipt={receipt} />);
    expect(await result()).toHaveAttribute('data-state', 'verified');
    expect(screen.getByTestId('receipt-replaced')).toHaveTextContent('cuenta la última y esta nunca se abre');
  });

  it('while voting is open, says the ballot is in the log and what it chose stays sealed', async () => {
    serve(includedAnswer(), voting);
    renderWithApp(<ReceiptCheck receipt={receipt} />);
    expect(await result()).toHaveAttribute('data-state', 'verified');
    expect(await screen.findByTestId('receipt-sealed')).toHaveTextContent('permanece sellado');
    expect(screen.queryByTestId('receipt-counted')).not.toBeInTheDocument();
  });

  it('after voting closes, lists the proposals the ballot counted for, by title', async () => {
    const counting = anEdition({ id: EDITION, phase: 'results' });
    serve(includedAnswer({ counted: { selections: ['p1', 'p2'] } }), counting);
    server.use(answer.proposal(aProposal({ id: 'p1', title: 'Parque A' }), aProposal({ id: 'p2', title: 'Cancha C' })));
    renderWithApp(<ReceiptCheck receipt={receipt} />);
    const counted = await screen.findByTestId('receipt-counted');
    expect(counted).toHaveTextContent('Tu boleta contó para:');
    expect(await screen.findByText('Parque A')).toBeInTheDocument();
    expect(await screen.findByText('Cancha C')).toBeInTheDocument();
    expect(screen.queryByTestId('receipt-sealed')).not.toBeInTheDocument();
  });

  it('after voting closes, says a blank ballot counted as blank, in English too', async () => {
    serve(includedAnswer({ counted: { selections: [] } }), anEdition({ id: EDITION, phase: 'results' }));
    renderWithApp(<ReceiptCheck receipt={receipt} />, { language: 'en' });
    expect(await screen.findByTestId('receipt-counted')).toHaveTextContent('counted as a blank ballot');
  });

  it('after voting closes, says a ballot recorded too late did not count', async () => {
    serve(includedAnswer({ current: true }), anEdition({ id: EDITION, phase: 'results' }));
    renderWithApp(<ReceiptCheck receipt={receipt} />);
    expect(await screen.findByTestId('receipt-sealed')).toHaveTextContent('después del cierre de la votación');
  });

  it('during voting, says the vote is recorded and that a signature covers it within the interval the server names', async () => {
    serve(pendingAnswer({ treeHeadIntervalSeconds: 120 }), voting);
    renderWithApp(<ReceiptCheck receipt={receipt} />);
    const section = await result();
    expect(section).toHaveAttribute('data-state', 'pending');
    expect(section).toHaveTextContent('Tu boleta es la entrada 6 del registro de la edición.');
    expect(section).toHaveTextContent('la ciudad firma el registro al menos cada 2 min.');
  });

  it('says what a failed proof means and what to do, with the verifier’s findings', async () => {
    serve(includedAnswer({ leafIndex: 4 }), voting);
    renderWithApp(<ReceiptCheck receipt={receipt} />);
    const section = await result();
    expect(section).toHaveAttribute('data-state', 'failed');
    expect(section).toHaveTextContent('su prueba o su firma no se sostienen');
    expect(section).toHaveTextContent('repórtalo a la Contraloría municipal');
    expect(screen.getByRole('listitem')).toHaveTextContent('the inclusion proof fails');
  });

  it('fails as a mismatch when the recorded ballot differs from the receipt', async () => {
    serve(includedAnswer({ leafHash: otherLeafHash, matches: false }), voting);
    renderWithApp(<ReceiptCheck receipt={receipt} />);
    const section = await result();
    expect(section).toHaveAttribute('data-state', 'failed');
    expect(section).toHaveTextContent('sus huellas no coinciden');
  });

  it('says an unknown receipt was not found, and how to make sure it was copied right', async () => {
    serve(() => problem('NOT_FOUND'), voting);
    renderWithApp(<ReceiptCheck receipt={receipt} />);
    const section = await result();
    expect(section).toHaveAttribute('data-state', 'not-found');
    expect(section).toHaveTextContent('Revisa que lo copiaste completo');
  });

  it('says a malformed receipt in the address is not a receipt, without asking the server', async () => {
    serve(includedAnswer(), voting);
    renderWithApp(<ReceiptCheck receipt="no-es-un-comprobante" />);
    expect(await result()).toHaveAttribute('data-state', 'invalid');
    expect(requested).toEqual([]);
  });

  it('treats the server refusing the receipt as malformed (400) the same way', async () => {
    serve(() => problem('VALIDATION_FAILED'), voting);
    renderWithApp(<ReceiptCheck receipt={receipt} />);
    expect(await result()).toHaveAttribute('data-state', 'invalid');
  });

  it('speaks English when the resident chose it', async () => {
    serve(pendingAnswer(), voting);
    renderWithApp(<ReceiptCheck receipt={receipt} />, { language: 'en' });
    expect(await result()).toHaveTextContent('Your vote is recorded; the signature is still to come');
    expect(await result()).toHaveTextContent('the city signs the record at least every 1 min.');
  });
});
