import type { WorkUpdateFields } from '@decidimos/contracts';
import { deciderSpec } from '../../testing/decider-spec';
import { workDecider, type UpdateWork, type WorkEvent } from './work.decider';

const implementer = 'e'.repeat(64);
const work = { editionId: 'pp', workId: 'parque-a', awarded: 600_000 };
const update = (fields: WorkUpdateFields, overrides: Partial<UpdateWork> = {}): UpdateWork => ({
  type: 'UpdateWork',
  work,
  workId: 'parque-a',
  update: fields,
  by: implementer,
  ...overrides,
});
const updated = (fields: WorkUpdateFields): WorkEvent => ({
  type: 'WorkUpdated',
  data: { editionId: 'pp', workId: 'parque-a', by: implementer, ...fields },
});
const spec = deciderSpec(workDecider);
const halfway = updated({ status: 'in_progress', progress: 50, spent: 300_000 });

describe('work decider', () => {
  it('records an update of a work, with only what it changes', () => {
    spec([])
      .when(update({ status: 'design', department: 'Obras Públicas', expectedEnd: '2028-03-31' }))
      .then([updated({ status: 'design', department: 'Obras Públicas', expectedEnd: '2028-03-31' })]);
    const milestone = { date: '2027-11-15', title: 'Licitación publicada', description: 'Convocatoria LP-014.' };
    spec([halfway])
      .when(update({ milestone }))
      .then([updated({ milestone })]);
  });

  it('refuses an update of something that is not a work (no such proposal, not selected, or results not fixed)', () => {
    spec([])
      .when(update({ progress: 10 }, { work: null, workId: 'nada' }))
      .thenFails('NOT_FOUND', { what: 'work', id: 'nada' });
  });

  it('lets progress go down only with a reason', () => {
    spec([halfway])
      .when(update({ progress: 40 }))
      .thenFails('PROGRESS_DECREASE_NEEDS_REASON', { from: 50, to: 40 });
    spec([halfway])
      .when(update({ progress: 40, reason: 'Se rehízo la losa: falló la prueba de resistencia.' }))
      .then([updated({ progress: 40, reason: 'Se rehízo la losa: falló la prueba de resistencia.' })]);
    spec([halfway])
      .when(update({ progress: 50 }))
      .then([updated({ progress: 50 })]);
  });

  it('finishes a work only at 100 % progress, given now or before', () => {
    spec([halfway])
      .when(update({ status: 'finished' }))
      .thenFails('FINISHED_NEEDS_FULL_PROGRESS', { progress: 50 });
    spec([halfway])
      .when(update({ status: 'finished', progress: 90 }))
      .thenFails('FINISHED_NEEDS_FULL_PROGRESS', { progress: 90 });
    spec([halfway])
      .when(update({ status: 'finished', progress: 100 }))
      .then([updated({ status: 'finished', progress: 100 })]);
    spec([halfway, updated({ progress: 100 })])
      .when(update({ status: 'finished' }))
      .then([updated({ status: 'finished' })]);
  });

  it('takes spending above the awarded budget only with a reason', () => {
    spec([halfway])
      .when(update({ spent: 600_001 }))
      .thenFails('OVERSPEND_NEEDS_REASON', { spent: 600_001, awarded: 600_000 });
    spec([halfway])
      .when(update({ spent: 600_000 }))
      .then([updated({ spent: 600_000 })]);
    spec([halfway])
      .when(update({ spent: 650_000, reason: 'Aumento del precio del acero.' }))
      .then([updated({ spent: 650_000, reason: 'Aumento del precio del acero.' })]);
  });

  it('cancels a work only with a public reason', () => {
    spec([halfway])
      .when(update({ status: 'cancelled' }))
      .thenFails('CANCEL_NEEDS_REASON');
    spec([halfway])
      .when(update({ status: 'cancelled', reason: 'El predio resultó ser de propiedad federal.' }))
      .then([updated({ status: 'cancelled', reason: 'El predio resultó ser de propiedad federal.' })]);
  });

  it('refuses any update once the work is finished or cancelled', () => {
    const finished = updated({ status: 'finished', progress: 100 });
    spec([halfway, finished])
      .when(update({ milestone: { date: '2028-01-10', title: 'Inauguración', description: '' } }))
      .thenFails('WORK_CLOSED', { status: 'finished' });
    const cancelled = updated({ status: 'cancelled', reason: 'Sin predio.' });
    spec([cancelled])
      .when(update({ status: 'in_progress' }))
      .thenFails('WORK_CLOSED', { status: 'cancelled' });
  });
});
