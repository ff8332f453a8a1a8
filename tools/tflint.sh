#!/usr/bin/env bash
# Runs tflint at the pinned version with the given arguments, e.g.
#   tools/tflint.sh --chdir terraform --recursive --config "$PWD/terraform/.tflint.hcl"
#
# It installs tflint v0.61.0 into .tools/tflint-0.61.0/tflint on first use, built from source with
# `go install` from the Go module proxy (Go 1.25 or newer; two to three minutes on a cold 2-core
# machine), so GitHub release binaries need not be reachable. tflint v0.61.0 bundles the terraform
# ruleset, which is all the project uses: `tflint --init` (a plugin download from GitHub) is never
# needed.
#
# A tflint binary on PATH is deliberately never used: the findings must not depend on whichever
# version a machine happens to have.
set -euo pipefail

version="0.61.0"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
install_dir="$repo_root/.tools/tflint-$version"
tflint="$install_dir/tflint"

install_tflint() {
  if ! command -v go >/dev/null 2>&1; then
    echo "tflint.sh: tflint $version is not in .tools/ and 'go' is not on PATH: install Go 1.25 or newer to build it" >&2
    exit 1
  fi
  echo "tflint.sh: building tflint $version from the Go module proxy into .tools/ (takes a few minutes)" >&2

  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT

  # Outside any module, so the repository's own files cannot influence the build.
  if ! (cd "$work" && CGO_ENABLED=0 GOBIN="$work/bin" go install -trimpath \
      "github.com/terraform-linters/tflint@v$version" >&2); then
    echo "tflint.sh: 'go install github.com/terraform-linters/tflint@v$version' failed (see the go output above)" >&2
    exit 1
  fi
  local built
  built="$("$work/bin/tflint" --version 2>/dev/null || true)"
  built="${built%%$'\n'*}"
  if [[ "$built" != "TFLint version $version" ]]; then
    echo "tflint.sh: the built binary reports '$built', expected 'TFLint version $version'" >&2
    exit 1
  fi

  mkdir -p "$install_dir"
  # Copy then rename, so a concurrent or interrupted run never sees a half-written binary.
  cp "$work/bin/tflint" "$tflint.tmp.$$"
  chmod +x "$tflint.tmp.$$"
  mv -f "$tflint.tmp.$$" "$tflint"
  echo "tflint.sh: installed $built" >&2
  # exec below would skip the EXIT trap.
  rm -rf "$work"
  trap - EXIT
}

if [[ ! -x "$tflint" ]]; then
  mkdir -p "$repo_root/.tools"
  # Two test JVMs (or a person and a test) starting at once build it only once: the second waits
  # for the lock, then finds the binary.
  exec 9>"$repo_root/.tools/tflint-$version.lock"
  flock 9
  if [[ ! -x "$tflint" ]]; then
    install_tflint
  fi
  flock -u 9
  exec 9>&-
fi

exec "$tflint" "$@"
