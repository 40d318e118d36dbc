// Three projects: "unit" (in-process and single-process tests, run wide),
// "topology" (suites that start nginx + replicas; npm test runs them with a
// bounded worker count so they do not starve each other on 2 cores) and
// 'docker' (the compose files and the compose driver on a real Docker engine;
// only `npm run test:docker` runs them, one suite at a time).
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: false }];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/test/e2e/**/*.e2e.ts',
        '<rootDir>/test/docker/**/*.spec.ts',
        '<rootDir>/test/k8s/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'topology',
      testMatch: [
        '<rootDir>/test/lab/**/*.test.ts',
        '<rootDir>/test/scenarios/**/*.test.ts',
        '<rootDir>/test/ui/**/*.test.ts',
        '<rootDir>/test/bench/**/*.test.ts',
        '<rootDir>/test/contract/**/*.test.ts',
        '<rootDir>/test/haproxy/**/*.test.ts',
      ],
    },
    {
      ...common,
      displayName: 'docker',
      testMatch: ['<rootDir>/test/docker/engine/**/*.docker.ts'],
    },
  ],
};
