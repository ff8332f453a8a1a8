"""Prints every .tf file under the given directories as JSON: {"<path relative to cwd>": <parsed>}.

The parser is python-hcl2, the one checkov uses, so the tests read the files the way the policy
scanner does. Attribute values come back wrapped in one-element lists and expressions as
"${...}" strings; the Java side (HclFiles) unwraps them.
"""
import json
import os
import sys

import hcl2


def main(directories):
    parsed = {}
    for directory in directories:
        for root, dirs, files in os.walk(directory):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.endswith(".tf"):
                    path = os.path.join(root, name)
                    with open(path, encoding="utf-8") as f:
                        try:
                            parsed[path] = hcl2.load(f)
                        except Exception as e:  # the parser raises lark errors of many types
                            print(f"{path}: cannot parse: {e}", file=sys.stderr)
                            return 2
    json.dump(parsed, sys.stdout)
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print("usage: hcl_json.py DIRECTORY...", file=sys.stderr)
        sys.exit(64)
    sys.exit(main(sys.argv[1:]))
