import { screen } from '@testing-library/react';
import { ApiError, NetworkError } from '../lib/api-client';
import { renderWithApp } from '../testing/render';
import { ProblemAlert } from './problem-alert';

const problem = (status: number, code: string, detail: string) =>
  new ApiError({ type: 'about:blank', title: 'ignored', status, detail, code });

describe('a failing request says what happened and what to do', () => {
  it('names a rule the server enforced in the reader’s language, with its detail and how to fix it', () => {
    renderWithApp(<ProblemAlert error={problem(422, 'OVER_BUDGET', 'Tu selección cuesta 1100000 pesos.')} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Presupuesto excedido');
    expect(alert).toHaveTextContent('Tu selección cuesta 1100000 pesos.');
    expect(alert).toHaveTextContent('Corrige lo señalado y vuelve a enviar.');
  });

  it('offers the login when the session is missing', () => {
    renderWithApp(<ProblemAlert error={problem(401, 'UNAUTHENTICATED', '')} />);
    expect(screen.getByRole('link', { name: 'Entrar con iD Digital' })).toHaveAttribute(
      'href',
      expect.stringContaining('/auth/login?returnTo='),
    );
  });

  it('tells a dropped connection apart from a refusal, and offers a retry', () => {
    const retry = jest.fn();
    renderWithApp(<ProblemAlert error={new NetworkError(new TypeError('fetch failed'))} onRetry={retry} />, {
      language: 'en',
    });
    expect(screen.getByRole('alert')).toHaveTextContent('No connection to the server');
    expect(screen.getByRole('alert')).toHaveTextContent('What you typed is still here.');
    screen.getByRole('button', { name: 'Try again' }).click();
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('says a phase change is needed when the state changed meanwhile', () => {
    renderWithApp(<ProblemAlert error={problem(409, 'PHASE_CLOSED', 'La edición está en «counting».')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Fase cerrada');
    expect(screen.getByRole('alert')).toHaveTextContent('Recarga la página para ver cómo está ahora.');
  });
});
