// Validates Kubernetes manifests with kubernetes-models: each document is built as the model of
// its apiVersion and kind and validated against the Kubernetes OpenAPI schema it was made from.
// usage: node kubernetes-models.mjs FILE...  (prints each finding, exits 1 if any)
import fs from "fs";
import yaml from "js-yaml";

let findings = 0;
for (const file of process.argv.slice(2)) {
  for (const document of yaml.loadAll(fs.readFileSync(file, "utf8"))) {
    if (document == null) continue;
    const where = `${file} (${document.kind} ${document.metadata && document.metadata.name})`;
    const [group, version] = document.apiVersion.includes("/")
      ? document.apiVersion.split("/")
      : ["", document.apiVersion];
    let Model;
    try {
      Model = (await import(`kubernetes-models/${group ? group + "/" : ""}${version}`))[document.kind];
    } catch (e) {
      Model = undefined;
    }
    if (!Model) {
      findings++;
      console.log(`${where}: no model for ${document.apiVersion} ${document.kind}`);
      continue;
    }
    try {
      new Model(document).validate();
    } catch (e) {
      findings++;
      console.log(`${where}: ${e.message}`);
    }
  }
}
process.exit(findings === 0 ? 0 : 1);
