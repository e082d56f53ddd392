#!/usr/bin/env bash
# Runs each fuzz target for a bounded time from a seed corpus made of ../shared/corpus.
#   bash fuzz/run.sh [SECONDS]        (default 100 per target)
# Installs cargo-fuzz where missing; works on stable Rust with --sanitizer none.
# A crash stops the script with libFuzzer's report; its input is saved under
# fuzz/artifacts/<target>/ — add it to tests/it/regressions.rs once fixed.
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-100}"
command -v cargo-fuzz >/dev/null 2>&1 || cargo install --quiet --locked cargo-fuzz
bash seed.sh
for target in read_text read_akn; do
  echo "fuzz: $target for ${secs}s"
  log="$(mktemp)"
  status=0
  cargo fuzz run --sanitizer none "$target" "corpus/$target" -- \
    -max_total_time="$secs" -rss_limit_mb=4096 -timeout=20 -print_final_stats=1 >"$log" 2>&1 || status=$?
  grep -E "^(Done|stat::number_of_executed_units|SUMMARY|ERROR)|panicked" "$log" || true
  if [ "$status" != 0 ]; then
    tail -40 "$log" >&2
    echo "fuzz: $target failed (status $status); a crash input is under fuzz/artifacts/$target" >&2
    exit 1
  fi
  rm -f "$log"
done
