#!/usr/bin/env bash
# Installs what the tests need where it is missing, then runs them.
#   bash scripts/test.sh            the whole suite (what CI runs)
# Needs: the Rust toolchain (cargo), Python's pip, and ../shared beside the project (or UNLOD_SHARED).
# Installs where missing: xmllint, zstd, Virtuoso, a Java runtime (apt), the Oxigraph server,
# pySHACL and owlready2 (pip): SHACL validation and the HermiT consistency check of the ontology.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

apt_updated=
need_deb() { # need_deb COMMAND PACKAGE
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "test.sh: installing $2 (for $1)"
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

need_deb xmllint libxml2-utils
need_deb zstd zstd
need_deb /usr/bin/time time   # peak memory in tests/it/hostile.rs
# SPARQL servers the load tests start on loopback (tests/it/load.rs).
need_deb virtuoso-t virtuoso-opensource-7-bin   # the server alone, without a system service
if [ -z "${UNLOD_OXIGRAPH:-}" ] && ! command -v oxigraph >/dev/null 2>&1; then
  echo "test.sh: installing the oxigraph server (pip install oxigraph)"
  python3 -m pip install --quiet --disable-pip-version-check oxigraph
  hash -r
  if ! command -v oxigraph >/dev/null 2>&1; then
    # pip put it where PATH does not look (a user or pyenv scripts folder): name it.
    scripts="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')"
    user_scripts="$(python3 -c 'import site, os; print(os.path.join(site.getuserbase(), "bin"))')"
    for d in "$scripts" "$user_scripts"; do
      if [ -x "$d/oxigraph" ]; then export UNLOD_OXIGRAPH="$d/oxigraph"; break; fi
    done
  fi
fi

# The ontology's tests: pySHACL (unlod validate), owlready2 with its HermiT (needs Java).
need_deb java default-jre-headless
if ! python3 -c 'import pyshacl, owlready2, rdflib' >/dev/null 2>&1; then
  echo "test.sh: installing pyshacl and owlready2 (pip)"
  python3 -m pip install --quiet --disable-pip-version-check pyshacl owlready2
fi

shared="${UNLOD_SHARED:-../shared}"
if [ ! -d "$shared/corpus" ]; then
  echo "test.sh: the shared corpus is missing at $shared (set UNLOD_SHARED; see README.md, \"Test data\")" >&2
  exit 1
fi

cargo test --all-targets --no-fail-fast
cargo test --doc
