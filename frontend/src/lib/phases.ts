import type { Phase } from '@decidimos/contracts/editions/edition';

/**
 * The lifecycle of an edition, in order. The contracts' PHASES sits beside zod schemas, and
 * importing it would put zod on every page; phases.unit.spec.ts checks both lists agree.
 */
export const PHASES: readonly Phase[] = [
  'draft',
  'proposals',
  'review',
  'supports',
  'voting',
  'counting',
  'results',
  'closed',
];

export const isBefore = (phase: Phase, other: Phase) => PHASES.indexOf(phase) < PHASES.indexOf(other);
