import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@decidimos/contracts': fileURLToPath(new URL('../contracts/src/index.ts', import.meta.url)) },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/auth': 'http://localhost:3000', '/health': 'http://localhost:3000' },
  },
});
