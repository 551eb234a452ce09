import { identityProviderOptionsFromEnv } from './environment';

describe('identityProviderOptionsFromEnv', () => {
  it('defaults to the local decidimos client on port 4000 with auto-login', () => {
    expect(identityProviderOptionsFromEnv({})).toEqual({
      port: 4000,
      host: undefined,
      issuer: undefined,
      clients: [
        {
          clientId: 'decidimos',
          clientSecret: 'decidimos-dev-secret',
          redirectUris: ['http://localhost:3000/auth/callback', 'http://127.0.0.1:3000/auth/callback'],
          postLogoutRedirectUris: ['http://localhost:3000/', 'http://127.0.0.1:3000/'],
        },
      ],
      autoLogin: true,
      jwksFile: undefined,
    });
  });

  it('turns auto-login off in production unless asked for', () => {
    expect(identityProviderOptionsFromEnv({ NODE_ENV: 'production' }).autoLogin).toBe(false);
    expect(identityProviderOptionsFromEnv({ NODE_ENV: 'production', IDP_AUTO_LOGIN: 'true' }).autoLogin).toBe(true);
    expect(identityProviderOptionsFromEnv({ IDP_AUTO_LOGIN: 'false' }).autoLogin).toBe(false);
  });

  it('reads the client, the issuer and comma-separated URI lists', () => {
    const options = identityProviderOptionsFromEnv({
      IDP_PORT: '4100',
      IDP_ISSUER: 'https://idp.example.test',
      IDP_CLIENT_ID: 'backend',
      IDP_CLIENT_SECRET: 's3cret',
      IDP_REDIRECT_URIS: 'https://app.example.test/auth/callback, https://admin.example.test/auth/callback',
      IDP_POST_LOGOUT_REDIRECT_URIS: 'https://app.example.test/bye',
    });
    expect(options).toMatchObject({
      port: 4100,
      issuer: 'https://idp.example.test',
      clients: [
        {
          clientId: 'backend',
          clientSecret: 's3cret',
          redirectUris: ['https://app.example.test/auth/callback', 'https://admin.example.test/auth/callback'],
          postLogoutRedirectUris: ['https://app.example.test/bye'],
        },
      ],
    });
  });

  it('refuses a port or a flag it cannot read', () => {
    expect(() => identityProviderOptionsFromEnv({ IDP_PORT: 'http' })).toThrow(/IDP_PORT/);
    expect(() => identityProviderOptionsFromEnv({ IDP_AUTO_LOGIN: 'maybe' })).toThrow(/IDP_AUTO_LOGIN/);
  });
});
