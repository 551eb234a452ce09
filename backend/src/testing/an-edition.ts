import { editionRulesSchema, type Phase } from '@decidimos/contracts';
import type { z } from 'zod';
import type { EditionState } from '../editions/domain/edition.decider';

/** Edition rules as an admin writes them: every rule left out takes its default. */
export type EditionRulesInput = z.input<typeof editionRulesSchema>;
export type PresentEdition = Extract<EditionState, { status: 'present' }>;

/**
 * The edition a feature's decider is handed, in `phase` under `rules` (defaults filled in,
 * as drafting does): one district, Centro, with 1 000 000 pesos, and no ballot yet unless
 * `more` says otherwise.
 */
export function anEdition(
  phase: Phase,
  rules: EditionRulesInput = {},
  more: Partial<Omit<PresentEdition, 'status' | 'phase' | 'rules'>> = {},
): PresentEdition {
  return {
    status: 'present',
    editionId: 'pp',
    title: 'Presupuesto Participativo',
    description: '',
    phase,
    districts: [{ id: 'centro', name: 'Centro', budget: 1_000_000 }],
    citywidePool: null,
    rules: editionRulesSchema.parse(rules),
    calendar: [],
    ballot: null,
    votingClosedAt: null,
    tallied: false,
    ...more,
  };
}
