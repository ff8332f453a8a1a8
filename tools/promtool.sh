#!/usr/bin/env bash
# Runs promtool with the given arguments. Nothing is assumed to be installed: when promtool is
# neither on PATH nor already unpacked in .tools/, it is taken from Debian's prometheus package
# (downloaded and unpacked, not installed, so no root is needed and no service is started).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
local_promtool="$repo_root/.tools/promtool"

if command -v promtool >/dev/null 2>&1; then
  exec promtool "$@"
fi

if [[ ! -x "$local_promtool" ]]; then
  echo "promtool.sh: promtool not found; unpacking it from the Debian package 'prometheus' into .tools/" >&2
  for cmd in apt-get dpkg; do
    if ! command -v "$cmd" >/dev/null 2>&1; then
      echo "promtool.sh: '$cmd' is missing: install promtool (Prometheus 2.x) and put it on PATH" >&2
      exit 1
    fi
  done

  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT

  # apt-get download writes into the current directory only.
  if ! (cd "$work" && apt-get download prometheus >&2); then
    # A fresh machine may have no package lists yet.
    echo "promtool.sh: 'apt-get download prometheus' failed; running 'apt-get update' and retrying" >&2
    if ! apt-get update >&2; then
      echo "promtool.sh: 'apt-get update' failed (it needs root and access to the Debian archive)" >&2
      exit 1
    fi
    if ! (cd "$work" && apt-get download prometheus >&2); then
      echo "promtool.sh: 'apt-get download prometheus' failed again after 'apt-get update'" >&2
      exit 1
    fi
  fi

  debs=("$work"/prometheus_*.deb)
  if [[ ! -f "${debs[0]}" ]]; then
    echo "promtool.sh: apt-get reported success but no prometheus_*.deb is in $work" >&2
    exit 1
  fi
  if ! dpkg -x "${debs[0]}" "$work/root"; then
    echo "promtool.sh: 'dpkg -x ${debs[0]}' failed" >&2
    exit 1
  fi
  if [[ ! -f "$work/root/usr/bin/promtool" ]]; then
    echo "promtool.sh: the package has no usr/bin/promtool" >&2
    exit 1
  fi

  mkdir -p "$repo_root/.tools"
  # Copy then rename, so a concurrent or interrupted run never sees a half-written binary.
  cp "$work/root/usr/bin/promtool" "$local_promtool.tmp.$$"
  chmod +x "$local_promtool.tmp.$$"
  mv -f "$local_promtool.tmp.$$" "$local_promtool"
  echo "promtool.sh: installed $("$local_promtool" --version 2>&1 | head -n 1)" >&2
  # exec below would skip the EXIT trap.
  rm -rf "$work"
  trap - EXIT
fi

exec "$local_promtool" "$@"
