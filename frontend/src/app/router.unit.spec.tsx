import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anEdition, answer, aProposal, requested, server } from '../testing/api';
import { renderApp } from '../testing/render';

const edition = anEdition({ phase: 'proposals' });
const proposal = aProposal({ id: 'p1', editionId: edition.id, title: 'Parque Alameda' });

beforeEach(() => {
  server.use(
    answer.me(null),
    ...answer.editions(edition),
    answer.proposal(proposal),
    answer.proposals(() => ({ items: [proposal], total: 1, page: 1, pageSize: 20, categories: [] })),
  );
});

const editionReads = () => requested.filter((path) => path === `/api/processes/${edition.id}`);

describe('the pages of an edition', () => {
  it('load the edition once in the parent route and share it between its pages', async () => {
    renderApp(`/editions/${edition.id}/proposals`);
    // The first page of the suite loads (and compiles) its route's lazy module: more than findBy's default second.
    expect(await screen.findByRole('heading', { level: 1, name: 'Propuestas' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText(edition.title, { selector: '.lead' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: 'Presentar una propuesta' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Presentar una propuesta' })).toBeInTheDocument();
    expect(editionReads()).toHaveLength(1);
  });

  it('say once, under the site’s menus, that an edition does not exist, with a retry', async () => {
    renderApp('/editions/no-such-edition/audit');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('No encontrado');
    expect(within(alert).getByRole('button', { name: 'Intentar de nuevo' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Menú principal' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1, name: 'Auditoría' })).not.toBeInTheDocument();
  });

  it('open a proposal with its edition, loaded before the page shows', async () => {
    renderApp('/proposals/p1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Parque Alameda' })).toBeInTheDocument();
    expect(requested).toEqual(expect.arrayContaining(['/api/proposals/p1', `/api/processes/${edition.id}`]));
  });
});
