/**
 * The lifecycle of an edition, in order (DESIGN.md), with the questions every side asks of
 * a phase. No zod here: the SPA bundles this module alone on every page.
 */
export const PHASES = ['draft', 'proposals', 'review', 'supports', 'voting', 'counting', 'results', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

/** Whether `phase` is `other` or comes after it in the lifecycle. */
export const phaseAtLeast = (phase: Phase, other: Phase): boolean => PHASES.indexOf(phase) >= PHASES.indexOf(other);

/** The results are public: the tally is fixed and announced (results, closed). */
export const isPublished = (phase: Phase): boolean => phaseAtLeast(phase, 'results');

/** Phases of an edition under way, which residents see first: opened and not yet closed. */
export const UNDER_WAY_PHASES: readonly Phase[] = PHASES.filter((p) => p !== 'draft' && p !== 'closed');
