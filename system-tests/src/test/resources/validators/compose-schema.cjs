// Validates Compose files against the Compose Specification's JSON schema with ajv.
// usage: node compose-schema.cjs SCHEMA FILE...  (prints each finding, exits 1 if any)
const fs = require("fs");
const Ajv = require("ajv");
const addFormats = require("ajv-formats");
const yaml = require("js-yaml");

const [schemaPath, ...files] = process.argv.slice(2);
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
// the schema names its draft by an https address ajv does not know; it is draft 7
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
const validate = ajv.compile(schema);
let findings = 0;
for (const file of files) {
  const document = yaml.load(fs.readFileSync(file, "utf8"));
  if (!validate(document)) {
    for (const e of validate.errors) {
      findings++;
      console.log(`${file}: ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
    }
  }
}
process.exit(findings === 0 ? 0 : 1);
