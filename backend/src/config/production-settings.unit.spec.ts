import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'decidimos-config-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const production = () => ({
  DATA_DIR: dataDir,
  NODE_ENV: 'production',
  VOTER_KEY: 'v'.repeat(32),
  AUDIT_SIGNING_KEY: 'ab'.repeat(32),
  OIDC_CLIENT_SECRET: 'a-client-secret-from-id-digital',
});

describe('OIDC_CLIENT_SECRET', () => {
  it('is taken as given in production', () => {
    expect(loadConfig(production()).oidc.clientSecret).toBe('a-client-secret-from-id-digital');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
  ])('refuses to start production when %s', (_, value) => {
    const env = { ...production(), OIDC_CLIENT_SECRET: value };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow('OIDC_CLIENT_SECRET: must be set in production');
  });

  it('falls back to the local provider’s secret in development', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).oidc.clientSecret).toBe('decidimos-dev-secret');
  });
});

describe('VOTER_KEY', () => {
  it('refuses to start production without it, rather than generate one', () => {
    const env = { ...production(), VOTER_KEY: undefined };
    expect(() => loadConfig(env)).toThrow('VOTER_KEY: must be set in production');
  });
});

describe('TRUSTED_PROXIES', () => {
  it('trusts no proxy by default', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).trustedProxies).toEqual([]);
  });

  it('takes a comma-separated list of addresses and CIDR ranges', () => {
    const config = loadConfig({ DATA_DIR: dataDir, TRUSTED_PROXIES: ' 10.0.0.0/8, 192.168.1.5 ,,::1' });
    expect(config.trustedProxies).toEqual(['10.0.0.0/8', '192.168.1.5', '::1']);
  });
});
