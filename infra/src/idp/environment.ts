import type { IdentityProviderOptions } from './identity-provider';

const DEFAULT_PORT = 4000;
const DEFAULT_CLIENT_ID = 'decidimos';
const DEFAULT_CLIENT_SECRET = 'decidimos-dev-secret';
const DEFAULT_REDIRECT_URIS = 'http://localhost:3000/auth/callback,http://127.0.0.1:3000/auth/callback';

/**
 * The standalone provider's options from IDP_* variables. Without
 * IDP_POST_LOGOUT_REDIRECT_URIS, the clients may return to the root of any redirect URI's
 * origin after logout.
 */
export function identityProviderOptionsFromEnv(env: NodeJS.ProcessEnv): IdentityProviderOptions {
  const redirectUris = list(env.IDP_REDIRECT_URIS ?? DEFAULT_REDIRECT_URIS);
  const postLogoutRedirectUris = env.IDP_POST_LOGOUT_REDIRECT_URIS
    ? list(env.IDP_POST_LOGOUT_REDIRECT_URIS)
    : [...new Set(redirectUris.map((uri) => `${new URL(uri).origin}/`))];
  return {
    port: port(env.IDP_PORT),
    host: env.IDP_HOST || undefined,
    issuer: env.IDP_ISSUER || undefined,
    clients: [
      {
        clientId: env.IDP_CLIENT_ID || DEFAULT_CLIENT_ID,
        clientSecret: env.IDP_CLIENT_SECRET || DEFAULT_CLIENT_SECRET,
        redirectUris,
        postLogoutRedirectUris,
      },
    ],
    autoLogin: flag('IDP_AUTO_LOGIN', env.IDP_AUTO_LOGIN, env.NODE_ENV !== 'production'),
    jwksFile: env.IDP_JWKS_FILE || undefined,
  };
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function port(value: string | undefined): number {
  if (!value) return DEFAULT_PORT;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new Error(`IDP_PORT is not a port: ${value}`);
  return parsed;
}

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (!value) return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new Error(`${name} must be true or false, not ${value}`);
}
