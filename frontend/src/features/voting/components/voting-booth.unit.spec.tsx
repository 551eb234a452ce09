import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { anEdition, answer, aProposal, server } from '../../../testing/api';
import { renderWithApp } from '../../../testing/render';
import { VotingBooth } from './voting-booth';

const edition = anEdition({ phase: 'voting' });
const parque = aProposal({ id: 'parque', title: 'Parque Alameda', status: 'on-ballot', cost: 600_000 });
interface Mine {
  selections: string[];
  district: string;
  receipt: string;
  ballotId: string;
  leafHash: string;
  castAt: string;
  channel: 'online' | 'assisted';
  booth: string | null;
  boothName: string | null;
  replaced: { channel: 'online' | 'assisted'; booth: string | null } | null;
}
const ballot: Mine = {
  selections: ['parque'],
  district: 'centro',
  receipt: 'r-2',
  ballotId: 'b-2',
  leafHash: 'h',
  castAt: '2027-05-10T15:30:00.000Z',
  channel: 'assisted',
  booth: 'mesa-1',
  boothName: 'Mesa Macroplaza',
  replaced: { channel: 'online', booth: null },
};

function given(mine: Mine | null) {
  server.use(
    answer.me({ displayName: 'Residente', roles: [], district: 'centro', eligible: true, csrfToken: 'c' }),
    answer.proposals(() => ({ items: [parque], total: 1, page: 1, pageSize: 200, categories: [] })),
    http.get('/api/processes/:editionId/ballot', () => HttpResponse.json(mine)),
  );
}

describe('the resident’s voting page', () => {
  it('tells the resident that an assisted ballot at a booth replaced their online vote', async () => {
    given(ballot);
    renderWithApp(<VotingBooth edition={edition} step="receipt" />);
    const notice = await screen.findByTestId('in-person-notice');
    expect(notice).toHaveTextContent(/Tu voto actual se registró en persona en Mesa Macroplaza el/);
    expect(notice).toHaveTextContent('Reemplazó el voto que emitiste en línea, que ya no cuenta.');
  });

  it('says nothing of booths for an online vote', async () => {
    given({ ...ballot, channel: 'online', booth: null, boothName: null, replaced: null });
    renderWithApp(<VotingBooth edition={edition} step="receipt" />);
    expect(await screen.findByText('r-2', { exact: false })).toBeInTheDocument();
    expect(screen.queryByTestId('in-person-notice')).toBeNull();
  });
});

describe('the ballot of an edition with a citywide pool', () => {
  it('asks for each pool’s proposals and shows them in two sections, each with its own budget', async () => {
    const pooled = anEdition({
      phase: 'voting',
      citywidePool: { id: 'ciudad', name: 'Toda la ciudad', budget: 3_000_000 },
    });
    const ciclovia = aProposal({
      id: 'ciclovia',
      title: 'Ciclovía metropolitana',
      district: 'ciudad',
      status: 'on-ballot',
      cost: 2_000_000,
    });
    server.use(
      answer.me({ displayName: 'Residente', roles: [], district: 'centro', eligible: true, csrfToken: 'c' }),
      answer.proposals((query) => {
        const items = query.get('district') === 'ciudad' ? [ciclovia] : [parque];
        return { items, total: 1, page: 1, pageSize: 200, categories: [] };
      }),
      http.get('/api/processes/:editionId/ballot', () => HttpResponse.json(null)),
    );
    renderWithApp(<VotingBooth edition={pooled} step="build" />);
    const citywide = await screen.findByRole('region', { name: 'Toda la ciudad' });
    expect(within(citywide).getByRole('checkbox', { name: /Ciclovía metropolitana/ })).toBeInTheDocument();
    expect(within(citywide).getByText(/Quedan\s\$3,000,000\./)).toBeInTheDocument();
    const district = screen.getByRole('region', { name: 'Centro' });
    expect(within(district).getByRole('checkbox', { name: /Parque Alameda/ })).toBeInTheDocument();
    expect(within(district).getByText(/Quedan\s\$1,000,000\./)).toBeInTheDocument();
  });
});
