import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { en } from '../lib/i18n/en';
import { es } from '../lib/i18n/es';
import { createI18n, type Language } from '../lib/i18n/i18n';

/** Renders a component as the app would: strings in `language`, a router, and a query client that does not retry. */
export function renderWithApp(ui: ReactElement, { language = 'es' as Language } = {}) {
  const i18n = createI18n(language, { es, en });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter>{ui}</MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}
