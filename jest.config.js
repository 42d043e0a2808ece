// Four projects: unit (pure logic, no infrastructure), integration (real PostgreSQL and Kafka,
// one feature at a time), e2e (whole services over HTTP and Kafka) and fault (the services as real
// processes on a Kafka and PostgreSQL of their own, which it kills; see docs/reliability.md).
// `npm test` runs all four.
const path = require('node:path');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const moduleNameMapper = {
  '^@bridges/(contracts|messaging|persistence|platform|testing)$': '<rootDir>/libs/$1/src',
  '^@bridges/(contracts|messaging|persistence|platform|testing)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': swc },
  // jose 6 ships ESM only; jest on Node 20 loads it only when transformed.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleNameMapper,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.local/'],
  setupFiles: ['reflect-metadata'],
};

// What a test file's code prints (service logs, console, TypeORM and Kafka client errors) goes to
// .local/test-logs/<project>/<test path>.log, not between the PASS/FAIL lines; the reporter below shows
// it when a test of that file fails. TEST_LOGS=inline prints it as jest would. See libs/testing/README.md.
const capturedOutput = {
  testEnvironment: '<rootDir>/libs/testing/src/jest/captured-output.environment.ts',
  testEnvironmentOptions: { logDir: path.join(__dirname, '.local', 'test-logs') },
};

/** @type {import('jest').Config} */
module.exports = {
  maxWorkers: process.env.JEST_MAX_WORKERS ?? 2,
  reporters: [
    'default',
    [
      path.join(__dirname, 'libs/testing/src/jest/captured-output.reporter.js'),
      // CI keeps no files: print more of a failing file's log there.
      { tailLines: process.env.CI ? 200 : 40 },
    ],
  ],
  projects: [
    {
      ...common,
      ...capturedOutput,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/{apps,libs}/**/src/**/*.spec.ts',
        '<rootDir>/tools/**/*.spec.ts',
        // Cross-service unit tests (e.g. every DTO of every service against hostile input).
        '<rootDir>/test/**/*.spec.ts',
      ],
    },
    {
      ...common,
      ...capturedOutput,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/infra/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/infra/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest/integration-timeouts.ts'],
    },
    {
      ...common,
      ...capturedOutput,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/**/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/infra/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/infra/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest/e2e-timeouts.ts'],
    },
    {
      ...common,
      displayName: 'fault',
      // One file, so its scenarios run one after another against the one broker and database it
      // starts (and kills) itself: no global setup, the shared infrastructure is never touched.
      // Its output is not captured: its services log to files of their own, and it prints where its
      // report is.
      testMatch: ['<rootDir>/test/fault/**/*.fault-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/fault/support/fault-timeouts.ts'],
    },
  ],
};
