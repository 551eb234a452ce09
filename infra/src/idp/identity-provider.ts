import { generateKeyPair, randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import {
  errors,
  interactionPolicy,
  Provider,
  type AsymmetricSigningAlgorithm,
  type ClientMetadata,
  type Configuration,
  type FindAccount,
  type JWK,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import { accountClaims } from './accounts';
import { createMemoryAdapter } from './memory-adapter';
import { accountPickerPage, errorPage, loggedOutPage, logoutPage } from './pages';

export interface IdentityProviderClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
}

export interface IdentityProviderOptions {
  /** 0 picks a free port. */
  port: number;
  /** Interface to listen on; 127.0.0.1 by default. */
  host?: string;
  /** Defaults to http://127.0.0.1:<port>. */
  issuer?: string;
  /** First-party clients: they get every scope they ask for without a consent page. */
  clients: IdentityProviderClient[];
  /** Development only: a login_hint naming an account logs it in without the picker page. */
  autoLogin: boolean;
  /** A JWKS with private keys to sign with; by default an RSA key is generated at start. */
  jwksFile?: string;
}

export interface RunningIdentityProvider {
  issuer: string;
  port: number;
  close(): Promise<void>;
}

const DEFAULT_HOST = '127.0.0.1';
const INTERACTION_PATH = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/;
const MAX_FORM_BYTES = 4096;
const HOUR = 3600;
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
};

/** Starts the local stand-in for iD Digital Mty+ and resolves once it accepts requests. */
export async function startIdentityProvider(options: IdentityProviderOptions): Promise<RunningIdentityProvider> {
  const server = createServer();
  await listen(server, options.port, options.host ?? DEFAULT_HOST);
  const { port } = server.address() as AddressInfo;
  const issuer = options.issuer ?? `http://127.0.0.1:${port}`;
  try {
    const provider = new Provider(issuer, await configuration(options));
    // Behind a TLS-terminating proxy, trust X-Forwarded-Proto so that URLs keep https.
    provider.proxy = new URL(issuer).protocol === 'https:';
    server.on('request', requestHandler(provider, options.autoLogin));
  } catch (error) {
    await close(server);
    throw error;
  }
  return { issuer, port, close: () => close(server) };
}

async function configuration(options: IdentityProviderOptions): Promise<Configuration> {
  const jwks = options.jwksFile ? await loadJwks(options.jwksFile) : await generateJwks();
  const signingAlg = signingAlgorithm(jwks.keys[0]);
  return {
    adapter: createMemoryAdapter(),
    clients: options.clients.map((client) => clientMetadata(client, signingAlg)),
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    scopes: ['openid'],
    claims: {
      openid: ['sub'],
      email: ['email'],
      profile: ['name', 'birthdate'],
      mty: ['curp', 'district', 'resident', 'birthdate'],
    },
    // The backend reads the claims from the ID token, not from userinfo.
    conformIdTokenClaims: false,
    findAccount,
    loadExistingGrant: grantWhatIsRequested,
    interactions: {
      policy: loginPolicy(),
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    cookies: {
      // Distinct names, because browsers share cookies between ports of the same host.
      names: { session: 'idp_session', interaction: 'idp_interaction', resume: 'idp_interaction_resume' },
      // Sessions live in memory, so keys that change with each start lose nothing.
      keys: [randomBytes(32).toString('base64url')],
    },
    jwks,
    enabledJWA: { idTokenSigningAlgValues: [signingAlg] },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => sendKoaPage(ctx, logoutPage(form)),
        postLogoutSuccessSource: (ctx) => sendKoaPage(ctx, loggedOutPage()),
      },
    },
    renderError: (ctx, out) => sendKoaPage(ctx, errorPage(out.error, out.error_description)),
    ttl: {
      AccessToken: HOUR,
      AuthorizationCode: 60,
      IdToken: HOUR,
      Interaction: HOUR,
      Grant: 8 * HOUR,
      Session: 8 * HOUR,
    },
  };
}

function clientMetadata(client: IdentityProviderClient, signingAlg: AsymmetricSigningAlgorithm): ClientMetadata {
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uris: client.redirectUris,
    post_logout_redirect_uris: client.postLogoutRedirectUris ?? [],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    // oidc-provider also accepts client_secret_post from a client registered for basic.
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: signingAlg,
  };
}

const findAccount: FindAccount = (_ctx, sub) => {
  const claims = accountClaims(sub);
  return claims && { accountId: sub, claims: () => ({ ...claims }) };
};

/** Every client is first-party: consent is given for whatever it asks, with no page. */
async function grantWhatIsRequested(ctx: KoaContextWithOIDC) {
  const { oidc } = ctx;
  const clientId = oidc.client?.clientId;
  const accountId = oidc.account?.accountId;
  if (clientId === undefined || accountId === undefined) return undefined;
  const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId);
  const existing = grantId === undefined ? undefined : await oidc.provider.Grant.find(grantId);
  const grant = existing ?? new oidc.provider.Grant({ accountId, clientId });
  grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
  grant.addOIDCClaims([...oidc.requestParamClaims]);
  await grant.save();
  return grant;
}

/** The default policy, plus: a login_hint naming another account than the signed-in one asks for a login. */
function loginPolicy() {
  const policy = interactionPolicy.base();
  policy.get('login')?.checks.add(
    new interactionPolicy.Check('login_hint_other_account', 'login_hint names another account', (ctx) => {
      const hint = ctx.oidc.params?.login_hint;
      const signedIn = ctx.oidc.session?.accountId;
      return typeof hint === 'string' && signedIn !== undefined && hint !== signedIn && !ctx.oidc.result?.login;
    }),
  );
  return policy;
}

function requestHandler(provider: Provider, autoLogin: boolean) {
  const providerCallback = provider.callback();
  return (req: IncomingMessage, res: ServerResponse) => {
    const [, uid, action] = INTERACTION_PATH.exec(new URL(req.url ?? '/', 'http://idp').pathname) ?? [];
    if (uid === undefined) {
      void providerCallback(req, res);
      return;
    }
    const interaction = { provider, autoLogin, path: `/interaction/${uid}`, req, res };
    handleInteraction(interaction, action).catch((error: unknown) => sendError(res, error));
  };
}

interface InteractionRequest {
  provider: Provider;
  autoLogin: boolean;
  /** The interaction's own path, which its cookie is scoped to. */
  path: string;
  req: IncomingMessage;
  res: ServerResponse;
}

async function handleInteraction(interaction: InteractionRequest, action: string | undefined): Promise<void> {
  const expectedMethod = action === undefined ? 'GET' : 'POST';
  if (interaction.req.method !== expectedMethod) {
    sendPage(interaction.res, 405, errorPage('method_not_allowed', `use ${expectedMethod}`));
    return;
  }
  if (action === 'login') return logInFromForm(interaction);
  if (action === 'abort') return abort(interaction);
  return showAccountPicker(interaction);
}

async function showAccountPicker(interaction: InteractionRequest): Promise<void> {
  const { provider, autoLogin, path, req, res } = interaction;
  const { params } = await provider.interactionDetails(req, res);
  const hint = typeof params.login_hint === 'string' ? params.login_hint : undefined;
  if (autoLogin && hint !== undefined) return logIn(interaction, hint);
  sendPage(res, 200, accountPickerPage({ action: path, account: hint }));
}

async function logInFromForm(interaction: InteractionRequest): Promise<void> {
  const form = await readForm(interaction.req);
  return logIn(interaction, (form.get('account') ?? '').trim());
}

async function logIn({ provider, path, req, res }: InteractionRequest, account: string): Promise<void> {
  if (!accountClaims(account)) {
    sendPage(res, 400, accountPickerPage({ action: path, account, unknownAccount: true }));
    return;
  }
  await provider.interactionFinished(req, res, { login: { accountId: account } }, { mergeWithLastSubmission: false });
}

async function abort({ provider, req, res }: InteractionRequest): Promise<void> {
  await provider.interactionFinished(
    req,
    res,
    { error: 'access_denied', error_description: 'the end-user cancelled the sign-in' },
    { mergeWithLastSubmission: false },
  );
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  req.setEncoding('utf8');
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > MAX_FORM_BYTES) throw new errors.InvalidRequest('the form is too large');
  }
  return new URLSearchParams(body);
}

function sendPage(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, PAGE_HEADERS).end(html);
}

function sendKoaPage(ctx: KoaContextWithOIDC, html: string): void {
  ctx.type = 'html';
  ctx.body = html;
}

function sendError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof errors.OIDCProviderError) {
    sendPage(res, error.statusCode, errorPage(error.error, error.error_description));
    return;
  }
  console.error('identity provider: interaction failed', error);
  sendPage(res, 500, errorPage('server_error', undefined));
}

async function loadJwks(file: string): Promise<{ keys: JWK[] }> {
  const jwks = JSON.parse(await readFile(file, 'utf8')) as { keys?: JWK[] };
  if (!Array.isArray(jwks.keys) || jwks.keys.length === 0) throw new Error(`${file} holds no keys`);
  return { keys: jwks.keys };
}

async function generateJwks(): Promise<{ keys: JWK[] }> {
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  return { keys: [{ ...jwk, kid: randomUUID(), alg: 'RS256', use: 'sig' }] };
}

// An alg that oidc-provider does not support fails its configuration check at start.
function signingAlgorithm(key: JWK | undefined): AsymmetricSigningAlgorithm {
  if (key?.alg) return key.alg as AsymmetricSigningAlgorithm;
  return key?.kty === 'EC' ? 'ES256' : 'RS256';
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
