import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { useState, type ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, MemoryRouter, RouterProvider } from 'react-router';
import { appRoutes } from '../app/router';
import { problemsEn } from '@decidimos/contracts/api/problems/en';
import { en } from '../lib/i18n/en';
import { createI18n, spanish, type Language } from '../lib/i18n/i18n';

/** Renders a component as the app would: strings in `language`, a router, and a query client that does not retry. */
export function renderWithApp(ui: ReactElement, { language = 'es' as Language } = {}) {
  return render(<Providers language={language}>{() => <MemoryRouter>{ui}</MemoryRouter>}</Providers>);
}

/** Opens `path` in the whole app (layout, routes and their loaders), as a browser would. */
export function renderApp(path: string, { language = 'es' as Language } = {}) {
  return render(
    <Providers language={language}>{(queryClient) => <AppAt path={path} queryClient={queryClient} />}</Providers>,
  );
}

function AppAt({ path, queryClient }: { path: string; queryClient: QueryClient }) {
  const [router] = useState(() => createMemoryRouter(appRoutes(queryClient), { initialEntries: [path] }));
  return <RouterProvider router={router} />;
}

function Providers({
  language,
  children,
}: {
  language: Language;
  children: (queryClient: QueryClient) => ReactElement;
}) {
  const [i18n] = useState(() => createI18n(language, { es: spanish, en: { translation: en, ...problemsEn } }));
  const [queryClient] = useState(
    // The app's freshness (app.tsx), so whether a page reads again does not hang on how fast the test runs.
    () =>
      new QueryClient({
        defaultOptions: { queries: { retry: false, staleTime: 15_000 }, mutations: { retry: false } },
      }),
  );
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>{children(queryClient)}</QueryClientProvider>
    </I18nextProvider>
  );
}
