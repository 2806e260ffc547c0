//! The persistent store: sled trees with big-endian keys and versioned bincode values.
//!
//! Trees: `entities` id → Entity; `names` name key → ids; `out` source id → row of
//! (relation, target, EdgeData); `in` target id → row of (relation, source); `evidence`
//! (src, rel, dst, doc, n) → Evidence; `docs` id → Document; `meta` schema version and
//! counters. One document is written in one transaction
//! over all of them. The store knows nothing of language: it takes resolved input.

mod bulk;
pub mod codec;
mod curate;
mod gazetteer;
mod identity;
mod merge_log;
mod ops;
pub mod server_file;
mod upgrade;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::RwLock;

use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::Tree;

use crate::error::{Error, Result};
use crate::model::*;
use codec::*;

pub use bulk::{Dump, ImportOutcomeCounts, ImportRow};
pub use curate::{AddedEdge, RemovedEntity, USER_RULE, USER_SOURCE};
pub use identity::{mention_weight, KindVotes};
pub use merge_log::{LoggedEdge, MergeRecord, MergeReport, MergeSummary};
pub use ops::{CheckReport, DocumentInput, IngestOutcome, NewEdge, NewEntity, RemovedDocument};

/// Bumped when the tree layout changes; a store of another version is refused.
pub const SCHEMA_VERSION: u32 = 4;

const META_SCHEMA: &[u8] = b"schema";
const META_NEXT_ID: &[u8] = b"next_id";
const META_ENTITIES: &[u8] = b"count_entities";
const META_EDGES: &[u8] = b"count_edges";
const META_DOCS: &[u8] = b"count_docs";
/// Present while a bulk load into an empty store is being written (see `bulk.rs`).
const META_LOADING: &[u8] = b"loading";

/// Size of sled's page cache: enough for a query's working set, not the whole graph.
const CACHE_BYTES: u64 = 64 * 1024 * 1024;

/// An open store. Cheap to share between threads (`Send + Sync`).
pub struct Store {
    path: PathBuf,
    db: sled::Db,
    pub(crate) entities: Tree,
    pub(crate) names: Tree,
    pub(crate) out: Tree,
    pub(crate) inn: Tree,
    pub(crate) evidence: Tree,
    /// Counter-evidence, keyed as `evidence` is: sentences that deny a triple. Kept apart so
    /// that an edge, its counts and its evidence mean what they meant before.
    pub(crate) denials: Tree,
    pub(crate) docs: Tree,
    pub(crate) meta: Tree,
    /// Kind votes, derived name forms and the merge log (`identity.rs`).
    pub(crate) identity: Tree,
    /// sled commits a multi-tree transaction tree by tree, so a plain read could see half a
    /// document. Writers take this exclusively around their commit, readers share it.
    gate: RwLock<()>,
    /// Bumped by every write, so a cached adjacency snapshot knows when it is stale.
    writes: std::sync::atomic::AtomicU64,
    snapshot: std::sync::Mutex<Option<std::sync::Arc<crate::query::Snapshot>>>,
    /// Set when a write failed in the storage engine: sled may then hold in memory what
    /// never reaches the disk, so this handle writes nothing more.
    poisoned: std::sync::atomic::AtomicBool,
    read_only: bool,
    /// The copy a store on read-only media is read from; removed with the store.
    copy: Option<PrivateCopy>,
}

/// A store's files copied into the temporary folder, deleted when dropped.
struct PrivateCopy(PathBuf);

impl PrivateCopy {
    fn of(store: &Path) -> Result<PrivateCopy> {
        static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let dir = std::env::temp_dir().join(format!(
            "relgraph-read-only-{}-{}",
            std::process::id(),
            N.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        ));
        let copy = PrivateCopy(dir);
        copy_tree(store, &copy.0).map_err(|e| Error::Io {
            path: store.to_path_buf(),
            source: e,
        })?;
        Ok(copy)
    }
}

impl Drop for PrivateCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// sled 0.34 writes a snapshot as `snap.N.generating`, then renames it; but when it looks
/// for snapshots it skips only `.in___motion` files, so the half-written file of a process
/// killed while writing one was read as the newest snapshot and the store refused as
/// corrupt. The file is a temporary that never replaced anything: it can go.
fn remove_unfinished_snapshots(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("snap.") && name.ends_with(".generating") {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

thread_local! {
    /// Set while this thread runs sled code whose panics are caught and reported as errors.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, turning a panic into `Err(())` without the panic hook printing its message
/// and backtrace: sled panics on some damaged files, and that text is no use to a user.
/// The hook is wrapped once, process-wide; other threads' panics still reach it.
fn quietly<T>(f: impl FnOnce() -> T) -> std::result::Result<T, ()> {
    static WRAPPED: std::sync::Once = std::sync::Once::new();
    WRAPPED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(|q| q.get()) {
                previous(info)
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    r.map_err(|_| ())
}

/// True when `dir` holds a store (so opening it creates none).
pub fn is_store(dir: &Path) -> bool {
    is_store_dir(dir)
}

/// True when `dir` holds a store's files (sled's, or relgraph's commit record).
fn is_store_dir(dir: &Path) -> bool {
    (dir.join("db").is_file() && dir.join("conf").is_file())
        || dir.join("relgraph.committed").is_file()
}

/// Refuses an output path that is a store or lies inside one, whatever links lead there:
/// an export, a dump or a picture never overwrites a store's files.
pub fn check_output_path(path: &Path) -> Result<()> {
    // The deepest part of the path that exists, resolved; what follows is created.
    let mut existing = path;
    let resolved = loop {
        if let Ok(c) = std::fs::canonicalize(existing) {
            break c;
        }
        match existing.parent() {
            Some(p) if !p.as_os_str().is_empty() => existing = p,
            _ => break std::env::current_dir().unwrap_or_default(),
        }
    };
    for dir in resolved.ancestors() {
        if is_store_dir(dir) {
            return Err(Error::Invalid(
                format!(
                    "{} is {} the store at {}; write it somewhere else",
                    path.display(),
                    if dir == resolved && existing == path {
                        ""
                    } else {
                        "inside"
                    },
                    dir.display()
                )
                .replace("is  the", "is the"),
            ));
        }
    }
    Ok(())
}

/// Refuses a path that holds no store, so that reading never creates one.
pub fn require_store(path: &Path) -> Result<()> {
    if !path.exists() {
        return Err(Error::Invalid(format!(
            "no store at {}; create one with `relgraph --db {} ingest FILE` or `import FILE`",
            path.display(),
            path.display()
        )));
    }
    if !path.is_dir() {
        return Err(Error::Invalid(format!(
            "{} is a file, not a store directory",
            path.display()
        )));
    }
    if !path.join("db").is_file() && path.join("relgraph.committed").is_file() {
        // relgraph wrote here, so this is a store that lost its data file, not a wrong folder.
        return Err(Error::Corrupt {
            path: path.to_path_buf(),
            detail: format!("its data file {} is missing; restore a dump made earlier into a new store (`relgraph --db NEW restore DUMP`), or move this folder aside", path.join("db").display()),
        });
    }
    if !path.join("db").is_file() || !path.join("conf").is_file() {
        return Err(Error::Invalid(format!(
            "{} is not a relgraph store (sled's `db` and `conf` files are missing); give --db a store folder",
            path.display()
        )));
    }
    Ok(())
}

/// Counters kept in the meta tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Counts {
    pub entities: u64,
    pub edges: u64,
    pub documents: u64,
}

impl Store {
    /// Opens (creating if needed) the store in directory `path`.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let store = Store::open_unchecked(path.as_ref())?;
        store.check_committed()?;
        store.check_schema()?;
        Ok(store)
    }

    /// Opens a store whose files lost data (see [`Error::Corrupt`]) and accepts what is
    /// left: the record of the last commit is rewritten to match. A folder that holds no
    /// store is refused as [`require_store`] refuses it: there is nothing to repair, and
    /// nothing is created.
    pub fn open_accepting_loss(path: impl AsRef<Path>) -> Result<Store> {
        require_store(path.as_ref())?;
        let store = Store::open_unchecked(path.as_ref())?;
        store.check_schema()?;
        store.flush()?;
        Ok(store)
    }

    /// Opens an existing store for reading: a folder that holds no store is an error, not
    /// a new store. A store on read-only media (or that this user may not write) is read
    /// from a private copy in the temporary folder. Every write through it is refused.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        let empty_folder = path.is_dir()
            && std::fs::read_dir(path).is_ok_and(|mut entries| entries.next().is_none());
        if !empty_folder {
            require_store(path)?;
        }
        // An empty folder reads as an empty store, from a copy, so it stays empty.
        let opened = if empty_folder {
            Err(Error::StoreIo {
                path: path.to_path_buf(),
                source: std::io::ErrorKind::ReadOnlyFilesystem.into(),
            })
        } else {
            Store::open_unchecked(path)
        };
        let mut store = match opened {
            Err(Error::StoreIo { source, .. })
                if matches!(
                    source.kind(),
                    std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied
                ) =>
            {
                let copy = PrivateCopy::of(path)?;
                let mut store = Store::open_unchecked(&copy.0)?;
                store.path = path.to_path_buf();
                store.copy = Some(copy);
                store
            }
            other => other?,
        };
        store.read_only = true;
        store.check_committed()?;
        store.check_schema()?;
        Ok(store)
    }

    /// True when this handle refuses writes ([`Store::open_read_only`]).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    fn open_unchecked(path: &Path) -> Result<Store> {
        let path = path.to_path_buf();
        if path.exists() && !path.is_dir() {
            return Err(Error::Invalid(format!(
                "{} is a file, not a store directory",
                path.display()
            )));
        }
        remove_unfinished_snapshots(&path);
        let config = sled::Config::new()
            .path(&path)
            .cache_capacity(CACHE_BYTES)
            .flush_every_ms(Some(500));
        // sled panics on some kinds of damaged files instead of returning an error.
        // A handle dropped a moment ago (sled's flusher thread lets go of the file lock
        // asynchronously) or a process just exiting holds the lock briefly: retry for a
        // short while before calling the store in use, well within a second.
        let started = std::time::Instant::now();
        let db = loop {
            let opened = quietly(|| config.open());
            match opened {
                Ok(Ok(db)) => break db,
                Ok(Err(e)) => {
                    let mut err = open_error(&path, e);
                    if matches!(err, Error::StoreLocked { .. }) {
                        // A server holds the store until it stops: say where, without waiting.
                        err = server_file::locked_error(&path);
                        if matches!(err, Error::StoreLocked { .. })
                            && started.elapsed() < std::time::Duration::from_millis(400)
                        {
                            std::thread::sleep(std::time::Duration::from_millis(20));
                            continue;
                        }
                    }
                    return Err(err);
                }
                Err(()) => {
                    return Err(Error::Corrupt {
                        path,
                        detail: UNREADABLE_FILES.into(),
                    })
                }
            }
        };
        let tree = |name: &str| db.open_tree(name).map_err(|e| open_error(&path, e));
        let store = Store {
            entities: tree("entities")?,
            names: tree("names")?,
            out: tree("out")?,
            inn: tree("in")?,
            evidence: tree("evidence")?,
            denials: tree("denials")?,
            docs: tree("docs")?,
            meta: tree("meta")?,
            identity: tree("identity")?,
            path: path.clone(),
            db,
            gate: RwLock::new(()),
            writes: std::sync::atomic::AtomicU64::new(0),
            snapshot: std::sync::Mutex::new(None),
            poisoned: std::sync::atomic::AtomicBool::new(false),
            read_only: false,
            copy: None,
        };
        store.finish_interrupted_load()?;
        Ok(store)
    }

    fn check_schema(&self) -> Result<()> {
        match self.meta.get(META_SCHEMA).map_err(|e| self.sled_err(e))? {
            Some(v) => {
                let found = v
                    .as_ref()
                    .try_into()
                    .map(u32::from_be_bytes)
                    .map_err(|_| self.unopenable("the schema version record is unreadable"))?;
                if (1..SCHEMA_VERSION).contains(&found) {
                    // Older versions kept less in documents (and, before 3, in evidence):
                    // their values are rewritten once (`upgrade.rs`). A read-only handle
                    // upgrades too: the change of format is no change of content, and a
                    // store on read-only media is read from a private copy.
                    return self.upgrade_from(found);
                }
                if found != SCHEMA_VERSION {
                    return Err(Error::SchemaMismatch {
                        path: self.path.clone(),
                        found,
                        expected: SCHEMA_VERSION,
                    });
                }
                Ok(())
            }
            None => {
                let has_data =
                    !self.entities.is_empty() || !self.out.is_empty() || !self.docs.is_empty();
                if has_data {
                    return Err(self.unopenable("data without a schema version record"));
                }
                if self.read_only {
                    return Ok(());
                }
                self.meta
                    .insert(META_SCHEMA, &SCHEMA_VERSION.to_be_bytes())
                    .map_err(|e| self.sled_err(e))?;
                self.flush()
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Makes every write so far durable.
    pub fn flush(&self) -> Result<()> {
        if self.read_only {
            return Ok(());
        }
        // Counters read before the flush are covered by it, whatever other threads commit
        // meanwhile: the record never runs ahead of what is durable.
        let c = self.counts_unlocked()?;
        self.db.flush().map_err(|e| self.sled_err(e))?;
        self.write_committed(c)
    }

    /// sled recovers damaged files by dropping what follows the damage, silently. So each
    /// flush also records the counters in a small file beside sled's; a store that opens
    /// with fewer records than were last committed has lost data and is refused.
    fn committed_path(&self) -> PathBuf {
        self.path.join("relgraph.committed")
    }

    /// Replaces the record durably: the new bytes reach the disk before the rename, and the
    /// rename before this returns, so a power cut leaves the old record or the new one.
    fn write_committed(&self, c: Counts) -> Result<()> {
        use std::io::Write;
        let text = format!("{} {} {}\n", c.entities, c.edges, c.documents);
        let tmp = self.path.join("relgraph.committed.tmp");
        let io = |e: std::io::Error| {
            self.poison();
            Error::StoreIo {
                path: self.committed_path(),
                source: e,
            }
        };
        let mut f = std::fs::File::create(&tmp).map_err(io)?;
        f.write_all(text.as_bytes()).map_err(io)?;
        f.sync_all().map_err(io)?;
        drop(f);
        std::fs::rename(&tmp, self.committed_path()).map_err(io)?;
        std::fs::File::open(&self.path)
            .and_then(|d| d.sync_all())
            .map_err(io)
    }

    /// The counters of the last commit record; `None` for a store written before records.
    fn read_committed(&self) -> Result<Option<Counts>> {
        let text = match std::fs::read_to_string(self.committed_path()) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(Error::StoreIo {
                    path: self.committed_path(),
                    source: e,
                })
            }
        };
        let fields: Vec<Option<u64>> = text.split_whitespace().map(|x| x.parse().ok()).collect();
        match fields[..] {
            [Some(entities), Some(edges), Some(documents)] => Ok(Some(Counts {
                entities,
                edges,
                documents,
            })),
            // Written whole and synced before its rename, the record is never half there.
            _ => Err(Error::Corrupt {
                path: self.path.clone(),
                detail: format!(
                    "its commit record {} is unreadable, so a loss of data cannot be ruled out; run `relgraph --db {} repair` to accept what the store holds",
                    self.committed_path().display(),
                    self.path.display()
                ),
            }),
        }
    }

    fn check_committed(&self) -> Result<()> {
        let Some(r) = self.read_committed()? else {
            return Ok(());
        };
        let c = self.counts_unlocked()?;
        if c.entities < r.entities || c.edges < r.edges || c.documents < r.documents {
            return Err(Error::Corrupt {
                path: self.path.clone(),
                detail: format!(
                    "its files hold {} entities, {} edges and {} documents where {}, {} and {} were committed; data was lost (run `relgraph --db {} repair` to keep what is left)",
                    c.entities, c.edges, c.documents, r.entities, r.edges, r.documents,
                    self.path.display()
                ),
            });
        }
        Ok(())
    }

    /// Called by a write that lowers counters, before it commits: the record drops first
    /// (durably), so that sled writing the change before the next flush never makes the
    /// record claim more than the files hold. `removed` is at most what the write removes.
    pub(crate) fn lower_committed(&self, removed: Counts) -> Result<()> {
        let Some(r) = self.read_committed()? else {
            return Ok(());
        };
        let c = self.counts_unlocked()?;
        let lowered = Counts {
            entities: r.entities.min(c.entities.saturating_sub(removed.entities)),
            edges: r.edges.min(c.edges.saturating_sub(removed.edges)),
            documents: r
                .documents
                .min(c.documents.saturating_sub(removed.documents)),
        };
        if lowered != r {
            self.write_committed(lowered)?;
        }
        Ok(())
    }

    /// Bytes the store takes on disk.
    pub fn size_on_disk(&self) -> Result<u64> {
        self.db.size_on_disk().map_err(|e| self.sled_err(e))
    }

    /// Every tree, for a transaction over a whole document, a merge or an unmerge.
    #[allow(clippy::type_complexity)]
    #[allow(clippy::type_complexity)]
    pub(crate) fn all_trees(
        &self,
    ) -> (
        &Tree,
        &Tree,
        &Tree,
        &Tree,
        &Tree,
        &Tree,
        &Tree,
        &Tree,
        &Tree,
    ) {
        (
            &self.entities,
            &self.names,
            &self.out,
            &self.inn,
            &self.evidence,
            &self.docs,
            &self.meta,
            &self.identity,
            &self.denials,
        )
    }

    pub(crate) fn read_gate(&self) -> std::sync::RwLockReadGuard<'_, ()> {
        self.gate.read().unwrap_or_else(|p| p.into_inner())
    }

    /// Taken by every writer; refused once a write has failed in the storage engine.
    pub(crate) fn write_gate(&self) -> Result<std::sync::RwLockWriteGuard<'_, ()>> {
        if self.read_only {
            return Err(Error::Invalid(format!(
                "the store at {} was opened read-only",
                self.path.display()
            )));
        }
        if self.poisoned.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(Error::Store(format!(
                "an earlier write to the store at {} failed; open the store again to go on (what was committed before is intact)",
                self.path.display()
            )));
        }
        // Any writer may change the graph: the snapshot is stale from here on.
        self.writes
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Ok(self.gate.write().unwrap_or_else(|p| p.into_inner()))
    }

    /// True once a write failed in the storage engine: every later write is refused.
    pub(crate) fn is_poisoned(&self) -> bool {
        self.poisoned.load(std::sync::atomic::Ordering::SeqCst)
    }

    pub(crate) fn poison(&self) {
        self.poisoned
            .store(true, std::sync::atomic::Ordering::SeqCst);
    }

    /// The adjacency snapshot of the whole graph, built on first use and rebuilt after
    /// writes. Costs one scan of the `out` keys and of the entities.
    pub fn snapshot(&self) -> Result<std::sync::Arc<crate::query::Snapshot>> {
        let generation = self.writes.load(std::sync::atomic::Ordering::SeqCst);
        let mut slot = self.snapshot.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(s) = slot.as_ref() {
            if s.generation == generation {
                return Ok(s.clone());
            }
        }
        let built = std::sync::Arc::new(crate::query::Snapshot::build(self, generation)?);
        *slot = Some(built.clone());
        Ok(built)
    }

    pub(crate) fn sled_err(&self, e: sled::Error) -> Error {
        match e {
            sled::Error::Corruption { .. } => {
                self.corrupt("the storage engine found a damaged page in its files")
            }
            sled::Error::Io(io) => {
                // sled keeps a failed write in memory: nothing more goes through this handle.
                self.poison();
                Error::StoreIo {
                    path: self.path.clone(),
                    source: io,
                }
            }
            other => Error::Store(other.to_string()),
        }
    }

    /// A damaged record found in a store that opened: `check` can list the others.
    pub(crate) fn corrupt(&self, detail: &str) -> Error {
        Error::Corrupt {
            path: self.path.clone(),
            detail: format!(
                "{detail}; `relgraph --db {} check` lists every problem",
                self.path.display()
            ),
        }
    }

    /// Damage found while opening: `check` and `repair` open the store the same way and
    /// would fail the same way, so the advice is what works without opening it.
    pub(crate) fn unopenable(&self, detail: &str) -> Error {
        Error::Corrupt {
            path: self.path.clone(),
            detail: format!("{detail} (`check` and `repair` cannot open it either); restore a dump made earlier into a new store (`relgraph --db NEW restore DUMP`), or move this folder aside"),
        }
    }

    pub(crate) fn decode<T: serde::de::DeserializeOwned>(
        &self,
        what: &str,
        bytes: &[u8],
    ) -> Result<T> {
        codec::decode(bytes).map_err(|e| self.corrupt(&format!("{what}: {e}")))
    }

    pub(crate) fn tx_err(&self, e: TransactionError<Error>) -> Error {
        match e {
            TransactionError::Abort(e) => e,
            TransactionError::Storage(e) => {
                // A commit that failed half way may be half applied in sled's memory.
                self.poison();
                self.sled_err(e)
            }
        }
    }

    // ---- counters -------------------------------------------------------------------

    pub fn counts(&self) -> Result<Counts> {
        let _r = self.read_gate();
        self.counts_unlocked()
    }

    fn counts_unlocked(&self) -> Result<Counts> {
        Ok(Counts {
            entities: self.meta_u64(META_ENTITIES)?,
            edges: self.meta_u64(META_EDGES)?,
            documents: self.meta_u64(META_DOCS)?,
        })
    }

    fn meta_u64(&self, key: &[u8]) -> Result<u64> {
        Ok(self
            .meta
            .get(key)
            .map_err(|e| self.sled_err(e))?
            .and_then(|v| read_u64(&v))
            .unwrap_or(0))
    }

    // ---- point reads ----------------------------------------------------------------

    pub fn entity(&self, id: EntityId) -> Result<Option<Entity>> {
        match self
            .entities
            .get(id_key(id))
            .map_err(|e| self.sled_err(e))?
        {
            Some(v) => Ok(Some(self.decode("entity", &v)?)),
            None => Ok(None),
        }
    }

    /// Ids indexed under a name (any surface form), one read.
    pub fn ids_for_name(&self, name: &str) -> Result<Vec<EntityId>> {
        let key = name_key(name);
        if key.is_empty() {
            return Ok(Vec::new());
        }
        match self
            .names
            .get(key.as_bytes())
            .map_err(|e| self.sled_err(e))?
        {
            Some(v) => self.decode("name index entry", &v),
            None => Ok(Vec::new()),
        }
    }

    pub fn edge(&self, key: &EdgeKey) -> Result<Option<EdgeData>> {
        let key = EdgeKey::new(key.source, key.relation, key.target);
        if let Some(v) = self.out.get(out_key(&key)).map_err(|e| self.sled_err(e))? {
            return Ok(Some(self.decode("edge", &v)?));
        }
        let row = self.out_row(key.source)?;
        Ok(row_position(&row, key.relation, key.target)
            .ok()
            .map(|i| row[i].2.clone()))
    }

    pub(crate) fn out_row(&self, id: EntityId) -> Result<Vec<OutEntry>> {
        match self.out.get(id_key(id)).map_err(|e| self.sled_err(e))? {
            Some(v) => decode_out_row(&v).map_err(|e| self.corrupt(&format!("edges of {id}: {e}"))),
            None => Ok(Vec::new()),
        }
    }

    pub(crate) fn in_row(&self, id: EntityId) -> Result<Vec<InEntry>> {
        match self.inn.get(id_key(id)).map_err(|e| self.sled_err(e))? {
            Some(v) => {
                decode_in_row(&v).map_err(|e| self.corrupt(&format!("edges into {id}: {e}")))
            }
            None => Ok(Vec::new()),
        }
    }

    pub fn document(&self, id: DocId) -> Result<Option<Document>> {
        match self.docs.get(id_key(id)).map_err(|e| self.sled_err(e))? {
            Some(v) => Ok(Some(self.decode("document", &v)?)),
            None => Ok(None),
        }
    }

    // ---- adjacency --------------------------------------------------------------------

    /// Edges stored with `id` as source, with their figures, in key order (one prefix scan:
    /// the bulk-loaded row, then edges written one by one).
    pub fn out_edges(&self, id: EntityId) -> Result<Vec<(EdgeKey, EdgeData)>> {
        let mut edges = Vec::new();
        for item in self.out.scan_prefix(id_key(id)) {
            let (k, v) = item.map_err(|e| self.sled_err(e))?;
            self.push_out_entries(&k, &v, &mut edges)?;
        }
        edges.sort_unstable_by_key(|e| e.0);
        Ok(edges)
    }

    /// Decodes one `out` tree entry (a row or a single edge) into `edges`.
    fn push_out_entries(
        &self,
        key: &[u8],
        value: &[u8],
        edges: &mut Vec<(EdgeKey, EdgeData)>,
    ) -> Result<()> {
        match adjacency_key(key, false) {
            Some(AdjacencyKey::Row(source)) => {
                let row = decode_out_row(value)
                    .map_err(|e| self.corrupt(&format!("edges of {source}: {e}")))?;
                edges.extend(row.into_iter().map(|(relation, target, d)| {
                    (
                        EdgeKey {
                            source,
                            relation,
                            target,
                        },
                        d,
                    )
                }));
            }
            Some(AdjacencyKey::Single(k)) => edges.push((k, self.decode("edge", value)?)),
            None => return Err(self.corrupt("malformed key in the out tree")),
        }
        Ok(())
    }

    /// Keys of the edges stored with `id` as target (one prefix scan, no figures).
    pub fn in_edge_keys(&self, id: EntityId) -> Result<Vec<EdgeKey>> {
        let mut keys = Vec::new();
        self.for_each_in(id, |source, relation| {
            keys.push(EdgeKey {
                source,
                relation,
                target: id,
            })
        })?;
        keys.sort_unstable();
        Ok(keys)
    }

    fn for_each_in(&self, id: EntityId, mut f: impl FnMut(EntityId, RelationKind)) -> Result<()> {
        for item in self.inn.scan_prefix(id_key(id)) {
            let (k, v) = item.map_err(|e| self.sled_err(e))?;
            match adjacency_key(&k, true) {
                Some(AdjacencyKey::Row(_)) => for_each_row_edge(&v, false, |r, other| f(other, r))
                    .map_err(|e| self.corrupt(&format!("edges into {id}: {e}")))?,
                Some(AdjacencyKey::Single(k)) => f(k.source, k.relation),
                None => return Err(self.corrupt("malformed key in the in tree")),
            }
        }
        Ok(())
    }

    /// Neighbor ids of `id` in both directions: two prefix scans, no figures decoded.
    pub fn for_each_neighbor(
        &self,
        id: EntityId,
        mut f: impl FnMut(EntityId, RelationKind, bool),
    ) -> Result<()> {
        for item in self.out.scan_prefix(id_key(id)) {
            let (k, v) = item.map_err(|e| self.sled_err(e))?;
            match adjacency_key(&k, false) {
                Some(AdjacencyKey::Row(_)) => {
                    for_each_row_edge(&v, true, |r, other| f(other, r, true))
                        .map_err(|e| self.corrupt(&format!("edges of {id}: {e}")))?
                }
                Some(AdjacencyKey::Single(k)) => f(k.target, k.relation, true),
                None => return Err(self.corrupt("malformed key in the out tree")),
            }
        }
        self.for_each_in(id, |other, r| f(other, r, false))
    }

    /// The evidence sentences of one edge, in document order.
    pub fn evidence_of(&self, key: &EdgeKey) -> Result<Vec<Evidence>> {
        self.sentences_of(&self.evidence, key, "evidence")
    }

    /// The counter-evidence of one triple: the sentences that deny it, in document order.
    pub fn denials_of(&self, key: &EdgeKey) -> Result<Vec<Evidence>> {
        self.sentences_of(&self.denials, key, "denial")
    }

    /// The values of `tree` (evidence or denials: the same key layout) about one triple.
    fn sentences_of(&self, tree: &sled::Tree, key: &EdgeKey, what: &str) -> Result<Vec<Evidence>> {
        let key = EdgeKey::new(key.source, key.relation, key.target);
        let mut v = Vec::new();
        for item in tree.scan_prefix(out_key(&key)) {
            let (_, val) = item.map_err(|e| self.sled_err(e))?;
            v.push(self.decode(what, &val)?);
        }
        Ok(v)
    }

    /// The triples denied somewhere with `id` at one end (the denials tree is small: news
    /// denies far less than it states).
    pub fn denied_at(&self, id: EntityId) -> Result<Vec<EdgeKey>> {
        let mut keys = BTreeSet::new();
        for item in self.denials.iter().keys() {
            let k = item.map_err(|e| self.sled_err(e))?;
            let (key, _, _) =
                split_evidence_key(&k).ok_or_else(|| self.corrupt("malformed denial key"))?;
            if key.source == id || key.target == id {
                keys.insert(key);
            }
        }
        Ok(keys.into_iter().collect())
    }

    /// Adds the doubt of the edge's counter-evidence to its figures: `denials` (documents
    /// denying it) and a confidence lowered by them, `c · (1 − d / 2)` where `d` combines the
    /// denials as statements combine: a denial is a claim too, often by an interested
    /// party, so it halves at most what the statements make of the edge.
    /// Figures that already count their denials are left as they are.
    pub fn add_doubt(&self, key: &EdgeKey, data: &mut EdgeData) -> Result<()> {
        if self.denials.is_empty() || data.denials > 0 {
            return Ok(());
        }
        let denials = self.denials_of(key)?;
        let docs: BTreeSet<DocId> = denials.iter().map(|e| e.doc).collect();
        data.denials = docs.len() as u32;
        if !data.asserted {
            data.confidence *= 1.0 - crate::model::combined_confidence(&denials) / 2.0;
        }
        Ok(())
    }

    pub fn all_denials(&self) -> impl Iterator<Item = Result<(EdgeKey, Evidence)>> + '_ {
        self.denials.iter().map(move |item| {
            let (k, v) = item.map_err(|e| self.sled_err(e))?;
            let (edge, _, _) =
                split_evidence_key(&k).ok_or_else(|| self.corrupt("malformed denial key"))?;
            Ok((edge, self.decode("denial", &v)?))
        })
    }

    // ---- full scans -------------------------------------------------------------------

    pub fn all_entities(&self) -> impl Iterator<Item = Result<Entity>> + '_ {
        self.entities.iter().map(move |item| {
            let (_, v) = item.map_err(|e| self.sled_err(e))?;
            self.decode("entity", &v)
        })
    }

    /// Every edge in key order. One source's entries (its row and its single edges) are
    /// gathered and sorted before they are yielded, so memory stays at one entity's edges.
    pub fn all_edges(&self) -> impl Iterator<Item = Result<(EdgeKey, EdgeData)>> + '_ {
        let mut scan = self.out.iter().peekable();
        let mut pending: std::vec::IntoIter<(EdgeKey, EdgeData)> = Vec::new().into_iter();
        let mut failed = false;
        std::iter::from_fn(move || loop {
            if let Some(edge) = pending.next() {
                return Some(Ok(edge));
            }
            if failed {
                return None;
            }
            let mut group = Vec::new();
            let mut prefix: Option<[u8; 8]> = None;
            while let Some(Ok((k, _))) = scan.peek() {
                let this: Option<[u8; 8]> = k.get(..8).and_then(|p| p.try_into().ok());
                if prefix.is_some() && this != prefix {
                    break;
                }
                prefix = this;
                let Some(Ok((k, v))) = scan.next() else {
                    unreachable!("peeked an entry")
                };
                if let Err(e) = self.push_out_entries(&k, &v, &mut group) {
                    failed = true;
                    return Some(Err(e));
                }
            }
            if let Some(Err(_)) = scan.peek() {
                if group.is_empty() {
                    failed = true;
                    let Some(Err(e)) = scan.next() else {
                        unreachable!("peeked an error")
                    };
                    return Some(Err(self.sled_err(e)));
                }
            }
            if group.is_empty() {
                return None;
            }
            group.sort_unstable_by_key(|e| e.0);
            pending = group.into_iter();
        })
    }

    pub fn all_documents(&self) -> impl Iterator<Item = Result<Document>> + '_ {
        self.docs.iter().map(move |item| {
            let (_, v) = item.map_err(|e| self.sled_err(e))?;
            self.decode("document", &v)
        })
    }

    pub fn all_evidence(&self) -> impl Iterator<Item = Result<(EdgeKey, Evidence)>> + '_ {
        self.evidence.iter().map(move |item| {
            let (k, v) = item.map_err(|e| self.sled_err(e))?;
            let (edge, _, _) =
                split_evidence_key(&k).ok_or_else(|| self.corrupt("malformed evidence key"))?;
            Ok((edge, self.decode("evidence", &v)?))
        })
    }

    /// Distinct name keys, for fuzzy matching.
    pub fn name_keys(&self) -> impl Iterator<Item = Result<(String, Vec<EntityId>)>> + '_ {
        self.names.iter().map(move |item| {
            let (k, v) = item.map_err(|e| self.sled_err(e))?;
            Ok((
                String::from_utf8_lossy(&k).into_owned(),
                self.decode("name index entry", &v)?,
            ))
        })
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty() && self.out.is_empty() && self.docs.is_empty()
    }
}

/// What a store whose files sled cannot parse needs: `check` and `repair` cannot open it
/// either, so the advice names only what works on it.
const UNREADABLE_FILES: &str = "its files are truncated or overwritten and cannot be read (`check` and `repair` cannot read them either); restore a dump made earlier into a new store (`relgraph --db NEW restore DUMP`), or move this folder aside";

fn open_error(path: &Path, e: sled::Error) -> Error {
    let text = e.to_string();
    if text.contains("could not acquire lock") || text.contains("WouldBlock") {
        return Error::StoreLocked {
            path: path.to_path_buf(),
        };
    }
    match e {
        // sled's own text ("Read corrupted data at file offset None backtrace ()") says
        // nothing a user can act on.
        sled::Error::Corruption { .. } => Error::Corrupt {
            path: path.to_path_buf(),
            detail: UNREADABLE_FILES.into(),
        },
        sled::Error::Io(io) => Error::StoreIo {
            path: path.to_path_buf(),
            source: io,
        },
        other => Error::Corrupt {
            path: path.to_path_buf(),
            detail: format!("{other}; {UNREADABLE_FILES}"),
        },
    }
}

/// Aggregates a list of evidence into the edge's figures.
pub(crate) fn summarize(evidence: &[Evidence], asserted: bool) -> EdgeData {
    let docs: BTreeSet<DocId> = evidence.iter().map(|e| e.doc).collect();
    let mut data = EdgeData {
        documents: docs.len() as u32,
        evidence: evidence.len() as u32,
        first_date: None,
        last_date: None,
        confidence: if asserted {
            1.0
        } else {
            crate::model::combined_confidence(evidence)
        },
        asserted,
        denials: 0,
    };
    for e in evidence {
        data.first_date = Date::earliest(data.first_date, e.date);
        data.last_date = Date::latest(data.last_date, e.date);
    }
    data
}

pub(crate) type TxResult<T> = std::result::Result<T, ConflictableTransactionError<Error>>;

impl Store {
    pub(crate) fn meta_get(&self, key: &[u8]) -> Result<Option<Vec<u8>>> {
        Ok(self
            .meta
            .get(key)
            .map_err(|e| self.sled_err(e))?
            .map(|v| v.to_vec()))
    }
}
