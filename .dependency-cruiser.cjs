// The import rules that keep the structure of docs/ARCHITECTURE.md: `npm run lint` checks them.
// Composition-root files (src/*.ts, src/http/, src/cli/) may import any domain's modules; tests
// may reach into their own and other domains' modules.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make load order matter and hide which module depends on which.',
      from: { path: '^(src|seed|test)/' },
      to: { circular: true },
    },
    {
      name: 'core-imports-no-domain',
      severity: 'error',
      comment:
        'core/ and i18n/ are the domain-free foundation (i18n is the translator and formats every page uses): ' +
        'they import no domain and not the composition root.',
      from: { path: '^src/(core|i18n)/' },
      to: { path: '^src/', pathNot: '^src/(core|i18n)/' },
    },
    {
      name: 'domain-through-index',
      severity: 'error',
      comment: "A domain uses another domain only through that domain's index.ts.",
      from: { path: '^src/([^/]+)/', pathNot: ['^src/(core|cli|http)/', '\\.test\\.tsx?$'] },
      to: {
        path: '^src/([^/]+)/',
        pathNot: ['^src/$1/', '^src/core/', '^src/[^/]+/index\\.tsx?$'],
      },
    },
    {
      name: 'no-domain-imports-composition-root',
      severity: 'error',
      comment: 'Domains are given the app context; they do not import the app, the domain list or the subtrees.',
      from: { path: '^src/[^/]+/', pathNot: ['^src/(cli|http)/', '\\.test\\.tsx?$'] },
      to: { path: '^src/(app|domains|main)\\.ts$|^src/(http|cli)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
