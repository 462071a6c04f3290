/** Unit tests sit beside the code; end-to-end tests in test/ drive GraphQL over HTTP against real PostgreSQL. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': swc },
  // NestJS 12 and jose ship as ES modules; Node 20's require(esm) is not available
  // inside Jest's module system, so they are compiled to CommonJS like the project's own code.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|jose|graphql-ws)/)'],
  moduleNameMapper: {
    '^@haven/platform$': '<rootDir>/libs/platform/src',
    '^@haven/platform/(.*)$': '<rootDir>/libs/platform/src/$1',
    '^@haven/children$': '<rootDir>/libs/children/src',
    '^@haven/children/(.*)$': '<rootDir>/libs/children/src/$1',
    '^@haven/guardianship$': '<rootDir>/libs/guardianship/src',
    '^@haven/age-assessment$': '<rootDir>/libs/age-assessment/src',
    '^@haven/placements$': '<rootDir>/libs/placements/src',
    '^@haven/missing$': '<rootDir>/libs/missing/src',
    '^@haven/durable-solutions$': '<rootDir>/libs/durable-solutions/src',
    '^@haven/alerts$': '<rootDir>/libs/alerts/src',
    '^@haven/meetings$': '<rootDir>/libs/meetings/src',
    '^@haven/statistics$': '<rootDir>/libs/statistics/src',
    '^@haven/web$': '<rootDir>/libs/web/src',
    '^@haven/web/(.*)$': '<rootDir>/libs/web/src/$1',
    '^@haven/migrations$': '<rootDir>/migrations',
  },
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,migrations,scripts}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    // slow fault-injection suites (killed connections, a restarted database, killed processes): npm run test:chaos
    {
      ...common,
      displayName: 'chaos',
      testMatch: ['<rootDir>/test/chaos/**/*.chaos-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  maxWorkers: 2,
  // end-to-end tests start processes and databases; unit tests finish in milliseconds either way
  testTimeout: 60_000,
};
