import { z } from 'zod';
import { nextPhase, type Calendar, type EditionRules } from './edition';
import { PHASES, type Phase } from './phases';

/**
 * The calendar of an edition: a window per phase. When the window of the phase the
 * edition is in ends, or the window of the phase after it begins, the system moves the
 * edition on by itself (an EditionPhaseAdvanced by THE_CALENDAR); an admin may still
 * advance early, or extend a phase by moving its end before it comes.
 */

/** `by` of a phase change the calendar made: no HMAC-SHA256 of a person is all zeros. */
export const THE_CALENDAR = '0'.repeat(64);

/** `closed` is the end of the lifecycle: nothing follows it, so it has no window. */
export const CALENDAR_PHASES = PHASES.filter((p) => p !== 'closed') as Exclude<Phase, 'closed'>[];

const instant = z.iso.datetime({
  offset: true,
  message: 'a date and time with its offset, e.g. 2027-03-01T09:00:00-06:00',
});

export const calendarPhaseSchema = z
  .object({ phase: z.enum(CALENDAR_PHASES), startsAt: instant, endsAt: instant })
  .strict()
  .refine((w) => Date.parse(w.startsAt) < Date.parse(w.endsAt), {
    message: 'a phase must end after it starts',
    path: ['endsAt'],
  });
export type CalendarPhase = z.infer<typeof calendarPhaseSchema>;

/** The windows in the order of the lifecycle, each phase at most once, none overlapping the one before. */
export const calendarPhasesSchema = z
  .array(calendarPhaseSchema)
  .max(CALENDAR_PHASES.length)
  .superRefine((phases, context) => {
    for (let i = 1; i < phases.length; i++) {
      const before = phases[i - 1]!;
      const window = phases[i]!;
      if (PHASES.indexOf(window.phase) <= PHASES.indexOf(before.phase)) {
        context.addIssue({
          code: 'custom',
          path: [i, 'phase'],
          message: 'list each phase once, in the order of the lifecycle',
        });
      } else if (Date.parse(window.startsAt) < Date.parse(before.endsAt)) {
        context.addIssue({
          code: 'custom',
          path: [i, 'startsAt'],
          message: `must not start before the ${before.phase} phase ends`,
        });
      }
    }
  });

/**
 * When the calendar moves an edition on from `phase`: the end of that phase's window, or
 * the start of the next phase's, whichever comes first; null when it says neither.
 */
export function scheduledEnd(
  phase: Phase,
  calendar: readonly CalendarPhase[],
  rules: Pick<EditionRules, 'supports'>,
): string | null {
  const next = nextPhase(phase, rules);
  if (next === null) return null;
  const ends = calendar.find((w) => w.phase === phase)?.endsAt;
  const nextStarts = calendar.find((w) => w.phase === next)?.startsAt;
  if (ends === undefined) return nextStarts ?? null;
  if (nextStarts === undefined) return ends;
  return Date.parse(nextStarts) < Date.parse(ends) ? nextStarts : ends;
}

/** Whether the calendar says the edition should have left `phase` by `now`. */
export function phaseIsDue(
  phase: Phase,
  calendar: readonly CalendarPhase[],
  rules: Pick<EditionRules, 'supports'>,
  now: Date,
): boolean {
  const end = scheduledEnd(phase, calendar, rules);
  return end !== null && Date.parse(end) <= now.getTime();
}

/**
 * The windows an EditionDrafted calendar (when each phase starts) stands for: each phase
 * it names runs until the next phase it names starts; the last one named has no end.
 * Editions are drafted with an empty one now and set their calendar with EditionCalendarSet.
 */
export function windowsOfPlannedStarts(starts: Calendar): CalendarPhase[] {
  const named = CALENDAR_PHASES.filter((p) => starts[p] !== undefined);
  const windows: CalendarPhase[] = [];
  for (let i = 0; i + 1 < named.length; i++) {
    const phase = named[i]!;
    windows.push({ phase, startsAt: starts[phase]!, endsAt: starts[named[i + 1]!]! });
  }
  return windows;
}

/** When each phase is planned to start, as the edition's public view shows it: window starts, and each end as the start of what follows. */
export function plannedStarts(windows: readonly CalendarPhase[], rules: Pick<EditionRules, 'supports'>): Calendar {
  const starts: Calendar = {};
  for (const { phase, startsAt } of windows) starts[phase] = startsAt;
  for (const { phase, endsAt } of windows) {
    const next = nextPhase(phase, rules);
    if (next !== null) starts[next] ??= endsAt;
  }
  return starts;
}
