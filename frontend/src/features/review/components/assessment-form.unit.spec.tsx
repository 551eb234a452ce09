import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { anEdition, answer, aProposal, server } from '../../../testing/api';
import { renderWithApp } from '../../../testing/render';
import { AssessmentForm } from './assessment-form';

const edition = anEdition({ phase: 'review' });
const proposal = aProposal({ id: 'p1', estimatedCost: 600_000 });
const record = () => userEvent.click(screen.getByRole('button', { name: 'Registrar dictamen' }));

describe('the assessment form', () => {
  it('asks for a verdict and a reason before recording anything', async () => {
    renderWithApp(<AssessmentForm edition={edition} proposal={proposal} />);
    await record();
    expect(screen.getByText('Elige viable o no viable.')).toBeInTheDocument();
    expect(screen.getByLabelText('Razón pública *')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('radio', { name: 'Viable' })).toHaveFocus();
  });

  it('records the verdict the contract reads, with the final cost in pesos', async () => {
    let sent: unknown;
    server.use(
      answer.me({ displayName: 'Revisora', roles: ['reviewer'], district: null, eligible: false, csrfToken: 'c' }),
      http.post('/api/proposals/:id/assessment', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(aProposal({ id: 'p1', status: 'feasible' }));
      }),
    );
    renderWithApp(<AssessmentForm edition={edition} proposal={proposal} />);
    await userEvent.click(screen.getByRole('radio', { name: 'Viable' }));
    await userEvent.clear(screen.getByLabelText('Costo final en pesos *'));
    await userEvent.type(screen.getByLabelText('Costo final en pesos *'), '$550,000');
    await userEvent.type(screen.getByLabelText('Razón pública *'), 'Predio municipal y costo verificado.');
    await record();
    expect(await screen.findByText('Dictamen registrado')).toBeInTheDocument();
    expect(sent).toEqual({
      feasible: true,
      cost: 550_000,
      reason: 'Predio municipal y costo verificado.',
      technical: null,
      legal: null,
      financial: null,
    });
  });
});
