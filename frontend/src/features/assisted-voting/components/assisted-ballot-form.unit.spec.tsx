import { editionRulesSchema } from '@decidimos/contracts/editions/edition';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { anEdition, answer, aProposal, problem, server } from '../../../testing/api';
import { renderWithApp } from '../../../testing/render';
import { AssistedBallotForm } from './assisted-ballot-form';

const edition = anEdition({ phase: 'voting', rules: editionRulesSchema.parse({ ballot: { minSelections: 1 } }) });
const parque = aProposal({ id: 'parque', title: 'Parque Alameda', status: 'on-ballot', cost: 600_000 });
const macroplaza = {
  id: 'mesa-1',
  editionId: edition.id,
  name: 'Mesa Macroplaza',
  address: 'Zuazua y Padre Mier',
  district: 'centro',
  opensAt: '2027-05-10T14:00:00.000Z',
  closesAt: '2027-05-11T02:00:00.000Z',
  assistedBallots: null,
};
let sent: { body: unknown; key: string | null }[];

beforeEach(() => {
  sent = [];
  server.use(
    answer.me({ displayName: 'Oficial', roles: ['poll-officer'], district: null, eligible: false, csrfToken: 'c' }),
    answer.proposals(() => ({ items: [parque], total: 1, page: 1, pageSize: 200, categories: [] })),
    http.get('/api/me/shifts', () =>
      HttpResponse.json({
        items: [
          { booth: { ...macroplaza, id: 'mesa-0', name: 'Mesa de otro día' }, from: 'a', to: 'b', now: false },
          { booth: macroplaza, from: '2027-05-10T14:00:00.000Z', to: '2027-05-10T20:00:00.000Z', now: true },
        ],
      }),
    ),
    http.post('/api/processes/:editionId/assisted-ballots', async ({ request }) => {
      sent.push({ body: await request.json(), key: request.headers.get('idempotency-key') });
      return HttpResponse.json({ receipt: 'r-1', ballotId: 'b-1', leafHash: 'h' }, { status: 201 });
    }),
  );
});

const curp = () => screen.getByLabelText('CURP');
const record = () => userEvent.click(screen.getByRole('button', { name: 'Registrar el voto' }));
async function typeCredential() {
  await userEvent.type(await screen.findByLabelText('CURP'), 'goma900101mnlrrr00');
  await userEvent.type(screen.getByLabelText('Fecha de nacimiento'), '1990-01-01');
  await userEvent.click(await screen.findByRole('checkbox', { name: /Parque Alameda/ }));
}

describe('the poll officer’s form', () => {
  it('starts on the CURP and checks the credential and the ballot’s rules together', async () => {
    renderWithApp(<AssistedBallotForm edition={edition} />);
    await screen.findByLabelText('CURP');
    expect(curp()).toHaveFocus();
    await userEvent.type(curp(), 'goma9001');
    await record();
    expect(curp()).toHaveAccessibleDescription(/La CURP debe tener 18 caracteres/);
    expect(screen.getByLabelText('Fecha de nacimiento')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Debes elegir al menos 1 propuesta.');
    expect(sent).toEqual([]);
  });

  it('offers only the booths where the officer is on shift now', async () => {
    renderWithApp(<AssistedBallotForm edition={edition} />);
    const booth = await screen.findByLabelText('Mesa (tu turno actual)');
    expect([...(booth as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['Mesa Macroplaza (centro)']);
  });

  it('says the sex typed does not match the CURP, on that field', async () => {
    renderWithApp(<AssistedBallotForm edition={edition} />);
    await typeCredential();
    await userEvent.selectOptions(screen.getByLabelText('Sexo (como en la CURP)'), 'H');
    await record();
    expect(screen.getByLabelText('Sexo (como en la CURP)')).toHaveAccessibleDescription(
      'El sexo no coincide con la CURP (carácter 11).',
    );
    expect(sent).toEqual([]);
  });

  it('records the ballot at the booth with the CURP in capitals, then clears the form for the next resident', async () => {
    renderWithApp(<AssistedBallotForm edition={edition} />);
    await typeCredential();
    expect(curp()).toHaveValue('GOMA900101MNLRRR00');
    await userEvent.selectOptions(screen.getByLabelText('Comprobante de domicilio en Monterrey'), 'ine-address');
    await record();
    expect(await screen.findByTestId('assisted-receipt')).toHaveTextContent('r-1');
    expect(sent.map((s) => s.body)).toEqual([
      {
        booth: 'mesa-1',
        credential: { curp: 'GOMA900101MNLRRR00', birthdate: '1990-01-01', residenceProof: 'ine-address' },
        selections: ['parque'],
      },
    ]);
    expect(curp()).toHaveValue('');
    expect(curp()).toHaveFocus();
  });

  it('asks the officer to confirm, with the person present, before replacing a recorded vote', async () => {
    server.use(
      http.post('/api/processes/:editionId/assisted-ballots', async ({ request }) => {
        const body = (await request.json()) as { confirmReplace?: boolean };
        sent.push({ body, key: request.headers.get('idempotency-key') });
        return body.confirmReplace
          ? HttpResponse.json({ receipt: 'r-2', ballotId: 'b-2', leafHash: 'h' }, { status: 200 })
          : problem('WOULD_REPLACE');
      }),
    );
    renderWithApp(<AssistedBallotForm edition={edition} />);
    await typeCredential();
    await record();
    const warning = await screen.findByTestId('would-replace');
    expect(warning).toHaveTextContent('Esta persona ya tiene un voto registrado.');
    await userEvent.click(screen.getByRole('button', { name: 'Lo confirma: reemplazar su voto' }));
    expect(await screen.findByTestId('assisted-receipt')).toHaveTextContent('r-2');
    expect(sent.map((s) => (s.body as { confirmReplace?: boolean }).confirmReplace)).toEqual([undefined, true]);
    expect(sent[1]!.key).not.toBe(sent[0]!.key);
  });
});

describe('the poll officer’s form with a citywide pool', () => {
  const pooled = anEdition({
    phase: 'voting',
    rules: editionRulesSchema.parse({ ballot: { minSelections: 1 } }),
    citywidePool: { id: 'ciudad', name: 'Toda la ciudad', budget: 2_000_000 },
  });
  const ciclovia = aProposal({ id: 'ciclovia', title: 'Ciclovía', district: 'ciudad', status: 'on-ballot' });

  beforeEach(() => {
    server.use(
      answer.proposals((query) => {
        const items = query.get('district') === 'ciudad' ? [ciclovia] : [parque];
        return { items, total: 1, page: 1, pageSize: 200, categories: [] };
      }),
    );
  });

  it('lists both pools, checks the rules in each, and records one ballot with the picks of both', async () => {
    renderWithApp(<AssistedBallotForm edition={pooled} />);
    await typeCredential();
    expect(await screen.findByRole('group', { name: 'Propuestas que elige: Toda la ciudad' })).toBeInTheDocument();
    await record();
    expect(screen.getByRole('alert')).toHaveTextContent('Toda la ciudad: Debes elegir al menos 1 propuesta.');
    expect(sent).toEqual([]);
    await userEvent.click(screen.getByRole('checkbox', { name: /Ciclovía/ }));
    await record();
    expect(await screen.findByTestId('assisted-receipt')).toHaveTextContent('r-1');
    expect(sent.map((s) => (s.body as { selections: string[] }).selections)).toEqual([['parque', 'ciclovia']]);
  });
});
