import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Every setting comes from the environment; the README lists them all. */
export interface Config {
  port: number;
  host: string;
  /** Public base URL of the backend; when unset, the redirect URI follows the request's Host. */
  publicUrl: string | null;
  dataDir: string;
  /** KurrentDB/EventStoreDB connection string; the embedded SQLite log under DATA_DIR when unset. */
  eventStoreUrl: string | null;
  /** MongoDB connection string naming the database; the embedded SQLite read models under DATA_DIR when unset. */
  mongoDbUrl: string | null;
  oidc: { issuer: string; clientId: string; clientSecret: string };
  /** Key of the voter pseudonym HMAC; generated into DATA_DIR when unset (development). */
  voterKey: Buffer;
  /** Ed25519 seed, 64 hex characters, that signs tree heads; generated into DATA_DIR when unset (development). */
  auditSigningKey: string;
  /** Longest time events wait for a signed tree head while they arrive (seconds). */
  treeHeadIntervalSeconds: number;
  /** Longest time a request waits for the projections to take in an event before it answers 503 (seconds). */
  projectionWaitSeconds: number;
  /** iD subjects that are admins from the start (the others are granted by admins, as events). */
  adminSubjects: string[];
  sessionTtlSeconds: number;
  seedDemo: boolean;
  production: boolean;
  frontendDir: string | null;
  /** Addresses or CIDR ranges of the reverse proxies whose X-Forwarded-* headers are believed; none by default. */
  trustedProxies: string[];
  /** Requests allowed per window; the README says what each counts. */
  rateLimits: { windowSeconds: number; logins: number; writes: number; downloads: number };
  /** Memory kept for serialised public downloads (audit export pages, pabulib files). */
  downloadCacheBytes: number;
  /** Lowest level written to the log; `info` by default. */
  logLevel: LogLevel;
  /** File the JSON log lines are appended to; standard output when unset. */
  logFile: string | null;
  /** SMTP server notifications are sent through (smtp:// or smtps://); unset: mails go to DATA_DIR/outbox. */
  smtpUrl: string | null;
  /** The From of notification e-mails. */
  mailFrom: string;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  constructor(setting: string, problem: string) {
    super(`${setting}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  return value;
}

/** A limit of 0 would refuse everything, so limits start at 1. */
function positive(env: Env, name: string, fallback: number): number {
  const value = integer(env, name, fallback);
  if (value === 0) throw new ConfigError(name, 'expected at least 1');
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `expected true or false, got "${raw}"`);
}

function logLevel(env: Env): LogLevel {
  const raw = env['LOG_LEVEL']?.trim().toLowerCase();
  if (!raw) return 'info';
  const level = LOG_LEVELS.find((known) => known === raw);
  if (!level) throw new ConfigError('LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}, got "${env['LOG_LEVEL']}"`);
  return level;
}

function required(name: string): never {
  throw new ConfigError(name, 'must be set in production');
}

function list(env: Env, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A secret from the environment, or in development one generated once and kept in DATA_DIR. */
function secret(env: Env, name: string, dataDir: string, file: string, production: boolean): Buffer {
  const raw = env[name];
  if (raw) {
    if (raw.length < 32) throw new ConfigError(name, 'use at least 32 characters (e.g. openssl rand -hex 32)');
    return Buffer.from(raw, 'utf8');
  }
  if (production) throw new ConfigError(name, 'must be set in production');
  const path = join(dataDir, file);
  if (!existsSync(path)) writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600 });
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'utf8');
}

function signingKey(env: Env, dataDir: string, production: boolean): string {
  const key = secret(env, 'AUDIT_SIGNING_KEY', dataDir, 'audit-signing-key.txt', production).toString('utf8');
  if (!/^[0-9a-fA-F]{64}$/.test(key)) {
    throw new ConfigError('AUDIT_SIGNING_KEY', 'expected an Ed25519 seed as 64 hex characters (openssl rand -hex 32)');
  }
  return key.toLowerCase();
}

export function loadConfig(env: Env = process.env): Config {
  const production = env['NODE_ENV'] === 'production';
  const dataDir = resolve(env['DATA_DIR'] || './data');
  mkdirSync(dataDir, { recursive: true });
  const idpPort = integer(env, 'IDP_PORT', 4000);
  return {
    port: integer(env, 'PORT', 3000),
    host: env['HOST'] || '0.0.0.0',
    publicUrl: env['PUBLIC_URL']?.replace(/\/$/, '') || null,
    dataDir,
    eventStoreUrl: env['EVENTSTORE_URL']?.trim() || null,
    mongoDbUrl: env['MONGODB_URL']?.trim() || null,
    oidc: {
      issuer: env['OIDC_ISSUER'] || `http://127.0.0.1:${idpPort}`,
      clientId: env['OIDC_CLIENT_ID'] || 'decidimos',
      clientSecret: env['OIDC_CLIENT_SECRET'] || (production ? required('OIDC_CLIENT_SECRET') : 'decidimos-dev-secret'),
    },
    voterKey: secret(env, 'VOTER_KEY', dataDir, 'voter-key.txt', production),
    auditSigningKey: signingKey(env, dataDir, production),
    treeHeadIntervalSeconds: positive(env, 'TREE_HEAD_INTERVAL', 60),
    projectionWaitSeconds: positive(env, 'PROJECTION_WAIT_SECONDS', 30),
    adminSubjects: (env['ADMIN_SUBJECTS'] ?? 'admin')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    sessionTtlSeconds: integer(env, 'SESSION_TTL_HOURS', 12) * 3600,
    seedDemo: flag(env, 'SEED_DEMO', true),
    production,
    frontendDir: env['FRONTEND_DIR'] ?? null,
    trustedProxies: list(env, 'TRUSTED_PROXIES'),
    rateLimits: {
      windowSeconds: positive(env, 'RATE_LIMIT_WINDOW_SECONDS', 60),
      logins: positive(env, 'RATE_LIMIT_LOGINS', 300),
      writes: positive(env, 'RATE_LIMIT_WRITES', 120),
      downloads: positive(env, 'RATE_LIMIT_DOWNLOADS', 60),
    },
    downloadCacheBytes: integer(env, 'DOWNLOAD_CACHE_MB', 64) * 1024 * 1024,
    logLevel: logLevel(env),
    logFile: env['LOG_FILE']?.trim() || null,
    smtpUrl: env['SMTP_URL']?.trim() || null,
    mailFrom: env['MAIL_FROM']?.trim() || 'Decidimos Monterrey <avisos@decidimos.localhost>',
  };
}

export const CONFIG = Symbol('Config');
