//! The commands that bring text and triples in: `extract`, `ingest`, `import`.

use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde::Serialize;

use relgraph::extract::{self, ExtractOptions, Extraction, Gazetteer, Lang};
use relgraph::graph::IngestReport;
use relgraph::import::ImportFormat;
use relgraph::{Error, Graph, RelationKind};

use super::output::{print_rows, Format};
use super::{found, BAD_INPUT, FOUND, NOTHING};

#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
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

#[derive(clap::Args)]
pub struct ExtractArgs {
    /// The article, or - for standard input.
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
    /// One line per evidence sentence instead of one per edge (what `import` needs to
    /// rebuild exactly the store `ingest` would).
    #[arg(long)]
    all_evidence: bool,
    /// Print the document's entities (name, kind, aliases, mentions, first offset)
    /// instead of its edges.
    #[arg(long)]
    entities: bool,
    /// With --entities: list the places the text names too (by default the list holds
    /// the actors: people, organizations, media, products, groups).
    #[arg(long, requires = "entities")]
    places: bool,
    /// Print what every stage saw, sentence by sentence: phrases, clauses and their roles,
    /// each edge with the pattern that made it, and why a trigger made none
    /// (`--format json` for the same as JSON).
    #[arg(long, conflicts_with_all = ["entities", "all_evidence"])]
    explain: bool,
}

#[derive(clap::Args)]
pub struct IngestArgs {
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "auto")]
    lang: LangArg,
    /// Known entities to remember in the store (CSV `name,kind,alias|alias` or JSON lines).
    #[arg(long)]
    gazetteer: Option<PathBuf>,
    #[arg(long, default_value_t = extract::DEFAULT_MAX_DOC_BYTES)]
    max_doc_bytes: u64,
    /// The document date (YYYY, YYYY-MM or YYYY-MM-DD), instead of the one read from the
    /// article's metadata or dateline; relative dates of its sentences resolve against it.
    #[arg(long)]
    date: Option<relgraph::Date>,
    /// A document whose text is already stored is stored again (with this --date), instead
    /// of being kept as first ingested.
    #[arg(long)]
    replace: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ImportFormatArg {
    Csv,
    Jsonl,
}

#[derive(clap::Args)]
pub struct ImportArgs {
    /// A CSV or JSON-lines file, or - for standard input.
    file: PathBuf,
    /// The file's format; by default from its extension (.jsonl .ndjson .json: JSON lines),
    /// and for standard input from its first character.
    #[arg(long, value_enum)]
    format: Option<ImportFormatArg>,
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

pub fn extract(a: ExtractArgs) -> Result<i32, Error> {
    let mut opts = extract::ExtractOptions {
        lang: a.lang.lang(),
        max_doc_bytes: a.max_doc_bytes,
        ..Default::default()
    };
    if let Some(g) = &a.gazetteer {
        opts.gazetteer = load_gazetteer(g)?;
    }
    if a.explain {
        let (bytes, what) = if a.file.as_os_str() == "-" {
            (read_stdin(a.max_doc_bytes)?, "standard input".to_string())
        } else {
            let bytes = relgraph::input::read_file(&a.file, a.max_doc_bytes)?;
            (bytes, a.file.display().to_string())
        };
        let (ex, explanation) = extract::explain_bytes(&bytes, &what, &opts)
            .map_err(|e| relgraph::input::utf16_hint(e, &bytes))?;
        print_explanation(&explanation, a.format)?;
        return Ok(found(ex.edges.len()));
    }
    let (ex, source) = if a.file.as_os_str() == "-" {
        let buf = read_stdin(a.max_doc_bytes)?;
        (
            extract::extract_bytes(&buf, "standard input", &opts)
                .map_err(|e| relgraph::input::utf16_hint(e, &buf))?,
            "standard input".to_string(),
        )
    } else {
        (
            relgraph::graph::read_and_extract(&a.file, &opts)?,
            a.file.display().to_string(),
        )
    };
    if a.entities {
        let rows = extracted_entity_rows(&ex, a.places);
        print_rows(&rows, a.format)?;
        return Ok(found(rows.len()));
    }
    let rows = extraction_rows(&ex, &source, a.all_evidence);
    print_rows(&rows, a.format)?;
    Ok(found(rows.len()))
}

/// `extract --explain`: readable text, or the same structure as JSON.
fn print_explanation(e: &extract::explain::Explanation, format: Format) -> Result<(), Error> {
    use std::io::Write;
    let text = match format {
        Format::Json | Format::Jsonl => {
            serde_json::to_string_pretty(e).map_err(|x| Error::Invalid(x.to_string()))? + "\n"
        }
        Format::Table | Format::Csv => e.to_string(),
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|x| Error::Io {
            path: "standard output".into(),
            source: x,
        })
}

/// One line of `extract`: the contract keys first, then what `import` needs to rebuild the
/// document (its id, title, source and language, and the entities' other names).
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
    doc_title: String,
    doc_source: String,
    lang: Lang,
    source_aliases: Vec<String>,
    target_aliases: Vec<String>,
    /// The document date, if known (what `import` stores as the document's).
    doc_date: Option<relgraph::Date>,
    doc_date_source: Option<relgraph::model::DateSource>,
}

pub fn extraction_rows(ex: &Extraction, source: &str, all_evidence: bool) -> Vec<ExtractedRow> {
    let edges: Vec<&extract::ExtractedEdge> = if all_evidence {
        ex.edges.iter().collect()
    } else {
        ex.unique_edges()
    };
    edges
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
                evidence: e.evidence.sentence.to_string(),
                confidence: e.evidence.confidence,
                date: e.evidence.date,
                rule: e.evidence.rule.clone(),
                doc: relgraph::model::doc_id_hex(ex.doc_id),
                start: e.evidence.start,
                end: e.evidence.end,
                doc_title: ex.title.clone(),
                doc_source: source.to_string(),
                lang: ex.lang,
                source_aliases: s.aliases.clone(),
                target_aliases: t.aliases.clone(),
                doc_date: ex.date,
                doc_date_source: ex.date_source,
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

pub fn extracted_entity_rows(ex: &Extraction, places: bool) -> Vec<ExtractedEntityRow> {
    ex.entities
        .iter()
        .filter(|e| places || e.kind != relgraph::EntityKind::Place)
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

pub fn ingest(db: &Path, a: IngestArgs) -> Result<i32, Error> {
    let gazetteer = a.gazetteer.as_deref().map(load_gazetteer).transpose()?;
    let lang = a.lang.lang();
    let (files, errors) = relgraph::input::expand_inputs(&a.inputs);
    let (stdin, paths): (Vec<_>, Vec<_>) = files.into_iter().partition(|p| p.as_os_str() == "-");
    let mut inputs = Inputs {
        stdin: !stdin.is_empty(),
        paths,
        errors,
        refused_early: 0,
        first: None,
    };
    // A store is made only for a document that goes in: where there is none yet, the
    // inputs are read, in the order ingest stores them, until one extracts; when none
    // does (missing, binary, not UTF-8, empty), nothing is created.
    if !relgraph::store::is_store(db) {
        let opts = ExtractOptions {
            lang,
            max_doc_bytes: a.max_doc_bytes,
            // What a new store remembers: its empty gazetteer with this one added.
            gazetteer: gazetteer
                .as_ref()
                .map(|g| Gazetteer::default().merged_with(g))
                .unwrap_or_default(),
            date: a.date,
        };
        if !inputs.first_document(&opts) {
            for (src, e) in &inputs.errors {
                eprintln!("error: {src}: {e}");
            }
            eprintln!(
                "documents: 0 new, 0 already known, {} failed; no store was created at {} (no input could be read as an article)",
                inputs.errors.len(),
                db.display()
            );
            return Ok(BAD_INPUT);
        }
    }
    let mut graph = Graph::open(db)?;
    graph.set_max_doc_bytes(a.max_doc_bytes);
    graph.set_date(a.date);
    graph.set_replace(a.replace);
    if let Some(g) = &gazetteer {
        graph.add_gazetteer(g)?;
    }
    ingest_inputs(&graph, inputs, lang)
}

/// What `ingest` reads: standard input (first), the files, the inputs already refused, and
/// the first document when it was extracted before the store was made.
struct Inputs {
    stdin: bool,
    paths: Vec<PathBuf>,
    errors: Vec<(String, Error)>,
    /// How many of `errors` are inputs read while looking for the first document.
    refused_early: u64,
    first: Option<First>,
}

/// The first document that extracted, and how many inputs it took to find it.
struct First {
    /// Shown in messages, and stored as the document's source.
    shown: String,
    source: String,
    extraction: Extraction,
    /// How many of the paths were read to find it.
    paths_read: usize,
}

impl Inputs {
    /// Reads the inputs in ingest's order up to the first that extracts; the ones refused
    /// before it join `errors`. False when none extracts.
    fn first_document(&mut self, opts: &ExtractOptions) -> bool {
        if self.stdin {
            let ex = read_stdin(opts.max_doc_bytes).and_then(|bytes| {
                extract::extract_bytes(&bytes, "standard input", opts)
                    .map_err(|e| relgraph::input::utf16_hint(e, &bytes))
            });
            match ex {
                Ok(extraction) => {
                    self.first = Some(First {
                        shown: "standard input".into(),
                        source: "stdin".into(),
                        extraction,
                        paths_read: 0,
                    });
                    return true;
                }
                Err(e) => {
                    self.errors.push(("standard input".into(), e));
                    self.refused_early += 1;
                }
            }
        }
        for (i, p) in self.paths.iter().enumerate() {
            match relgraph::graph::read_and_extract(p, opts) {
                Ok(extraction) => {
                    self.first = Some(First {
                        shown: p.display().to_string(),
                        source: p.display().to_string(),
                        extraction,
                        paths_read: i + 1,
                    });
                    return true;
                }
                Err(e) => {
                    self.errors.push((p.display().to_string(), e));
                    self.refused_early += 1;
                }
            }
        }
        false
    }
}

/// Files and folders through the parallel path, stdin on its own.
fn ingest_inputs(graph: &Graph, inputs: Inputs, lang: Option<Lang>) -> Result<i32, Error> {
    let (mut new, mut known, mut failed, mut reported) = (0u64, 0u64, 0u64, 0u64);
    let (mut ents, mut edges) = (0u64, 0u64);
    for (src, e) in &inputs.errors {
        eprintln!("error: {src}: {e}");
        failed += 1;
    }
    // What was read while looking for the first document is not read again.
    let (stdin_left, paths_from) = match &inputs.first {
        Some(f) => (false, f.paths_read),
        None => (inputs.stdin, 0),
    };
    let mut tally = |r: IngestReport, bar: &Option<indicatif::ProgressBar>| {
        reported += 1;
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
    if let Some(f) = &inputs.first {
        let result = graph.ingest_extraction(&f.extraction, &f.source);
        tally(
            IngestReport {
                source: f.shown.clone(),
                result,
            },
            &None,
        );
        graph.flush()?;
    }
    if stdin_left {
        let opts = graph.extract_options(lang)?;
        let result = read_stdin(opts.max_doc_bytes)
            .and_then(|bytes| {
                extract::extract_bytes(&bytes, "standard input", &opts)
                    .map_err(|e| relgraph::input::utf16_hint(e, &bytes))
            })
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
    let paths = &inputs.paths[paths_from..];
    let bar = progress_bar("ingesting");
    if let Some(b) = &bar {
        b.set_length(paths.len() as u64);
    }
    let stored = graph.ingest_paths(paths, lang, &mut |r| tally(r, &bar));
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if let Err(cause) = stored {
        // The cause once, then what it left undone, not one line per remaining file.
        let to_store = inputs.paths.len() as u64 + u64::from(inputs.stdin);
        let not_stored = to_store - inputs.refused_early - reported;
        eprintln!("error: {cause}");
        eprintln!("documents: {new} new, {known} already known, {failed} failed, {not_stored} not stored (the store takes no more writes after a failed one: fix the cause and run the same ingest again; what is stored is recognized and skipped); added {ents} entities and {edges} edges");
        return Ok(super::exit_code(&cause));
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

pub fn import(db: &Path, a: ImportArgs) -> Result<i32, Error> {
    let stdin = a.file.as_os_str() == "-";
    let name = if stdin {
        "standard input".to_string()
    } else {
        a.file.display().to_string()
    };
    let reader: Box<dyn BufRead> = if stdin {
        Box::new(std::io::BufReader::with_capacity(1 << 20, std::io::stdin()))
    } else {
        let f = std::fs::File::open(&a.file).map_err(|e| Error::Io {
            path: a.file.clone(),
            source: e,
        })?;
        Box::new(std::io::BufReader::with_capacity(1 << 20, f))
    };
    let mut reader = reader;
    let head = reader.fill_buf().map_err(|e| Error::Io {
        path: a.file.clone(),
        source: e,
    })?;
    relgraph::input::refuse_utf16(head, &name)?;
    let format = match a.format {
        Some(ImportFormatArg::Csv) => ImportFormat::Csv,
        Some(ImportFormatArg::Jsonl) => ImportFormat::Jsonl,
        None if stdin => {
            let head = reader.fill_buf().map_err(|e| Error::Io {
                path: "standard input".into(),
                source: e,
            })?;
            ImportFormat::sniff(head)
        }
        None => ImportFormat::from_path(&a.file),
    };
    let started = std::time::Instant::now();
    // Read and checked whole before the store opens: a refused file creates no store.
    let data = relgraph::import::parse(reader, format, &name)?;
    let graph = Graph::open(db)?;
    let bar = progress_bar("importing");
    let counts = graph.import_data(data, &mut |done, total| {
        if let Some(b) = &bar {
            b.set_length(total);
            b.set_position(done);
        }
    })?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if !counts.ignored_columns.is_empty() {
        eprintln!(
            "warning: {name}: column(s) {} not read (known: source, relation, target, source_kind, target_kind, and the extraction columns of `relgraph extract`)",
            counts.ignored_columns.join(", ")
        );
    }
    let docs = if counts.documents_added > 0 {
        format!(
            ", {} new documents with {} evidence",
            counts.documents_added, counts.evidence_added
        )
    } else {
        String::new()
    };
    eprintln!(
        "imported {name}: {} new entities, {} new edges{docs} in {:.2} s",
        counts.entities_added,
        counts.edges_added,
        started.elapsed().as_secs_f64()
    );
    Ok(FOUND)
}

pub fn progress_bar(what: &str) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
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

/// Standard input, within the document size limit.
fn read_stdin(limit: u64) -> Result<Vec<u8>, Error> {
    relgraph::input::read_bounded(std::io::stdin().lock(), "standard input", limit)
}
