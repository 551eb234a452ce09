import { PHASES as CONTRACT_PHASES } from '@decidimos/contracts/editions/edition';
import { PHASES, isBefore } from './phases';

describe('the SPA’s list of phases', () => {
  it('is the contracts’ lifecycle, in the same order', () => {
    expect(PHASES).toEqual(CONTRACT_PHASES);
  });

  it('orders phases as the lifecycle does', () => {
    expect(isBefore('supports', 'voting')).toBe(true);
    expect(isBefore('results', 'voting')).toBe(false);
  });
});
