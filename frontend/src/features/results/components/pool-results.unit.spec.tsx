import type { ResultsView } from '@decidimos/contracts/api/schemas';
import { screen } from '@testing-library/react';
import { renderWithApp } from '../../../testing/render';
import { DistrictResults } from './district-results';
import { OpenData } from './open-data';

const pool = (id: string, name: string, citywide: boolean): ResultsView['districts'][number] => ({
  id,
  name,
  citywide,
  budget: 2_000_000,
  spent: 800_000,
  voters: 4,
  rule: 'greedy',
  proposals: [{ id: `${id}-1`, title: `Obra de ${name}`, cost: 800_000, votes: 3, selected: true }],
});
const results: ResultsView = {
  editionId: 'pp-2027',
  phase: 'results',
  rule: 'greedy',
  ballots: 4,
  channels: { online: 4, assisted: 0 },
  booths: [],
  districts: [pool('centro', 'Centro', false), pool('ciudad', 'Toda la ciudad', true)],
  treeHead: null,
};

describe('results with a citywide pool', () => {
  it('shows the citywide pool as its own result, saying every resident voted on it', () => {
    renderWithApp(<DistrictResults district={results.districts[1]!} />);
    expect(screen.getByRole('heading', { name: 'Toda la ciudad' })).toBeInTheDocument();
    expect(screen.getByText(/cada residente votó en él además de en su distrito/)).toBeInTheDocument();
    expect(screen.getByTestId('winners-ciudad')).toHaveTextContent('Obra de Toda la ciudad');
  });

  it('says nothing of the whole city on a district’s result', () => {
    renderWithApp(<DistrictResults district={results.districts[0]!} />);
    expect(screen.queryByText(/toda la ciudad/i)).toBeNull();
  });

  it('offers one pabulib file per pool', () => {
    renderWithApp(<OpenData results={results} />);
    expect(screen.getByRole('link', { name: /de Centro en formato pabulib/ })).toHaveAttribute(
      'href',
      '/api/processes/pp-2027/results.pb?district=centro',
    );
    expect(screen.getByRole('link', { name: /de Toda la ciudad en formato pabulib/ })).toHaveAttribute(
      'href',
      '/api/processes/pp-2027/results.pb?district=ciudad',
    );
  });
});
