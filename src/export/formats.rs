//! Interchange formats of a subgraph: JSON (d3 / Cytoscape friendly), CSV (the import
//! format plus figures, so export → import round-trips), GraphML (Gephi, yEd, networkx),
//! a Cypher script of MERGE statements, and Neo4j bulk-import CSV files.

use std::path::Path;

use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::{Date, EdgeKey, EntityKind, RelationKind};
use crate::query::Subgraph;
use crate::store::Store;

fn sorted_edges(
    g: &Subgraph,
) -> Vec<petgraph::stable_graph::EdgeReference<'_, (RelationKind, crate::model::EdgeData)>> {
    let mut edges: Vec<_> = g.edge_references().collect();
    edges.sort_by_key(|e| (g[e.source()].id, e.weight().0, g[e.target()].id));
    edges
}

fn sorted_nodes(g: &Subgraph) -> Vec<petgraph::stable_graph::NodeIndex> {
    let mut nodes: Vec<_> = g.node_indices().collect();
    nodes.sort_by_key(|n| g[*n].id);
    nodes
}

#[derive(Serialize)]
struct JsonNode<'a> {
    id: String,
    name: &'a str,
    kind: EntityKind,
    aliases: &'a [String],
}

#[derive(Serialize)]
struct JsonEdge<'a> {
    source: String,
    target: String,
    relation: RelationKind,
    symmetric: bool,
    evidence_count: u32,
    documents: u32,
    first_date: &'a Option<Date>,
    last_date: &'a Option<Date>,
    confidence: f32,
    evidence: Vec<String>,
}

/// `{"nodes": [...], "edges": [...]}` with ids as strings, as d3 and Cytoscape take them.
/// With a store, each edge lists its evidence sentences.
pub fn json(g: &Subgraph, store: Option<&Store>) -> Result<String> {
    let nodes: Vec<JsonNode> = sorted_nodes(g)
        .into_iter()
        .map(|n| JsonNode {
            id: format!("n{}", g[n].id),
            name: &g[n].name,
            kind: g[n].kind,
            aliases: &g[n].aliases,
        })
        .collect();
    let mut edges = Vec::new();
    for e in sorted_edges(g) {
        let (rel, d) = e.weight();
        let evidence = match store {
            Some(s) => s
                .evidence_of(&EdgeKey::new(g[e.source()].id, *rel, g[e.target()].id))?
                .into_iter()
                .map(|v| v.sentence)
                .collect(),
            None => Vec::new(),
        };
        edges.push(JsonEdge {
            source: format!("n{}", g[e.source()].id),
            target: format!("n{}", g[e.target()].id),
            relation: *rel,
            symmetric: rel.is_symmetric(),
            evidence_count: d.evidence,
            documents: d.documents,
            first_date: &d.first_date,
            last_date: &d.last_date,
            confidence: d.confidence,
            evidence,
        });
    }
    serde_json::to_string_pretty(&serde_json::json!({ "nodes": nodes, "edges": edges }))
        .map_err(|e| Error::Invalid(e.to_string()))
}

/// One edge a row: the import header, then evidence count and dates.
pub fn csv(g: &Subgraph) -> Result<String> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let err = |e: ::csv::Error| Error::Invalid(e.to_string());
    w.write_record([
        "source",
        "relation",
        "target",
        "source_kind",
        "target_kind",
        "evidence_count",
        "first_date",
        "last_date",
    ])
    .map_err(err)?;
    for e in sorted_edges(g) {
        let (rel, d) = e.weight();
        let (s, t) = (&g[e.source()], &g[e.target()]);
        w.write_record([
            s.name.as_str(),
            rel.as_str(),
            t.name.as_str(),
            s.kind.as_str(),
            t.kind.as_str(),
            &d.evidence.to_string(),
            &date_text(d.first_date),
            &date_text(d.last_date),
        ])
        .map_err(err)?;
    }
    let bytes = w.into_inner().map_err(|e| Error::Invalid(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Error::Invalid(e.to_string()))
}

fn date_text(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// XML text: markup characters escaped, characters XML 1.0 forbids dropped.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// GraphML with typed attributes: name, kind, aliases on nodes; relation, evidence count,
/// documents, confidence and dates on edges. Directed; symmetric relations say so.
pub fn graphml(g: &Subgraph) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n\
  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n\
  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n\
  <key id=\"aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>\n\
  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n\
  <key id=\"symmetric\" for=\"edge\" attr.name=\"symmetric\" attr.type=\"boolean\"/>\n\
  <key id=\"evidence_count\" for=\"edge\" attr.name=\"evidence_count\" attr.type=\"int\"/>\n\
  <key id=\"documents\" for=\"edge\" attr.name=\"documents\" attr.type=\"int\"/>\n\
  <key id=\"confidence\" for=\"edge\" attr.name=\"confidence\" attr.type=\"double\"/>\n\
  <key id=\"first_date\" for=\"edge\" attr.name=\"first_date\" attr.type=\"string\"/>\n\
  <graph id=\"relgraph\" edgedefault=\"directed\">\n",
    );
    for n in sorted_nodes(g) {
        let e = &g[n];
        out.push_str(&format!(
            "    <node id=\"n{}\"><data key=\"name\">{}</data><data key=\"kind\">{}</data><data key=\"aliases\">{}</data></node>\n",
            e.id,
            xml(&e.name),
            e.kind,
            xml(&e.aliases.join("|"))
        ));
    }
    for (i, e) in sorted_edges(g).into_iter().enumerate() {
        let (rel, d) = e.weight();
        out.push_str(&format!(
            "    <edge id=\"e{i}\" source=\"n{}\" target=\"n{}\"><data key=\"relation\">{rel}</data><data key=\"symmetric\">{}</data><data key=\"evidence_count\">{}</data><data key=\"documents\">{}</data><data key=\"confidence\">{}</data><data key=\"first_date\">{}</data></edge>\n",
            g[e.source()].id,
            g[e.target()].id,
            rel.is_symmetric(),
            d.evidence,
            d.documents,
            d.confidence,
            date_text(d.first_date)
        ));
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// A Cypher string literal.
fn cy(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Organization => "Organization",
        EntityKind::Product => "Product",
        EntityKind::Media => "Media",
        EntityKind::Place => "Place",
        EntityKind::Group => "Group",
    }
}

/// MERGE statements that rebuild the graph in a Cypher database (one statement a line).
pub fn cypher(g: &Subgraph) -> String {
    let mut out = String::from(
        "// relgraph export: entities keyed by name, one relationship type per relation\n",
    );
    for n in sorted_nodes(g) {
        let e = &g[n];
        // Kinds as a property, not extra labels: label changes are not portable (Kùzu).
        out.push_str(&format!(
            "MERGE (n:Entity {{name: {}}}) SET n.kind = {};\n",
            cy(&e.name),
            cy(e.kind.as_str())
        ));
    }
    for e in sorted_edges(g) {
        let (rel, d) = e.weight();
        out.push_str(&format!(
            "MATCH (a:Entity {{name: {}}}), (b:Entity {{name: {}}}) MERGE (a)-[r:{}]->(b) SET r.evidence_count = {}, r.symmetric = {};\n",
            cy(&g[e.source()].name),
            cy(&g[e.target()].name),
            rel.as_str().to_uppercase(),
            d.evidence,
            rel.is_symmetric()
        ));
    }
    out
}

/// `nodes.csv` and `relationships.csv` in the layout of `neo4j-admin database import`.
pub fn neo4j(g: &Subgraph, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
    let err = |e: ::csv::Error| Error::Invalid(e.to_string());
    let mut nodes = ::csv::Writer::from_writer(Vec::new());
    nodes
        .write_record(["id:ID", "name", "kind", "aliases:string[]", ":LABEL"])
        .map_err(err)?;
    for n in sorted_nodes(g) {
        let e = &g[n];
        nodes
            .write_record([
                format!("n{}", e.id),
                e.name.clone(),
                e.kind.to_string(),
                e.aliases.join(";"),
                format!("Entity;{}", label(e.kind)),
            ])
            .map_err(err)?;
    }
    let mut rels = ::csv::Writer::from_writer(Vec::new());
    rels.write_record([
        ":START_ID",
        ":END_ID",
        ":TYPE",
        "evidence_count:int",
        "documents:int",
        "first_date",
        "last_date",
    ])
    .map_err(err)?;
    for e in sorted_edges(g) {
        let (rel, d) = e.weight();
        rels.write_record([
            format!("n{}", g[e.source()].id),
            format!("n{}", g[e.target()].id),
            rel.as_str().to_uppercase(),
            d.evidence.to_string(),
            d.documents.to_string(),
            date_text(d.first_date),
            date_text(d.last_date),
        ])
        .map_err(err)?;
    }
    for (name, w) in [("nodes.csv", nodes), ("relationships.csv", rels)] {
        let bytes = w.into_inner().map_err(|e| Error::Invalid(e.to_string()))?;
        let p = dir.join(name);
        std::fs::write(&p, bytes).map_err(|e| Error::write(&p, e))?;
    }
    Ok(())
}
