import { z } from 'zod';
import { PHASES, type Phase } from './phases';

// `supports` is skipped when the rules disable it (nextPhase).
export { PHASES, type Phase };
export const phaseSchema = z.enum(PHASES);

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and hyphens (e.g. "centro")')
  .max(40);
const pesos = z.number().int('money is a whole number of pesos').nonnegative();

export const districtSchema = z.object({
  id: slug,
  name: z.string().trim().min(1).max(120),
  budget: pesos.positive(),
});
export type District = z.infer<typeof districtSchema>;

/**
 * The citywide pool: a budget of its own for projects that serve the whole city. Every
 * resident votes in it beside their district's ballot; a proposal targets it by its id
 * (in place of a district), so its id must differ from every district's.
 */
export const citywidePoolSchema = z.object({
  id: slug,
  name: z.string().trim().min(1).max(120),
  budget: pesos.positive(),
});
export type CitywidePool = z.infer<typeof citywidePoolSchema>;

/** The pools of an edition, each with its own ballot and count: its districts, then its citywide pool if any. */
export function editionPools(edition: {
  districts: readonly District[];
  citywidePool?: CitywidePool | null;
}): (District & { citywide: boolean })[] {
  const pools = edition.districts.map((district) => ({ ...district, citywide: false }));
  if (edition.citywidePool) pools.push({ ...edition.citywidePool, citywide: true });
  return pools;
}

export const proposalRulesSchema = z
  .object({
    perResident: z.number().int().min(1).max(100).default(3),
    minCost: pesos.default(10_000),
    maxCost: pesos.default(5_000_000),
  })
  .refine((r) => r.minCost <= r.maxCost, { message: 'minCost must not exceed maxCost', path: ['maxCost'] });

export const supportRulesSchema = z.object({
  enabled: z.boolean().default(true),
  perResident: z.number().int().min(1).max(1000).default(5),
  threshold: z.number().int().min(0).default(2),
});

export const ballotRulesSchema = z
  .object({
    method: z.enum(['knapsack', 'approval']).default('knapsack'),
    maxSelections: z.number().int().positive().nullable().default(null),
    minSelections: z.number().int().min(0).default(0),
    minSpendShare: z.number().min(0).max(1).default(0),
    revoting: z.boolean().default(true),
  })
  .refine((b) => b.method !== 'approval' || b.maxSelections !== null, {
    message: 'an approval ballot needs maxSelections (how many proposals a resident may pick)',
    path: ['maxSelections'],
  })
  .refine((b) => b.maxSelections === null || b.minSelections <= b.maxSelections, {
    message: 'minSelections must not exceed maxSelections',
    path: ['minSelections'],
  });

export const countingRulesSchema = z.object({
  rule: z.enum(['greedy', 'equal-shares']).default('greedy'),
  completion: z.enum(['add1', 'add1-greedy']).default('add1'),
  utility: z.enum(['cost', 'cardinality']).default('cost'),
});

export const editionRulesSchema = z.object({
  minAge: z.number().int().min(0).max(120).default(16),
  proposals: proposalRulesSchema.default({ perResident: 3, minCost: 10_000, maxCost: 5_000_000 }),
  supports: supportRulesSchema.default({ enabled: true, perResident: 5, threshold: 2 }),
  ballot: ballotRulesSchema.default({
    method: 'knapsack',
    maxSelections: null,
    minSelections: 0,
    minSpendShare: 0,
    revoting: true,
  }),
  counting: countingRulesSchema.default({ rule: 'greedy', completion: 'add1', utility: 'cost' }),
});
export type EditionRules = z.infer<typeof editionRulesSchema>;
export type BallotRules = EditionRules['ballot'];

export const calendarSchema = z
  .object(
    Object.fromEntries(PHASES.map((p) => [p, z.iso.datetime({ offset: true }).optional()])) as {
      [K in Phase]: z.ZodOptional<z.ZodISODateTime>;
    },
  )
  .partial();
export type Calendar = z.infer<typeof calendarSchema>;

/** The phase that follows `phase`, honouring an edition that skips supports. */
export function nextPhase(phase: Phase, rules: Pick<EditionRules, 'supports'>): Phase | null {
  const index = PHASES.indexOf(phase);
  const next = PHASES[index + 1];
  if (next === undefined) return null;
  if (next === 'supports' && !rules.supports.enabled) return PHASES[index + 2] ?? null;
  return next;
}
