// The import graph `npm run lint` checks: no folder-level cycle in apps/ or
// libs/, and in the lab the arrows point down
//   cli → control/dashboard/report → scenarios/bench → client → topology entry
//   → drivers (topology/drivers/{process,compose}, nginx, haproxy) → topology core → util, vocabulary.
// "topology entry" is topology/index.ts, the one file that picks a driver;
// the rest of topology/ (interface, core, transitions, names) is what the
// drivers build on, so it sits below them.
const LAB = '^apps/lab/src/';

const LAYERS = [
  { name: 'cli', path: [`${LAB}cli/`, `${LAB}main\\.ts$`] },
  { name: 'front', path: [`${LAB}(control|dashboard|report)/`] },
  { name: 'scenarios', path: [`${LAB}(scenarios|bench)/`] },
  { name: 'client', path: [`${LAB}client/`] },
  { name: 'topology entry', path: [`${LAB}topology/index\\.ts$`] },
  { name: 'drivers', path: [`${LAB}topology/drivers/`, `${LAB}(nginx|haproxy)/`] },
  { name: 'topology core', path: [`${LAB}topology/[^/]+\\.ts$`], pathNot: [`${LAB}topology/index\\.ts$`] },
  { name: 'util', path: [`${LAB}util/`, `${LAB}vocabulary\\.ts$`] },
];

// One rule per layer: it may import its own layer and those below, never above.
const downwardOnly = LAYERS.slice(1).map((layer, i) => ({
  name: `layer-${layer.name.replace(/ /g, '-')}`,
  comment: `${layer.name} must not import ${LAYERS.slice(0, i + 1).map((l) => l.name).join(', ')}`,
  severity: 'error',
  from: { path: layer.path, pathNot: layer.pathNot ?? [] },
  to: { path: LAYERS.slice(0, i + 1).flatMap((l) => l.path) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycle',
      comment: 'Two folders that import each other cannot be understood, tested or moved one at a time.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^(apps|libs)/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycle',
      comment: 'A type-only import is erased at build time, so it cannot close a cycle at run time.',
      severity: 'error',
      from: { path: '^(apps|libs)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    ...downwardOnly,
    {
      name: 'nothing-imports-cli',
      severity: 'error',
      from: { pathNot: [`${LAB}cli/`, `${LAB}main\\.ts$`, '^test/'] },
      to: { path: `${LAB}cli/` },
    },
    {
      name: 'no-test-code-in-apps',
      comment: 'Fixtures and test helpers live in test/ and never ship.',
      severity: 'error',
      from: { path: '^(apps|libs)/' },
      to: { path: ['^test/', '/testing/'] },
    },
    {
      name: 'libs-stand-alone',
      comment: 'libs/ is what both apps share; it depends on neither.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-apart',
      comment: 'The apps share code through libs/, never by reaching into each other.',
      severity: 'error',
      from: { path: '^apps/cart-api/' },
      to: { path: '^apps/lab/' },
    },
    {
      name: 'lab-apart',
      severity: 'error',
      from: { path: '^apps/lab/' },
      to: { path: '^apps/cart-api/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Unit specs are test code next to what they test: the build leaves them
    // out, and they may reach into test/support like any other test.
    exclude: { path: ['(^|/)(node_modules|dist)/', '\\.spec\\.ts$'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    // A lazy require() is still an import for the graph.
    exoticRequireStrings: [],
  },
};
