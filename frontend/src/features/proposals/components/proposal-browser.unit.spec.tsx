import type { ProposalView } from '@decidimos/contracts/api/schemas';
import { editionRulesSchema } from '@decidimos/contracts/editions/edition';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anEdition, answer, aProposal, requested, server } from '../../../testing/api';
import { renderWithApp } from '../../../testing/render';
import { ProposalBrowser } from './proposal-browser';

const proposal = (id: string, category: string | null) => aProposal({ id, title: `Propuesta ${id}`, category });

/** The list route as the server answers it: filtered by category, with the edition-wide facet. */
function serve(all: ProposalView[], categories: string[]) {
  server.use(
    answer.proposals((query) => {
      const category = query.get('category');
      const items = all.filter((p) => !category || p.category === category);
      return { items: items.slice(0, 20), total: items.length, page: 1, pageSize: 20, categories };
    }),
  );
}

const edition = anEdition({ rules: editionRulesSchema.parse({ supports: { enabled: false } }) });

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
    expect(new URLSearchParams(requested.at(-1)?.split('?')[1]).get('category')).toBe('parques');
    expect(screen.queryByText('Propuesta a1')).not.toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(20);
  });
});
