#!/usr/bin/env bash
# One side-by-side run on a gen_graph.py directory: relgraph imports edges.csv into a fresh
# store and runs queries.txt on its snapshot and on its sled indexes, then each peer engine
# runs the same workload, bench_peers.py checks that all answers agree, and prints the table.
#
#   benches/side_by_side.sh DATA_DIR [ENGINE...]     (engines default: kuzu duckdb networkx)
#
# Needs python3 with the peers' packages (pip install kuzu duckdb networkx) and the kit in
# ../shared/bench (or BENCH_KIT). Timings are noisy on shared machines: compare within a run.
set -euo pipefail
data=${1:?usage: benches/side_by_side.sh DATA_DIR [ENGINE...]}
shift
engines=("$@")
[ ${#engines[@]} -gt 0 ] || engines=(kuzu duckdb networkx)
kit=${BENCH_KIT:-../shared/bench}
cargo build --release --quiet
bin=target/release/relgraph
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$data/results"

start=$(date +%s.%N)
"$bin" --db "$work/store" import "$data/edges.csv"
end=$(date +%s.%N)
load=$(python3 -c "print(round($end - $start, 3))")
echo "relgraph import: $load s, $(du -sm "$work/store" | cut -f1) MiB on disk"

"$bin" --db "$work/store" bench --workload "$data/queries.txt" --load-s "$load" \
    --results "$data/results/relgraph-snapshot.json"
"$bin" --db "$work/store" bench --workload "$data/queries.txt" --load-s "$load" --no-snapshot \
    --results "$data/results/relgraph-indexes.json"

# What a user waits for: a whole process answering one question on that store.
name=$(grep -m1 '^neighbors' "$data/queries.txt" | cut -f2)
for _ in 1 2 3 4 5; do
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "fresh 'relgraph neighbors': %e s wall, %M KB peak" \
            "$bin" --db "$work/store" neighbors "$name" >/dev/null
    else
        TIMEFORMAT="fresh 'relgraph neighbors': %R s wall"
        time "$bin" --db "$work/store" neighbors "$name" >/dev/null
    fi
done

for engine in "${engines[@]}"; do
    python3 "$kit/bench_peers.py" --data "$data" --engine "$engine"
done
python3 "$kit/bench_peers.py" --data "$data" --compare
python3 "$kit/bench_peers.py" --table "$data"
