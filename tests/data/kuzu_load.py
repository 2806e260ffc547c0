"""Loads the Neo4j bulk files and the Cypher script into Kùzu; prints counts as JSON."""
import csv
import json
import os
import re
import sys
import tempfile

import kuzu

neo, script = sys.argv[1], sys.argv[2]

# Neo4j bulk-import files: nodes by :ID, relationships by :START_ID, :END_ID, :TYPE.
c = kuzu.Connection(kuzu.Database(os.path.join(tempfile.mkdtemp(), "a")))
c.execute("CREATE NODE TABLE Entity(id STRING, name STRING, kind STRING, PRIMARY KEY(id))")
with open(os.path.join(neo, "relationships.csv"), newline="", encoding="utf-8") as fh:
    rels = list(csv.DictReader(fh))
for t in sorted({r[":TYPE"] for r in rels}):
    c.execute("CREATE REL TABLE %s(FROM Entity TO Entity, evidence_count INT64)" % t)
with open(os.path.join(neo, "nodes.csv"), newline="", encoding="utf-8") as fh:
    for n in csv.DictReader(fh):
        c.execute("CREATE (:Entity {id: $i, name: $n, kind: $k})", {"i": n["id:ID"], "n": n["name"], "k": n["kind"]})
for r in rels:
    c.execute(
        "MATCH (a:Entity {id: $s}), (b:Entity {id: $t}) CREATE (a)-[:%s {evidence_count: $e}]->(b)" % r[":TYPE"],
        {"s": r[":START_ID"], "t": r[":END_ID"], "e": int(r["evidence_count:int"])},
    )
bulk = {
    "nodes": c.execute("MATCH (n:Entity) RETURN count(n)").get_next()[0],
    "edges": c.execute("MATCH ()-[r]->() RETURN count(r)").get_next()[0],
    "sued_openai": c.execute("MATCH (a:Entity)-[:SUED]->(b:Entity {name: 'OpenAI'}) RETURN a.name").get_next()[0],
}

# The Cypher script: Kùzu wants its schema first, then the script's statements run as they are.
c2 = kuzu.Connection(kuzu.Database(os.path.join(tempfile.mkdtemp(), "b")))
c2.execute("CREATE NODE TABLE Entity(name STRING, kind STRING, PRIMARY KEY(name))")
with open(script, encoding="utf-8") as fh:
    text = fh.read()
for t in sorted(set(re.findall(r"\[r:([A-Z_]+)\]", text))):
    c2.execute("CREATE REL TABLE %s(FROM Entity TO Entity, evidence_count INT64, symmetric BOOLEAN)" % t)
for line in text.splitlines():
    if line.startswith(("MERGE", "MATCH")):
        c2.execute(line)
scripted = {
    "nodes": c2.execute("MATCH (n:Entity) RETURN count(n)").get_next()[0],
    "edges": c2.execute("MATCH ()-[r]->() RETURN count(r)").get_next()[0],
    "sued_comma": c2.execute("MATCH (a:Entity)-[:SUED]->(b:Entity {name: 'Comma, Inc'}) RETURN a.name").get_next()[0],
}
print(json.dumps({"bulk": bulk, "script": scripted}))
