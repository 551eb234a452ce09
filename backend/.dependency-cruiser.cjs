// Arrows one way: contracts ← kernel ← features ← app (CONTRIBUTING.md, "Layout").
// Run by the backend's lint target: `depcruise backend/src --config backend/.dependency-cruiser.cjs`.
const kernel = '^backend/src/(shared|event-store|read-models|projections|http|config)/';
const features =
  '^backend/src/(editions|proposals|moderation|review|supports|booths|ballots|results|works|audit|identity|health|notifications|activity)/';
const app = '^backend/src/(seed/|[^/]+[.]ts$)';
const spec = '[.]spec[.]ts$';
// Features in dependency order: each may use those before it, never one after it, so
// feature folders cannot import each other in a loop even through files that do not.
const order = [
  'editions',
  'identity',
  'proposals',
  'moderation',
  'review',
  'supports',
  'booths',
  'ballots',
  'audit',
  'results',
  'works',
  'health',
  'notifications',
  'activity',
];
const later = order.map((feature, i) => ({
  name: `${feature}-not-to-later-features`,
  severity: 'error',
  comment: `${feature} comes before ${order.slice(i + 1).join(', ')}: ask them through a query or command it declares, or react to an event.`,
  from: { path: `^backend/src/${feature}/`, pathNot: spec },
  to: { path: `^backend/src/(${order.slice(i + 1).join('|')})/` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import loop: one side should ask the other through a query, a command or an event instead.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'kernel-not-to-features',
      severity: 'error',
      comment: 'The kernel knows no feature: a feature plugs into it (its module, its projections), not the reverse.',
      from: { path: kernel, pathNot: spec },
      to: { path: [features, app] },
    },
    {
      name: 'features-not-to-app',
      severity: 'error',
      comment: 'The app composes the features; a feature never reaches back into it.',
      from: { path: features, pathNot: spec },
      to: { path: app },
    },
    {
      name: 'only-public-api-of-other-features',
      severity: 'error',
      comment:
        'Another feature is reached only through its module (<feature>/<feature>.module.ts) or its public-api.ts, never its internals.',
      from: { path: features, pathNot: spec },
      to: {
        path: features,
        pathNot: ['^backend/src/$1/', '^backend/src/([^/]+)/(public-api|\\1[.]module)[.]ts$'],
      },
    },
    ...later.filter((rule) => rule.to.path !== '^backend/src/()/'),
    {
      name: 'not-to-testing',
      severity: 'error',
      comment: 'Test helpers stay out of the running application.',
      from: { path: '^backend/src/', pathNot: [spec, '^backend/src/testing/'] },
      to: { path: '^backend/src/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'backend/tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
