import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anEdition } from '../../../testing/api';
import { renderWithApp } from '../../../testing/render';
import { EditEditionForm, EditionForm } from './edition-form';

function renderForm() {
  const onSubmit = jest.fn();
  renderWithApp(<EditionForm pending={false} error={null} onSubmit={onSubmit} />);
  return onSubmit;
}

const field = (label: string, index = 0) => screen.getAllByLabelText(label)[index]!;
const create = () => userEvent.click(screen.getByRole('button', { name: 'Crear la edición' }));

describe('the edition form', () => {
  it('marks each missing field, first the title, which takes the focus', async () => {
    const onSubmit = renderForm();
    await create();
    expect(screen.getByRole('alert')).toHaveTextContent(/Hay \d+ datos por corregir/);
    expect(field('Título *')).toHaveAttribute('aria-invalid', 'true');
    expect(field('Identificador *')).toHaveAttribute('aria-invalid', 'true');
    expect(field('Presupuesto en pesos *')).toHaveAttribute('aria-invalid', 'true');
    expect(field('Título *')).toHaveFocus();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('says in Spanish what the contract only says in English for API clients', async () => {
    renderForm();
    await userEvent.type(field('Identificador *'), 'San Pedro');
    await userEvent.selectOptions(field('Tipo de boleta'), 'approval');
    await create();
    expect(field('Identificador *')).toHaveAccessibleDescription(/Usa minúsculas, números y guiones/);
    // "an approval ballot needs maxSelections": the contract's refinement, reworded.
    expect(field('Máximo de propuestas por boleta')).toHaveAccessibleDescription(/Revisa este dato\./);
  });

  it('sends each district row with its budget in pesos, and the rules', async () => {
    const onSubmit = renderForm();
    await userEvent.type(field('Título *'), 'Presupuesto Participativo 2027');
    await userEvent.type(field('Identificador *'), 'centro');
    await userEvent.type(field('Nombre *'), 'Centro');
    await userEvent.type(field('Presupuesto en pesos *'), '1,000,000');
    await userEvent.click(screen.getByRole('button', { name: 'Agregar otro distrito' }));
    await userEvent.type(field('Identificador *', 1), 'norte');
    await userEvent.type(field('Nombre *', 1), 'Norte');
    await userEvent.type(field('Presupuesto en pesos *', 1), '500000');
    await userEvent.clear(field('Apoyos necesarios para llegar a la boleta'));
    await userEvent.type(field('Apoyos necesarios para llegar a la boleta'), '1');
    await create();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const edition = onSubmit.mock.calls[0][0];
    expect(edition.districts).toEqual([
      { id: 'centro', name: 'Centro', budget: 1_000_000 },
      { id: 'norte', name: 'Norte', budget: 500_000 },
    ]);
    expect(edition.rules.supports).toEqual({ enabled: true, perResident: 5, threshold: 1 });
    expect(edition.citywidePool).toBeNull();
    expect(edition.rules.ballot).toMatchObject({ method: 'knapsack', maxSelections: null, revoting: true });
  });
});

describe('the edition form: the full rules and the calendar', () => {
  it('sends the minimum selections, the minimum spend as a share, and how equal shares completes', async () => {
    const onSubmit = renderForm();
    await userEvent.type(field('Título *'), 'Presupuesto Participativo 2027');
    await userEvent.type(field('Identificador *'), 'centro');
    await userEvent.type(field('Nombre *'), 'Centro');
    await userEvent.type(field('Presupuesto en pesos *'), '1000000');
    await userEvent.clear(field('Mínimo de propuestas por boleta'));
    await userEvent.type(field('Mínimo de propuestas por boleta'), '1');
    await userEvent.clear(field('Gasto mínimo de la boleta (% del presupuesto del distrito)'));
    await userEvent.type(field('Gasto mínimo de la boleta (% del presupuesto del distrito)'), '25');
    await userEvent.selectOptions(field('Regla de conteo'), 'equal-shares');
    await userEvent.selectOptions(field('Con el presupuesto que sobre'), 'add1-greedy');
    await userEvent.type(field('Recepción de propuestas: Empieza'), '2027-01-15T09:00');
    await userEvent.type(field('Recepción de propuestas: Termina'), '2027-02-15T18:00');
    await create();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const edition = onSubmit.mock.calls[0][0];
    expect(edition.rules.ballot).toMatchObject({ minSelections: 1, minSpendShare: 0.25 });
    expect(edition.rules.counting).toEqual({ rule: 'equal-shares', completion: 'add1-greedy', utility: 'cost' });
    expect(edition.calendar).toEqual([
      {
        phase: 'proposals',
        startsAt: new Date('2027-01-15T09:00').toISOString(),
        endsAt: new Date('2027-02-15T18:00').toISOString(),
      },
    ]);
  });

  it('marks a calendar row with only one end, and a minimum spend over 100 %', async () => {
    const onSubmit = renderForm();
    await userEvent.clear(field('Gasto mínimo de la boleta (% del presupuesto del distrito)'));
    await userEvent.type(field('Gasto mínimo de la boleta (% del presupuesto del distrito)'), '150');
    await userEvent.type(field('Revisión técnica: Termina'), '2027-02-20T18:00');
    await create();
    expect(field('Revisión técnica: Empieza')).toHaveAccessibleDescription(/Escribe el inicio y el fin/);
    expect(field('Gasto mínimo de la boleta (% del presupuesto del distrito)')).toHaveAccessibleDescription(
      /entre 0 y 100/,
    );
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('marks a phase that ends before it starts on its row', async () => {
    renderForm();
    await userEvent.type(field('Votación: Empieza'), '2027-03-10T09:00');
    await userEvent.type(field('Votación: Termina'), '2027-03-01T09:00');
    await create();
    expect(field('Votación: Termina')).toHaveAccessibleDescription(/termina después de empezar/);
  });
});

describe('the edit form', () => {
  function renderEdit(edition: ReturnType<typeof anEdition>) {
    const onSubmit = jest.fn();
    renderWithApp(<EditEditionForm edition={edition} pending={false} error={null} onSubmit={onSubmit} />);
    return onSubmit;
  }
  const save = () => userEvent.click(screen.getByRole('button', { name: 'Guardar los cambios' }));

  it('starts from the edition and sends the title, districts, rules and calendar while proposals are open', async () => {
    const window = {
      phase: 'proposals' as const,
      startsAt: '2027-01-15T15:00:00.000Z',
      endsAt: '2027-02-15T15:00:00.000Z',
    };
    const onSubmit = renderEdit(anEdition({ phase: 'proposals', calendarPhases: [window] }));
    expect(field('Título *')).toHaveValue('Presupuesto Participativo 2027');
    await userEvent.clear(field('Presupuesto en pesos *'));
    await userEvent.type(field('Presupuesto en pesos *'), '2000000');
    await save();
    const changes = onSubmit.mock.calls[0][0];
    expect(changes.districts).toEqual([{ id: 'centro', name: 'Centro', budget: 2_000_000 }]);
    expect(changes.rules.ballot).toMatchObject({ method: 'knapsack', minSelections: 0 });
    expect(changes.calendar).toEqual({ phases: [window], reason: null });
  });

  it("sends the citywide pool's new budget", async () => {
    const ciudad = { id: 'ciudad', name: 'Toda la ciudad', budget: 2_000_000 };
    const onSubmit = renderEdit(anEdition({ phase: 'draft', citywidePool: ciudad }));
    await userEvent.clear(field('Presupuesto del fondo en pesos *'));
    await userEvent.type(field('Presupuesto del fondo en pesos *'), '2,500,000');
    await save();
    expect(onSubmit.mock.calls[0][0].citywidePool).toEqual({ ...ciudad, budget: 2_500_000 });
  });

  it('sends only the calendar once voting has opened, the rules shown but fixed', async () => {
    const onSubmit = renderEdit(anEdition({ phase: 'voting' }));
    expect(screen.getByText(/Las reglas quedaron fijas al abrir la votación/)).toBeInTheDocument();
    expect(field('Edad mínima')).toBeDisabled();
    expect(field('Título *')).toHaveAttribute('readonly');
    await userEvent.type(field('Votación: Empieza'), '2027-03-01T09:00');
    await userEvent.type(field('Votación: Termina'), '2027-03-20T09:00');
    await userEvent.type(field('Motivo público del cambio de calendario'), 'Se extiende por las lluvias.');
    await save();
    const changes = onSubmit.mock.calls[0][0];
    expect(Object.keys(changes)).toEqual(['calendar']);
    expect(changes.calendar.reason).toBe('Se extiende por las lluvias.');
  });
});
