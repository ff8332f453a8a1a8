#!/usr/bin/env bash
# Runs OpenTofu at the pinned version with the given arguments, e.g. `tools/tofu.sh fmt -check terraform`.
#
# It installs OpenTofu v1.10.6 into .tools/tofu-1.10.6/tofu on first use, built from source: the
# source and all its dependencies come from the Go module proxy, so neither GitHub release binaries
# nor the Terraform registry need to be reachable. Building needs Go (1.24 or newer) and takes a few
# minutes on a cold machine. `go install ...@v1.10.6` cannot do it because OpenTofu's go.mod has
# replace directives, so the module is downloaded, copied and built in place the way OpenTofu's own
# release builds do it (CGO off, -trimpath, version.dev=no so `tofu version` reports 1.10.6).
#
# A terraform or tofu binary on PATH is deliberately never used: formatting and validation must
# not depend on whichever version a machine happens to have.
set -euo pipefail

version="1.10.6"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
install_dir="$repo_root/.tools/tofu-$version"
tofu="$install_dir/tofu"

install_tofu() {
  if ! command -v go >/dev/null 2>&1; then
    echo "tofu.sh: OpenTofu $version is not in .tools/ and 'go' is not on PATH: install Go 1.24 or newer to build it" >&2
    exit 1
  fi
  echo "tofu.sh: building OpenTofu $version from the Go module proxy into .tools/ (takes a few minutes)" >&2

  work="$(mktemp -d)"
  trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

  # Outside any module, so the repository's own files cannot influence the download.
  local json
  if ! json="$(cd "$work" && go mod download -json "github.com/opentofu/opentofu@v$version")"; then
    echo "tofu.sh: 'go mod download github.com/opentofu/opentofu@v$version' failed:" >&2
    echo "$json" >&2
    exit 1
  fi
  local source_dir
  source_dir="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' <<<"$json")"
  if [[ -z "$source_dir" || ! -f "$source_dir/go.mod" ]]; then
    echo "tofu.sh: 'go mod download' gave no source directory:" >&2
    echo "$json" >&2
    exit 1
  fi

  # The module cache is read-only; the build runs in a writable copy so the replace directives
  # in OpenTofu's go.mod apply (they only do in the main module).
  cp -R "$source_dir" "$work/src"
  chmod -R u+w "$work/src"
  if ! (cd "$work/src" && CGO_ENABLED=0 go build -mod=readonly -trimpath \
      -ldflags "-s -w -X 'github.com/opentofu/opentofu/version.dev=no'" \
      -o "$work/tofu" ./cmd/tofu >&2); then
    echo "tofu.sh: building OpenTofu $version failed (see the go output above)" >&2
    exit 1
  fi
  # Only stdout: tofu warns on stderr about the machine's CLI configuration (e.g. a TF_CLI_CONFIG_FILE
  # naming a missing file), which says nothing about the binary.
  local built
  built="$("$work/tofu" version 2>/dev/null || true)"
  built="${built%%$'\n'*}"
  if [[ "$built" != "OpenTofu v$version" ]]; then
    echo "tofu.sh: the built binary reports '$built', expected 'OpenTofu v$version'" >&2
    exit 1
  fi

  mkdir -p "$install_dir"
  # Copy then rename, so a concurrent or interrupted run never sees a half-written binary.
  cp "$work/tofu" "$tofu.tmp.$$"
  chmod +x "$tofu.tmp.$$"
  mv -f "$tofu.tmp.$$" "$tofu"
  echo "tofu.sh: installed $built" >&2
  # exec below would skip the EXIT trap.
  chmod -R u+w "$work"
  rm -rf "$work"
  trap - EXIT
}

if [[ ! -x "$tofu" ]]; then
  mkdir -p "$repo_root/.tools"
  # Two test JVMs (or a person and a test) starting at once build it only once: the second waits
  # for the lock, then finds the binary.
  exec 9>"$repo_root/.tools/tofu-$version.lock"
  flock 9
  if [[ ! -x "$tofu" ]]; then
    install_tofu
  fi
  flock -u 9
  exec 9>&-
fi

exec "$tofu" "$@"
