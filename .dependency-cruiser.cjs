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
    {
      // The web app talks to the api over HTTP only; what both need comes from libs (or the API document).
      name: 'web-imports-no-api-source',
      severity: 'error',
      // Temporary: session-context.tsx still reads the access policy from the api; remove once it no longer does.
      from: { path: '^apps/web', pathNot: '^apps/web/src/session-context\\.tsx$' },
      to: { path: '^apps/api' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist|\\.spec\\.ts$|\\.int-spec\\.ts$|/testing/)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
