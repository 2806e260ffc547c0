#!/usr/bin/env bash
# Ingest with a large gazetteer: one article, then 10,000 articles with and without one.
#
#   benches/gazetteer.sh [DIR] [ENTRIES] [ARTICLES]     (defaults: a temporary folder, 200000, 10000)
#
# Builds the release binary, writes a gazetteer of ENTRIES lines (people and organizations,
# one in ten with aliases, some of them named by the articles) and ARTICLES generated
# articles, then prints wall-clock seconds:
#   one    `ingest --gazetteer` of one article into a fresh store (parse, remember, index, extract)
#   again  one more article into that store, the gazetteer read back from it
#   plain  the ARTICLES articles into a fresh store, no gazetteer
#   gaz    the same articles into a fresh store with `--gazetteer`
# and gaz / plain. The issue asks: one < 1 s, gaz / plain <= 1.5.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-$(mktemp -d)}
entries=${2:-200000}
articles=${3:-10000}
mkdir -p "$dir"
nice -n 10 cargo build --release --quiet
bin=$PWD/target/release/relgraph

python3 - "$dir" "$entries" "$articles" <<'EOF'
import os, sys
d, n, m = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
first = ["Mirela", "Hubert", "Priya", "Jonas", "Ines", "Tomas", "Aiko", "Lucia"]
with open(os.path.join(d, "known.csv"), "w") as f:
    f.write("name,kind,aliases\n")
    for i in range(n):
        if i % 2:
            aliases = f"Vantor{i}|VT{i}" if i % 10 == 1 else ""
            f.write(f"Vantor{i} Labs,organization,{aliases}\n")
        else:
            f.write(f"{first[i % len(first)]} Stanek{i},person,\n")
arts = os.path.join(d, "articles")
os.makedirs(arts, exist_ok=True)
for j in range(m):
    i = (j * 7919) % n
    p, o = 2 * (i // 2), 2 * (i // 2) + 1
    text = (
        f"{first[p % len(first)]} Stanek{p} a fondé Vantor{o} Labs en {2000 + j % 20}. "
        f"Vantor{o} a porté plainte contre Quillon{j} Systems pour concurrence déloyale.\n\n"
        f"Le partenariat entre Vantor{o} Labs et Orsay{j} Capital a été annoncé mardi. "
        f"Stanek{p} a vivement critiqué Quillon{j} Systems.\n"
    )
    with open(os.path.join(arts, f"a{j:05}.txt"), "w") as f:
        f.write(text)
with open(os.path.join(d, "one.txt"), "w") as f:
    f.write("Jonas Stanek3 a quitté Vantor1 Labs en 2020. Vantor1 a racheté Zenith Robotics.\n")
with open(os.path.join(d, "two.txt"), "w") as f:
    f.write("Ines Stanek4 a rejoint Vantor5 Labs en 2021.\n")
EOF

secs() { # wall seconds of a command
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >/dev/null
  t1=$(date +%s.%N)
  python3 -c "print(f'{$t1 - $t0:.2f}')"
}
rm -rf "$dir"/s-*
one=$(secs "$bin" --db "$dir/s-one" ingest --gazetteer "$dir/known.csv" "$dir/one.txt")
again=$(secs "$bin" --db "$dir/s-one" ingest "$dir/two.txt")
plain=$(secs "$bin" --db "$dir/s-plain" ingest "$dir/articles")
gaz=$(secs "$bin" --db "$dir/s-gaz" ingest --gazetteer "$dir/known.csv" "$dir/articles")
"$bin" --db "$dir/s-one" entities --search vantor1 --format csv | head -3
echo "gazetteer of $entries entries, $articles articles"
echo "one article with --gazetteer: $one s; one more (gazetteer read back): $again s"
echo "$articles articles: $plain s without, $gaz s with; ratio $(python3 -c "print(f'{$gaz / $plain:.2f}')")"
