// The benchmarks' edition: opened for voting through the API, as an admin, a reviewer and
// a resident would, with three proposals of 1 000 000 pesos on the centro ballot.
import { Session } from '../../infra/dist/index.js';

export async function votingEdition(baseUrl, title) {
  const admin = await Session.logIn(baseUrl, 'admin');
  await admin.send('POST', '/api/roles/grant', { subject: 'reviewer', role: 'reviewer' });
  const reviewer = await Session.logIn(baseUrl, 'reviewer');
  const { id } = await admin.send('POST', '/api/processes', {
    title,
    description: 'Edición de medición',
    districts: [{ id: 'centro', name: 'Centro', budget: 5_000_000 }],
    rules: { supports: { enabled: false } },
  });
  await admin.send('POST', `/api/processes/${id}/phase`, { to: 'proposals' });
  const author = await Session.logIn(baseUrl, 'resident-centro-1');
  const proposals = [];
  for (const title of ['Parque lineal', 'Banquetas seguras', 'Luminarias LED']) {
    const body = { title, description: `${title} en el centro.`, district: 'centro', estimatedCost: 1_000_000 };
    proposals.push((await author.send('POST', `/api/processes/${id}/proposals`, body)).id);
  }
  await admin.send('POST', `/api/processes/${id}/phase`, { to: 'review' });
  for (const proposal of proposals) {
    await reviewer.send('POST', `/api/proposals/${proposal}/assessment`, {
      feasible: true,
      cost: 1_000_000,
      reason: 'Viable.',
    });
  }
  await admin.send('POST', `/api/processes/${id}/phase`, { to: 'voting' });
  return { id, proposals };
}
