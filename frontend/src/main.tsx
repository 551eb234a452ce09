import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main>
      <h1>Decidimos Monterrey</h1>
      <p>
        <a href="/auth/login?returnTo=/">Iniciar sesión con iD Digital Mty+</a>
      </p>
      <p>
        <a href="/api/processes">Ediciones</a> · <a href="/api/docs">API</a>
      </p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
