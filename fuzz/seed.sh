#!/usr/bin/env bash
# Fills the git-ignored fuzz/corpus/<target>/ from ../shared/corpus (UNLOD_SHARED):
# the example, the 31 texts and a sample of the bulk set.
set -euo pipefail
cd "$(dirname "$0")"
shared="${UNLOD_SHARED:-../../shared}"
mkdir -p corpus/read_text corpus/read_akn
cp ../examples/ecosoc-2011-31.md corpus/read_text/
for f in "$shared"/corpus/texts/*.md "$shared"/corpus/texts/*.txt; do cp "$f" corpus/read_text/; done
for f in "$shared"/corpus/texts/*.akn.xml; do cp "$f" corpus/read_akn/; done
if [ -f "$shared/corpus/bulk-visible.tar.zst" ] && [ ! -d bulk ]; then
  mkdir -p bulk && tar --zstd -xf "$shared/corpus/bulk-visible.tar.zst" -C bulk \
    --wildcards 'visible/GA/A-RES-76-3*' 'visible/SC/S-RES-24*' 'visible/HRC/A-HRC-RES-55-1*' 'visible/ECOSOC/E-RES-2022-1*'
fi
for d in bulk/visible/*/*/; do
  n=$(echo "$d" | tr '/' '_')
  cp "$d/paged.md" "corpus/read_text/${n}paged.md"
  cp "$d/source.akn.xml" "corpus/read_akn/${n}source.akn.xml"
done
echo "seeded: $(ls corpus/read_text | wc -l) texts, $(ls corpus/read_akn | wc -l) AKN files"
