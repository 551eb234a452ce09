import { ApiError } from '../../../lib/api-client';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anEdition } from '../../../testing/api';
import { renderWithApp } from '../../../testing/render';
import { ProposalForm, proposalFormValues } from './proposal-form';

const edition = anEdition();
const field = (label: string) => screen.getByLabelText(label);

function renderForm(extra: { error?: unknown; publicName?: string | null } = {}) {
  const onSubmit = jest.fn();
  renderWithApp(
    <ProposalForm
      edition={edition}
      initial={proposalFormValues(null, 'centro')}
      mode="submit"
      publicName={extra.publicName ?? null}
      pending={false}
      error={extra.error ?? null}
      onSubmit={onSubmit}
    />,
  );
  return onSubmit;
}

const send = () => userEvent.click(screen.getByRole('button', { name: 'Enviar propuesta' }));

describe('the proposal form', () => {
  it('checks every field with the contract before sending, says it next to each, and focuses the first', async () => {
    const onSubmit = renderForm();
    await send();
    expect(screen.getByRole('alert')).toHaveTextContent('Hay 3 datos por corregir');
    expect(field('Título *')).toHaveAttribute('aria-invalid', 'true');
    expect(field('Título *')).toHaveAccessibleDescription(/Escribe al menos 5 letras\./);
    expect(field('Descripción *')).toHaveAccessibleDescription(/Escribe al menos 20 letras\./);
    expect(field('Costo estimado en pesos *')).toHaveAccessibleDescription(/Escribe una cantidad en pesos/);
    expect(field('Distrito *')).not.toHaveAttribute('aria-invalid');
    expect(field('Título *')).toHaveFocus();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('holds a cost outside the edition’s range, in pesos', async () => {
    renderForm();
    await userEvent.type(field('Costo estimado en pesos *'), '20');
    await send();
    expect(field('Costo estimado en pesos *')).toHaveAccessibleDescription(/El costo debe estar entre/);
  });

  it('sends the request the contract reads: pesos as typed become a number, blanks become null', async () => {
    const onSubmit = renderForm();
    await userEvent.type(field('Título *'), 'Parque Alameda');
    await userEvent.type(field('Descripción *'), 'Un parque con árboles y juegos para las familias.');
    await userEvent.type(field('Costo estimado en pesos *'), '$600,000');
    await send();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0][0]).toEqual({
      title: 'Parque Alameda',
      description: 'Un parque con árboles y juegos para las familias.',
      district: 'centro',
      estimatedCost: 600_000,
      category: null,
      location: null,
    });
  });

  it('asks no author name: it says how the proposal will show and links to the public name control', () => {
    renderForm({ publicName: 'Ana' });
    expect(screen.getByText(/Tu propuesta aparecerá con tu nombre público: Ana\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Cambiar mi nombre público' })).toHaveAttribute('href', '/account');
    expect(screen.queryByLabelText(/Nombre/)).not.toBeInTheDocument();
  });

  it('says the proposal will show as anonymous when there is no public name', () => {
    renderForm();
    expect(screen.getByText(/Tu propuesta aparecerá como «Anónimo»/)).toBeInTheDocument();
  });

  it('shows the server’s field messages next to their fields', () => {
    const error = new ApiError({
      type: 'about:blank',
      title: 'Datos no válidos',
      status: 400,
      detail: 'Revisa los campos señalados',
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'body.title', message: 'Ya existe una propuesta con ese título.' }],
    });
    renderForm({ error });
    expect(field('Título *')).toHaveAttribute('aria-invalid', 'true');
    expect(field('Título *')).toHaveAccessibleDescription(/Ya existe una propuesta con ese título\./);
    expect(within(screen.getByRole('alert')).getByText('Revisa los campos señalados')).toBeInTheDocument();
  });
});

describe('the proposal form of an edition with a citywide pool', () => {
  it('offers the citywide pool beside the districts', async () => {
    const onSubmit = jest.fn();
    renderWithApp(
      <ProposalForm
        edition={anEdition({ citywidePool: { id: 'ciudad', name: 'Toda la ciudad', budget: 2_000_000 } })}
        initial={proposalFormValues(null, 'centro')}
        mode="submit"
        publicName={null}
        pending={false}
        error={null}
        onSubmit={onSubmit}
      />,
    );
    await userEvent.selectOptions(field('Distrito *'), 'Toda la ciudad');
    await userEvent.type(field('Título *'), 'Ciclovía metropolitana');
    await userEvent.type(field('Descripción *'), 'Una ciclovía continua que una los distritos.');
    await userEvent.type(field('Costo estimado en pesos *'), '900000');
    await userEvent.click(screen.getByRole('button', { name: 'Enviar propuesta' }));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({ district: 'ciudad' });
  });
});
