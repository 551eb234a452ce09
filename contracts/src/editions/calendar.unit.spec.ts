import { editionRulesSchema } from './edition';
import { calendarPhasesSchema, phaseIsDue, plannedStarts, scheduledEnd, windowsOfPlannedStarts } from './calendar';

const rules = editionRulesSchema.parse({});
const proposals = {
  phase: 'proposals' as const,
  startsAt: '2027-01-01T09:00:00-06:00',
  endsAt: '2027-02-01T09:00:00-06:00',
};
const review = { phase: 'review' as const, startsAt: '2027-02-01T09:00:00-06:00', endsAt: '2027-02-15T09:00:00-06:00' };

describe('the calendar', () => {
  it('accepts windows in lifecycle order that do not overlap', () => {
    expect(calendarPhasesSchema.safeParse([proposals, review]).success).toBe(true);
  });

  it('refuses a window that ends before it starts, phases out of order, and overlaps', () => {
    const backwards = calendarPhasesSchema.safeParse([{ ...proposals, endsAt: proposals.startsAt }]);
    expect(backwards.error?.issues[0]).toMatchObject({
      path: [0, 'endsAt'],
      message: 'a phase must end after it starts',
    });
    const disordered = calendarPhasesSchema.safeParse([review, proposals]);
    expect(disordered.error?.issues[0]).toMatchObject({ path: [1, 'phase'] });
    const overlapping = calendarPhasesSchema.safeParse([
      proposals,
      { ...review, startsAt: '2027-01-20T09:00:00-06:00' },
    ]);
    expect(overlapping.error?.issues[0]).toMatchObject({ path: [1, 'startsAt'] });
    expect(calendarPhasesSchema.safeParse([{ ...proposals, phase: 'closed' }]).success).toBe(false);
  });

  it('ends a phase at its window end, or when the next phase starts if that is sooner', () => {
    expect(scheduledEnd('proposals', [proposals, review], rules)).toBe(proposals.endsAt);
    expect(scheduledEnd('draft', [proposals], rules)).toBe(proposals.startsAt);
    expect(scheduledEnd('review', [proposals], rules)).toBeNull();
    const early = { ...review, startsAt: proposals.startsAt, phase: 'review' as const };
    expect(scheduledEnd('proposals', [{ ...proposals, endsAt: '2027-03-01T00:00:00Z' }, early], rules)).toBe(
      proposals.startsAt,
    );
  });

  it('is due from the end on, not a moment before', () => {
    const end = Date.parse(proposals.endsAt);
    expect(phaseIsDue('proposals', [proposals], rules, new Date(end - 1))).toBe(false);
    expect(phaseIsDue('proposals', [proposals], rules, new Date(end))).toBe(true);
  });

  it('reads planned starts as windows, and shows windows as planned starts', () => {
    expect(windowsOfPlannedStarts({ proposals: proposals.startsAt, review: review.startsAt })).toEqual([proposals]);
    expect(plannedStarts([proposals, review], rules)).toEqual({
      proposals: proposals.startsAt,
      review: review.startsAt,
      supports: review.endsAt,
    });
  });
});
