// The allowed directions between folders: app → components → lib (domain folders) → lib/db.
// Nothing points upward and nothing goes round in a circle. `npm run check:deps` (in .ci/run).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A circle between modules makes the layers meaningless and the load order fragile.",
      from: {},
      to: { circular: true },
    },
    {
      name: "components-not-to-app",
      severity: "error",
      comment: "Components are used by pages; they never reach back into app/.",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "lib-not-to-app-or-components",
      severity: "error",
      comment: "lib/ holds the domain and the data layer; UI lives above it.",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "db-not-to-domain",
      severity: "error",
      comment:
        "lib/db is the data layer: schema, client, migrations, locks. It knows no domain folder.",
      from: { path: "^lib/db/" },
      to: { path: "^lib/", pathNot: ["^lib/db/", "^lib/env\\.ts$", "^lib/errors\\.ts$"] },
    },
    {
      name: "no-test-code-in-app",
      severity: "error",
      comment: "Production code never imports tests or their support files.",
      from: { path: "^(app|components|lib)/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "(^tests/|\\.test\\.tsx?$)" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^\\.next/|^node_modules/)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
