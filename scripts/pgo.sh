#!/usr/bin/env bash
# Builds unlod with profile-guided optimisation (PGO): an instrumented build converts a
# training set, and the release build is compiled again with the branch and call counts
# it recorded, so that the compiler lays out the hot paths of the parser and the writers
# (and of the regex crate under them) for how they actually run.
#
#   bash scripts/pgo.sh                    the binary: target/pgo/release/unlod
#   bash scripts/pgo.sh --example bench_bulk   and the bulk benchmark, built the same way:
#       target/pgo/release/examples/bench_bulk /tmp/visible paged --out bench/RESULTS.md
#
# The training set is the corpus texts (../shared/corpus/texts: 26 conversions of 18
# resolutions from PDF to Markdown, in English, French and Spanish, and their Akoma Ntoso)
# and the bundled example, converted to every output format. Nine of those resolutions are
# among the 2,390 of the bulk set the benchmark times, there in another rendering.
# UNLOD_PGO_TRAIN names other files or folders to train on instead.
# Needs llvm-profdata of the toolchain's LLVM (`rustup component add llvm-tools`; this
# script adds it when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

shared="${UNLOD_SHARED:-../shared}"
read -r -a train <<<"${UNLOD_PGO_TRAIN:-$shared/corpus/texts examples/ecosoc-2011-31.md}"

sysroot="$(rustc --print sysroot)"
host="$(rustc -vV | sed -n 's/^host: //p')"
profdata="$sysroot/lib/rustlib/$host/bin/llvm-profdata"
if [ ! -x "$profdata" ]; then
  echo "pgo.sh: adding the llvm-tools component (for llvm-profdata)"
  rustup component add llvm-tools
fi

work="$PWD/target/pgo-work"
rm -rf "$work"
mkdir -p "$work"

echo "pgo.sh: 1/3 instrumented build"
# The same targets as the optimised build: building an example beside the binary can unify
# other features of the dependencies, which changes the symbols the profile is keyed by.
RUSTFLAGS="-Cprofile-generate=$work/raw" cargo build --release --quiet --target-dir "$work/target" --bin unlod "$@"

echo "pgo.sh: 2/3 training on ${train[*]}"
# Each input alone (-j 1), every format, five times over: counts of where the time goes.
for _ in 1 2 3 4 5; do
  "$work/target/release/unlod" convert -q -j 1 -o "$work/out" \
    -f turtle -f akn -f nquads -f ntriples -f jsonld "${train[@]}"
done
"$profdata" merge -o "$work/unlod.profdata" "$work/raw"

echo "pgo.sh: 3/3 optimised build"
UNLOD_BUILD="profile-guided (scripts/pgo.sh)" \
  RUSTFLAGS="-Cprofile-use=$work/unlod.profdata" \
  cargo build --release --quiet --target-dir target/pgo --bin unlod "$@"
echo "pgo.sh: built target/pgo/release/unlod"
