import type { EditionView, ProposalView } from '@decidimos/contracts/api/schemas';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../testing/render';
import { ProposalBrowser } from './proposal-browser';

let requested: URL[];

const proposal = (id: string, category: string | null) =>
  ({ id, title: `Propuesta ${id}`, status: 'submitted', district: 'centro', category, cost: 100_000 }) as ProposalView;

/** The list route as the server answers it: filtered by category, with the edition-wide facet. */
function serve(all: ProposalView[], categories: string[]) {
  requested = [];
  global.fetch = jest.fn(async (url: string | URL | Request) => {
    const asked = new URL(String(url), 'http://localhost');
    requested.push(asked);
    const category = asked.searchParams.get('category');
    const items = all.filter((p) => !category || p.category === category);
    return {
      ok: true,
      status: 200,
      headers: new Headers({ 'content-type': 'application/json' }),
      json: async () => ({ items: items.slice(0, 20), total: items.length, page: 1, pageSize: 20, categories }),
    };
  }) as unknown as typeof fetch;
}

const edition = {
  id: 'pp-2027',
  phase: 'proposals',
  districts: [{ id: 'centro', name: 'Centro' }],
  rules: { supports: { enabled: false } },
} as unknown as EditionView;

describe('browsing proposals by category', () => {
  it("offers the edition's categories from the server, not only those on the current page", async () => {
    serve([proposal('a1', 'alumbrado')], ['alumbrado', 'Árboles', 'parques']);
    renderWithApp(<ProposalBrowser edition={edition} />);
    await screen.findByText('Propuesta a1');
    const picker = screen.getByRole('combobox', { name: 'Categoría' });
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Todas las categorías', 'alumbrado', 'Árboles', 'parques']);
  });

  it('asks the server for the chosen category and shows its whole total', async () => {
    const many = Array.from({ length: 25 }, (_, i) => proposal(`p${i}`, 'parques'));
    serve([proposal('a1', 'alumbrado'), ...many], ['alumbrado', 'parques']);
    renderWithApp(<ProposalBrowser edition={edition} />);
    await screen.findByText('Propuesta a1');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Categoría' }), 'parques');
    expect(await screen.findByText('25 propuestas')).toBeInTheDocument();
    expect(requested.at(-1)?.searchParams.get('category')).toBe('parques');
    expect(screen.queryByText('Propuesta a1')).not.toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(20);
  });
});
