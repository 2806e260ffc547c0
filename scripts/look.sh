#!/usr/bin/env bash
# scripts/look.sh ID [PATTERN]: the explain view of one dev article (sentences matching PATTERN).
cd "$(dirname "$0")/.."
f=../shared/eval/news/$1.txt; [ -f "$f" ] || f=$1
${RELGRAPH_BIN:-target/release/relgraph} extract "$f" --explain | awk -v pat="${2:-}" 'BEGIN{RS="\n\\["} { if (pat=="" || $0 ~ pat) print "[" $0 }'
