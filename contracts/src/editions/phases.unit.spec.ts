import { isPublished, PHASES, phaseAtLeast, UNDER_WAY_PHASES } from './phases';

describe('the phases of an edition', () => {
  it('orders phases as the lifecycle does, a phase counting as at least itself', () => {
    expect(phaseAtLeast('voting', 'supports')).toBe(true);
    expect(phaseAtLeast('voting', 'voting')).toBe(true);
    expect(phaseAtLeast('supports', 'voting')).toBe(false);
    expect(phaseAtLeast('closed', 'draft')).toBe(true);
  });

  it('calls results published from the results phase on, and only then', () => {
    expect(PHASES.filter(isPublished)).toEqual(['results', 'closed']);
  });

  it('has every phase between opening and closing under way', () => {
    expect(UNDER_WAY_PHASES).toEqual(['proposals', 'review', 'supports', 'voting', 'counting', 'results']);
  });

  it('loads without zod, so the SPA can bundle it on every page', () => {
    jest.isolateModules(() => {
      jest.doMock('zod', () => {
        throw new Error('phases.ts loaded zod');
      });
      expect(() => jest.requireActual('./phases')).not.toThrow();
    });
  });
});
