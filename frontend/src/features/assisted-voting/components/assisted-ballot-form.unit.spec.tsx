import { editionRulesSchema } from '@decidimos/contracts/editions/edition';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { anEdition, answer, aProposal, server } from '../../../testing/api';
import { renderWithApp } from '../../../testing/render';
import { AssistedBallotForm } from './assisted-ballot-form';

const edition = anEdition({ phase: 'voting', rules: editionRulesSchema.parse({ ballot: { minSelections: 1 } }) });
const parque = aProposal({ id: 'parque', title: 'Parque Alameda', status: 'on-ballot', cost: 600_000 });
let sent: unknown[];

beforeEach(() => {
  sent = [];
  server.use(
    answer.me({ displayName: 'Oficial', roles: ['poll-officer'], district: null, eligible: false, csrfToken: 'c' }),
    answer.proposals(() => ({ items: [parque], total: 1, page: 1, pageSize: 200, categories: [] })),
    http.post('/api/processes/:editionId/assisted-ballots', async ({ request }) => {
      sent.push(await request.json());
      return HttpResponse.json({ receipt: 'r-1', ballotId: 'b-1', leafHash: 'h' }, { status: 201 });
    }),
  );
});

const curp = () => screen.getByLabelText('CURP');
const record = () => userEvent.click(screen.getByRole('button', { name: 'Registrar el voto' }));

describe('the poll officer’s form', () => {
  it('starts on the CURP and checks the credential and the ballot’s rules together', async () => {
    renderWithApp(<AssistedBallotForm edition={edition} />);
    expect(curp()).toHaveFocus();
    await userEvent.type(curp(), 'goma9001');
    await record();
    expect(curp()).toHaveAccessibleDescription(/La CURP debe tener 18 caracteres/);
    expect(screen.getByLabelText('Fecha de nacimiento')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Debes elegir al menos 1 propuesta.');
    expect(sent).toEqual([]);
  });

  it('records the ballot with the CURP in capitals, then clears the form for the next resident', async () => {
    renderWithApp(<AssistedBallotForm edition={edition} />);
    await userEvent.type(curp(), 'goma900101mnlrrr09');
    expect(curp()).toHaveValue('GOMA900101MNLRRR09');
    await userEvent.type(screen.getByLabelText('Fecha de nacimiento'), '1990-01-01');
    await userEvent.click(await screen.findByRole('checkbox', { name: /Parque Alameda/ }));
    await record();
    expect(await screen.findByTestId('assisted-receipt')).toHaveTextContent('r-1');
    expect(sent).toEqual([
      {
        credential: { curp: 'GOMA900101MNLRRR09', birthdate: '1990-01-01', district: 'centro' },
        selections: ['parque'],
      },
    ]);
    expect(curp()).toHaveValue('');
    expect(curp()).toHaveFocus();
  });
});
