//! DOT export, built with graphviz-rust's graph model (never by gluing strings): node shape
//! and colour by kind, edge colour and label by relation, symmetric relations without
//! arrowheads, width by evidence, a legend and a title.

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph as DotGraph, GraphAttributes, Id, Node, NodeId, Stmt,
    Subgraph as DotSubgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use std::io::Write;

use crate::error::{Error, Result};
use crate::export::formats::Source;
use crate::model::{EdgeData, Entity, EntityKind, RelationKind};
use crate::query::Subgraph;

/// Options of the DOT picture.
#[derive(Debug, Clone)]
pub struct DotOptions {
    pub title: String,
    pub legend: bool,
    /// Draw the relations between the same two entities as one edge with one label: the
    /// built-in layout cannot keep parallel labels apart.
    pub merge_parallel: bool,
}

impl Default for DotOptions {
    fn default() -> Self {
        DotOptions {
            title: "relgraph".to_string(),
            legend: true,
            merge_parallel: false,
        }
    }
}

impl DotOptions {
    pub fn titled(title: impl Into<String>) -> DotOptions {
        DotOptions {
            title: title.into(),
            ..Default::default()
        }
    }
}

/// A quoted DOT string: backslashes, quotes and line breaks escaped, control characters
/// dropped, so any name yields a valid file.
pub fn quoted(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            // Graphviz copies U+FFFE and U+FFFF into its SVG, which no XML reader accepts.
            c if c.is_control() || (c as u32 & 0xfffe) == 0xfffe => {}
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

fn plain(s: &str) -> Id {
    Id::Plain(s.to_string())
}

fn attr(k: &str, v: Id) -> Attribute {
    Attribute(plain(k), v)
}

/// Shape and fill colour of a kind.
pub fn kind_style(kind: EntityKind) -> (&'static str, &'static str) {
    match kind {
        EntityKind::Person => ("ellipse", "#dbe9f6"),
        EntityKind::Organization => ("box", "#fde2c4"),
        EntityKind::Product => ("hexagon", "#e3f1d8"),
        EntityKind::Media => ("note", "#efe0f3"),
        EntityKind::Place => ("octagon", "#f3f0d0"),
        EntityKind::Group => ("box3d", "#e6e6e6"),
    }
}

/// Colour of a relation: the core six warm and distinct, the extended ones cooler.
pub fn relation_color(r: RelationKind) -> &'static str {
    match r {
        RelationKind::Founded => "#1b7837",
        RelationKind::Left => "#8c510a",
        RelationKind::Sued => "#b2182b",
        RelationKind::Partnered => "#2166ac",
        RelationKind::Praised => "#4d9221",
        RelationKind::Criticized => "#d6604d",
        RelationKind::Leads => "#542788",
        RelationKind::MemberOf => "#8073ac",
        RelationKind::InvestedIn => "#01665e",
        RelationKind::Acquired => "#762a83",
        RelationKind::Owns => "#35978f",
        RelationKind::CompetesWith => "#c51b7d",
    }
}

/// The graph's attributes and the defaults of its nodes and edges: the first statements.
fn header(opts: &DotOptions) -> Vec<Stmt> {
    vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("label", quoted(&opts.title)),
            attr("labelloc", plain("t")),
            attr("fontsize", plain("20")),
            attr("fontname", quoted("DejaVu Sans")),
            attr("rankdir", plain("LR")),
            attr("nodesep", plain("0.5")),
            attr("ranksep", plain("1.1")),
            attr("pad", plain("0.3")),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("style", quoted("filled")),
            attr("fontname", quoted("DejaVu Sans")),
            attr("fontsize", plain("14")),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", quoted("DejaVu Sans")),
            attr("fontsize", plain("12")),
        ])),
    ]
}

/// An entity's node id: stable, whatever its name.
fn node_id(e: &Entity) -> NodeId {
    NodeId(plain(&format!("n{}", e.id)), None)
}

fn node_stmt(e: &Entity) -> Stmt {
    let (shape, fill) = kind_style(e.kind);
    Stmt::Node(Node::new(
        node_id(e),
        vec![
            attr("label", quoted(&e.name)),
            attr("shape", plain(shape)),
            attr("fillcolor", quoted(fill)),
            attr("tooltip", quoted(&format!("{} ({})", e.name, e.kind))),
        ],
    ))
}

/// One relation between two entities: its colour, width by evidence, dashed when contested.
fn edge_stmt(s: &Entity, rel: RelationKind, data: &EdgeData, t: &Entity) -> Stmt {
    let color = relation_color(rel);
    let width = 1 + data.evidence.min(4);
    let mut attributes = vec![
        attr("label", quoted(rel.as_str())),
        attr("color", quoted(color)),
        attr("fontcolor", quoted(color)),
        attr("penwidth", plain(&width.to_string())),
    ];
    if rel.is_symmetric() {
        attributes.push(attr("dir", plain("none")));
    }
    if data.contested() {
        attributes.push(attr("style", quoted("dashed")));
    }
    let mut figures = match (&data.first_date, data.evidence) {
        (_, 0) => "imported".to_string(),
        (Some(d), n) => format!("{n} evidence, {d}"),
        (None, n) => format!("{n} evidence"),
    };
    if data.contested() {
        figures.push_str(&format!("; denied in {} documents", data.denials));
    }
    let tip = format!("{} {} {} ({figures})", s.name, rel, t.name);
    attributes.push(attr("tooltip", quoted(&tip)));
    Stmt::Edge(DotEdge {
        ty: EdgeTy::Pair(Vertex::N(node_id(s)), Vertex::N(node_id(t))),
        attributes,
    })
}

/// The legend of the relations drawn (in canonical order), and of dashed edges if any.
fn legend_stmt(present: &[RelationKind], contested: bool) -> Stmt {
    // One HTML-table node: compact whatever the layout direction.
    let mut rows = String::from("<table border=\"0\" cellborder=\"0\" cellspacing=\"1\" cellpadding=\"2\"><tr><td colspan=\"2\"><b>relations</b></td></tr>");
    for r in present {
        let c = relation_color(*r);
        let line = if r.is_symmetric() {
            "&#8212;&#8212;"
        } else {
            "&#8212;&#9654;"
        };
        rows.push_str(&format!("<tr><td><font color=\"{c}\">{line}</font></td><td align=\"left\"><font color=\"{c}\">{}</font></td></tr>", r.as_str()));
    }
    if contested {
        rows.push_str(&format!(
            "<tr><td>{CONTESTED_LINE}</td><td align=\"left\">{CONTESTED_LEGEND}</td></tr>"
        ));
    }
    rows.push_str("</table>");
    Stmt::Subgraph(DotSubgraph {
        id: plain("cluster_legend"),
        stmts: vec![
            Stmt::GAttribute(GraphAttributes::Graph(vec![
                attr("label", quoted("")),
                attr("style", quoted("rounded")),
                attr("color", quoted("#bbbbbb")),
            ])),
            Stmt::Node(Node::new(
                NodeId(plain("legend"), None),
                vec![
                    attr("shape", plain("plaintext")),
                    attr("style", quoted("solid")),
                    attr("label", Id::Html(format!("<{rows}>"))),
                ],
            )),
        ],
    })
}

/// The id of the DOT graph.
const GRAPH_ID: &str = "relgraph";

/// Builds the DOT graph of a subgraph.
pub fn to_dot(g: &Subgraph, opts: &DotOptions) -> DotGraph {
    let mut stmts = header(opts);
    // Stable node ids in entity-id order, so the output is deterministic.
    let mut nodes: Vec<_> = g.node_indices().collect();
    nodes.sort_by_key(|n| g[*n].id);
    for n in &nodes {
        stmts.push(node_stmt(&g[*n]));
    }
    let mut edges: Vec<_> = g.edge_references().collect();
    edges.sort_by_key(|e| (g[e.source()].id, e.weight().0, g[e.target()].id));
    let present = relations_present(g);
    let node = |n: petgraph::stable_graph::NodeIndex| Vertex::N(node_id(&g[n]));
    if opts.merge_parallel {
        // One edge per ordered pair of entities, its label listing the relations.
        let mut pairs: Vec<(
            petgraph::stable_graph::NodeIndex,
            petgraph::stable_graph::NodeIndex,
            Vec<RelationKind>,
            u32,
        )> = Vec::new();
        for e in &edges {
            let (a, b) = (e.source(), e.target());
            match pairs.iter_mut().find(|p| p.0 == a && p.1 == b) {
                Some(p) => {
                    p.2.push(e.weight().0);
                    p.3 += e.weight().1.evidence;
                }
                None => pairs.push((a, b, vec![e.weight().0], e.weight().1.evidence)),
            }
        }
        for (a, b, rels, evidence) in pairs {
            let label = rels
                .iter()
                .map(|r| r.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let color = if rels.len() == 1 {
                relation_color(rels[0])
            } else {
                "#444444"
            };
            let width = 1 + evidence.min(3);
            stmts.push(Stmt::Edge(DotEdge {
                ty: EdgeTy::Pair(node(a), node(b)),
                attributes: vec![
                    attr("label", quoted(&label)),
                    attr("color", quoted(color)),
                    attr("penwidth", plain(&width.to_string())),
                ],
            }));
        }
    } else {
        for e in edges {
            let (rel, data) = e.weight();
            stmts.push(edge_stmt(&g[e.source()], *rel, data, &g[e.target()]));
        }
    }
    if opts.legend && !present.is_empty() {
        let contested = g.edge_weights().any(|w| w.1.contested());
        stmts.push(legend_stmt(&present, contested));
    }
    DotGraph::DiGraph {
        id: plain(GRAPH_ID),
        strict: false,
        stmts,
    }
}

/// The text of one statement as it stands in a printed graph: indented one level, no line
/// break. Printed as a graph of that one statement (`digraph ID {`, the line, `}`), so
/// that it is what the printer makes of the whole graph, line for line.
fn statement_text(stmt: Stmt) -> Result<String> {
    let text = DotGraph::DiGraph {
        id: plain(GRAPH_ID),
        strict: false,
        stmts: vec![stmt],
    }
    .print(&mut PrinterContext::default());
    text.strip_prefix(&format!("digraph {GRAPH_ID} {{\n"))
        .and_then(|t| t.strip_suffix("\n}"))
        .map(str::to_owned)
        .ok_or_else(|| Error::Invalid(format!("unexpected DOT printer output: {text}")))
}

/// Writes the DOT text of a subgraph or of a whole store, statement by statement as the
/// entities and edges are read: the same text as [`dot_text`], with the memory of one
/// entity's edges (the store is never held as a graph). Each relation is its own edge
/// (`merge_parallel` needs the whole subgraph: use [`dot_text`]).
pub fn write_dot(src: Source, opts: &DotOptions, out: &mut dyn Write) -> Result<()> {
    if opts.merge_parallel {
        return Err(Error::Invalid(
            "merged parallel edges are drawn from a subgraph (dot_text)".into(),
        ));
    }
    let io = |e: std::io::Error| Error::write("the export output", e);
    write!(out, "digraph {GRAPH_ID} {{").map_err(io)?;
    let line = |out: &mut dyn Write, stmt: Stmt| -> Result<()> {
        out.write_all(b"\n").map_err(io)?;
        out.write_all(statement_text(stmt)?.as_bytes()).map_err(io)
    };
    for stmt in header(opts) {
        line(out, stmt)?;
    }
    src.each_entity(&mut |e| line(out, node_stmt(e)))?;
    let mut present = [false; RelationKind::ALL.len()];
    let mut contested = false;
    src.each_edge(&mut |s, rel, data, t| {
        present[rel.code() as usize] = true;
        contested |= data.contested();
        let stmt = edge_stmt(s, rel, data, t);
        line(out, stmt)
    })?;
    let present: Vec<RelationKind> = RelationKind::ALL
        .into_iter()
        .filter(|r| present[r.code() as usize])
        .collect();
    if opts.legend && !present.is_empty() {
        line(out, legend_stmt(&present, contested))?;
    }
    out.write_all(b"\n}").map_err(io)
}

/// A dashed line, as the legend draws a contested edge.
const CONTESTED_LINE: &str = "&#8211; &#8211; &#8211;";
/// What the legend says of dashed edges: why an edge is drawn so.
pub const CONTESTED_LEGEND: &str = "contested: stated, and denied elsewhere";

/// The DOT text of a subgraph.
pub fn dot_text(g: &Subgraph, opts: &DotOptions) -> String {
    let mut ctx = PrinterContext::default();
    to_dot(g, opts).print(&mut ctx)
}

/// The relations drawn in a subgraph, in the canonical order.
pub fn relations_present(g: &Subgraph) -> Vec<RelationKind> {
    let mut present: Vec<RelationKind> = g.edge_weights().map(|w| w.0).collect();
    present.sort();
    present.dedup();
    present
}
