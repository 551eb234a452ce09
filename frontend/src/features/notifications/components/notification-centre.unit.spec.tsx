import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { answer, server } from '../../../testing/api';
import { renderApp } from '../../../testing/render';

const resident = {
  displayName: 'María López Garza',
  roles: ['resident'],
  district: 'centro',
  eligible: true,
  csrfToken: 'c',
};

const assessed = {
  id: 'n1',
  kind: 'my-proposal' as const,
  subject: 'proposal-assessed' as const,
  params: { editionId: 'pp-2027', proposalId: 'p1', proposalTitle: 'Luminarias', feasible: true, reason: 'Cabe.' },
  createdAt: '2027-03-01T12:00:00.000Z',
  read: false,
};

describe('the notification centre', () => {
  it('shows the unread count on the bell, lists my notices, and marks them read', async () => {
    let unread = 1;
    let marked: unknown = null;
    server.use(
      answer.me(resident),
      ...answer.editions(),
      http.get('/api/me/notifications', () =>
        HttpResponse.json({ items: [{ ...assessed, read: unread === 0 }], unread }),
      ),
      http.post('/api/me/notifications/read', async ({ request }) => {
        marked = await request.json();
        unread = 0;
        return HttpResponse.json({ unread: 0 });
      }),
    );
    renderApp('/notifications');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mis avisos' }, { timeout: 5000 })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Avisos: 1 sin leer' })).toHaveAttribute('href', '/notifications');
    const notice = await screen.findByText(/Tu propuesta «Luminarias» fue evaluada: viable\. Motivo: Cabe\./);
    expect(within(notice).getByText(/sin leer/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Marcar todos como leídos' }));
    expect(marked).toEqual({ all: true });
    expect(await screen.findByRole('link', { name: 'Avisos: 0 sin leer' })).toBeInTheDocument();
  });

  it('opts in by e-mail per kind, in the language chosen', async () => {
    let saved: unknown = null;
    const settings = {
      email: { kinds: [] },
      inApp: { kinds: ['my-proposal'] },
      language: 'es',
      emailAddress: 'maria@correo.example',
    };
    server.use(
      answer.me(resident),
      answer.notifications(),
      ...answer.editions(),
      http.get('/api/me/notification-settings', () => HttpResponse.json(settings)),
      http.put('/api/me/notification-settings', async ({ request }) => {
        saved = await request.json();
        return HttpResponse.json({ ...settings, ...(saved as object) });
      }),
    );
    renderApp('/notifications/settings');
    const email = await screen.findByRole('group', { name: 'Por correo a maria@correo.example' }, { timeout: 5000 });
    await userEvent.click(within(email).getByRole('checkbox', { name: /Mi voto/ }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Idioma de los correos' }), 'en');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(await screen.findByText('Preferencias guardadas.')).toBeInTheDocument();
    expect(saved).toEqual({ email: { kinds: ['my-ballot'] }, inApp: { kinds: ['my-proposal'] }, language: 'en' });
  });
});
