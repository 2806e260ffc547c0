//! Interchange formats of a subgraph: JSON (d3 / Cytoscape friendly), CSV (the import
//! format plus figures, so export → import round-trips), GraphML (Gephi, yEd, networkx),
//! a Cypher script of MERGE statements, and Neo4j bulk-import CSV files.
//!
//! Each is written to a `Write` from a [`Source`]: a subgraph, or a whole store streamed
//! from its trees (entities in id order, then edges in key order, one entity's edges in
//! memory at a time), so an export of any size needs no more memory than a small one.

use std::io::Write;
use std::path::Path;

use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::{Date, EdgeData, EdgeKey, Entity, EntityId, EntityKind, RelationKind};
use crate::query::Subgraph;
use crate::store::Store;

/// The one separator of a list of names inside a field, in every export and in the CLI's
/// CSV (a name may hold commas and semicolons, "Musk, Elon"; it never holds `|`). Neo4j's
/// importer reads it with `--array-delimiter='|'`.
pub const ALIAS_SEPARATOR: &str = "|";

/// What an export writes: entities in id order, then the edges between them by (source,
/// relation, target).
#[derive(Clone, Copy)]
pub enum Source<'a> {
    Subgraph(&'a Subgraph),
    /// The whole store, read as it is written out; edges of the listed relations only
    /// (all when empty).
    Store {
        store: &'a Store,
        relations: &'a [RelationKind],
    },
}

impl<'a> From<&'a Subgraph> for Source<'a> {
    fn from(g: &'a Subgraph) -> Self {
        Source::Subgraph(g)
    }
}

impl Source<'_> {
    pub(crate) fn each_entity(&self, f: &mut dyn FnMut(&Entity) -> Result<()>) -> Result<()> {
        match self {
            Source::Subgraph(g) => {
                let mut nodes: Vec<_> = g.node_indices().collect();
                nodes.sort_by_key(|n| g[*n].id);
                for n in nodes {
                    f(&g[n])?;
                }
            }
            Source::Store { store, .. } => {
                for e in store.all_entities() {
                    f(&e?)?;
                }
            }
        }
        Ok(())
    }

    pub(crate) fn each_edge(
        &self,
        f: &mut dyn FnMut(&Entity, RelationKind, &EdgeData, &Entity) -> Result<()>,
    ) -> Result<()> {
        match self {
            Source::Subgraph(g) => {
                let mut edges: Vec<_> = g.edge_references().collect();
                edges.sort_by_key(|e| (g[e.source()].id, e.weight().0, g[e.target()].id));
                for e in edges {
                    let (rel, d) = e.weight();
                    f(&g[e.source()], *rel, d, &g[e.target()])?;
                }
            }
            Source::Store { store, relations } => {
                // Edges come grouped by source: keep its entity while its edges last.
                let mut source: Option<Entity> = None;
                let lookup = |id: EntityId| -> Result<Entity> {
                    store.entity(id)?.ok_or_else(|| {
                        Error::Store(format!("edge to missing entity {id}: run `relgraph check`"))
                    })
                };
                for item in store.all_edges() {
                    let (k, d) = item?;
                    if !relations.is_empty() && !relations.contains(&k.relation) {
                        continue;
                    }
                    if source.as_ref().is_none_or(|s| s.id != k.source) {
                        source = Some(lookup(k.source)?);
                    }
                    let target = lookup(k.target)?;
                    // Its denials, as a subgraph's edge learns them when it is cut.
                    let mut d = d;
                    store.add_doubt(&k, &mut d)?;
                    if let Some(s) = &source {
                        f(s, k.relation, &d, &target)?;
                    }
                }
            }
        }
        Ok(())
    }
}

fn io(e: std::io::Error) -> Error {
    Error::write("the export output", e)
}

fn csv_err(e: ::csv::Error) -> Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => io(e),
        other => Error::Invalid(format!("{other:?}")),
    }
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
    /// Documents that deny it; with any, it is contested.
    denials: u32,
    contested: bool,
    evidence: Vec<String>,
}

/// Writes one element of a pretty-printed array nested `depth` levels deep.
fn pretty_item(out: &mut dyn Write, first: bool, value: &impl Serialize) -> Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Error::Invalid(e.to_string()))?;
    out.write_all(if first { b"\n" } else { b",\n" })
        .map_err(io)?;
    // JSON strings hold no raw newline, so each line is one line of the value.
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.write_all(b"\n").map_err(io)?;
        }
        out.write_all(b"    ").map_err(io)?;
        out.write_all(line.as_bytes()).map_err(io)?;
    }
    Ok(())
}

/// Ends an array of [`pretty_item`]s: `]` right after `[` when it stayed empty.
fn close_array(out: &mut dyn Write, empty: bool) -> Result<()> {
    out.write_all(if empty { b"]" } else { b"\n  ]" })
        .map_err(io)
}

/// `{"nodes": [...], "edges": [...]}` with ids as strings, as d3 and Cytoscape take them.
/// With a store, each edge lists its evidence sentences.
pub fn write_json(src: Source, store: Option<&Store>, out: &mut dyn Write) -> Result<()> {
    out.write_all(b"{\n  \"nodes\": [").map_err(io)?;
    let mut first = true;
    src.each_entity(&mut |e| {
        pretty_item(
            out,
            first,
            &JsonNode {
                id: format!("n{}", e.id),
                name: &e.name,
                kind: e.kind,
                aliases: &e.aliases,
            },
        )?;
        first = false;
        Ok(())
    })?;
    close_array(out, first)?;
    out.write_all(b",\n  \"edges\": [").map_err(io)?;
    let mut first = true;
    src.each_edge(&mut |s, rel, d, t| {
        let mut d = d.clone();
        if let Some(st) = store {
            st.add_doubt(&EdgeKey::new(s.id, rel, t.id), &mut d)?;
        }
        let evidence = match store {
            Some(st) => st
                .evidence_of(&EdgeKey::new(s.id, rel, t.id))?
                .into_iter()
                .map(|v| v.sentence.to_string())
                .collect(),
            None => Vec::new(),
        };
        pretty_item(
            out,
            first,
            &JsonEdge {
                source: format!("n{}", s.id),
                target: format!("n{}", t.id),
                relation: rel,
                symmetric: rel.is_symmetric(),
                evidence_count: d.evidence,
                documents: d.documents,
                first_date: &d.first_date,
                last_date: &d.last_date,
                confidence: d.confidence,
                denials: d.denials,
                contested: d.contested(),
                evidence,
            },
        )?;
        first = false;
        Ok(())
    })?;
    close_array(out, first)?;
    out.write_all(b"\n}").map_err(io)
}

/// [`write_json`] of a subgraph, as a string.
pub fn json(g: &Subgraph, store: Option<&Store>) -> Result<String> {
    let mut out = Vec::new();
    write_json(g.into(), store, &mut out)?;
    String::from_utf8(out).map_err(|e| Error::Invalid(e.to_string()))
}

/// One edge a row: the import header, then evidence count and dates.
pub fn write_csv(src: Source, out: &mut dyn Write) -> Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
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
    .map_err(csv_err)?;
    src.each_edge(&mut |s, rel, d, t| {
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
        .map_err(csv_err)
    })?;
    w.flush().map_err(io)
}

/// [`write_csv`] of a subgraph, as a string.
pub fn csv(g: &Subgraph) -> Result<String> {
    let mut out = Vec::new();
    write_csv(g.into(), &mut out)?;
    String::from_utf8(out).map_err(|e| Error::Invalid(e.to_string()))
}

fn date_text(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// GraphML text: names read back whole, line breaks included.
fn xml(s: &str) -> String {
    super::xml_text(s, super::Controls::Kept)
}

/// GraphML with typed attributes: name, kind, aliases on nodes; relation, evidence count,
/// documents, confidence and dates on edges. Directed; symmetric relations say so.
pub fn write_graphml(src: Source, out: &mut dyn Write) -> Result<()> {
    out.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n\
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
    )
    .map_err(io)?;
    src.each_entity(&mut |e| {
        writeln!(
            out,
            "    <node id=\"n{}\"><data key=\"name\">{}</data><data key=\"kind\">{}</data><data key=\"aliases\">{}</data></node>",
            e.id,
            xml(&e.name),
            e.kind,
            xml(&e.aliases.join(ALIAS_SEPARATOR))
        )
        .map_err(io)
    })?;
    let mut i = 0usize;
    src.each_edge(&mut |s, rel, d, t| {
        writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"n{}\" target=\"n{}\"><data key=\"relation\">{rel}</data><data key=\"symmetric\">{}</data><data key=\"evidence_count\">{}</data><data key=\"documents\">{}</data><data key=\"confidence\">{}</data><data key=\"first_date\">{}</data></edge>",
            s.id,
            t.id,
            rel.is_symmetric(),
            d.evidence,
            d.documents,
            d.confidence,
            date_text(d.first_date)
        )
        .map_err(io)?;
        i += 1;
        Ok(())
    })?;
    out.write_all(b"  </graph>\n</graphml>\n").map_err(io)
}

/// [`write_graphml`] of a subgraph, as a string.
pub fn graphml(g: &Subgraph) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = write_graphml(g.into(), &mut out);
    String::from_utf8_lossy(&out).into_owned()
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
pub fn write_cypher(src: Source, out: &mut dyn Write) -> Result<()> {
    out.write_all(
        b"// relgraph export: entities keyed by name, one relationship type per relation\n",
    )
    .map_err(io)?;
    src.each_entity(&mut |e| {
        // Kinds as a property, not extra labels: label changes are not portable (Kùzu).
        writeln!(
            out,
            "MERGE (n:Entity {{name: {}}}) SET n.kind = {};",
            cy(&e.name),
            cy(e.kind.as_str())
        )
        .map_err(io)
    })?;
    src.each_edge(&mut |s, rel, d, t| {
        writeln!(
            out,
            "MATCH (a:Entity {{name: {}}}), (b:Entity {{name: {}}}) MERGE (a)-[r:{}]->(b) SET r.evidence_count = {}, r.symmetric = {};",
            cy(&s.name),
            cy(&t.name),
            rel.as_str().to_uppercase(),
            d.evidence,
            rel.is_symmetric()
        )
        .map_err(io)
    })
}

/// [`write_cypher`] of a subgraph, as a string.
pub fn cypher(g: &Subgraph) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = write_cypher(g.into(), &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// `nodes.csv` and `relationships.csv` in the layout of `neo4j-admin database import`,
/// aliases joined with [`ALIAS_SEPARATOR`] (import with `--array-delimiter='|'`).
pub fn write_neo4j(src: Source, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
    let create = |name: &str| -> Result<(
        std::path::PathBuf,
        ::csv::Writer<std::io::BufWriter<std::fs::File>>,
    )> {
        let p = dir.join(name);
        let f = std::fs::File::create(&p).map_err(|e| Error::write(&p, e))?;
        Ok((p, ::csv::Writer::from_writer(std::io::BufWriter::new(f))))
    };
    let at = |p: &Path| {
        let p = p.to_path_buf();
        move |e: ::csv::Error| match e.into_kind() {
            ::csv::ErrorKind::Io(e) => Error::write(&p, e),
            other => Error::Invalid(format!("{other:?}")),
        }
    };
    let (np, mut nodes) = create("nodes.csv")?;
    nodes
        .write_record(["id:ID", "name", "kind", "aliases:string[]", ":LABEL"])
        .map_err(at(&np))?;
    src.each_entity(&mut |e| {
        nodes
            .write_record([
                format!("n{}", e.id),
                e.name.clone(),
                e.kind.to_string(),
                e.aliases.join(ALIAS_SEPARATOR),
                format!("Entity{ALIAS_SEPARATOR}{}", label(e.kind)),
            ])
            .map_err(at(&np))
    })?;
    nodes.flush().map_err(|e| Error::write(&np, e))?;
    let (rp, mut rels) = create("relationships.csv")?;
    rels.write_record([
        ":START_ID",
        ":END_ID",
        ":TYPE",
        "evidence_count:int",
        "documents:int",
        "first_date",
        "last_date",
    ])
    .map_err(at(&rp))?;
    src.each_edge(&mut |s, rel, d, t| {
        rels.write_record([
            format!("n{}", s.id),
            format!("n{}", t.id),
            rel.as_str().to_uppercase(),
            d.evidence.to_string(),
            d.documents.to_string(),
            date_text(d.first_date),
            date_text(d.last_date),
        ])
        .map_err(at(&rp))
    })?;
    rels.flush().map_err(|e| Error::write(&rp, e))
}

/// [`write_neo4j`] of a subgraph.
pub fn neo4j(g: &Subgraph, dir: &Path) -> Result<()> {
    write_neo4j(g.into(), dir)
}
