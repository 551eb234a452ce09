import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { aProposal, anEdition, answer, server } from '../../../testing/api';
import { renderApp } from '../../../testing/render';

const resident = {
  displayName: 'María López Garza',
  roles: ['resident'],
  district: 'centro',
  eligible: true,
  csrfToken: 'c',
};
const edition = anEdition({ phase: 'supports' });
const proposal = aProposal({ status: 'feasible' });

function backend(supported: string[]) {
  const activity = () => ({
    editionId: edition.id,
    proposals: [],
    supports: supported.map((id) => ({ id, title: `Propuesta ${id}` })),
    ballot: null,
    follows: [],
    followedWorks: [],
    settings: { email: { kinds: [] }, inApp: { kinds: [] }, language: 'es', emailAddress: null },
  });
  server.use(
    answer.me(resident),
    answer.notifications(),
    ...answer.editions(edition),
    answer.proposal(proposal),
    http.get('/api/me/activity', () => HttpResponse.json(activity())),
    http.get('/api/me/follows', () => HttpResponse.json({ proposals: [], works: [] })),
    http.put('/api/proposals/:id/support', () => {
      supported.push(proposal.id);
      return HttpResponse.json({ proposalId: proposal.id, supported: true, supports: 1 });
    }),
  );
}

describe('the support button', () => {
  it('knows my supports from the server, on any device', async () => {
    backend([proposal.id]);
    renderApp(`/proposals/${proposal.id}`);
    expect(await screen.findByRole('button', { name: 'Retirar mi apoyo' }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('keeps nothing on the device when I support a proposal', async () => {
    backend([]);
    renderApp(`/proposals/${proposal.id}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Apoyar' }, { timeout: 5000 }));
    expect(await screen.findByRole('button', { name: 'Retirar mi apoyo' })).toBeInTheDocument();
    expect(Object.keys(localStorage).filter((key) => key.includes('supports'))).toEqual([]);
  });
});
