//! The commands that draw or export the graph: `export`, `render`, `demo`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::ValueEnum;

use relgraph::export::formats::{self, Source};
use relgraph::export::{self, DotOptions, ImageFormat, Renderer};
use relgraph::query::Subgraph;
use relgraph::{Error, Graph, RelationKind};

use super::{found, open_existing, relations, FOUND, NOTHING};

#[derive(Clone, Copy, ValueEnum, PartialEq)]
pub enum ExportFormat {
    Dot,
    Json,
    Csv,
    Graphml,
    Cypher,
    Neo4j,
}

#[derive(clap::Args, Clone)]
pub struct Focus {
    /// Entities to center on (comma-separated); the whole graph when absent.
    #[arg(long, value_delimiter = ',')]
    focus: Vec<String>,
    /// Hops around the focus.
    #[arg(long, default_value_t = 1)]
    depth: usize,
    /// Only these relations (comma-separated).
    #[arg(long, value_delimiter = ',')]
    relation: Vec<String>,
    /// Picture title.
    #[arg(long)]
    title: Option<String>,
    #[command(flatten)]
    figures: super::query::Figures,
    #[command(flatten)]
    when: super::query::When,
}

impl Focus {
    fn figures(&self) -> Result<relgraph::query::EdgeFilter, Error> {
        self.figures.narrow(self.when.filter())
    }

    fn filters_figures(&self) -> bool {
        self.figures.any() || self.when.filter().dated()
    }
}

#[derive(clap::Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value = "dot")]
    format: ExportFormat,
    #[command(flatten)]
    focus: Focus,
    /// Output file (a folder for neo4j); standard output when absent.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct RenderArgs {
    #[arg(short, long)]
    output: PathBuf,
    #[command(flatten)]
    focus: Focus,
    /// auto (Graphviz when installed), graphviz, or builtin (pure Rust).
    #[arg(long, default_value = "auto")]
    renderer: String,
    /// Keep the entities without edges (left out of a whole-store picture by default).
    #[arg(long)]
    isolated: bool,
    /// The most entities one picture may hold: more cannot be read.
    #[arg(long, value_name = "N", default_value_t = 400)]
    max_entities: usize,
}

#[derive(clap::Args)]
pub struct DemoArgs {
    #[arg(long, default_value = "out/demo")]
    out: PathBuf,
}

pub fn export(db: &Path, a: ExportArgs) -> Result<i32, Error> {
    let graph = open_existing(db)?;
    let rels = relations(&a.focus.relation)?;
    let whole = a.focus.focus.iter().all(|f| f.trim().is_empty());
    // A whole store is streamed from its trees (any size, memory of one entity's edges).
    if whole && !a.focus.filters_figures() {
        let src = Source::Store {
            store: graph.store(),
            relations: &rels,
        };
        let title = a.focus.title.clone().unwrap_or_else(|| "relgraph".into());
        write_export(&graph, src, a.format, &title, a.output.as_deref())?;
        return Ok(found(graph.counts()?.entities as usize));
    }
    let (g, title) = focus_subgraph(
        &graph,
        &a.focus.focus,
        a.focus.depth,
        &rels,
        a.focus.title.clone(),
        usize::MAX,
    )?;
    let g = keep_figures(&graph, g, &a.focus)?;
    write_export(
        &graph,
        Source::Subgraph(&g),
        a.format,
        &title,
        a.output.as_deref(),
    )?;
    Ok(found(g.node_count()))
}

pub fn render(db: &Path, a: RenderArgs) -> Result<i32, Error> {
    let graph = open_existing(db)?;
    let (g, title) = focus_subgraph(
        &graph,
        &a.focus.focus,
        a.focus.depth,
        &relations(&a.focus.relation)?,
        a.focus.title.clone(),
        usize::MAX,
    )?;
    let mut g = keep_figures(&graph, g, &a.focus)?;
    if !a.isolated {
        g.retain_nodes(|g, n| g.neighbors_undirected(n).next().is_some());
    }
    if g.node_count() > a.max_entities {
        return Err(too_big(&graph, g.node_count(), a.max_entities));
    }
    let fmt = ImageFormat::from_path(&a.output)?;
    relgraph::store::check_output_path(&a.output)?;
    let (bytes, used) = export::render(&g, &title, fmt, a.renderer.parse::<Renderer>()?)?;
    std::fs::write(&a.output, bytes).map_err(|e| Error::write(&a.output, e))?;
    eprintln!(
        "wrote {} ({} entities, {} edges, {used} renderer)",
        a.output.display(),
        g.node_count(),
        g.edge_count()
    );
    Ok(found(g.node_count()))
}

/// The subgraph without the edges that `--min-confidence`, `--min-docs`, `--contested`,
/// `--since`, `--until` or `--as-of` leave out.
fn keep_figures(graph: &Graph, mut g: Subgraph, focus: &Focus) -> Result<Subgraph, Error> {
    let f = focus.figures()?;
    let mut drop = Vec::new();
    for e in g.edge_indices() {
        let (s, t) = g.edge_endpoints(e).expect("an edge of the graph");
        let (rel, data) = &g[e];
        let key = relgraph::EdgeKey::new(g[s].id, *rel, g[t].id);
        if !f.figures_fit(data) || !graph.edge_holds(&key, data, &f)? {
            drop.push(e);
        }
    }
    for e in drop {
        g.remove_edge(e);
    }
    Ok(g)
}

/// Resolves the focus names and cuts the subgraph; the title names the focus.
fn focus_subgraph(
    graph: &Graph,
    focus: &[String],
    depth: usize,
    rels: &[RelationKind],
    title: Option<String>,
    max_nodes: usize,
) -> Result<(Subgraph, String), Error> {
    let mut ids = Vec::new();
    let mut names = Vec::new();
    for f in focus.iter().filter(|f| !f.trim().is_empty()) {
        let e = graph.resolve(f)?;
        ids.push(e.id);
        names.push(e.name);
    }
    let g = graph.subgraph(&ids, depth, rels, max_nodes)?;
    let title = title.unwrap_or_else(|| {
        if names.is_empty() {
            "relgraph".to_string()
        } else {
            format!("relgraph: {}", names.join(", "))
        }
    });
    Ok((g, title))
}

/// A picture too large to read: say so, and name the entities a focus could start from.
fn too_big(graph: &Graph, count: usize, limit: usize) -> Error {
    let hubs = graph
        .breakdown(3)
        .map(|b| {
            b.most_connected
                .iter()
                .map(|(e, _)| format!("\"{}\"", e.name))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    Error::Invalid(format!(
        "the picture would hold {count} entities, more than can be read (--max-entities {limit}): \
         draw a part with --focus NAME --depth 1 (the most connected: {hubs}), or export \
         --format graphml for a tool made for large graphs"
    ))
}

/// Where an export goes: the file given, else standard output, buffered.
fn output(path: Option<&Path>) -> Result<Box<dyn Write>, Error> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).map_err(|e| Error::write(p, e))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}

fn out_err(path: Option<&Path>, e: std::io::Error) -> Error {
    match path {
        Some(p) => Error::write(p, e),
        None => Error::write("standard output", e),
    }
}

/// The formats' writers name their output "the export output": name it here.
fn named(path: Option<&Path>, e: Error) -> Error {
    match e {
        Error::Write { source, .. } => out_err(path, source),
        other => other,
    }
}

fn write_export(
    graph: &Graph,
    src: Source,
    format: ExportFormat,
    title: &str,
    output_path: Option<&Path>,
) -> Result<(), Error> {
    if let Some(p) = output_path {
        relgraph::store::check_output_path(p)?;
    }
    if format == ExportFormat::Neo4j {
        let dir = output_path.ok_or_else(|| {
            Error::Invalid("neo4j export writes a folder: give it with -o DIR".into())
        })?;
        return formats::write_neo4j(src, dir);
    }
    let mut out = output(output_path)?;
    let written = match format {
        ExportFormat::Json => formats::write_json(src, Some(graph), &mut out),
        ExportFormat::Csv => formats::write_csv(src, &mut out),
        ExportFormat::Graphml => formats::write_graphml(src, &mut out),
        ExportFormat::Cypher => formats::write_cypher(src, &mut out),
        ExportFormat::Dot => export::write_dot(src, &DotOptions::titled(title), &mut out),
        // A folder, written above.
        ExportFormat::Neo4j => Ok(()),
    };
    written.map_err(|e| named(output_path, e))?;
    out.flush().map_err(|e| out_err(output_path, e))
}

/// The file that marks a store as `demo`'s own.
const DEMO_MARK: &str = "relgraph.demo";

const SEED: &str = include_str!("../../examples/seed-fr-musk-altman.txt");

/// `demo`: the seed article into a fresh store, then DOT, SVG and PNG of its graph.
pub fn demo(a: DemoArgs) -> Result<i32, Error> {
    let out = a.out.as_path();
    let io = |p: &Path, e: std::io::Error| Error::write(p, e);
    for name in ["store", "graph.dot", "graph.svg", "graph.png"] {
        if name != "store" {
            relgraph::store::check_output_path(&out.join(name))?;
        }
    }
    relgraph::store::check_output_path(out)?;
    std::fs::create_dir_all(out).map_err(|e| io(out, e))?;
    let db = out.join("store");
    // Only a store this command made (it leaves a mark in it) is ever cleared.
    let mark = db.join(DEMO_MARK);
    if db.exists() {
        if !mark.is_file() {
            return Err(Error::Invalid(format!(
                "{} exists and was not made by `demo`; it is left as it is: choose another --out",
                db.display()
            )));
        }
        std::fs::remove_dir_all(&db).map_err(|e| io(&db, e))?;
    }
    let started = Instant::now();
    let graph = Graph::open(&db)?;
    std::fs::write(
        &mark,
        "made by `relgraph demo`, which may clear this store\n",
    )
    .map_err(|e| io(&mark, e))?;
    let outcome = graph.ingest_text(SEED, "examples/seed-fr-musk-altman.txt", None)?;
    let focus: Vec<u64> = ["Elon Musk", "Sam Altman", "OpenAI", "Microsoft"]
        .iter()
        .filter_map(|n| graph.resolve(n).ok())
        .map(|e| e.id)
        .collect();
    let g = graph.subgraph(&focus, 1, &[], 5_000)?;
    let title = "Musk – Altman – OpenAI – Microsoft (seed article)";
    let dot = export::dot_text(&g, &DotOptions::titled(title));
    let dot_path = out.join("graph.dot");
    std::fs::write(&dot_path, &dot).map_err(|e| io(&dot_path, e))?;
    let mut written = vec![dot_path.display().to_string()];
    for (name, fmt) in [
        ("graph.svg", ImageFormat::Svg),
        ("graph.png", ImageFormat::Png),
    ] {
        let p = out.join(name);
        let (bytes, used) = export::render(&g, title, fmt, Renderer::Auto)?;
        std::fs::write(&p, bytes).map_err(|e| io(&p, e))?;
        written.push(format!("{} ({used})", p.display()));
    }
    say!(
        "ingested the seed article: {} entities, {} edges, in {:.0} ms",
        outcome.entities_added,
        outcome.edges_added,
        started.elapsed().as_secs_f64() * 1000.0
    );
    let edges = graph.edges(&Default::default())?;
    for e in &edges {
        let date = e.first_date.map(|d| format!(" ({d})")).unwrap_or_default();
        say!("  {} -{}-> {}{date}", e.source, e.relation, e.target);
    }
    say!("wrote:");
    for w in written {
        say!("  {w}");
    }
    say!(
        "store: {} (try: cargo run --release -- --db {} evidence \"Elon Musk\" sued OpenAI)",
        db.display(),
        db.display()
    );
    #[cfg(feature = "serve")]
    println!(
        "explore it in a browser: cargo run --release -- --db {} serve --open   (then http://127.0.0.1:7878/?focus=Elon%20Musk)",
        db.display()
    );
    Ok(if edges.is_empty() { NOTHING } else { FOUND })
}
