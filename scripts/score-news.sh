#!/usr/bin/env bash
# Scores relgraph's extraction on a folder of answer keys (default ../shared/eval/news):
# one `extract --format jsonl` per article, then ../shared/eval/score.py, relations and
# entities. RELGRAPH_BIN picks the binary (default: target/release/relgraph, built first).
#   scripts/score-news.sh [KEYS_DIR] [--verbose]
set -euo pipefail
cd "$(dirname "$0")/.."
keys=${1:-../shared/eval/news}
shift || true
bin=${RELGRAPH_BIN:-}
if [ -z "$bin" ]; then
  cargo build --release --quiet
  bin=target/release/relgraph
fi
pred=$(mktemp -d)
trap 'rm -rf "$pred"' EXIT
mkdir -p "$pred/rel" "$pred/ent"
for f in "$keys"/*.txt; do
  id=$(basename "$f" .txt)
  "$bin" extract "$f" --format jsonl >"$pred/rel/$id.jsonl" 2>/dev/null || true
  "$bin" extract "$f" --entities --format jsonl >"$pred/ent/$id.entities.jsonl" 2>/dev/null || true
done
python3 ../shared/eval/score.py --gold "$keys" --pred "$pred/rel" "$@"
python3 ../shared/eval/score.py --entities --gold "$keys" --pred "$pred/ent" "$@" | tail -n 3
