//! The facade: one type that opens a store and does everything a user or an embedding
//! program needs. It dereferences to [`Store`], so every query is a method on it.

use std::path::Path;

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::extract::{self, ExtractOptions, Extraction, Gazetteer, Lang};
use crate::import::{parse, ImportFormat};
use crate::store::{ImportOutcomeCounts, IngestOutcome, Store};

/// An open relationship graph.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let graph = relgraph::Graph::open(dir.path()).unwrap();
/// graph.ingest_text("Acme Corp a racheté Zenith Labs en 2021.", "note.txt", None).unwrap();
/// let acme = graph.resolve("acme corp").unwrap();
/// let edges = graph.edges(&relgraph::query::EdgeFilter { from: Some(acme.id), ..Default::default() }).unwrap();
/// assert_eq!(edges[0].relation.as_str(), "acquired");
/// assert_eq!(edges[0].target, "Zenith Labs");
/// ```
pub struct Graph {
    store: Store,
    max_doc_bytes: u64,
    /// The remembered gazetteer, read and indexed on first use: sled gives the store to this
    /// process alone, and only [`Graph::add_gazetteer`] changes it.
    gazetteer: std::sync::RwLock<Option<Gazetteer>>,
    /// The document date given for what this handle ingests (`ingest --date`).
    date: Option<crate::model::Date>,
    /// Store again a text already stored (`ingest --replace`) instead of keeping the first.
    replace: bool,
}

impl std::ops::Deref for Graph {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.store
    }
}

/// The result of ingesting one input among many.
#[derive(Debug)]
pub struct IngestReport {
    pub source: String,
    pub result: Result<IngestOutcome>,
}

impl Graph {
    /// Opens (creating if needed) the store in `path`.
    pub fn open(path: impl AsRef<Path>) -> Result<Graph> {
        Ok(Graph {
            store: Store::open(path)?,
            max_doc_bytes: extract::DEFAULT_MAX_DOC_BYTES,
            gazetteer: Default::default(),
            date: None,
            replace: false,
        })
    }

    /// Opens an existing store for reading only (see [`Store::open_read_only`]): never
    /// creates one, and works on read-only media.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Graph> {
        Ok(Graph {
            store: Store::open_read_only(path)?,
            max_doc_bytes: extract::DEFAULT_MAX_DOC_BYTES,
            gazetteer: Default::default(),
            date: None,
            replace: false,
        })
    }

    /// Opens a store that lost data to damaged files, keeping what is left.
    pub fn open_accepting_loss(path: impl AsRef<Path>) -> Result<Graph> {
        Ok(Graph {
            store: Store::open_accepting_loss(path)?,
            max_doc_bytes: extract::DEFAULT_MAX_DOC_BYTES,
            gazetteer: Default::default(),
            date: None,
            replace: false,
        })
    }

    /// Sets the largest document accepted, in bytes.
    pub fn set_max_doc_bytes(&mut self, bytes: u64) {
        self.max_doc_bytes = bytes;
    }

    /// Sets the document date of what this handle ingests from now on (`None`: read it from
    /// each article).
    pub fn set_date(&mut self, date: Option<crate::model::Date>) {
        self.date = date;
    }

    /// When true, a text already stored is removed and stored again, so that a new
    /// `--date` takes effect; when false (the default) the first ingest wins.
    pub fn set_replace(&mut self, replace: bool) {
        self.replace = replace;
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The gazetteer remembered by this store.
    pub fn gazetteer(&self) -> Result<Gazetteer> {
        if let Some(g) = self
            .gazetteer
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
        {
            return Ok(g.clone());
        }
        let mut entries = Vec::new();
        for chunk in self.store.gazetteer_chunks()? {
            let part: Vec<extract::GazetteerEntry> = serde_json::from_slice(&chunk)
                .map_err(|e| self.store.corrupt(&format!("gazetteer: {e}")))?;
            entries.extend(part);
        }
        let g = Gazetteer::new(entries);
        *self.gazetteer.write().unwrap_or_else(|e| e.into_inner()) = Some(g.clone());
        Ok(g)
    }

    /// Adds entries to the remembered gazetteer (an entry of the same name is replaced);
    /// returns how many it holds.
    pub fn add_gazetteer(&self, g: &Gazetteer) -> Result<usize> {
        let merged = self.gazetteer()?.merged_with(g);
        // Chunks small enough that no sled node carries megabytes.
        let chunks = merged
            .entries()
            .chunks(2048)
            .map(|c| serde_json::to_vec(c).map_err(|e| Error::Invalid(e.to_string())))
            .collect::<Result<Vec<_>>>()?;
        self.store.put_gazetteer_chunks(&chunks)?;
        self.store.flush()?;
        let n = merged.len();
        *self.gazetteer.write().unwrap_or_else(|e| e.into_inner()) = Some(merged);
        Ok(n)
    }

    /// Extraction options for this store: its gazetteer and document size limit.
    pub fn extract_options(&self, lang: Option<Lang>) -> Result<ExtractOptions> {
        Ok(ExtractOptions {
            lang,
            max_doc_bytes: self.max_doc_bytes,
            gazetteer: self.gazetteer()?,
            date: self.date,
        })
    }

    /// Extracts and stores one text; durable when it returns.
    pub fn ingest_text(
        &self,
        text: &str,
        source: &str,
        lang: Option<Lang>,
    ) -> Result<IngestOutcome> {
        let ex = extract::extract_text(text, &self.extract_options(lang)?)?;
        let out = self.ingest_extraction(&ex, source)?;
        self.store.flush()?;
        Ok(out)
    }

    /// Stores an extraction made elsewhere (not flushed: call [`Store::flush`]).
    pub fn ingest_extraction(&self, ex: &Extraction, source: &str) -> Result<IngestOutcome> {
        if self.replace && self.store.document(ex.doc_id)?.is_some() {
            self.store.remove_document(ex.doc_id)?;
        }
        self.store.ingest(&ex.to_document_input(source))
    }

    /// Reads, extracts and stores one file; durable when it returns.
    pub fn ingest_path(&self, path: &Path, lang: Option<Lang>) -> Result<IngestOutcome> {
        let opts = self.extract_options(lang)?;
        let ex = read_and_extract(path, &opts)?;
        let out = self.ingest_extraction(&ex, &path.display().to_string())?;
        self.store.flush()?;
        Ok(out)
    }

    /// Ingests many files: extraction runs on all cores in bounded chunks, storage in
    /// order; a bad file is reported and the others still go in. `report` is called once
    /// per file. Durable when it returns. A failed write to the store (after which sled
    /// takes no more) ends it with that error: the files not reported were not stored.
    pub fn ingest_paths(
        &self,
        paths: &[std::path::PathBuf],
        lang: Option<Lang>,
        report: &mut dyn FnMut(IngestReport),
    ) -> Result<()> {
        const CHUNK: usize = 256;
        let opts = self.extract_options(lang)?;
        let extract = |chunk: &[std::path::PathBuf]| -> Vec<Result<Extraction>> {
            chunk
                .par_iter()
                .map(|p| read_and_extract(p, &opts))
                .collect()
        };
        // Storage is serial and in order; the next chunk is extracted meanwhile, so both
        // cores stay busy.
        let mut chunks = paths.chunks(CHUNK);
        let Some(first) = chunks.next() else {
            return Ok(());
        };
        let mut current = (first, extract(first));
        loop {
            let next_chunk = chunks.next();
            let (stored, next) = std::thread::scope(|scope| {
                let pending = next_chunk.map(|c| scope.spawn(move || extract(c)));
                let stored = self.store_chunk(current.0, std::mem::take(&mut current.1), report);
                (stored, pending.map(|h| h.join()))
            });
            stored?;
            match (next_chunk, next) {
                (Some(c), Some(Ok(extracted))) => current = (c, extracted),
                (Some(_), _) => return Err(Error::Store("an extraction thread failed".into())),
                (None, _) => return Ok(()),
            }
        }
    }

    fn store_chunk(
        &self,
        chunk: &[std::path::PathBuf],
        extracted: Vec<Result<Extraction>>,
        report: &mut dyn FnMut(IngestReport),
    ) -> Result<()> {
        for (p, ex) in chunk.iter().zip(extracted) {
            let source = p.display().to_string();
            let result = ex.and_then(|ex| self.ingest_extraction(&ex, &source));
            match result {
                // A failed write refuses every later one (a full disk, a failing device):
                // stop here with the cause; the files from this one on are not reported.
                Err(cause) if self.store.is_poisoned() => return Err(cause),
                result => report(IngestReport { source, result }),
            }
        }
        self.store.flush()
    }

    /// Bulk-loads a CSV or JSON-lines file of triples (format from the extension).
    pub fn import_path(
        &self,
        path: &Path,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<ImportOutcomeCounts> {
        let file = std::fs::File::open(path).map_err(|e| Error::Io {
            path: path.to_path_buf(),
            source: e,
        })?;
        let reader = std::io::BufReader::with_capacity(1 << 20, file);
        self.import_reader(
            reader,
            ImportFormat::from_path(path),
            &path.display().to_string(),
            progress,
        )
    }

    /// Bulk-loads triples from a reader. Every row is validated before anything is
    /// written. Extraction lines (with `doc` and `evidence`) are stored as their documents,
    /// one transaction each, as `ingest` stores them.
    pub fn import_reader(
        &self,
        reader: impl std::io::BufRead,
        format: ImportFormat,
        source: &str,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<ImportOutcomeCounts> {
        let started = std::time::Instant::now();
        let data = parse(reader, format, source)?;
        if std::env::var_os("RELGRAPH_TIMING").is_some() {
            eprintln!(
                "timing: parsed {} rows in {:.2} s",
                data.triples.len(),
                started.elapsed().as_secs_f64()
            );
        }
        self.import_data(data, progress)
    }

    /// Stores what [`crate::import::parse`] read: a caller that parses first can refuse a
    /// bad file before it opens (and so creates) a store.
    pub fn import_data(
        &self,
        data: crate::import::ImportData,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<ImportOutcomeCounts> {
        let mut counts = if data.triples.is_empty() {
            ImportOutcomeCounts::default()
        } else {
            self.store.import_rows(&data.triples, progress)?
        };
        for doc in &data.documents {
            let o = self.store.ingest(doc)?;
            counts.entities_added += o.entities_added;
            counts.edges_added += o.edges_added;
            counts.evidence_added += o.evidence_added;
            counts.documents_added += u64::from(o.new);
        }
        if !data.documents.is_empty() {
            self.store.flush()?;
        }
        counts.ignored_columns = data.ignored_columns;
        Ok(counts)
    }
}

/// Reads a file (within the size limit, whatever kind of file it is) and extracts from it,
/// with the file named in any error.
pub fn read_and_extract(path: &Path, opts: &ExtractOptions) -> Result<Extraction> {
    let bytes = crate::input::read_file(path, opts.max_doc_bytes)?;
    extract::extract_bytes(&bytes, &path.display().to_string(), opts)
        .map_err(|e| crate::input::utf16_hint(e, &bytes))
}
