// Test tiers by file suffix, so each tier runs on its own (`jest --selectProjects unit`).
// TypeScript is compiled to CommonJS by swc; the ES-module-only dependencies (NestJS 12,
// openid-client 6, oidc-provider 9) load through require(esm), which jest only allows when
// Node runs with --experimental-vm-modules (set by the npm scripts).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
  },
];
const shared = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@decidimos/contracts$': '<rootDir>/contracts/src/index.ts',
    '^@decidimos/contracts/(.*)$': '<rootDir>/contracts/src/$1',
    '^@decidimos/infra$': '<rootDir>/infra/src/index.ts',
    '^@decidimos/infra/(.*)$': '<rootDir>/infra/src/$1',
    '\\.css$': '<rootDir>/frontend/src/testing/style-mock.cjs',
    // A dynamic import() names the file it loads (the built backend's ES-module resolver needs
    // the extension); the sources it names are .ts.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  rootDir: __dirname,
};
const tier = (displayName, suffix, extra = {}) => ({
  ...shared,
  displayName,
  testMatch: [`<rootDir>/{contracts,backend,infra}/src/**/*.${suffix}.spec.ts?(x)`],
  ...extra,
});
module.exports = {
  // A guard against hangs, not a speed target: whole editions over real HTTP and a real
  // wire-protocol server take seconds on a busy 2-core machine (speed lives in npm run bench).
  testTimeout: 30_000,
  projects: [
    tier('unit', 'unit'),
    tier('contract', 'contract'),
    tier('int', 'int'),
    tier('differential', 'differential'),
    // Needs FerretDB (scripts/install-ferretdb.sh), so `npm test` on a fresh clone leaves it out; .ci/run runs it.
    tier('mongo', 'mongo'),
    // Needs Mailpit (scripts/install-mailpit.sh), so `npm test` leaves it out too; .ci/run runs it.
    tier('mail', 'mail'),
    // The SPA's component and unit tests run in a browser-like DOM: jsdom with Node's own
    // fetch, Request and Response (jest-fixed-jsdom), which MSW answers (src/testing/api.ts).
    {
      ...shared,
      displayName: 'frontend',
      testEnvironment: 'jest-fixed-jsdom',
      testMatch: ['<rootDir>/frontend/src/**/*.unit.spec.ts?(x)'],
      setupFilesAfterEnv: ['<rootDir>/frontend/src/testing/setup.ts'],
    },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/frontend/e2e/**/*.e2e.spec.ts'] },
  ],
};
