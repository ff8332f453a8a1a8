"""Checks parsed .tf files against the provider schema (see provider_schema.py)."""
from __future__ import annotations

import difflib
import os
from pathlib import Path

from schema_source import KINDS, PROVIDER_VERSION

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
