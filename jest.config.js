/** One jest run over every workspace; each test file gets its own database and queue prefix. */
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/packages',
    '<rootDir>/services',
    '<rootDir>/workers',
    '<rootDir>/infra',
    '<rootDir>/test',
  ],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  moduleNameMapper: {
    '^@qn/service-(.*)$': '<rootDir>/services/$1/src',
    '^@qn/worker-(.*)$': '<rootDir>/workers/$1/src',
    '^@qn/infra$': '<rootDir>/infra/src',
    '^@qn/all-in-one$': '<rootDir>/services/all-in-one/src',
    '^@qn/(.*)$': '<rootDir>/packages/$1/src',
  },
  globalSetup: '<rootDir>/infra/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/infra/src/testing/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/infra/src/testing/summary-reporter.js'],
};
