import { moderationQueue } from '@decidimos/contracts/api/moderation';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { anEdition, answer, aProposal, problem, server } from '../../../testing/api';
import { renderWithApp } from '../../../testing/render';
import { ModerationNotice } from './moderation-notice';
import { ModerationQueue } from './moderation-queue';
import { ReportProposal } from './report-proposal';

const resident = {
  displayName: 'Vecina',
  roles: [] as string[],
  district: 'centro',
  eligible: true,
  csrfToken: 'c',
  publicDisplayName: null,
};
const moderator = { ...resident, displayName: 'Moderadora', roles: ['moderator'], district: null, eligible: false };

describe('reporting a proposal', () => {
  it('sends the reason chosen and the details, then thanks the resident', async () => {
    let sent: unknown;
    server.use(
      answer.me(resident),
      http.post('/api/proposals/:id/reports', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ id: 'r1' }, { status: 201 });
      }),
    );
    renderWithApp(<ReportProposal proposal={aProposal({ id: 'p1' })} me={resident} />);
    await userEvent.click(screen.getByRole('button', { name: 'Reportar esta propuesta' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Contenido ofensivo o discriminatorio' }));
    await userEvent.type(screen.getByLabelText('Detalles (opcional)'), 'Insulta a los vecinos.');
    await userEvent.click(screen.getByRole('button', { name: 'Enviar el reporte' }));
    expect(await screen.findByText('Gracias: moderación revisará tu reporte.')).toBeInTheDocument();
    expect(sent).toEqual({ reason: 'offensive', details: 'Insulta a los vecinos.' });
  });

  it('says why when the resident already has an open report', async () => {
    server.use(
      answer.me(resident),
      http.post('/api/proposals/:id/reports', () => problem('ALREADY_REPORTED', 'Ya tienes un reporte abierto.')),
    );
    renderWithApp(<ReportProposal proposal={aProposal({ id: 'p1' })} me={resident} />);
    await userEvent.click(screen.getByRole('button', { name: 'Reportar esta propuesta' }));
    await userEvent.click(screen.getByRole('button', { name: 'Enviar el reporte' }));
    expect(await screen.findByText(/Ya tienes un reporte abierto/)).toBeInTheDocument();
  });

  it('is not offered to someone logged out, nor on a hidden proposal', () => {
    const hidden = aProposal({
      moderation: { hidden: { reason: 'Ofensiva', at: '2027-02-02T00:00:00Z' }, redactions: [] },
    });
    const { container } = renderWithApp(
      <>
        <ReportProposal proposal={aProposal()} me={null} />
        <ReportProposal proposal={hidden} me={resident} />
      </>,
    );
    expect(container).toBeEmptyDOMElement();
  });
});

describe('the notice on a moderated proposal', () => {
  it('says it was hidden and which texts were erased, with the public reasons', () => {
    renderWithApp(
      <ModerationNotice
        proposal={aProposal({
          moderation: {
            hidden: { reason: 'Duplica otra propuesta.', at: '2027-02-02T00:00:00Z' },
            redactions: [
              { fields: ['title', 'description'], reason: 'Publica un teléfono.', at: '2027-02-01T00:00:00Z' },
            ],
          },
        })}
      />,
    );
    expect(screen.getByText('Moderación ocultó esta propuesta')).toBeInTheDocument();
    expect(screen.getByText(/Motivo público: Duplica otra propuesta\./)).toBeInTheDocument();
    expect(screen.getByText('Título, Descripción: Publica un teléfono.')).toBeInTheDocument();
  });
});

describe("the moderators' queue", () => {
  const queue = moderationQueue.parse({
    total: 1,
    items: [
      {
        proposal: aProposal({ id: 'p1', title: 'Parque con teléfono' }),
        reports: [
          { id: 'r1', reason: 'personal-data', details: 'Trae un número de celular.', at: '2027-02-01T00:00:00Z' },
        ],
      },
    ],
  });

  it('shows each report with its details, and hides with a public reason once it is long enough', async () => {
    let sent: unknown;
    server.use(
      answer.me(moderator),
      http.get('/api/processes/:id/moderation-queue', () => HttpResponse.json(queue)),
      http.post('/api/proposals/:id/hide', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(aProposal({ id: 'p1', title: 'Parque con teléfono' }));
      }),
    );
    renderWithApp(<ModerationQueue edition={anEdition()} />);
    const item = await screen.findByRole('article', { name: 'Parque con teléfono' });
    expect(within(item).getByText('Trae un número de celular.')).toBeInTheDocument();
    await userEvent.click(within(item).getByRole('button', { name: 'Ocultar' }));
    expect(within(item).getByLabelText('Motivo público de la acción')).toHaveAccessibleDescription(
      /Escribe un motivo de al menos 5 caracteres\./,
    );
    expect(sent).toBeUndefined();
    await userEvent.type(within(item).getByLabelText('Motivo público de la acción'), 'Contenido ofensivo.');
    await userEvent.click(within(item).getByRole('button', { name: 'Ocultar' }));
    expect(await within(item).findByText('Hecho: «Parque con teléfono».')).toBeInTheDocument();
    expect(sent).toEqual({ reason: 'Contenido ofensivo.' });
  });

  it('redacts the fields chosen', async () => {
    let sent: unknown;
    server.use(
      answer.me(moderator),
      http.get('/api/processes/:id/moderation-queue', () => HttpResponse.json(queue)),
      http.post('/api/proposals/:id/redact', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(aProposal({ id: 'p1' }));
      }),
    );
    renderWithApp(<ModerationQueue edition={anEdition()} />);
    const item = await screen.findByRole('article', { name: 'Parque con teléfono' });
    await userEvent.type(within(item).getByLabelText('Motivo público de la acción'), 'Publica un teléfono.');
    await userEvent.click(within(item).getByRole('checkbox', { name: 'Descripción' }));
    await userEvent.click(within(item).getByRole('button', { name: 'Eliminar el texto elegido' }));
    await within(item).findByText(/Hecho/);
    expect(sent).toEqual({ fields: ['description'], reason: 'Publica un teléfono.' });
  });

  it('dismisses the reports of a proposal that needs no action', async () => {
    let sent: unknown;
    server.use(
      answer.me(moderator),
      http.get('/api/processes/:id/moderation-queue', () => HttpResponse.json(queue)),
      http.post('/api/proposals/:id/dismiss-reports', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(aProposal({ id: 'p1' }));
      }),
    );
    renderWithApp(<ModerationQueue edition={anEdition()} />);
    const item = await screen.findByRole('article', { name: 'Parque con teléfono' });
    await userEvent.type(within(item).getByLabelText('Motivo público de la acción'), 'No infringe las reglas.');
    await userEvent.click(within(item).getByRole('button', { name: 'Descartar los reportes' }));
    await within(item).findByText(/Hecho/);
    expect(sent).toEqual({ reason: 'No infringe las reglas.' });
  });
});
