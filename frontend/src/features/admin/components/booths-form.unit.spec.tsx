import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { anEdition, answer, problem, server } from '../../../testing/api';
import { renderWithApp } from '../../../testing/render';
import { BoothsSection } from './booths-form';

const edition = anEdition({ phase: 'supports' });
const booth = {
  id: 'mesa-1',
  editionId: edition.id,
  name: 'Mesa Macroplaza',
  address: 'Zuazua y Padre Mier',
  district: 'centro',
  opensAt: '2027-05-10T14:00:00.000Z',
  closesAt: '2027-05-11T02:00:00.000Z',
  assistedBallots: null,
};
let sent: { path: string; body: Record<string, unknown> }[];

beforeEach(() => {
  sent = [];
  server.use(
    answer.me({ displayName: 'Admin', roles: ['admin'], district: null, eligible: false, csrfToken: 'c' }),
    http.get('/api/processes/:editionId/booths', () => HttpResponse.json({ items: [booth] })),
    http.post('/api/processes/:editionId/booths', async ({ request }) => {
      sent.push({ path: new URL(request.url).pathname, body: (await request.json()) as Record<string, unknown> });
      return HttpResponse.json({ id: 'mesa-2' }, { status: 201 });
    }),
    http.post('/api/booths/:boothId/shifts', () => problem('NOT_POLL_OFFICER', 'Solo se pueden asignar turnos…')),
  );
});

describe('the booths section of administration', () => {
  it('defines a booth with its hours as instants', async () => {
    renderWithApp(<BoothsSection editions={[edition]} />);
    // The first render of the file pays for loading the UI's modules: a longer wait, not a slower app.
    expect(await screen.findByRole('heading', { name: 'Mesa Macroplaza' }, { timeout: 5_000 })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Nombre'), 'Mesa Alameda');
    await userEvent.type(screen.getByLabelText('Dirección'), 'Washington y Pino Suárez');
    await userEvent.type(screen.getByLabelText('Abre'), '2027-05-10T08:00');
    await userEvent.type(screen.getByLabelText('Cierra'), '2027-05-10T20:00');
    await userEvent.click(screen.getByRole('button', { name: 'Definir la mesa' }));
    expect(await screen.findByText('Mesa definida.')).toBeInTheDocument();
    expect(sent).toEqual([
      {
        path: `/api/processes/${edition.id}/booths`,
        body: {
          name: 'Mesa Alameda',
          address: 'Washington y Pino Suárez',
          district: 'centro',
          opensAt: new Date('2027-05-10T08:00').toISOString(),
          closesAt: new Date('2027-05-10T20:00').toISOString(),
        },
      },
    ]);
  });

  it('says on the field when a booth would close before it opens, and sends nothing', async () => {
    renderWithApp(<BoothsSection editions={[edition]} />);
    await userEvent.type(screen.getByLabelText('Abre'), '2027-05-10T20:00');
    await userEvent.type(screen.getByLabelText('Cierra'), '2027-05-10T08:00');
    await userEvent.click(screen.getByRole('button', { name: 'Definir la mesa' }));
    expect(screen.getByLabelText('Cierra')).toHaveAccessibleDescription('Una mesa cierra después de abrir.');
    expect(sent).toEqual([]);
  });

  it('shows why a shift was refused', async () => {
    renderWithApp(<BoothsSection editions={[edition]} />);
    const shift = await screen.findByRole('form', { name: 'Turno en Mesa Macroplaza' });
    await userEvent.type(within(shift).getByLabelText(/Cuenta de iD Digital/), 'reviewer');
    await userEvent.type(within(shift).getByLabelText('Desde'), '2027-05-10T08:00');
    await userEvent.type(within(shift).getByLabelText('Hasta'), '2027-05-10T12:00');
    await userEvent.click(within(shift).getByRole('button', { name: 'Asignar el turno' }));
    expect(await within(shift).findByRole('alert')).toHaveTextContent('No es funcionario de mesa');
  });
});
