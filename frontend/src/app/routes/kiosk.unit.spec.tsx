import { screen, within } from '@testing-library/react';
import { anEdition, answer, aProposal, server } from '../../testing/api';
import { renderApp } from '../../testing/render';

const edition = anEdition({ phase: 'voting' });

beforeEach(() => {
  server.use(
    answer.me(null),
    ...answer.editions(edition),
    answer.proposals(() => ({ items: [aProposal()], total: 1, page: 1, pageSize: 20, categories: [] })),
  );
});

describe('kiosk mode', () => {
  it('opens with ?kiosk=1 on an edition’s page instead of its overview', async () => {
    renderApp(`/editions/${edition.id}?kiosk=1`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Vota en esta tableta' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    // The site's own menus are hidden by the kiosk's style sheet, which jsdom does not apply.
    const kiosk = within(screen.getByTestId('kiosk'));
    expect(kiosk.getByRole('link', { name: 'Entrar con iD Digital' }).getAttribute('href')).toContain('prompt=login');
  });

  it('opens with ?kiosk=1 on the site’s address, for the current edition', async () => {
    renderApp('/?kiosk=1');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Vota en esta tableta' }, { timeout: 5000 }),
    ).toBeInTheDocument();
  });
});
