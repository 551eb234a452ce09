import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const contracts = fileURLToPath(new URL('../contracts/src/', import.meta.url));
// The dev server proxies to the backend of `npm start`; BACKEND_URL points it elsewhere.
const backend = process.env['BACKEND_URL'] ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The SPA imports the contracts' pure modules from source, one subpath each, so a route
    // bundles only the part it uses (the receipt check needs the audit code, the ballot does not).
    alias: [{ find: /^@decidimos\/contracts\/(.*)$/, replacement: `${contracts}$1` }],
  },
  // Source maps are written beside each chunk but not named in it: the comment naming the map
  // cost the voting route ~0.6 KB of its 150 KB gzip budget (scripts/bundle-size.mjs).
  build: { manifest: true, sourcemap: 'hidden' },
  server: { proxy: { '/api': backend, '/auth': backend, '/health': backend } },
});
