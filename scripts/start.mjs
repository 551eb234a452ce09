// `npm start`: the local iD Digital stand-in and the backend (serving the SPA) on the
// embedded store. Both stop together; Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BACKEND_ENTRY, BACKEND_NODE_OPTIONS } from './lib/backend.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env };
const port = env.PORT || '3000';
const idpPort = env.IDP_PORT || '4000';
const startIdp = (env.START_IDP ?? 'true') !== 'false';

if (startIdp) {
  env.IDP_PORT = idpPort;
  env.IDP_ISSUER ||= `http://127.0.0.1:${idpPort}`;
  env.OIDC_ISSUER ||= env.IDP_ISSUER;
  // The stand-in registers the backend as its client, with the backend's own credentials.
  env.IDP_CLIENT_ID ||= env.OIDC_CLIENT_ID || 'decidimos';
  env.IDP_CLIENT_SECRET ||= env.OIDC_CLIENT_SECRET || 'decidimos-dev-secret';
  const publicOrigins = env.PUBLIC_URL
    ? [env.PUBLIC_URL.replace(/\/$/, '')]
    : [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  env.IDP_REDIRECT_URIS ||= publicOrigins.map((origin) => `${origin}/auth/callback`).join(',');
}

const children = [];
function run(name, script, nodeOptions = []) {
  const child = spawn(process.execPath, [...nodeOptions, script], { cwd: root, env, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    console.log(`${name} stopped (${signal ?? code})`);
    for (const other of children) if (other !== child && other.exitCode === null) other.kill('SIGTERM');
    process.exitCode = code ?? 0;
  });
  children.push(child);
}

if (startIdp) run('identity provider', 'infra/dist/idp/main.js');
run('backend', BACKEND_ENTRY, BACKEND_NODE_OPTIONS);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) if (child.exitCode === null) child.kill(signal);
  });
}
console.log(`\nDecidimos: open http://localhost:${port} (identity provider on http://127.0.0.1:${idpPort})\n`);
