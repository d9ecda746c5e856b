// Validates Mercato's deployment files without Docker or a cluster (scripts/checks/deploy.sh):
//   node validate.mjs kubernetes <file.yaml>...   every document against the Kubernetes schema of its kind
//   node validate.mjs compose <compose.yaml>      the file against the Compose Specification schema
//   node validate.mjs kustomization <dir>         kustomization.yaml lists exactly the dir's manifests
//   node validate.mjs policy <file.yaml>...       what Mercato's pods must have (non-root, read-only, probes...)
// Prints one line per problem and exits 1 when there is any.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));

/** Parses every YAML document of a file (merge keys resolved, as Compose does); syntax errors are problems. */
function documents(file) {
  const parsed = parseAllDocuments(readFileSync(file, "utf8"), { merge: true, uniqueKeys: true });
  const problems = [];
  const values = [];
  for (const doc of Array.isArray(parsed) ? parsed : [parsed]) {
    for (const error of doc.errors) problems.push(`${file}: YAML: ${error.message}`);
    const value = doc.toJS({ maxAliasCount: 1000 });
    if (value !== null && value !== undefined) values.push(value);
  }
  return { values, problems };
}

/** The kubernetes-models class of an apiVersion and kind, or null when the package has none. */
async function modelOf(apiVersion, kind) {
  if (typeof apiVersion !== "string" || typeof kind !== "string" || !/^[A-Za-z0-9.\/-]+$/.test(apiVersion) || !/^[A-Za-z]+$/.test(kind)) {
    return null;
  }
  try {
    const module = await import(`kubernetes-models/${apiVersion}/${kind}`);
    return module[kind] ?? null;
  } catch {
    return null;
  }
}

async function validateKubernetes(files) {
  const problems = [];
  for (const file of files) {
    const { values, problems: syntax } = documents(file);
    problems.push(...syntax);
    if (values.length === 0) problems.push(`${file}: no Kubernetes document`);
    for (const [index, value] of values.entries()) {
      const where = `${basename(file)} document ${index + 1} (${value?.kind ?? "?"}/${value?.metadata?.name ?? "?"})`;
      const Model = await modelOf(value?.apiVersion, value?.kind);
      if (!Model) {
        problems.push(`${where}: unknown apiVersion/kind ${value?.apiVersion}/${value?.kind}`);
        continue;
      }
      try {
        new Model(value).validate();
      } catch (error) {
        problems.push(`${where}: ${error.message}`);
      }
      // The schemas allow unknown fields in places; these are mistakes a cluster would refuse or ignore.
      problems.push(...unknownFields(value, where));
    }
  }
  return problems;
}

/** Fields the validator lets through but a strict API server refuses: misspelt top-level keys. */
function unknownFields(value, where) {
  const allowed = new Set(["apiVersion", "kind", "metadata", "spec", "data", "stringData", "type", "immutable", "binaryData"]);
  return Object.keys(value).filter((k) => !allowed.has(k)).map((k) => `${where}: unknown top-level field '${k}'`);
}

function validateCompose(file) {
  const { values, problems } = documents(file);
  if (values.length !== 1) return [...problems, `${file}: expected one YAML document, found ${values.length}`];
  const schema = JSON.parse(readFileSync(join(here, "compose-spec.json"), "utf8"));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // The specification names the draft-07 meta-schema by its https address; Ajv knows it by http.
  const draft07 = createRequire(import.meta.url)("ajv/dist/refs/json-schema-draft-07.json");
  ajv.addMetaSchema({ ...draft07, $id: "https://json-schema.org/draft-07/schema" });
  const validate = ajv.compile(schema);
  if (!validate(values[0])) {
    for (const error of validate.errors) {
      problems.push(`${basename(file)}: ${error.instancePath || "/"} ${error.message}${error.params ? " " + JSON.stringify(error.params) : ""}`);
    }
  }
  // Real env files are git-ignored; each one a service reads has its committed example.
  for (const [name, service] of Object.entries(values[0].services ?? {})) {
    const envFiles = service.env_file === undefined ? [] : [service.env_file].flat();
    for (const entry of envFiles) {
      const path = typeof entry === "string" ? entry : entry.path;
      if (!existsSync(join(dirname(file), path + ".example"))) problems.push(`${basename(file)}: service ${name} reads ${path}, but ${path}.example is not there`);
    }
  }
  return problems;
}

/**
 * What every Mercato pod must have. The Kubernetes schemas accept unknown fields, so a misspelt
 * field (drops for drop, spek for spec) passes them; these checks then miss the field it meant.
 */
function validatePolicy(files) {
  const problems = [];
  for (const file of files) {
    for (const value of documents(file).values) {
      const where = `${basename(file)} ${value?.kind}/${value?.metadata?.name}`;
      if (value?.kind !== "Deployment" && value?.kind !== "Job") continue;
      const pod = value?.spec?.template?.spec;
      if (!pod) {
        problems.push(`${where}: no spec.template.spec`);
        continue;
      }
      const need = (ok, what) => { if (!ok) problems.push(`${where}: ${what}`); };
      need(pod.securityContext?.runAsNonRoot === true, "pod securityContext.runAsNonRoot must be true");
      need(pod.automountServiceAccountToken === false, "automountServiceAccountToken must be false");
      const tmp = (pod.volumes ?? []).find((v) => v.emptyDir !== undefined && (pod.containers ?? []).some((c) => (c.volumeMounts ?? []).some((m) => m.name === v.name && m.mountPath === "/tmp")));
      need(tmp !== undefined, "/tmp must be an emptyDir");
      need((pod.containers ?? []).length > 0, "no containers");
      for (const c of pod.containers ?? []) {
        const sc = c.securityContext ?? {};
        need(sc.readOnlyRootFilesystem === true, `container ${c.name}: readOnlyRootFilesystem must be true`);
        need(sc.allowPrivilegeEscalation === false, `container ${c.name}: allowPrivilegeEscalation must be false`);
        need((sc.capabilities?.drop ?? []).includes("ALL"), `container ${c.name}: capabilities.drop must include ALL`);
        need(c.resources?.requests?.cpu !== undefined && c.resources?.requests?.memory !== undefined, `container ${c.name}: cpu and memory requests`);
        need(c.resources?.limits?.memory !== undefined, `container ${c.name}: a memory limit`);
        if (value.kind === "Deployment") {
          need(c.livenessProbe?.httpGet?.path === "/health/live", `container ${c.name}: livenessProbe on /health/live`);
          need(c.readinessProbe?.httpGet?.path === "/health/ready", `container ${c.name}: readinessProbe on /health/ready`);
        }
      }
    }
  }
  return problems;
}

function validateKustomization(dir) {
  const { values, problems } = documents(join(dir, "kustomization.yaml"));
  const listed = new Set(values[0]?.resources ?? []);
  const present = readdirSync(dir).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml");
  for (const file of present) if (!listed.has(file)) problems.push(`kustomization.yaml does not list ${file}`);
  for (const file of listed) if (!present.includes(file)) problems.push(`kustomization.yaml lists ${file}, which does not exist`);
  return problems;
}

const [mode, ...args] = process.argv.slice(2);
let problems;
switch (mode) {
  case "kubernetes":
    problems = await validateKubernetes(args);
    break;
  case "compose":
    problems = validateCompose(args[0]);
    break;
  case "policy":
    problems = validatePolicy(args);
    break;
  case "kustomization":
    problems = validateKustomization(args[0]);
    break;
  default:
    console.error("usage: node validate.mjs kubernetes <file>... | policy <file>... | compose <file> | kustomization <dir>");
    process.exit(2);
}
for (const problem of problems) console.log(problem);
process.exit(problems.length > 0 ? 1 : 0);
