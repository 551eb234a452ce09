import { screen, within } from '@testing-library/react';
import { renderWithApp } from '../../../testing/render';
import { ChannelCounts } from './channel-counts';

describe('votes per channel and booth in the results', () => {
  it('shows online and in-person votes, and the votes counted at each booth', () => {
    renderWithApp(
      <ChannelCounts
        results={{
          editionId: 'pp-2027',
          phase: 'results',
          rule: 'greedy',
          ballots: 1_204,
          channels: { online: 1_000, assisted: 204 },
          booths: [
            { id: 'mesa-1', name: 'Mesa Macroplaza', district: 'centro', ballots: 200 },
            { id: 'mesa-2', name: 'Mesa Norte', district: 'norte', ballots: 4 },
          ],
          districts: [
            {
              id: 'centro',
              name: 'Centro',
              citywide: false,
              budget: 1,
              spent: 0,
              voters: 0,
              rule: 'greedy',
              proposals: [],
            },
            {
              id: 'norte',
              name: 'Norte',
              citywide: false,
              budget: 1,
              spent: 0,
              voters: 0,
              rule: 'greedy',
              proposals: [],
            },
          ],
          treeHead: null,
        }}
      />,
    );
    expect(screen.getByTestId('channel-counts')).toHaveTextContent('En línea: 1,000. En persona en una mesa: 204.');
    const rows = within(screen.getByRole('table', { name: 'Votos contados en cada mesa' })).getAllByRole('row');
    expect(rows.slice(1).map((row) => row.textContent)).toEqual(['Mesa MacroplazaCentro200', 'Mesa NorteNorte4']);
  });
});
