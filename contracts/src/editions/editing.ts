import { phaseAtLeast, type Phase } from './phases';

/**
 * What an admin may still change of an edition, by phase (the same rules for the API, the
 * SPA's form and the verifier): its title, description, districts and budgets while it is
 * a draft or open for proposals; its rules (eligibility, proposals, supports, ballot,
 * counting) until voting opens, when they are fixed for the whole vote. The calendar may
 * always move, with a public reason once voting has opened.
 */
export const DETAILS_EDITABLE_PHASES: readonly Phase[] = ['draft', 'proposals'];

export const detailsEditable = (phase: Phase): boolean => DETAILS_EDITABLE_PHASES.includes(phase);

export const rulesFrozen = (phase: Phase): boolean => phaseAtLeast(phase, 'voting');

/** Moving the calendar needs a public reason once voting has opened. */
export const calendarReasonRequired = (phase: Phase): boolean => phaseAtLeast(phase, 'voting');
