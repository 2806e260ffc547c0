"""Reads a GraphML export with networkx; prints what the Rust test compares, as JSON."""
import json
import sys

import networkx as nx

g = nx.read_graphml(sys.argv[1])
evidence = [d["evidence_count"] for _, _, d in g.edges(data=True)]
assert all(isinstance(x, int) for x in evidence), evidence
print(json.dumps({
    "nodes": g.number_of_nodes(),
    "edges": g.number_of_edges(),
    "names": sorted(d["name"] for _, d in g.nodes(data=True)),
    "kinds": sorted({d["kind"] for _, d in g.nodes(data=True)}),
    "sued": sorted([g.nodes[a]["name"], g.nodes[b]["name"]] for a, b, d in g.edges(data=True) if d["relation"] == "sued"),
}))
