//! The command line: argument definitions, dispatch and exit codes. Each group of commands
//! lives in its own module with its arguments; this file only lists them.

/// `println!` that returns a write error instead of panicking (a closed pipe must not
/// panic: `relgraph ... | head` ends quietly).
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout(), $($arg)*)
            .map_err(|e| relgraph::Error::write("standard output", e))?
    }};
}

mod bench;
mod curate;
mod draw;
mod feed;
mod identity;
mod maintain;
mod output;
mod query;
#[cfg(feature = "serve")]
mod serve;

use std::path::{Path, PathBuf};

use clap::{CommandFactory, Parser, Subcommand};

use relgraph::query::{describe, Strictness};
use relgraph::{Entity, EntityKind, Error, Graph, RelationKind};

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
    /// How long to wait for a store another relgraph process holds before giving up.
    #[arg(long, global = true, value_name = "SECS", default_value_t = 5.0)]
    wait: f64,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract edges from an article without touching any store.
    #[command(after_help = "Example: relgraph extract article.txt --format jsonl --lang fr")]
    Extract(feed::ExtractArgs),
    /// Extract and store articles: files, folders (recursively: .txt .md .html) or - for stdin.
    #[command(after_help = "Example: relgraph --db news.db ingest articles/ extra.txt")]
    Ingest(feed::IngestArgs),
    /// Bulk-load triples from CSV (source,relation,target,source_kind,target_kind) or JSON
    /// lines; extraction lines (`extract --format jsonl`) keep their evidence and document.
    #[command(
        after_help = "Example: relgraph import edges.csv\n         cat shard-*.jsonl | relgraph import -"
    )]
    Import(feed::ImportArgs),
    /// List entities.
    #[command(after_help = "Example: relgraph entities --kind person --search musk")]
    Entities(query::EntitiesArgs),
    /// List edges.
    #[command(after_help = "Example: relgraph edges --to OpenAI --relation sued,criticized")]
    Edges(query::EdgesArgs),
    /// Entities around one entity.
    #[command(after_help = "Example: relgraph neighbors OpenAI --depth 2 --direction in")]
    Neighbors(query::NeighborsArgs),
    /// The shortest path between two entities (or all simple paths with --all).
    #[command(after_help = "Example: relgraph path Tesla Microsoft --max-depth 4")]
    Path(query::PathArgs),
    /// The sentences behind edges.
    #[command(after_help = "Example: relgraph evidence \"Elon Musk\" sued OpenAI")]
    Evidence(query::EvidenceArgs),
    /// The dated sentences about an entity, in date order (date, relation, other end,
    /// sentence, document).
    #[command(
        after_help = "Example: relgraph timeline \"Elon Musk\" --with OpenAI --format jsonl"
    )]
    Timeline(query::TimelineArgs),
    /// Counts of entities, edges and documents.
    #[command(after_help = "Example: relgraph stats --format json")]
    Stats(query::StatsArgs),
    /// Stored documents.
    #[command(after_help = "Example: relgraph docs")]
    Docs(query::DocsArgs),
    /// Remove a document, its evidence, the edges left without any and the entities left
    /// without edges.
    #[command(
        after_help = "Example: relgraph remove-doc 3f2a9c0b1d4e5f60\n         relgraph remove-doc articles/lemonde.txt"
    )]
    RemoveDoc(curate::RemoveDocArgs),
    /// Merge one entity into another, saying what moved and what was folded together.
    #[command(after_help = "Example: relgraph merge Musk \"Elon Musk\"")]
    Merge(curate::MergeArgs),
    /// Undo a merge: the entity merged away comes back with its own edges and evidence.
    #[command(after_help = "Example: relgraph unmerge Musk   (or: relgraph unmerge --seq 3)")]
    Unmerge(identity::UnmergeArgs),
    /// The merge log: every merge `unmerge` can undo.
    #[command(after_help = "Example: relgraph merges --format jsonl")]
    Merges(identity::MergesArgs),
    /// Candidate merges, each with its reasons and a score, in `merge FROM INTO` order.
    #[command(after_help = "Example: relgraph duplicates --min-score 0.7 --format csv")]
    Duplicates(identity::DuplicatesArgs),
    /// Give an entity another name; refused when the name is another entity's (--force).
    #[command(after_help = "Example: relgraph alias \"Elon Musk\" \"Elon R. Musk\"")]
    Alias(curate::AliasArgs),
    /// Take an alias away from an entity.
    #[command(after_help = "Example: relgraph unalias \"Apple\" \"Apple Watch\"")]
    Unalias(curate::UnaliasArgs),
    /// Change an entity's name (the old one stays an alias).
    #[command(after_help = "Example: relgraph rename Parisien \"Le Parisien\"")]
    Rename(curate::RenameArgs),
    /// Change an entity's kind.
    #[command(after_help = "Example: relgraph set-kind \"Apple Watch\" product")]
    SetKind(curate::SetKindArgs),
    /// Remove an entity with its edges and their evidence.
    #[command(after_help = "Example: relgraph remove-entity \"Top News\"")]
    RemoveEntity(curate::RemoveEntityArgs),
    /// Add an edge by hand, with the sentence it is known from (its source is the user).
    #[command(
        after_help = "Example: relgraph add-edge \"Elon Musk\" sued OpenAI --evidence \"Musk sued OpenAI in March 2024 (court filing)\" --date 2024-03"
    )]
    AddEdge(curate::AddEdgeArgs),
    /// Write the whole store as JSON lines.
    #[command(after_help = "Example: relgraph dump -o backup.jsonl")]
    Dump(maintain::DumpArgs),
    /// Load a dump into an empty store.
    #[command(after_help = "Example: relgraph --db fresh restore backup.jsonl")]
    Restore(maintain::RestoreArgs),
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
    Export(draw::ExportArgs),
    /// Draw the graph (or a focus) as SVG or PNG.
    #[command(after_help = "Example: relgraph render --focus OpenAI --depth 1 -o openai.png")]
    Render(draw::RenderArgs),
    /// Ingest the bundled seed article into a fresh store and draw its graph.
    #[command(after_help = "Example: cargo run --release -- demo --out out/demo")]
    Demo(draw::DemoArgs),
    /// Explore the graph in a browser: a page and a JSON API over the store (loopback only
    /// unless --token is set).
    #[cfg(feature = "serve")]
    #[command(
        after_help = "Example: relgraph --db news.db serve --open\n         relgraph serve --bind 0.0.0.0:7878 --token \"$(openssl rand -hex 16)\" --allow-ingest"
    )]
    Serve(serve::ServeArgs),
    /// Run a query workload (../shared/bench format) against the store and time it.
    #[command(
        after_help = "Example: relgraph --db big bench --workload queries.txt --results relgraph.json"
    )]
    Bench(bench::BenchArgs),
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
    // No panic text reaches a user: a panic is a bug, reported in one plain line; one that
    // a dependency raised on a closed standard output is the `| head` case, not a failure.
    std::panic::set_hook(Box::new(|_| {}));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| dispatch(cli))).unwrap_or_else(|payload| {
        let text = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        if text.contains("Broken pipe") || text.contains("BrokenPipe") {
            return Ok(FOUND);
        }
        eprintln!("error: relgraph stopped on an internal error (a bug); the store keeps what was committed before. Please report the command that caused it.");
        Ok(STORE_ERROR)
    });
    match outcome {
        Ok(code) => code,
        // The reader went away (`| head`): what it wanted was written.
        Err(e) if e.is_broken_pipe() => FOUND,
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

fn dispatch(cli: Cli) -> Result<i32, Error> {
    let wait = std::time::Duration::try_from_secs_f64(cli.wait).map_err(|_| {
        Error::Invalid(format!(
            "--wait {}: give a number of seconds, 0 or more",
            cli.wait
        ))
    })?;
    let _ = WAIT.set(wait);
    let db = cli.db.as_path();
    match cli.command {
        Command::Extract(a) => feed::extract(a),
        Command::Ingest(a) => feed::ingest(db, a),
        Command::Import(a) => feed::import(db, a),
        Command::Entities(a) => query::entities(db, a),
        Command::Edges(a) => query::edges(db, a),
        Command::Neighbors(a) => query::neighbors(db, a),
        Command::Path(a) => query::path(db, a),
        Command::Evidence(a) => query::evidence(db, a),
        Command::Timeline(a) => query::timeline(db, a),
        Command::Stats(a) => query::stats(db, a),
        Command::Docs(a) => query::docs(db, a),
        Command::RemoveDoc(a) => curate::remove_doc(db, a),
        Command::Merge(a) => curate::merge(db, a),
        Command::Alias(a) => curate::alias(db, a),
        Command::Unalias(a) => curate::unalias(db, a),
        Command::Rename(a) => curate::rename(db, a),
        Command::SetKind(a) => curate::set_kind(db, a),
        Command::RemoveEntity(a) => curate::remove_entity(db, a),
        Command::AddEdge(a) => curate::add_edge(db, a),
        Command::Unmerge(a) => identity::unmerge(db, a),
        Command::Merges(a) => identity::merges(db, a),
        Command::Duplicates(a) => identity::duplicates(db, a),
        Command::Dump(a) => maintain::dump(db, a),
        Command::Restore(a) => maintain::restore(db, a),
        Command::Check => maintain::check(open_existing(db)?),
        Command::Repair => maintain::check(Graph::open_accepting_loss(db)?),
        Command::Export(a) => draw::export(db, a),
        Command::Render(a) => draw::render(db, a),
        Command::Demo(a) => draw::demo(a),
        #[cfg(feature = "serve")]
        Command::Serve(a) => serve::serve(db, a),
        Command::Bench(a) => bench::bench(&open_existing(db)?, a),
        Command::Completions { shell } => {
            // Generated into memory: clap_complete panics when its writer fails.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "relgraph", &mut script);
            use std::io::Write as _;
            std::io::stdout()
                .write_all(&script)
                .and_then(|()| std::io::stdout().flush())
                .map_err(|e| Error::write("standard output", e))?;
            Ok(FOUND)
        }
    }
}

/// A clap value parser for a library type read with `FromStr`: the library's own message on
/// a bad value, and the accepted values listed in `--help` and completions.
#[derive(Clone)]
struct Named<T> {
    names: Vec<&'static str>,
    _type: std::marker::PhantomData<fn() -> T>,
}

impl<T> Named<T> {
    fn new(names: impl IntoIterator<Item = &'static str>) -> Named<T> {
        Named {
            names: names.into_iter().collect(),
            _type: std::marker::PhantomData,
        }
    }
}

impl<T> clap::builder::TypedValueParser for Named<T>
where
    T: std::str::FromStr<Err = Error> + Clone + Send + Sync + 'static,
{
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        let text = value
            .to_str()
            .ok_or_else(|| clap::Error::new(clap::error::ErrorKind::InvalidUtf8).with_cmd(cmd))?;
        text.parse().map_err(|e: Error| {
            clap::Error::raw(clap::error::ErrorKind::InvalidValue, format!("{e}\n")).with_cmd(cmd)
        })
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            self.names
                .iter()
                .map(|n| clap::builder::PossibleValue::new(*n)),
        ))
    }
}

fn relation_parser() -> Named<RelationKind> {
    Named::new(RelationKind::ALL.iter().map(|r| r.as_str()))
}

fn kind_parser() -> Named<EntityKind> {
    Named::new(EntityKind::ALL.iter().map(|k| k.as_str()))
}

fn direction_parser() -> Named<relgraph::query::Direction> {
    Named::new(["both", "out", "in"])
}

fn relations(names: &[String]) -> Result<Vec<RelationKind>, Error> {
    names
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.parse())
        .collect()
}

/// `--wait`: set once, before any store is opened.
static WAIT: std::sync::OnceLock<std::time::Duration> = std::sync::OnceLock::new();

/// Opens a store, waiting up to `--wait` while another relgraph process holds it (as
/// SQLite's busy timeout does): a query started during a short ingest just waits for it.
/// A store held by `relgraph serve` is not waited for: the server keeps it until stopped.
fn waiting_for(db: &Path, open: impl Fn() -> Result<Graph, Error>) -> Result<Graph, Error> {
    let wait = WAIT
        .get()
        .copied()
        .unwrap_or(std::time::Duration::from_secs(5));
    let started = std::time::Instant::now();
    let mut told = false;
    loop {
        match open() {
            Err(Error::StoreLocked { .. }) if started.elapsed() < wait => {
                if !told {
                    eprintln!(
                        "waiting up to {} s for the store at {}, in use by another process (--wait SECS)",
                        wait.as_secs_f64(),
                        db.display()
                    );
                    told = true;
                }
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            other => return other,
        }
    }
}

/// Opens an existing store for a read command: a missing one is an error, not a new store.
fn open_existing(db: &Path) -> Result<Graph, Error> {
    waiting_for(db, || Graph::open_read_only(db))
}

/// Opens an existing store for a command that changes it but never creates one.
pub(crate) fn open_for_writing(db: &Path) -> Result<Graph, Error> {
    relgraph::store::require_store(db)?;
    waiting_for(db, || Graph::open(db))
}

/// Resolves a name for a query; a shared name settled by its only connected candidate says
/// so on stderr.
fn resolve(graph: &Graph, text: &str, kind: Option<EntityKind>) -> Result<Entity, Error> {
    let r = graph.resolve_ref(text, kind, Strictness::PreferConnected)?;
    if !r.passed_over.is_empty() {
        let others: Vec<String> = r.passed_over.iter().map(describe).collect();
        eprintln!(
            "note: `{}` also names {} (no edges); using {}",
            text.trim(),
            others.join(", "),
            describe(&r.entity)
        );
    }
    Ok(r.entity)
}

/// Resolves a name for a change to the store: a shared name must be made precise.
fn resolve_exact(graph: &Graph, text: &str, kind: Option<EntityKind>) -> Result<Entity, Error> {
    Ok(graph.resolve_ref(text, kind, Strictness::Exact)?.entity)
}

fn found(n: usize) -> i32 {
    if n == 0 {
        NOTHING
    } else {
        FOUND
    }
}
