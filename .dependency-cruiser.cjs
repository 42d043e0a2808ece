/** Architectural rules: services share only libs; contracts stay framework-free. */
module.exports = {
  forbidden: [
    {
      name: 'no-app-to-other-app',
      comment: 'Apps never import each other: data moves between services only through Kafka events.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'contracts-are-plain',
      comment: 'libs/contracts is plain TypeScript + class-validator so any client (or language) can use it.',
      severity: 'error',
      from: { path: '^libs/contracts/' },
      to: { path: 'node_modules/(@nestjs|typeorm|kafkajs)' },
    },
    {
      name: 'production-code-not-to-testing',
      severity: 'error',
      from: { path: '^(apps|libs)/[^/]+/src/', pathNot: '(\\.spec\\.ts$|^libs/testing/)' },
      to: { path: '^libs/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^dist/|^\\.local/)' },
  },
};
