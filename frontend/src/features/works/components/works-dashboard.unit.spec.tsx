import { workList } from '@decidimos/contracts/api/works';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { anEdition, requested, server } from '../../../testing/api';
import { renderWithApp } from '../../../testing/render';
import { WorksDashboard } from './works-dashboard';
import { aWork } from './works-fixtures';

// recharts measures its box with ResizeObserver, which jsdom lacks; the table beside the chart carries its figures.
jest.mock('./spending-chart', () => ({ __esModule: true, default: () => null }));

const edition = anEdition({
  phase: 'results',
  districts: [
    { id: 'centro', name: 'Centro', budget: 1_000_000 },
    { id: 'norte', name: 'Norte', budget: 500_000 },
  ],
});
const works = [
  aWork({
    id: 'w1',
    title: 'Parque A',
    status: 'in_progress',
    progress: 60,
    spent: 350_000,
    expectedEnd: '2028-03-31',
  }),
  aWork({ id: 'w2', title: 'Banquetas B', awarded: 300_000, status: 'finished', progress: 100, spent: 310_000 }),
  aWork({ id: 'w3', title: 'Norte uno', district: 'norte', districtName: 'Norte', awarded: 320_000 }),
];
const answerWorks = () =>
  server.use(
    http.get('/api/processes/:editionId/works', ({ params }) =>
      HttpResponse.json(workList.parse({ editionId: params['editionId'], items: works })),
    ),
  );

describe('the works dashboard', () => {
  it('counts the works by status, sums awarded and spent per district, and shows each work’s progress', async () => {
    answerWorks();
    renderWithApp(<WorksDashboard edition={edition} />);
    const counts = await screen.findByTestId('work-status-counts');
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['1 Planeada', '0 En diseño', '0 En licitación', '1 En obra', '1 Terminada', '0 Cancelada']);
    const table = screen.getByRole('table', { name: /asignado a las obras y lo ejercido/ });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['Centro2$900,000$660,000', 'Norte1$320,000$0']);
    expect(screen.getByRole('progressbar', { name: 'Avance de Parque A' })).toHaveAttribute('aria-valuenow', '60');
    expect(screen.getByRole('progressbar', { name: 'Avance de Banquetas B' })).toHaveAttribute('aria-valuenow', '100');
    expect(screen.getByRole('link', { name: 'Parque A' })).toHaveAttribute('href', '/editions/pp-2027/works/w1');
    expect(screen.getByText(/Fin previsto: 31 de marzo de 2028/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Obras en CSV' })).toHaveAttribute(
      'href',
      '/api/processes/pp-2027/works.csv',
    );
    expect(screen.getByRole('link', { name: 'Obras en JSON' })).toHaveAttribute(
      'href',
      '/api/processes/pp-2027/works.json',
    );
  });

  it('speaks English when asked', async () => {
    answerWorks();
    renderWithApp(<WorksDashboard edition={edition} />, { language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Works tracking' })).toBeInTheDocument();
    expect(await screen.findByRole('progressbar', { name: 'Progress of Parque A' })).toBeInTheDocument();
    expect(within(screen.getByTestId('works')).getByText('Under construction')).toBeInTheDocument();
  });

  it('says so when no proposal won', async () => {
    server.use(
      http.get('/api/processes/:editionId/works', () =>
        HttpResponse.json(workList.parse({ editionId: 'pp-2027', items: [] })),
      ),
    );
    renderWithApp(<WorksDashboard edition={edition} />);
    expect(await screen.findByText(/ninguna propuesta resultó ganadora/)).toBeInTheDocument();
  });

  it('waits for the results before asking for works', () => {
    renderWithApp(<WorksDashboard edition={anEdition({ phase: 'counting' })} />);
    expect(screen.getByText('Las obras aparecen aquí cuando se publican los resultados.')).toBeInTheDocument();
    expect(requested).toEqual([]);
  });
});
