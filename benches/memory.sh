#!/usr/bin/env bash
# Peak memory and time of extracting huge documents (issue 17, item 8), measured with
# /usr/bin/time -v on the release binary:
#
#   benches/memory.sh [DIR]        (default: a temporary folder)
#
#   repeated-32mb   32 MB of one French sentence pair, repeated (under the 50 MB default limit)
#   line-18mb       18.6 MB on a single line, no sentence end until the last byte
#   repeated-200mb  200 MB of the same, with --max-doc-bytes raised (set BIG=0 to skip)
#
# Prints, per input: size, wall seconds, peak RSS, and peak RSS / size. The issue asks for a
# peak within about ten times the document plus a constant.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-$(mktemp -d)}
mkdir -p "$dir"
nice -n 10 cargo build --release --quiet
bin=$PWD/target/release/relgraph

python3 - "$dir" "${BIG:-1}" <<'EOF'
import os, sys
d, big = sys.argv[1], sys.argv[2] == "1"
pair = "Mirela Stanek a fondé Vantor Labs en 2011. Vantor Labs a porté plainte contre Quillon Systems.\n"
run_on = "Mirela Stanek a fondé Vantor Labs en 2011 et Vantor Labs a porté plainte contre Quillon Systems puis "
def write(name, unit, size, end=""):
    with open(os.path.join(d, name), "w") as f:
        f.write(unit * (size // len(unit)) + end)
write("repeated-32mb.txt", pair, 32_000_000)
write("line-18mb.txt", run_on, 18_600_000, ".\n")
if big:
    write("repeated-200mb.txt", pair, 200_000_000)
EOF

for f in repeated-32mb line-18mb repeated-200mb; do
  [ -f "$dir/$f.txt" ] || continue
  /usr/bin/time -v "$bin" extract "$dir/$f.txt" --format jsonl --max-doc-bytes 300000000 \
    >/dev/null 2>"$dir/$f.time" || { echo "$f: failed"; tail -3 "$dir/$f.time"; continue; }
  python3 - "$dir/$f.txt" "$dir/$f.time" "$f" <<'EOF'
import os, re, sys
size = os.path.getsize(sys.argv[1])
t = open(sys.argv[2]).read()
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) * 1024
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", t).group(1)
secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall.split(":"))))
print(f"{sys.argv[3]}: {size / 1e6:.1f} MB, {secs:.1f} s, peak {rss / 2**20:.0f} MiB, {rss / size:.1f}x")
EOF
done
