import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { anEdition, answer, server } from '../../../testing/api';
import { renderWithApp } from '../../../testing/render';
import { BoothActivity } from './booth-activity';

const edition = anEdition({ phase: 'voting' });
const recorded = (type: 'BallotCast' | 'SupportGiven') => (n: number, hour: string, booth: string) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      id: `${type}-${booth}-${hour}-${i}`,
      type,
      schemaVersion: 2,
      stream: `${type}-${edition.id}-${i}`,
      revision: 0,
      recordedAt: `2027-05-10T${hour}:00:00.000Z`,
      data: { editionId: edition.id, channel: 'assisted', booth },
    }),
  );
const ballot = recorded('BallotCast');
const support = recorded('SupportGiven');

beforeEach(() => {
  server.use(
    answer.auditExport(
      [
        ...ballot(61, '15', 'mesa-1'),
        ...ballot(2, '16', 'mesa-1'),
        ...support(4, '16', 'mesa-1'),
        ...ballot(3, '15', 'mesa-2'),
      ].join('\n'),
    ),
    http.get('/api/processes/:editionId/booths', () =>
      HttpResponse.json({
        items: [
          { id: 'mesa-1', name: 'Mesa Macroplaza' },
          { id: 'mesa-2', name: 'Mesa Norte' },
        ].map((b) => ({
          ...b,
          editionId: edition.id,
          address: 'Zuazua y Padre Mier',
          district: 'centro',
          opensAt: '2027-05-10T14:00:00.000Z',
          closesAt: '2027-05-11T02:00:00.000Z',
          assistedBallots: null,
        })),
      }),
    ),
  );
});

const rows = () => within(screen.getByTestId('booth-activity')).getAllByRole('row').slice(1);
const flagged = () => rows().map((row) => row.getAttribute('data-flagged'));

describe('assisted votes per booth and hour on the audit page', () => {
  it('counts them from the public record and flags a booth-hour above 60 by default', async () => {
    renderWithApp(<BoothActivity edition={edition} />);
    await userEvent.click(screen.getByRole('button', { name: 'Contar con el registro' }));
    expect(await screen.findByText('1 mesa-hora por encima del límite.')).toBeInTheDocument();
    expect(rows().map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Mesa Macroplaza',
      'Mesa Macroplaza',
      'Mesa Norte',
    ]);
    expect(flagged()).toEqual(['true', 'false', 'false']);
    expect(rows()[0]).toHaveTextContent('61');
    expect(rows()[0]).toHaveTextContent('por encima del límite');
    // Supports recorded at the booth are counted beside its ballots.
    expect(
      within(rows()[1]!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([expect.any(String), '2', '4', 'dentro del límite']);
  });

  it('flags again with the limit the auditor types', async () => {
    renderWithApp(<BoothActivity edition={edition} />);
    await userEvent.click(screen.getByRole('button', { name: 'Contar con el registro' }));
    await screen.findByTestId('booth-activity');
    const limit = screen.getByLabelText('Votos (o apoyos) por hora por encima de los cuales se señala una fila');
    await userEvent.clear(limit);
    await userEvent.type(limit, '2');
    expect(flagged()).toEqual(['true', 'false', 'true']);
  });
});
