/** Dependencies point inwards: apps → libs; read-models, reporting, event-store → domain; domain → nothing. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      from: { path: '^libs/domain' },
      to: { pathNot: '^libs/domain' , dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs' },
      to: { path: '^apps' },
    },
    {
      name: 'event-store-knows-no-read-models',
      severity: 'error',
      from: { path: '^libs/event-store' },
      to: { path: '^libs/read-models' },
    },
    {
      name: 'reporting-reads-no-store-or-http',
      severity: 'error',
      from: { path: '^libs/reporting' },
      to: { path: '^libs/(event-store|storage)' },
    },
    {
      name: 'web-imports-no-api-source',
      comment: 'The web learns what the api answers from the OpenAPI document (apps/web/src/api/schema.d.ts) and what a person may do from GET /me',
      severity: 'error',
      from: { path: '^apps/web' },
      to: { path: '^apps/api' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      // A feature folder of the api (goals, networks, http, write, …) may lean on another only one way round:
      // no-circular sees loops between files, this one loops between the folders themselves.
      name: 'no-loops-between-api-folders',
      severity: 'error',
      scope: 'folder',
      from: { path: '^apps/api/src/[^/]+' },
      to: { path: '^apps/api/src/[^/]+', circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist|\\.spec\\.ts$|\\.int-spec\\.ts$|/testing/)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
