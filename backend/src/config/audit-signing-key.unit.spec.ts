import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'decidimos-config-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('AUDIT_SIGNING_KEY', () => {
  it('takes an Ed25519 seed of 64 hex characters, in either case', () => {
    const key = 'AB'.repeat(32);
    expect(loadConfig({ DATA_DIR: dataDir, AUDIT_SIGNING_KEY: key }).auditSigningKey).toBe(key.toLowerCase());
  });

  it('refuses anything else, saying what it expects', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir, AUDIT_SIGNING_KEY: 'zz'.repeat(32) })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir, AUDIT_SIGNING_KEY: 'ab'.repeat(40) })).toThrow(/64 hex characters/);
  });

  it('in development, generates a key into DATA_DIR once and keeps using it', () => {
    const first = loadConfig({ DATA_DIR: dataDir }).auditSigningKey;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(dataDir, 'audit-signing-key.txt'), 'utf8').trim()).toBe(first);
    expect(loadConfig({ DATA_DIR: dataDir }).auditSigningKey).toBe(first);
  });

  it('must be set in production', () => {
    const production = {
      DATA_DIR: dataDir,
      NODE_ENV: 'production',
      VOTER_KEY: 'v'.repeat(32),
      OIDC_CLIENT_SECRET: 's'.repeat(32),
    };
    expect(() => loadConfig(production)).toThrow('AUDIT_SIGNING_KEY: must be set in production');
  });
});
