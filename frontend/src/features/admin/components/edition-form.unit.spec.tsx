import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../testing/render';
import { EditionForm } from './edition-form';

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
    expect(edition.rules.ballot).toMatchObject({ method: 'knapsack', maxSelections: null, revoting: true });
  });
});
