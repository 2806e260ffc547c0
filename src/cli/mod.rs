//! Argument definitions and command dispatch.

mod bench;
mod output;

use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use output::{print_rows, Format};
use relgraph::export::{self, ImageFormat, Renderer};
use relgraph::extract::{self, Gazetteer, Lang};
use relgraph::query::{Direction, EdgeFilter};
use relgraph::{Error, Graph, RelationKind};

#[derive(Parser)]
#[command(
    name = "relgraph",
    version,
    about = "A relationship graph of people and organizations, fed by news articles",
    propagate_version = true
)]
struct Cli {
    /// The store directory.
    #[arg(long, global = true, env = "RELGRAPH_DB", default_value = "store")]
    db: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Auto,
    Fr,
    En,
}

impl LangArg {
    fn lang(self) -> Option<Lang> {
        match self {
            LangArg::Auto => None,
            LangArg::Fr => Some(Lang::Fr),
            LangArg::En => Some(Lang::En),
        }
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum ExportFormat {
    Dot,
    Json,
    Csv,
    Graphml,
    Cypher,
    Neo4j,
}

#[derive(clap::Args, Clone)]
struct Focus {
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
}

#[derive(Subcommand)]
enum Command {
    /// Extract edges from an article without touching any store.
    #[command(after_help = "Example: relgraph extract article.txt --format jsonl --lang fr")]
    Extract {
        file: PathBuf,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
        #[arg(long, value_enum, default_value = "auto")]
        lang: LangArg,
        /// Known entities: CSV `name,kind,alias|alias` or JSON lines.
        #[arg(long)]
        gazetteer: Option<PathBuf>,
        /// Largest document accepted, in bytes.
        #[arg(long, default_value_t = extract::DEFAULT_MAX_DOC_BYTES)]
        max_doc_bytes: u64,
        /// Print the document's entities (name, kind, aliases, mentions, first offset)
        /// instead of its edges.
        #[arg(long)]
        entities: bool,
    },
    /// Extract and store articles: files, folders (recursively: .txt .md .html) or - for stdin.
    #[command(after_help = "Example: relgraph --db news.db ingest articles/ extra.txt")]
    Ingest {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "auto")]
        lang: LangArg,
        /// Known entities to remember in the store (CSV `name,kind,alias|alias` or JSON lines).
        #[arg(long)]
        gazetteer: Option<PathBuf>,
        #[arg(long, default_value_t = extract::DEFAULT_MAX_DOC_BYTES)]
        max_doc_bytes: u64,
    },
    /// Bulk-load triples from CSV (source,relation,target,source_kind,target_kind) or JSON lines.
    #[command(after_help = "Example: relgraph import edges.csv")]
    Import { file: PathBuf },
    /// List entities.
    #[command(after_help = "Example: relgraph entities --kind person --search musk")]
    Entities {
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        search: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// List edges.
    #[command(after_help = "Example: relgraph edges --to OpenAI --relation sued,criticized")]
    Edges {
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long, value_delimiter = ',')]
        relation: Vec<String>,
        /// Edges dated on or after DATE: YYYY, YYYY-MM or YYYY-MM-DD (2018 = from 2018-01-01).
        #[arg(long, value_name = "DATE")]
        since: Option<relgraph::Date>,
        /// Edges dated on or before DATE (2018 = up to 2018-12-31).
        #[arg(long, value_name = "DATE")]
        until: Option<relgraph::Date>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Entities around one entity.
    #[command(after_help = "Example: relgraph neighbors OpenAI --depth 2 --direction in")]
    Neighbors {
        name: String,
        #[arg(long, default_value_t = 1)]
        depth: usize,
        #[arg(long, default_value = "both")]
        direction: String,
        #[arg(long, value_delimiter = ',')]
        relation: Vec<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// The shortest path between two entities (or all simple paths with --all).
    #[command(after_help = "Example: relgraph path Tesla Microsoft --max-depth 4")]
    Path {
        from: String,
        to: String,
        #[arg(long, default_value_t = 6)]
        max_depth: usize,
        #[arg(long, value_delimiter = ',')]
        relation: Vec<String>,
        /// Every simple path up to --max-depth, shortest first.
        #[arg(long)]
        all: bool,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// The sentences behind edges.
    #[command(after_help = "Example: relgraph evidence \"Elon Musk\" sued OpenAI")]
    Evidence {
        name: String,
        relation: Option<String>,
        other: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Counts of entities, edges and documents.
    #[command(after_help = "Example: relgraph stats --format json")]
    Stats {
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Stored documents.
    #[command(after_help = "Example: relgraph docs")]
    Docs {
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Remove a document, its evidence and the edges left without any.
    #[command(after_help = "Example: relgraph remove-doc 3f2a9c0b1d4e5f60")]
    RemoveDoc { id: String },
    /// Merge one entity into another.
    #[command(after_help = "Example: relgraph merge Musk \"Elon Musk\"")]
    Merge { alias: String, into: String },
    /// Give an entity another name.
    #[command(after_help = "Example: relgraph alias \"Elon Musk\" \"Elon R. Musk\"")]
    Alias { name: String, new_alias: String },
    /// Write the whole store as JSON lines.
    #[command(after_help = "Example: relgraph dump -o backup.jsonl")]
    Dump {
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Load a dump into an empty store.
    #[command(after_help = "Example: relgraph --db fresh restore backup.jsonl")]
    Restore { file: PathBuf },
    /// Verify the store's invariants; exits 1 when something is wrong.
    #[command(after_help = "Example: relgraph check")]
    Check,
    /// Accept the loss after damaged files: keep what is left and check it.
    #[command(after_help = "Example: relgraph --db news.db repair")]
    Repair,
    /// Export the graph (or a focus) as DOT, JSON, CSV, GraphML, Cypher or Neo4j CSV files.
    #[command(
        after_help = "Example: relgraph export --format dot --focus \"Elon Musk\" --depth 2 -o musk.dot"
    )]
    Export {
        #[arg(long, value_enum, default_value = "dot")]
        format: ExportFormat,
        #[command(flatten)]
        focus: Focus,
        /// Output file (a folder for neo4j); standard output when absent.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Draw the graph (or a focus) as SVG or PNG.
    #[command(after_help = "Example: relgraph render --focus OpenAI --depth 1 -o openai.png")]
    Render {
        #[arg(short, long)]
        output: PathBuf,
        #[command(flatten)]
        focus: Focus,
        /// auto (Graphviz when installed), graphviz, or builtin (pure Rust).
        #[arg(long, default_value = "auto")]
        renderer: String,
    },
    /// Ingest the bundled seed article into a fresh store and draw its graph.
    #[command(after_help = "Example: cargo run --release -- demo --out out/demo")]
    Demo {
        #[arg(long, default_value = "out/demo")]
        out: PathBuf,
    },
    /// Run a query workload (../shared/bench format) against the store and time it.
    #[command(
        after_help = "Example: relgraph --db big bench --workload queries.txt --results relgraph.json"
    )]
    Bench {
        #[arg(long)]
        workload: PathBuf,
        #[arg(long)]
        results: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
        /// Read the sled indexes for every query instead of the in-memory snapshot.
        #[arg(long)]
        no_snapshot: bool,
        /// The import time to record in the results (seconds), for the side-by-side table.
        #[arg(long)]
        load_s: Option<f64>,
    },
    /// Shell completions.
    #[command(after_help = "Example: relgraph completions bash > /etc/bash_completion.d/relgraph")]
    Completions { shell: clap_complete::Shell },
}

/// Exit codes.
const FOUND: i32 = 0;
const NOTHING: i32 = 1;
const BAD_INPUT: i32 = 2;
const STORE_ERROR: i32 = 3;

pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { BAD_INPUT } else { FOUND };
            let _ = e.print();
            return code;
        }
    };
    match dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            exit_code(&e)
        }
    }
}

fn exit_code(e: &Error) -> i32 {
    match e {
        Error::NotFound { .. } | Error::NoSuchDocument(_) => NOTHING,
        Error::Ambiguous { .. } => BAD_INPUT,
        e if e.is_bad_input() => BAD_INPUT,
        Error::Render(_) => BAD_INPUT,
        _ => STORE_ERROR,
    }
}

fn relations(names: &[String]) -> Result<Vec<RelationKind>, Error> {
    names
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.parse())
        .collect()
}

/// Opens an existing store for a read command: a missing one is an error, not a new store.
fn open_existing(db: &Path) -> Result<Graph, Error> {
    if !db.exists() {
        return Err(Error::Invalid(format!(
            "no store at {}; create one with `relgraph --db {} ingest FILE` or `import FILE`",
            db.display(),
            db.display()
        )));
    }
    Graph::open(db)
}

fn load_gazetteer(path: &Path) -> Result<Gazetteer, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::Io {
        path: path.into(),
        source: e,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        what: path.display().to_string(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    Gazetteer::parse(&text, &path.display().to_string())
}

fn found(n: usize) -> i32 {
    if n == 0 {
        NOTHING
    } else {
        FOUND
    }
}

fn dispatch(cli: Cli) -> Result<i32, Error> {
    let db = cli.db;
    let cli_command_is_repair = matches!(cli.command, Command::Repair);
    match cli.command {
        Command::Extract {
            file,
            format,
            lang,
            gazetteer,
            max_doc_bytes,
            entities,
        } => {
            let mut opts = extract::ExtractOptions {
                lang: lang.lang(),
                max_doc_bytes,
                ..Default::default()
            };
            if let Some(g) = gazetteer {
                opts.gazetteer = load_gazetteer(&g)?;
            }
            let ex = if file.as_os_str() == "-" {
                let mut buf = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut buf)
                    .map_err(|e| Error::Io {
                        path: "stdin".into(),
                        source: e,
                    })?;
                extract::extract_bytes(&buf, "standard input", &opts)?
            } else {
                relgraph::graph::read_and_extract(&file, &opts)?
            };
            if entities {
                let rows = output::extracted_entity_rows(&ex);
                print_rows(&rows, format)?;
                return Ok(found(rows.len()));
            }
            let rows = output::extraction_rows(&ex);
            print_rows(&rows, format)?;
            Ok(found(rows.len()))
        }
        Command::Ingest {
            inputs,
            lang,
            gazetteer,
            max_doc_bytes,
        } => {
            let mut graph = Graph::open(&db)?;
            graph.set_max_doc_bytes(max_doc_bytes);
            if let Some(g) = gazetteer {
                graph.add_gazetteer(&load_gazetteer(&g)?)?;
            }
            output::ingest(&graph, &inputs, lang.lang())
        }
        Command::Import { file } => {
            let graph = Graph::open(&db)?;
            let bar = output::progress_bar("importing");
            let started = std::time::Instant::now();
            let counts = graph.import_path(&file, &mut |done, total| {
                if let Some(b) = &bar {
                    b.set_length(total);
                    b.set_position(done);
                }
            })?;
            if let Some(b) = bar {
                b.finish_and_clear();
            }
            eprintln!(
                "imported {}: {} new entities, {} new edges in {:.2} s",
                file.display(),
                counts.entities_added,
                counts.edges_added,
                started.elapsed().as_secs_f64()
            );
            Ok(FOUND)
        }
        Command::Entities {
            kind,
            search,
            format,
        } => {
            let graph = open_existing(&db)?;
            let kind = kind.map(|k| k.parse()).transpose()?;
            let ents = graph.find_entities(kind, search.as_deref())?;
            let rows: Vec<output::EntityRow> = ents.into_iter().map(Into::into).collect();
            print_rows(&rows, format)?;
            Ok(found(rows.len()))
        }
        Command::Edges {
            from,
            to,
            relation,
            since,
            until,
            format,
        } => {
            let graph = open_existing(&db)?;
            let filter = EdgeFilter {
                from: from.map(|n| graph.resolve(&n).map(|e| e.id)).transpose()?,
                to: to.map(|n| graph.resolve(&n).map(|e| e.id)).transpose()?,
                relations: relations(&relation)?,
                since,
                until,
            };
            let rows = graph.edges(&filter)?;
            print_rows(&rows, format)?;
            Ok(found(rows.len()))
        }
        Command::Neighbors {
            name,
            depth,
            direction,
            relation,
            format,
        } => {
            let graph = open_existing(&db)?;
            let e = graph.resolve(&name)?;
            let rows = graph.neighbors(
                e.id,
                depth,
                direction.parse::<Direction>()?,
                &relations(&relation)?,
            )?;
            print_rows(&rows, format)?;
            Ok(found(rows.len()))
        }
        Command::Path {
            from,
            to,
            max_depth,
            relation,
            all,
            format,
        } => {
            let graph = open_existing(&db)?;
            let a = graph.resolve(&from)?;
            let b = graph.resolve(&to)?;
            let rels = relations(&relation)?;
            let paths = if all {
                graph.all_paths(a.id, b.id, max_depth, &rels, 100)?
            } else {
                graph
                    .shortest_path(a.id, b.id, max_depth, &rels)?
                    .into_iter()
                    .collect()
            };
            if paths.is_empty() {
                eprintln!(
                    "no path from {} to {} within {max_depth} hops",
                    a.name, b.name
                );
                return Ok(NOTHING);
            }
            let rows: Vec<output::HopRow> = paths
                .iter()
                .enumerate()
                .flat_map(|(i, p)| {
                    p.iter()
                        .enumerate()
                        .map(move |(j, h)| output::HopRow::new(i + 1, j + 1, h))
                })
                .collect();
            print_rows(&rows, format)?;
            Ok(FOUND)
        }
        Command::Evidence {
            name,
            relation,
            other,
            format,
        } => {
            let graph = open_existing(&db)?;
            let a = graph.resolve(&name)?;
            // "evidence A B" with B not a relation name: B is the other entity.
            let (rel, other) = match (relation, other) {
                (Some(r), o) => match r.parse::<RelationKind>() {
                    Ok(k) => (Some(k), o),
                    Err(_) if o.is_none() => (None, Some(r)),
                    Err(e) => return Err(e),
                },
                (None, o) => (None, o),
            };
            let b = other.map(|o| graph.resolve(&o)).transpose()?;
            let rows = graph.evidence_for(a.id, rel, b.map(|b| b.id))?;
            print_rows(&rows, format)?;
            Ok(found(rows.len()))
        }
        Command::Stats { format } => {
            let graph = open_existing(&db)?;
            let rows = vec![output::stats(&graph)?];
            print_rows(&rows, format)?;
            Ok(FOUND)
        }
        Command::Docs { format } => {
            let graph = open_existing(&db)?;
            let rows: Vec<output::DocRow> = graph
                .all_documents()
                .map(|d| d.map(Into::into))
                .collect::<Result<_, _>>()?;
            print_rows(&rows, format)?;
            Ok(found(rows.len()))
        }
        Command::RemoveDoc { id } => {
            let graph = open_existing(&db)?;
            let doc = u64::from_str_radix(id.trim(), 16).map_err(|_| {
                Error::Invalid(format!(
                    "`{id}` is not a document id (16 hex digits, see `relgraph docs`)"
                ))
            })?;
            if graph.remove_document(doc)? {
                graph.flush()?;
                eprintln!("removed document {doc:016x}");
                Ok(FOUND)
            } else {
                Err(Error::NoSuchDocument(id))
            }
        }
        Command::Merge { alias, into } => {
            let graph = open_existing(&db)?;
            let a = graph.resolve(&alias)?;
            let b = graph.resolve(&into)?;
            let merged = graph.merge(a.id, b.id)?;
            graph.flush()?;
            eprintln!(
                "merged {} into {} (aliases: {})",
                a.name,
                merged.name,
                merged.aliases.join(", ")
            );
            Ok(FOUND)
        }
        Command::Alias { name, new_alias } => {
            let graph = open_existing(&db)?;
            let e = graph.resolve(&name)?;
            let e = graph.add_alias(e.id, &new_alias)?;
            graph.flush()?;
            eprintln!("{} is also known as: {}", e.name, e.aliases.join(", "));
            Ok(FOUND)
        }
        Command::Dump { output } => {
            let graph = open_existing(&db)?;
            match output {
                Some(p) => {
                    let f = std::fs::File::create(&p).map_err(|e| Error::Io {
                        path: p.clone(),
                        source: e,
                    })?;
                    let mut w = std::io::BufWriter::new(f);
                    graph.dump(&mut w)?;
                    w.flush().map_err(|e| Error::Io { path: p, source: e })?;
                }
                None => {
                    let stdout = std::io::stdout();
                    let mut w = std::io::BufWriter::new(stdout.lock());
                    graph.dump(&mut w)?;
                    let _ = w.flush();
                }
            }
            Ok(FOUND)
        }
        Command::Restore { file } => {
            let graph = Graph::open(&db)?;
            let f = std::fs::File::open(&file).map_err(|e| Error::Io {
                path: file.clone(),
                source: e,
            })?;
            let n = graph.restore(std::io::BufReader::new(f), &file.display().to_string())?;
            eprintln!("restored {n} records into {}", db.display());
            Ok(FOUND)
        }
        Command::Check | Command::Repair => {
            let graph = if cli_command_is_repair {
                Graph::open_accepting_loss(&db)?
            } else {
                open_existing(&db)?
            };
            let rep = graph.check()?;
            println!(
                "{} entities, {} edges, {} evidence, {} documents, {} names",
                rep.entities, rep.edges, rep.evidence, rep.documents, rep.names
            );
            for p in &rep.problems {
                println!("problem: {p}");
            }
            if rep.problems.is_empty() {
                println!("ok");
                Ok(FOUND)
            } else {
                Ok(NOTHING)
            }
        }
        Command::Export {
            format,
            focus,
            output,
        } => {
            let graph = open_existing(&db)?;
            let (g, title) = output::focus_subgraph(
                &graph,
                &focus.focus,
                focus.depth,
                &relations(&focus.relation)?,
                focus.title.clone(),
            )?;
            output::export(&graph, &g, format_name(format), &title, output.as_deref())?;
            Ok(found(g.node_count()))
        }
        Command::Render {
            output,
            focus,
            renderer,
        } => {
            let graph = open_existing(&db)?;
            let (g, title) = output::focus_subgraph(
                &graph,
                &focus.focus,
                focus.depth,
                &relations(&focus.relation)?,
                focus.title.clone(),
            )?;
            let fmt = ImageFormat::from_path(&output)?;
            let (bytes, used) =
                export::render_graph(&g, &title, fmt, renderer.parse::<Renderer>()?)?;
            std::fs::write(&output, bytes).map_err(|e| Error::Io {
                path: output.clone(),
                source: e,
            })?;
            eprintln!(
                "wrote {} ({} entities, {} edges, {used} renderer)",
                output.display(),
                g.node_count(),
                g.edge_count()
            );
            Ok(found(g.node_count()))
        }
        Command::Demo { out } => output::demo(&out),
        Command::Bench {
            workload,
            results,
            format,
            no_snapshot,
            load_s,
        } => {
            let graph = open_existing(&db)?;
            bench::bench(
                &graph,
                &workload,
                results.as_deref(),
                format,
                !no_snapshot,
                load_s,
            )
        }
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "relgraph",
                &mut std::io::stdout(),
            );
            Ok(FOUND)
        }
    }
}

fn format_name(f: ExportFormat) -> &'static str {
    match f {
        ExportFormat::Dot => "dot",
        ExportFormat::Json => "json",
        ExportFormat::Csv => "csv",
        ExportFormat::Graphml => "graphml",
        ExportFormat::Cypher => "cypher",
        ExportFormat::Neo4j => "neo4j",
    }
}

/// Expands the ingest inputs: folders recursively (.txt .md .html .htm), `-` for stdin.
pub(crate) fn expand_inputs(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<(String, Error)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            files.push(p.clone());
        } else if p.is_dir() {
            let mut stack = vec![p.clone()];
            while let Some(d) = stack.pop() {
                let Ok(rd) = std::fs::read_dir(&d) else {
                    errors.push((
                        d.display().to_string(),
                        Error::Invalid("cannot list this folder".into()),
                    ));
                    continue;
                };
                let mut entries: Vec<PathBuf> =
                    rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
                entries.sort();
                for e in entries {
                    if e.is_dir() {
                        stack.push(e);
                    } else if matches!(
                        e.extension()
                            .and_then(|x| x.to_str())
                            .map(|x| x.to_ascii_lowercase())
                            .as_deref(),
                        Some("txt" | "md" | "html" | "htm")
                    ) {
                        files.push(e);
                    }
                }
            }
        } else if p.exists() {
            files.push(p.clone());
        } else {
            errors.push((
                p.display().to_string(),
                Error::Io {
                    path: p.clone(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        "no such file or folder",
                    ),
                },
            ));
        }
    }
    (files, errors)
}

pub(crate) fn read_stdin() -> Result<Vec<u8>, Error> {
    let mut buf = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut buf)
        .map_err(|e| Error::Io {
            path: "stdin".into(),
            source: e,
        })?;
    Ok(buf)
}

pub(crate) fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}

#[allow(dead_code)]
fn read_lines(r: impl BufRead) -> Vec<String> {
    r.lines().map_while(Result::ok).collect()
}
