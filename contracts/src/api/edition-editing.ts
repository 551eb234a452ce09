import { z } from 'zod';
import { calendarPhasesSchema } from '../editions/calendar';
import { citywidePoolSchema, districtSchema, editionRulesSchema } from '../editions/edition';
import { longText, shortText } from './text';

/** PUT /api/processes/:id/calendar; `reason` is public, and required once voting has opened. */
export const calendarRequest = z
  .object({
    phases: calendarPhasesSchema,
    reason: shortText(3, 500).nullable().default(null),
  })
  .strict();
export type CalendarRequest = z.input<typeof calendarRequest>;

const districtRequest = districtSchema.extend({ name: shortText(1, 120) });
const citywidePoolRequest = citywidePoolSchema.extend({ name: shortText(1, 120) });

/**
 * PATCH /api/processes/:id: the fields to change. `districts`, `citywidePool` (null: none)
 * and `rules` replace the edition's as a whole (a rule left out takes its default, as when
 * creating); `calendar` is the body of PUT …/calendar.
 */
export const editEditionRequest = z
  .object({
    title: shortText(3, 200).optional(),
    description: longText(0, 10_000).optional(),
    districts: z.array(districtRequest).min(1, 'an edition needs at least one district').max(200).optional(),
    citywidePool: citywidePoolRequest.nullable().optional(),
    rules: editionRulesSchema.optional(),
    calendar: calendarRequest.optional(),
  })
  .strict()
  .refine((e) => Object.values(e).some((value) => value !== undefined), {
    message: 'send at least one field to change',
  })
  .refine((e) => !e.districts || new Set(e.districts.map((d) => d.id)).size === e.districts.length, {
    message: 'district ids must be unique',
    path: ['districts'],
  })
  .refine((e) => !e.citywidePool || !e.districts || e.districts.every((d) => d.id !== e.citywidePool?.id), {
    message: 'the citywide pool needs an id no district has',
    path: ['citywidePool', 'id'],
  });
export type EditEditionRequest = z.input<typeof editEditionRequest>;
