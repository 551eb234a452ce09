import { workDetail, workView, type WorkDetail, type WorkView } from '@decidimos/contracts/api/works';

/** A work as the server sends it, checked against the contract. */
export function aWork(overrides: Partial<WorkView> = {}): WorkView {
  return workView.parse({
    id: 'w1',
    editionId: 'pp-2027',
    title: 'Parque Fundidora Norte',
    district: 'centro',
    districtName: 'Centro',
    awarded: 600_000,
    spent: 0,
    progress: 0,
    status: 'planned',
    department: null,
    expectedEnd: null,
    reason: null,
    createdAt: '2027-06-01T12:00:00.000Z',
    updatedAt: null,
    ...overrides,
  });
}

export function aWorkDetail(overrides: Partial<WorkDetail> = {}): WorkDetail {
  return workDetail.parse({ ...aWork(), timeline: [], milestones: [], ...overrides });
}
