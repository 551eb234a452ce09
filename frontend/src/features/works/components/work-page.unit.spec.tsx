import { workDetail } from '@decidimos/contracts/api/works';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { anEdition, answer, problem, server } from '../../../testing/api';
import { renderWithApp } from '../../../testing/render';
import { WorkPage } from './work-page';
import { aWorkDetail } from './works-fixtures';

const edition = anEdition({ phase: 'results' });
const implementer = { displayName: 'Obras', roles: ['implementer'], district: null, eligible: false, csrfToken: 'c' };
const resident = { displayName: 'Vecina', roles: [], district: 'centro', eligible: true, csrfToken: 'c' };
const work = aWorkDetail({
  status: 'in_progress',
  progress: 60,
  spent: 350_000,
  department: 'Secretaría de Obras Públicas',
  updatedAt: '2027-11-15T18:00:00.000Z',
  milestones: [{ date: '2027-11-15', title: 'Licitación publicada', description: 'Convocatoria LP-014.' }],
  timeline: [
    {
      id: 'u1',
      at: '2027-07-01T18:00:00.000Z',
      status: 'design',
      progress: null,
      spent: null,
      department: 'Secretaría de Obras Públicas',
      expectedEnd: null,
      milestone: null,
      reason: null,
    },
    {
      id: 'u2',
      at: '2027-11-15T18:00:00.000Z',
      status: 'in_progress',
      progress: 60,
      spent: 350_000,
      department: null,
      expectedEnd: null,
      milestone: { date: '2027-11-15', title: 'Licitación publicada', description: 'Convocatoria LP-014.' },
      reason: null,
    },
  ],
});
const answerWork = (detail = work) =>
  server.use(http.get('/api/works/:workId', () => HttpResponse.json(workDetail.parse(detail))));
const submit = () => userEvent.click(screen.getByRole('button', { name: 'Registrar la actualización' }));

describe('the page of a work', () => {
  it('shows where the work stands, its milestones, and its updates newest first', async () => {
    server.use(answer.me(null));
    answerWork();
    renderWithApp(<WorkPage edition={edition} workId="w1" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Parque Fundidora Norte' })).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Avance de Parque Fundidora Norte' })).toHaveAttribute(
      'aria-valuenow',
      '60',
    );
    expect(screen.getByText('Secretaría de Obras Públicas')).toBeInTheDocument();
    expect(screen.getByTestId('milestones')).toHaveTextContent('15 de noviembre de 2027 · Licitación publicada');
    const updates = within(screen.getByTestId('timeline')).getAllByRole('listitem', { name: '' });
    expect(updates[0]).toHaveTextContent('Estado: En obra');
    expect(updates[0]).toHaveTextContent('Avance: 60 %');
    expect(updates[0]).toHaveTextContent('Ejercido: $350,000');
    expect(updates[0]).toHaveTextContent('Hito: Licitación publicada');
    expect(screen.queryByRole('button', { name: 'Registrar la actualización' })).not.toBeInTheDocument();
  });

  it('offers implementers no form for a resident', async () => {
    server.use(answer.me(resident));
    answerWork();
    renderWithApp(<WorkPage edition={edition} workId="w1" />);
    await screen.findByRole('heading', { level: 1, name: 'Parque Fundidora Norte' });
    expect(screen.queryByRole('heading', { name: 'Registrar una actualización' })).not.toBeInTheDocument();
  });

  it('sends an implementer’s update with only what changed, and shows the work as it now stands', async () => {
    let sent: unknown;
    server.use(
      answer.me(implementer),
      http.post('/api/works/:workId/updates', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(
          workDetail.parse({ ...work, progress: 75, spent: 420_000, updatedAt: '2027-12-01T18:00:00.000Z' }),
          { status: 201 },
        );
      }),
    );
    answerWork();
    renderWithApp(<WorkPage edition={edition} workId="w1" />);
    await userEvent.type(await screen.findByLabelText('Avance en %'), '75');
    await userEvent.type(screen.getByLabelText('Ejercido hasta ahora, en pesos'), '$420,000');
    await userEvent.type(screen.getByLabelText('Fecha del hito'), '2027-12-01');
    await userEvent.type(screen.getByLabelText('Título del hito'), 'Colado de la losa');
    await submit();
    expect(await screen.findByText('Actualización registrada.')).toBeInTheDocument();
    expect(sent).toEqual({
      progress: 75,
      spent: 420_000,
      milestone: { date: '2027-12-01', title: 'Colado de la losa', description: '' },
    });
    expect(screen.getByRole('progressbar', { name: 'Avance de Parque Fundidora Norte' })).toHaveAttribute(
      'aria-valuenow',
      '75',
    );
    expect(screen.getByLabelText('Avance en %')).toHaveValue('');
  });

  it('asks for a change before sending, and checks what is typed with the contract', async () => {
    server.use(answer.me(implementer));
    answerWork();
    renderWithApp(<WorkPage edition={edition} workId="w1" />);
    await screen.findByLabelText('Avance en %');
    await submit();
    expect(await screen.findByText('Cambia al menos un dato o agrega un hito.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Avance en %'), '120');
    await submit();
    expect(screen.getByLabelText('Avance en %')).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows the rule the server refused the update by', async () => {
    server.use(
      answer.me(implementer),
      http.post('/api/works/:workId/updates', () =>
        problem('PROGRESS_DECREASE_NEEDS_REASON', 'El avance baja de 60 % a 40 %: escribe el motivo público.'),
      ),
    );
    answerWork();
    renderWithApp(<WorkPage edition={edition} workId="w1" />);
    await userEvent.type(await screen.findByLabelText('Avance en %'), '40');
    await submit();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Falta el motivo');
    expect(alert).toHaveTextContent('El avance baja de 60 % a 40 %: escribe el motivo público.');
  });

  it('takes no more updates once the work is finished', async () => {
    server.use(answer.me(implementer));
    answerWork(aWorkDetail({ status: 'finished', progress: 100 }));
    renderWithApp(<WorkPage edition={edition} workId="w1" />);
    await screen.findByRole('heading', { level: 1, name: 'Parque Fundidora Norte' });
    expect(screen.queryByLabelText('Avance en %')).not.toBeInTheDocument();
  });
});
