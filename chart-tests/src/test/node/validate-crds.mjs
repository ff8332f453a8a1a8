// Validates KEDA and prometheus-operator objects (rendered YAML documents, from a file or stdin)
// against their CRD schemas, offline.
//
//   node validate-crds.mjs [FILE|-]                  the schemas shipped by the @kubernetes-models packages
//   node validate-crds.mjs --crd-dir DIR [FILE|-]    CustomResourceDefinition YAML files under DIR instead
//
// Prints one line per object: "PASS <Kind>/<name> <apiVersion> [<source>]" or
// "FAIL <Kind>/<name> <apiVersion>: <reasons>". Exit code 0 when every object passed, 1 when one
// failed or the input held no object (an empty render must not look like a clean one), 2 on bad usage.
// An object of a kind no schema covers fails: nothing passes without having been checked.

import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";
import { RE2 } from "re2-wasm";
import * as keda from "@kubernetes-models/keda";
import * as prometheusOperator from "@kubernetes-models/prometheus-operator";

function usage(message) {
  console.error(`validate-crds: ${message}`);
  console.error("usage: node validate-crds.mjs [--crd-dir DIR] [FILE|-]");
  process.exit(2);
}

function parseArguments(argv) {
  const options = { crdDir: null, input: "-" };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--crd-dir") {
      if (i + 1 >= argv.length) usage("--crd-dir needs a directory");
      options.crdDir = argv[++i];
    } else if (argv[i].startsWith("--")) {
      usage(`unknown option ${argv[i]}`);
    } else {
      positional.push(argv[i]);
    }
  }
  if (positional.length > 1) usage("at most one input file");
  if (positional.length === 1) options.input = positional[0];
  return options;
}

function readDocuments(input) {
  const text = readFileSync(input === "-" ? 0 : input, "utf8");
  const objects = [];
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) {
      throw new Error(`YAML error: ${document.errors.map((e) => e.message).join("; ")}`);
    }
    const value = document.toJS();
    // Helm leaves empty documents where a template rendered nothing.
    if (value !== null && value !== undefined) objects.push(value);
  }
  return objects;
}

function key(apiVersion, kind) {
  return `${apiVersion} ${kind}`;
}

// The packages export nested namespaces (group, then version) of model classes; a class that
// carries apiVersion and kind is a top-level resource with its own validate().
function collectModels(namespace, models, seen = new Set()) {
  if (seen.has(namespace)) return models;
  seen.add(namespace);
  for (const value of Object.values(namespace)) {
    if (typeof value === "function" && typeof value.apiVersion === "string" && typeof value.kind === "string") {
      models.set(key(value.apiVersion, value.kind), value);
    } else if (value !== null && typeof value === "object") {
      collectModels(value, models, seen);
    }
  }
  return models;
}

function modelValidators() {
  const models = collectModels({ keda, prometheusOperator }, new Map());
  const validators = new Map();
  for (const [k, Model] of models) {
    validators.set(k, {
      source: "models",
      validate(object) {
        try {
          new Model(object).validate();
          return [];
        } catch (error) {
          return [error.message];
        }
      },
    });
  }
  return validators;
}

function yamlFilesUnder(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...yamlFilesUnder(path));
    else if (/\.ya?ml$/.test(name)) files.push(path);
  }
  return files;
}

// Turns a CRD's structural OpenAPI v3 schema into JSON Schema with the API server's view of
// unknown fields: an object with declared properties rejects any other property unless it
// preserves unknown fields (kubectl's default strict field validation reports them; without it the
// server silently prunes them, which hides typos). CEL rules (x-kubernetes-validations) are not run.
function toJsonSchema(schema) {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== "object") return schema;
  const converted = {};
  for (const [name, value] of Object.entries(schema)) {
    if (name === "properties" || name === "patternProperties" || name === "definitions") {
      converted[name] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
    } else if (name.startsWith("x-kubernetes-") || name === "format") {
      continue;
    } else if (typeof value === "object") {
      converted[name] = toJsonSchema(value);
    } else {
      converted[name] = value;
    }
  }
  if (schema["x-kubernetes-int-or-string"] && !converted.type && !converted.anyOf && !converted.oneOf) {
    converted.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  if (schema.properties && schema.additionalProperties === undefined
      && !schema["x-kubernetes-preserve-unknown-fields"]) {
    converted.additionalProperties = false;
  }
  return converted;
}

function describeAjvError(error) {
  const where = error.instancePath || "/";
  if (error.keyword === "additionalProperties") {
    return `${where}: unknown field "${error.params.additionalProperty}"`;
  }
  return `${where}: ${error.message}`;
}

function crdValidators(dir) {
  // CRD patterns are Go (RE2) regular expressions, e.g. with inline flags JavaScript lacks.
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateFormats: false,
    code: { regExp: (pattern, flags) => new RE2(pattern, flags.includes("u") ? flags : `${flags}u`) },
  });
  const validators = new Map();
  const files = yamlFilesUnder(dir);
  for (const file of files) {
    for (const crd of readDocuments(file)) {
      if (crd.kind !== "CustomResourceDefinition") continue;
      for (const version of crd.spec.versions ?? []) {
        const openApi = version.schema?.openAPIV3Schema;
        if (!openApi) continue;
        const compiled = ajv.compile(toJsonSchema(openApi));
        validators.set(key(`${crd.spec.group}/${version.name}`, crd.spec.names.kind), {
          source: file.slice(dir.length).replace(/^[/\\]/, ""),
          validate(object) {
            return compiled(object) ? [] : compiled.errors.map(describeAjvError);
          },
        });
      }
    }
  }
  if (validators.size === 0) throw new Error(`no CustomResourceDefinition with a schema under ${dir}`);
  return validators;
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  let validators;
  let objects;
  try {
    validators = options.crdDir === null ? modelValidators() : crdValidators(options.crdDir);
    objects = readDocuments(options.input);
  } catch (error) {
    console.log(`FAIL input: ${error.message}`);
    return 1;
  }
  if (objects.length === 0) {
    console.log("FAIL input: no objects to validate");
    return 1;
  }
  let failed = 0;
  for (const object of objects) {
    const apiVersion = object.apiVersion ?? "(no apiVersion)";
    const name = `${object.kind ?? "(no kind)"}/${object.metadata?.name ?? "(no name)"}`;
    const validator = validators.get(key(object.apiVersion, object.kind));
    const problems = validator === undefined
      ? [`no schema for this apiVersion and kind (${options.crdDir === null ? "models" : options.crdDir})`]
      : validator.validate(object);
    if (problems.length === 0) {
      console.log(`PASS ${name} ${apiVersion} [${validator.source}]`);
    } else {
      failed++;
      console.log(`FAIL ${name} ${apiVersion}: ${problems.join("; ").replace(/\s+/g, " ")}`);
    }
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = main();
