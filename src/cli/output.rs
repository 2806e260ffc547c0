//! Printing (tables, JSON, JSON lines, CSV) and the commands that are mostly output.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Instant;

use clap::ValueEnum;
use serde::Serialize;

use relgraph::export::{self, DotOptions, ImageFormat, Renderer};
use relgraph::extract::{Extraction, Lang};
use relgraph::graph::IngestReport;
use relgraph::query::{Hop, Subgraph};
use relgraph::{Document, Entity, Error, Graph, RelationKind};

use super::{BAD_INPUT, FOUND, NOTHING};

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum Format {
    Table,
    Json,
    Jsonl,
    Csv,
}

fn colors() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}

fn cell(v: &serde_json::Value, max: usize) -> String {
    let s = match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(a) => a
            .iter()
            .map(|x| cell(x, usize::MAX))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    };
    if s.chars().count() > max {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    } else {
        s
    }
}

/// Prints rows in the chosen format; every format shows the same fields.
pub fn print_rows<T: Serialize>(rows: &[T], format: Format) -> Result<(), Error> {
    let values: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| serde_json::to_value(r).map_err(|e| Error::Invalid(e.to_string())))
        .collect::<Result<_, _>>()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let io = |e: std::io::Error| Error::Io {
        path: "standard output".into(),
        source: e,
    };
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &values)
                .map_err(|e| Error::Invalid(e.to_string()))?;
            writeln!(out).map_err(io)?;
        }
        Format::Jsonl => {
            for v in &values {
                serde_json::to_writer(&mut out, v).map_err(|e| Error::Invalid(e.to_string()))?;
                writeln!(out).map_err(io)?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            if let Some(serde_json::Value::Object(first)) = values.first() {
                w.write_record(first.keys())
                    .map_err(|e| Error::Invalid(e.to_string()))?;
                for v in &values {
                    if let serde_json::Value::Object(m) = v {
                        w.write_record(m.values().map(|x| cell(x, usize::MAX)))
                            .map_err(|e| Error::Invalid(e.to_string()))?;
                    }
                }
            }
            w.flush().map_err(io)?;
        }
        Format::Table => {
            let Some(serde_json::Value::Object(first)) = values.first() else {
                return Ok(());
            };
            let mut t = comfy_table::Table::new();
            t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED);
            if !std::io::stdout().is_terminal() {
                t.load_style(comfy_table::presets::ASCII_MARKDOWN);
            }
            let header: Vec<comfy_table::Cell> = first
                .keys()
                .map(|k| {
                    let c = comfy_table::Cell::new(k);
                    if colors() {
                        c.add_attribute(comfy_table::Attribute::Bold)
                    } else {
                        c
                    }
                })
                .collect();
            t.set_header(header);
            for v in &values {
                if let serde_json::Value::Object(m) = v {
                    t.add_row(m.values().map(|x| cell(x, 90)).collect::<Vec<_>>());
                }
            }
            writeln!(out, "{t}").map_err(io)?;
        }
    }
    out.flush().map_err(io)
}

/// One line of `extract`: the contract keys first.
#[derive(Serialize)]
pub struct ExtractedRow {
    source: String,
    relation: RelationKind,
    target: String,
    source_kind: relgraph::EntityKind,
    target_kind: relgraph::EntityKind,
    evidence: String,
    confidence: f32,
    date: Option<relgraph::Date>,
    rule: String,
    doc: String,
    start: u32,
    end: u32,
}

pub fn extraction_rows(ex: &Extraction) -> Vec<ExtractedRow> {
    ex.unique_edges()
        .into_iter()
        .map(|e| {
            let s = &ex.entities[e.source];
            let t = &ex.entities[e.target];
            ExtractedRow {
                source: s.name.clone(),
                relation: e.relation,
                target: t.name.clone(),
                source_kind: s.kind,
                target_kind: t.kind,
                evidence: e.evidence.sentence.clone(),
                confidence: (e.evidence.confidence * 100.0).round() / 100.0,
                date: e.evidence.date,
                rule: e.evidence.rule.clone(),
                doc: format!("{:016x}", ex.doc_id),
                start: e.evidence.start,
                end: e.evidence.end,
            }
        })
        .collect()
}

/// One line of `extract --entities`: what `score.py --entities` reads.
#[derive(Serialize)]
pub struct ExtractedEntityRow {
    name: String,
    kind: relgraph::EntityKind,
    aliases: Vec<String>,
    descriptors: Vec<String>,
    mentions: usize,
    first_offset: u32,
}

pub fn extracted_entity_rows(ex: &Extraction) -> Vec<ExtractedEntityRow> {
    ex.entities
        .iter()
        .map(|e| ExtractedEntityRow {
            name: e.name.clone(),
            kind: e.kind,
            aliases: e.aliases.clone(),
            descriptors: e.descriptors.clone(),
            mentions: e.mentions,
            first_offset: e.first_offset,
        })
        .collect()
}

#[derive(Serialize)]
pub struct EntityRow {
    name: String,
    kind: relgraph::EntityKind,
    aliases: Vec<String>,
    id: u64,
}

impl From<Entity> for EntityRow {
    fn from(e: Entity) -> Self {
        EntityRow {
            name: e.name,
            kind: e.kind,
            aliases: e.aliases,
            id: e.id,
        }
    }
}

#[derive(Serialize)]
pub struct DocRow {
    id: String,
    title: String,
    source: String,
    lang: String,
    edges: usize,
}

impl From<Document> for DocRow {
    fn from(d: Document) -> Self {
        DocRow {
            id: format!("{:016x}", d.id),
            title: d.title,
            source: d.source,
            lang: d.lang,
            edges: d.edges.len(),
        }
    }
}

#[derive(Serialize)]
pub struct HopRow {
    path: usize,
    hop: usize,
    from: String,
    direction: &'static str,
    relation: RelationKind,
    to: String,
}

impl HopRow {
    pub fn new(path: usize, hop: usize, h: &Hop) -> HopRow {
        HopRow {
            path,
            hop,
            from: h.from.clone(),
            direction: h.direction,
            relation: h.relation,
            to: h.to.clone(),
        }
    }
}

#[derive(Serialize)]
pub struct StatsRow {
    entities: u64,
    edges: u64,
    documents: u64,
    size_on_disk_bytes: u64,
    path: String,
}

pub fn stats(g: &Graph) -> Result<StatsRow, Error> {
    let c = g.counts()?;
    Ok(StatsRow {
        entities: c.entities,
        edges: c.edges,
        documents: c.documents,
        size_on_disk_bytes: g.size_on_disk()?,
        path: g.path().display().to_string(),
    })
}

pub fn progress_bar(what: &str) -> Option<indicatif::ProgressBar> {
    if !super::stderr_is_terminal() {
        return None;
    }
    let b = indicatif::ProgressBar::new(0);
    b.set_style(
        indicatif::ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} {eta}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    b.set_message(what.to_string());
    Some(b)
}

/// `ingest`: files and folders through the parallel path, stdin on its own.
pub fn ingest(
    graph: &Graph,
    inputs: &[std::path::PathBuf],
    lang: Option<Lang>,
) -> Result<i32, Error> {
    let (files, errors) = super::expand_inputs(inputs);
    let (mut new, mut known, mut failed) = (0u64, 0u64, 0u64);
    let (mut ents, mut edges) = (0u64, 0u64);
    for (src, e) in &errors {
        eprintln!("error: {src}: {e}");
        failed += 1;
    }
    let mut tally = |r: IngestReport, bar: &Option<indicatif::ProgressBar>| {
        match r.result {
            Ok(o) if o.new => {
                new += 1;
                ents += o.entities_added;
                edges += o.edges_added;
            }
            Ok(_) => known += 1,
            Err(e) => {
                failed += 1;
                let msg = format!("error: {}: {e}", r.source);
                match bar {
                    Some(b) => b.println(msg),
                    None => eprintln!("{msg}"),
                }
            }
        }
        if let Some(b) = bar {
            b.inc(1);
        }
    };
    let (stdin, paths): (Vec<_>, Vec<_>) = files.into_iter().partition(|p| p.as_os_str() == "-");
    if !stdin.is_empty() {
        let bytes = super::read_stdin()?;
        let result = relgraph::extract::extract_bytes(
            &bytes,
            "standard input",
            &graph.extract_options(lang)?,
        )
        .and_then(|ex| graph.ingest_extraction(&ex, "stdin"));
        tally(
            IngestReport {
                source: "standard input".into(),
                result,
            },
            &None,
        );
        graph.flush()?;
    }
    let bar = progress_bar("ingesting");
    if let Some(b) = &bar {
        b.set_length(paths.len() as u64);
    }
    graph.ingest_paths(&paths, lang, &mut |r| tally(r, &bar))?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let c = graph.counts()?;
    eprintln!("documents: {new} new, {known} already known, {failed} failed; added {ents} entities and {edges} edges; the store holds {} entities, {} edges, {} documents", c.entities, c.edges, c.documents);
    Ok(if failed > 0 && new + known == 0 {
        BAD_INPUT
    } else if failed > 0 {
        NOTHING
    } else {
        FOUND
    })
}

/// Resolves the focus names and cuts the subgraph; the title names the focus.
pub fn focus_subgraph(
    graph: &Graph,
    focus: &[String],
    depth: usize,
    rels: &[RelationKind],
    title: Option<String>,
) -> Result<(Subgraph, String), Error> {
    let mut ids = Vec::new();
    let mut names = Vec::new();
    for f in focus.iter().filter(|f| !f.trim().is_empty()) {
        let e = graph.resolve(f)?;
        ids.push(e.id);
        names.push(e.name);
    }
    let g = graph.subgraph(&ids, depth, rels, 5_000)?;
    let title = title.unwrap_or_else(|| {
        if names.is_empty() {
            "relgraph".to_string()
        } else {
            format!("relgraph: {}", names.join(", "))
        }
    });
    Ok((g, title))
}

pub fn export(
    graph: &Graph,
    g: &Subgraph,
    format: &str,
    title: &str,
    output: Option<&Path>,
) -> Result<(), Error> {
    let write = |bytes: &[u8]| -> Result<(), Error> {
        match output {
            Some(p) => std::fs::write(p, bytes).map_err(|e| Error::Io {
                path: p.to_path_buf(),
                source: e,
            }),
            None => std::io::stdout().write_all(bytes).map_err(|e| Error::Io {
                path: "standard output".into(),
                source: e,
            }),
        }
    };
    match format {
        "dot" => write(export::dot_text(g, &DotOptions::titled(title)).as_bytes()),
        "json" => write(export::formats::json(g, Some(graph))?.as_bytes()),
        "csv" => write(export::formats::csv(g)?.as_bytes()),
        "graphml" => write(export::formats::graphml(g).as_bytes()),
        "cypher" => write(export::formats::cypher(g).as_bytes()),
        "neo4j" => {
            let dir = output.ok_or_else(|| {
                Error::Invalid("neo4j export writes a folder: give it with -o DIR".into())
            })?;
            export::formats::neo4j(g, dir)
        }
        other => Err(Error::Invalid(format!("unknown export format {other}"))),
    }
}

const SEED: &str = include_str!("../../examples/seed-fr-musk-altman.txt");

/// `demo`: the seed article into a fresh store, then DOT, SVG and PNG of its graph.
pub fn demo(out: &Path) -> Result<i32, Error> {
    let io = |p: &Path, e: std::io::Error| Error::Io {
        path: p.to_path_buf(),
        source: e,
    };
    std::fs::create_dir_all(out).map_err(|e| io(out, e))?;
    let db = out.join("store");
    if db.exists() {
        // Only a store this command made before is cleared.
        if !db.join("db").exists() && !db.join("conf").exists() {
            return Err(Error::Invalid(format!(
                "{} exists and is not a relgraph store; choose another --out",
                db.display()
            )));
        }
        std::fs::remove_dir_all(&db).map_err(|e| io(&db, e))?;
    }
    let started = Instant::now();
    let graph = Graph::open(&db)?;
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
        let (bytes, used) = export::render_graph(&g, title, fmt, Renderer::Auto)?;
        std::fs::write(&p, bytes).map_err(|e| io(&p, e))?;
        written.push(format!("{} ({used})", p.display()));
    }
    println!(
        "ingested the seed article: {} entities, {} edges, in {:.0} ms",
        outcome.entities_added,
        outcome.edges_added,
        started.elapsed().as_secs_f64() * 1000.0
    );
    let edges = graph.edges(&Default::default())?;
    for e in &edges {
        let date = e.first_date.map(|d| format!(" ({d})")).unwrap_or_default();
        println!("  {} -{}-> {}{date}", e.source, e.relation, e.target);
    }
    println!("wrote:");
    for w in written {
        println!("  {w}");
    }
    println!(
        "store: {} (try: cargo run --release -- --db {} evidence \"Elon Musk\" sued OpenAI)",
        db.display(),
        db.display()
    );
    Ok(if edges.is_empty() { NOTHING } else { FOUND })
}
