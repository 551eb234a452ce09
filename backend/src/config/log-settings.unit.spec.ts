import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'decidimos-config-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('LOG_LEVEL', () => {
  it.each([undefined, ''])('is info when %p', (value) => {
    expect(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: value }).logLevel).toBe('info');
  });

  it.each(['fatal', 'error', 'warn', 'info', 'debug', 'trace'])('takes %s', (level) => {
    expect(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: level }).logLevel).toBe(level);
  });

  it('takes a level written in capitals, as other tools print them', () => {
    expect(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: ' WARN ' }).logLevel).toBe('warn');
  });

  it.each(['verbose', 'warning', 'silent', '10'])('refuses %s, naming the setting and the levels', (level) => {
    const load = () => loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: level });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(`LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, got "${level}"`);
  });
});

describe('LOG_FILE', () => {
  it('logs to standard output by default', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).logFile).toBeNull();
  });

  it('takes a path to append the lines to', () => {
    expect(loadConfig({ DATA_DIR: dataDir, LOG_FILE: '/var/log/decidimos/backend.log' }).logFile).toBe(
      '/var/log/decidimos/backend.log',
    );
  });
});
