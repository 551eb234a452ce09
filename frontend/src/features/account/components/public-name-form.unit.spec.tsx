import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { answer, problem, server } from '../../../testing/api';
import { renderApp } from '../../../testing/render';

const resident = {
  displayName: 'María López Garza',
  roles: ['resident'],
  district: 'centro',
  eligible: true,
  csrfToken: 'c',
};

let sent: { method: string; body: unknown }[];

function backend(publicDisplayName: string | null) {
  sent = [];
  server.use(
    answer.me({ ...resident, publicDisplayName }),
    answer.notifications(),
    ...answer.editions(),
    http.put('/api/me/display-name', async ({ request }) => {
      const body = (await request.json()) as { displayName: string };
      sent.push({ method: 'PUT', body });
      return HttpResponse.json({ publicDisplayName: body.displayName });
    }),
    http.delete('/api/me/display-name', () => {
      sent.push({ method: 'DELETE', body: null });
      return new HttpResponse(null, { status: 204 });
    }),
  );
}

const nameField = () => screen.getByLabelText('Nombre público');

describe('my public name, on my account page', () => {
  it('explains where the name shows and that erasing it makes me anonymous at once, and sets it', async () => {
    backend(null);
    renderApp('/account');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mi cuenta' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Mi nombre público' })).toBeInTheDocument();
    expect(screen.getByText(/aparece junto a tus propuestas/)).toHaveTextContent(
      /«Anónimo» en todas partes, de inmediato/,
    );
    expect(screen.getByText('Ahora tus propuestas aparecen como «Anónimo».')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Borrar mi nombre público' })).not.toBeInTheDocument();

    await userEvent.type(nameField(), 'Mary');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar nombre' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Guardamos tu nombre público.');
    expect(sent).toEqual([{ method: 'PUT', body: { displayName: 'Mary' } }]);
    expect(screen.getByText('Ahora tus propuestas muestran: Mary.')).toBeInTheDocument();
  });

  it('refuses an empty name before sending, next to the field', async () => {
    backend(null);
    renderApp('/account');
    await userEvent.click(await screen.findByRole('button', { name: 'Guardar nombre' }, { timeout: 5000 }));
    expect(nameField()).toHaveAttribute('aria-invalid', 'true');
    expect(nameField()).toHaveAccessibleDescription(/Este dato es obligatorio\./);
    expect(sent).toEqual([]);
  });

  it('erases the name only after confirming, by keyboard', async () => {
    backend('María');
    renderApp('/account');
    expect(await screen.findByText('Ahora tus propuestas muestran: María.', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(nameField()).toHaveValue('María');

    screen.getByRole('button', { name: 'Borrar mi nombre público' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('group', { name: /¿Borrar tu nombre\?/ })).toBeInTheDocument();
    expect(sent).toEqual([]);
    screen.getByRole('button', { name: 'Sí, borrarlo' }).focus();
    await userEvent.keyboard('{Enter}');

    expect(await screen.findByText(/Borramos tu nombre público/)).toBeInTheDocument();
    expect(sent).toEqual([{ method: 'DELETE', body: null }]);
    expect(screen.getByText('Ahora tus propuestas aparecen como «Anónimo».')).toBeInTheDocument();
    expect(nameField()).toHaveValue('');
  });

  it('shows a failed erase as a problem and keeps the name', async () => {
    backend('María');
    server.use(http.delete('/api/me/display-name', () => problem('UNAVAILABLE', 'Intenta más tarde')));
    renderApp('/account');
    await userEvent.click(await screen.findByRole('button', { name: 'Borrar mi nombre público' }, { timeout: 5000 }));
    await userEvent.click(screen.getByRole('button', { name: 'Sí, borrarlo' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Intenta más tarde');
    expect(screen.getByText('Ahora tus propuestas muestran: María.')).toBeInTheDocument();
  });

  it('asks to log in first', async () => {
    server.use(answer.me(null), ...answer.editions());
    renderApp('/account');
    expect(
      await screen.findByText('Para ver tu cuenta entra con iD Digital.', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
  });

  it('is one click from the header once logged in', async () => {
    backend(null);
    renderApp('/account');
    expect(await screen.findByRole('link', { name: 'Mi cuenta' }, { timeout: 5000 })).toHaveAttribute(
      'href',
      '/account',
    );
  });
});
