/** Unit specs (*.spec.ts), storage specs (*.int-spec.ts) and HTTP specs (test/*.e2e-spec.ts) in one run.
 *  globalSetup starts one embedded PostgreSQL on a free port in a temporary folder; each storage or HTTP
 *  spec creates its own database in it. */
const swc = JSON.parse(require('fs').readFileSync(__dirname + '/.swcrc', 'utf8'));
module.exports = {
  rootDir: '.',
  testRegex: '(apps|libs|test|bench)/.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@kreislauf/(domain|event-store|read-models|reporting|storage)$': '<rootDir>/libs/$1/src',
    '^@kreislauf/(domain|event-store|read-models|reporting|storage)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  globalSetup: '<rootDir>/test/setup/global-setup.js',
  globalTeardown: '<rootDir>/test/setup/global-teardown.js',
  testEnvironment: 'node',
  testTimeout: 60000,
  maxWorkers: 2,
};
