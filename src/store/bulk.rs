//! Bulk loads and their inverse: `import` (triples), `dump` and `restore` (every record).
//!
//! An import is atomic as a whole, and fast: it writes straight into the trees on two
//! threads (a transaction of a million edges took 3× the time and 2 GB). Before the first
//! write it makes durable a `loading` mark holding the next entity id, and the old value of
//! every stored key it will change (rows of stored entities, edges marked imported). sled
//! recovers a prefix of its log, so a store that opens with the mark set holds a load cut
//! short: entities from the marked id on, their rows and names go, the old values come
//! back, and the store is as it was before the load.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};

use sled::transaction::TransactionError;
use sled::{Batch, Transactional, Tree};

use super::codec::*;
use super::identity::votes_key;
use super::merge_log::merge_key;
use super::ops::{now_secs, tx_add};
use super::*;

/// Prefix of the meta keys that hold the old values an interrupted load restores: then a
/// tree tag (`o` out, `i` in, `n` names) and the key.
const UNDO_PREFIX: &[u8] = b"undo:";

/// One triple of a bulk import.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportRow {
    pub source: String,
    pub relation: RelationKind,
    pub target: String,
    /// `None`: the entity already known by that name (any kind), else a new organization.
    /// A kind given picks the entity of that name and kind, so one name may stand for two.
    pub source_kind: Option<EntityKind>,
    pub target_kind: Option<EntityKind>,
}

/// What a bulk import added.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct ImportOutcomeCounts {
    pub entities_added: u64,
    pub edges_added: u64,
    /// Documents of extraction lines stored (a document already stored counts 0).
    pub documents_added: u64,
    pub evidence_added: u64,
    /// Input columns that were not read.
    pub ignored_columns: Vec<String>,
}

/// A dump read whole and checked (ids, ends, counts), not yet written anywhere: a caller
/// can refuse a bad dump before it opens, and so creates, a store.
#[derive(Debug)]
pub struct Dump {
    records: Vec<DumpRecord>,
    /// Its file's name, for the messages of the restore.
    source: String,
}

impl Dump {
    /// Reads a dump; a bad line is refused with its number.
    pub fn read(input: impl std::io::BufRead, source_name: &str) -> Result<Dump> {
        let mut records = Vec::new();
        for (i, line) in input.lines().enumerate() {
            let line = line.map_err(|e| Error::Io {
                path: source_name.into(),
                source: e,
            })?;
            if line.trim().is_empty() {
                continue;
            }
            let mut rec: DumpRecord = serde_json::from_str(&line).map_err(|e| Error::Parse {
                file: source_name.to_string(),
                line: i + 1,
                message: e.to_string(),
            })?;
            // A dump is input like any other: its names lose what ingest would have dropped.
            if let DumpRecord::Entity(e) = &mut rec {
                e.name = crate::model::clean_name(&e.name);
                for a in &mut e.aliases {
                    *a = crate::model::clean_name(a);
                }
            }
            records.push((i + 1, rec));
        }
        validate_dump(&records, source_name)?;
        Ok(Dump {
            records: records.into_iter().map(|(_, r)| r).collect(),
            source: source_name.to_string(),
        })
    }
}

/// One line of a dump.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum DumpRecord {
    Entity(Entity),
    Edge {
        key: EdgeKey,
        data: EdgeData,
    },
    Evidence {
        key: EdgeKey,
        evidence: Evidence,
    },
    Document(Document),
    /// A sentence that denies a triple (counter-evidence); older dumps have none.
    Denial {
        key: EdgeKey,
        evidence: Evidence,
    },
    /// Kind votes of an entity (`identity.rs`); older dumps have none.
    KindVotes {
        id: EntityId,
        votes: BTreeMap<EntityKind, u32>,
    },
    /// One undoable merge (`merge_log.rs`).
    Merge(Box<super::merge_log::MergeRecord>),
}

/// An import resolved against the store: what is new and which edges to write.
struct ImportPlan {
    new_entities: Vec<Entity>,
    /// Sorted and deduplicated: each source's edges are one run.
    edges: Vec<EdgeKey>,
    /// The same edges as (target, relation, source), sorted: each target's are one run.
    by_target: Vec<(EntityId, RelationKind, EntityId)>,
    next_id: EntityId,
}

impl Store {
    /// True when no tree holds data (the meta tree's schema and gazetteer aside).
    pub(crate) fn holds_nothing(&self) -> bool {
        self.entities.is_empty()
            && self.names.is_empty()
            && self.out.is_empty()
            && self.inn.is_empty()
            && self.evidence.is_empty()
            && self.docs.is_empty()
    }

    /// Bulk-loads triples as asserted edges, all or nothing. Rows are resolved by name
    /// (creating entities as needed); `progress(done, total)` is called as the load goes.
    pub fn import_rows(
        &self,
        rows: &[ImportRow],
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<ImportOutcomeCounts> {
        let _w = self.write_gate()?;
        let started = std::time::Instant::now();
        let fresh = self.holds_nothing();
        let first_new_id = self.meta_u64(META_NEXT_ID)?.max(1);
        let plan = self.plan_import(rows, fresh, first_new_id)?;
        let timing = std::env::var_os("RELGRAPH_TIMING").is_some();
        if timing {
            eprintln!(
                "timing: names resolved in {:.2} s",
                started.elapsed().as_secs_f64()
            );
        }
        let total = (plan.new_entities.len() + plan.edges.len()) as u64;
        progress(0, total);
        self.mark_loading(first_new_id, &plan, fresh)?;
        let added = AtomicU64::new(0);
        let written = self
            .write_import(&plan, fresh, &added, progress)
            .and_then(|_| {
                let counts = ImportOutcomeCounts {
                    entities_added: plan.new_entities.len() as u64,
                    edges_added: added.load(Ordering::Relaxed),
                    ..Default::default()
                };
                self.meta
                    .transaction(|tm| {
                        tm.insert(META_NEXT_ID, &plan.next_id.to_be_bytes())?;
                        tx_add(tm, META_ENTITIES, counts.entities_added as i64)?;
                        tx_add(tm, META_EDGES, counts.edges_added as i64)?;
                        tm.remove(META_LOADING)?;
                        Ok(())
                    })
                    .map_err(|e: TransactionError<Error>| self.tx_err(e))?;
                Ok(counts)
            });
        let counts = match written {
            Ok(counts) => counts,
            Err(e) => {
                // Take the load back out now if the engine still lets us; otherwise the
                // mark makes the next open do it.
                if self.undo_interrupted_load().is_err() {
                    self.poison();
                }
                return Err(e);
            }
        };
        if timing {
            eprintln!(
                "timing: rows written in {:.2} s",
                started.elapsed().as_secs_f64()
            );
        }
        progress(total, total);
        self.flush()?;
        self.clear_undo()?;
        Ok(counts)
    }

    /// Records, durably and before any other write of the load, what undoing it needs:
    /// the first id it gives and the old value of every stored key it will change.
    fn mark_loading(&self, first_new_id: EntityId, plan: &ImportPlan, fresh: bool) -> Result<()> {
        self.clear_undo()?;
        if !fresh {
            let mut undo = Batch::default();
            // The value is 1 and the old bytes, or 0 for a key the load creates.
            let mut keep = |tag: u8, key: &[u8], old: Option<sled::IVec>| {
                let mut k = UNDO_PREFIX.to_vec();
                k.push(tag);
                k.extend_from_slice(key);
                let v = match old {
                    Some(bytes) => [&[1u8][..], &bytes].concat(),
                    None => vec![0],
                };
                undo.insert(k, v);
            };
            let old = |tree: &Tree, key: &[u8]| tree.get(key).map_err(|e| self.sled_err(e));
            // Rows of entities the load creates go with the ids; stored ones are kept.
            for run in plan.edges.chunk_by(|a, b| a.source == b.source) {
                if run[0].source >= first_new_id {
                    continue;
                }
                let row_key = id_key(run[0].source);
                keep(b'o', &row_key, old(&self.out, &row_key)?);
                for k in run {
                    if let Some(v) = old(&self.out, &out_key(k))? {
                        keep(b'o', &out_key(k), Some(v));
                    }
                }
            }
            for (k, ids) in self.new_name_entries(plan, false)? {
                if ids.iter().any(|id| *id < first_new_id) {
                    keep(b'n', k.as_bytes(), old(&self.names, k.as_bytes())?);
                }
            }
            for run in plan.by_target.chunk_by(|a, b| a.0 == b.0) {
                if run[0].0 >= first_new_id {
                    continue;
                }
                let row_key = id_key(run[0].0);
                keep(b'i', &row_key, old(&self.inn, &row_key)?);
            }
            self.meta.apply_batch(undo).map_err(|e| self.sled_err(e))?;
        }
        self.meta
            .insert(META_LOADING, &first_new_id.to_be_bytes())
            .map_err(|e| self.sled_err(e))?;
        self.db.flush().map_err(|e| self.sled_err(e))?;
        Ok(())
    }

    /// Resolves every name (stored entities first, unless the store is empty) and lists the
    /// edges; nothing is written.
    fn plan_import<'r>(
        &self,
        rows: &'r [ImportRow],
        fresh: bool,
        first_new_id: EntityId,
    ) -> Result<ImportPlan> {
        let now = now_secs();
        let mut next_id = first_new_id;
        // name key → the entities of that name met so far (in the file or in the store),
        // with their kinds: a row's kind picks among them, a row without one takes the first.
        let mut known: HashMap<String, Vec<(EntityKind, EntityId)>> = HashMap::new();
        let mut new_entities: Vec<Entity> = Vec::new();
        let mut resolve = |name: &str, kind: Option<EntityKind>| -> Result<EntityId> {
            let key = name_key(name);
            if key.is_empty() {
                return Err(Error::Invalid(format!("empty entity name `{name}`")));
            }
            if !known.contains_key(&key) {
                let mut stored = Vec::new();
                if !fresh {
                    for id in self.ids_for_name(name)? {
                        if let Some(e) = self.entity(id)? {
                            stored.push((e.kind, id));
                        }
                    }
                }
                known.insert(key.clone(), stored);
            }
            let same = known.get_mut(&key).expect("inserted above");
            let hit = match kind {
                Some(k) => same.iter().find(|(sk, _)| *sk == k),
                None => same.first(),
            };
            if let Some((_, id)) = hit {
                return Ok(*id);
            }
            let id = next_id;
            next_id = next_id
                .checked_add(1)
                .ok_or_else(|| Error::Invalid("the store has used up its entity ids".into()))?;
            let kind = kind.unwrap_or(EntityKind::Organization);
            new_entities.push(Entity {
                id,
                name: name.trim().to_string(),
                kind,
                aliases: Vec::new(),
                first_seen: now,
                last_seen: now,
            });
            same.push((kind, id));
            Ok(id)
        };
        // The same spelling recurs on many rows: fold each spelling once.
        let mut by_spelling: rustc_hash::FxHashMap<(&'r str, Option<EntityKind>), EntityId> =
            Default::default();
        let mut edges: Vec<EdgeKey> = Vec::with_capacity(rows.len());
        for r in rows {
            let mut id_of = |name: &'r str, kind: Option<EntityKind>| -> Result<EntityId> {
                if let Some(id) = by_spelling.get(&(name, kind)) {
                    return Ok(*id);
                }
                let id = resolve(name, kind)?;
                by_spelling.insert((name, kind), id);
                Ok(id)
            };
            let s = id_of(&r.source, r.source_kind)?;
            let t = id_of(&r.target, r.target_kind)?;
            if s != t {
                edges.push(EdgeKey::new(s, r.relation, t));
            }
        }
        edges.sort_unstable();
        edges.dedup();
        let mut by_target: Vec<(EntityId, RelationKind, EntityId)> = edges
            .iter()
            .map(|k| (k.target, k.relation, k.source))
            .collect();
        by_target.sort_unstable();
        Ok(ImportPlan {
            new_entities,
            edges,
            by_target,
            next_id,
        })
    }

    /// Writes a plan: entities and out rows on this thread, names and in rows on another.
    /// Names go after their entities, so a name that survives a crash has its entity.
    fn write_import(
        &self,
        plan: &ImportPlan,
        fresh: bool,
        added: &AtomicU64,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<()> {
        let total = (plan.new_entities.len() + plan.edges.len()) as u64;
        let put = |tree: &Tree, key: &[u8], value: Vec<u8>| -> Result<()> {
            tree.insert(key, value).map_err(|e| self.sled_err(e))?;
            Ok(())
        };
        for e in &plan.new_entities {
            put(&self.entities, &id_key(e.id), encode(e))?;
        }
        progress(plan.new_entities.len() as u64, total);
        std::thread::scope(|scope| -> Result<()> {
            let other = scope.spawn(|| -> Result<()> {
                // Several new entities may share a name, and the store may hold it already.
                for (k, ids) in self.new_name_entries(plan, fresh)? {
                    put(&self.names, k.as_bytes(), encode(&ids))?;
                }
                self.put_in_rows(&plan.by_target, fresh)
            });
            let mine = self.put_out_rows(&plan.edges, fresh, added);
            let theirs = other
                .join()
                .unwrap_or_else(|_| Err(Error::Store("an import thread failed".into())));
            mine.and(theirs)
        })
    }

    /// The names index entries the new entities need: each key with every id it will hold.
    fn new_name_entries(
        &self,
        plan: &ImportPlan,
        fresh: bool,
    ) -> Result<BTreeMap<String, Vec<EntityId>>> {
        let mut keyed: BTreeMap<String, Vec<EntityId>> = BTreeMap::new();
        for e in &plan.new_entities {
            keyed.entry(name_key(&e.name)).or_default().push(e.id);
        }
        if !fresh {
            for (k, ids) in keyed.iter_mut() {
                let mut stored = self.ids_for_name(k)?;
                stored.append(ids);
                *ids = stored;
            }
        }
        Ok(keyed)
    }

    /// Each source's edges become its row; in a store with data, an edge already stored on
    /// its own keys is marked imported there instead, and a row grows from what it holds.
    fn put_out_rows(&self, edges: &[EdgeKey], fresh: bool, added: &AtomicU64) -> Result<()> {
        let put = |key: &[u8], value: Vec<u8>| -> Result<()> {
            self.out.insert(key, value).map_err(|e| self.sled_err(e))?;
            Ok(())
        };
        let imported = EdgeData {
            confidence: 1.0,
            asserted: true,
            denials: 0,
            ..Default::default()
        };
        for run in edges.chunk_by(|a, b| a.source == b.source) {
            let source = run[0].source;
            let mut row = if fresh {
                Vec::with_capacity(run.len())
            } else {
                self.out_row(source)?
            };
            let mut changed = false;
            for k in run {
                if !fresh {
                    if let Some(v) = self.out.get(out_key(k)).map_err(|e| self.sled_err(e))? {
                        let mut d: EdgeData = self.decode("edge", &v)?;
                        if !d.asserted {
                            d.asserted = true;
                            d.confidence = 1.0;
                            put(&out_key(k), encode(&d))?;
                        }
                        continue;
                    }
                }
                match row_position(&row, k.relation, k.target) {
                    Ok(i) => {
                        let d = &mut row[i].2;
                        if !d.asserted {
                            d.asserted = true;
                            d.confidence = 1.0;
                            changed = true;
                        }
                    }
                    Err(i) => {
                        row.insert(i, (k.relation, k.target, imported.clone()));
                        added.fetch_add(1, Ordering::Relaxed);
                        changed = true;
                    }
                }
            }
            if changed {
                put(&id_key(source), encode_out_row(&row))?;
            }
        }
        Ok(())
    }

    /// The `in` rows of the same edges, grouped by target.
    fn put_in_rows(
        &self,
        by_target: &[(EntityId, RelationKind, EntityId)],
        fresh: bool,
    ) -> Result<()> {
        for run in by_target.chunk_by(|a, b| a.0 == b.0) {
            let target = run[0].0;
            let mut row = if fresh {
                Vec::with_capacity(run.len())
            } else {
                self.in_row(target)?
            };
            let mut changed = false;
            for &(_, relation, source) in run {
                let single = EdgeKey {
                    source,
                    relation,
                    target,
                };
                if !fresh
                    && self
                        .inn
                        .contains_key(in_key(&single))
                        .map_err(|e| self.sled_err(e))?
                {
                    continue;
                }
                if let Err(i) = in_row_position(&row, relation, source) {
                    row.insert(i, (relation, source));
                    changed = true;
                }
            }
            if changed {
                self.inn
                    .insert(id_key(target), encode_in_row(&row))
                    .map_err(|e| self.sled_err(e))?;
            }
        }
        Ok(())
    }

    /// At open: a load that did not finish is taken back out.
    pub(crate) fn finish_interrupted_load(&self) -> Result<()> {
        if self
            .meta
            .get(META_LOADING)
            .map_err(|e| self.sled_err(e))?
            .is_none()
        {
            return Ok(());
        }
        self.undo_interrupted_load()
    }

    /// Removes what the marked load wrote and restores the old values it kept. Every step
    /// can run again, so a crash during the undo is undone by the next open.
    fn undo_interrupted_load(&self) -> Result<()> {
        let Some(mark) = self.meta.get(META_LOADING).map_err(|e| self.sled_err(e))? else {
            return Ok(());
        };
        let first_new =
            read_u64(&mark).ok_or_else(|| self.unopenable("the loading mark is unreadable"))?;
        let from = id_key(first_new);
        for tree in [&self.entities, &self.out, &self.inn] {
            for item in tree.range(from..) {
                let (k, _) = item.map_err(|e| self.sled_err(e))?;
                tree.remove(k).map_err(|e| self.sled_err(e))?;
            }
        }
        for item in self.names.iter() {
            let (k, v) = item.map_err(|e| self.sled_err(e))?;
            let ids: Vec<EntityId> = self.decode("name index entry", &v)?;
            if ids.iter().any(|id| *id >= first_new) {
                let kept: Vec<EntityId> = ids.into_iter().filter(|id| *id < first_new).collect();
                if kept.is_empty() {
                    self.names.remove(k).map_err(|e| self.sled_err(e))?;
                } else {
                    self.names
                        .insert(k, encode(&kept))
                        .map_err(|e| self.sled_err(e))?;
                }
            }
        }
        for item in self.meta.scan_prefix(UNDO_PREFIX) {
            let (k, old) = item.map_err(|e| self.sled_err(e))?;
            let tree = match k.get(UNDO_PREFIX.len()) {
                Some(b'o') => &self.out,
                Some(b'i') => &self.inn,
                Some(b'n') => &self.names,
                _ => return Err(self.unopenable("an undo record names no tree")),
            };
            let key = &k[UNDO_PREFIX.len() + 1..];
            match old.split_first() {
                Some((1, bytes)) => tree.insert(key, bytes).map(|_| ()),
                Some((0, _)) => tree.remove(key).map(|_| ()),
                _ => return Err(self.unopenable("an undo record is unreadable")),
            }
            .map_err(|e| self.sled_err(e))?;
        }
        self.db.flush().map_err(|e| self.sled_err(e))?;
        self.clear_undo()?;
        self.meta
            .remove(META_LOADING)
            .map_err(|e| self.sled_err(e))?;
        self.db.flush().map_err(|e| self.sled_err(e))?;
        Ok(())
    }

    /// Old values kept by a load that finished (or by one whose mark never became durable).
    fn clear_undo(&self) -> Result<()> {
        for item in self.meta.scan_prefix(UNDO_PREFIX) {
            let (k, _) = item.map_err(|e| self.sled_err(e))?;
            self.meta.remove(k).map_err(|e| self.sled_err(e))?;
        }
        Ok(())
    }

    /// Writes every record as JSON lines, in key order: entities, edges, evidence, documents.
    pub fn dump(&self, out: &mut dyn std::io::Write) -> Result<()> {
        let _r = self.read_gate();
        let io = |e: std::io::Error| Error::Write {
            path: "the dump output".into(),
            source: e,
        };
        let mut line = |rec: &DumpRecord| -> Result<()> {
            serde_json::to_writer(&mut *out, rec).map_err(|e| match e.io_error_kind() {
                Some(kind) => io(std::io::Error::new(kind, e)),
                None => Error::Invalid(e.to_string()),
            })?;
            out.write_all(b"\n").map_err(io)
        };
        for e in self.all_entities() {
            line(&DumpRecord::Entity(e?))?;
        }
        for item in self.all_edges() {
            let (key, data) = item?;
            line(&DumpRecord::Edge { key, data })?;
        }
        for item in self.all_evidence() {
            let (key, evidence) = item?;
            line(&DumpRecord::Evidence { key, evidence })?;
        }
        for d in self.all_documents() {
            line(&DumpRecord::Document(d?))?;
        }
        for item in self.all_denials() {
            let (key, evidence) = item?;
            line(&DumpRecord::Denial { key, evidence })?;
        }
        for item in self.all_kind_votes() {
            let (id, votes) = item?;
            line(&DumpRecord::KindVotes {
                id,
                votes: votes.to_map(),
            })?;
        }
        for item in self.identity.scan_prefix([super::identity::PREFIX_MERGES]) {
            let (_, v) = item.map_err(|e| self.sled_err(e))?;
            line(&DumpRecord::Merge(Box::new(
                self.decode("merge record", &v)?,
            )))?;
        }
        Ok(())
    }

    /// Loads a dump into an empty store, keeping every id, in one transaction.
    pub fn restore(&self, input: impl std::io::BufRead, source_name: &str) -> Result<u64> {
        self.refuse_unless_empty()?;
        self.restore_dump(Dump::read(input, source_name)?)
    }

    fn refuse_unless_empty(&self) -> Result<()> {
        if self.holds_nothing() {
            return Ok(());
        }
        Err(Error::Invalid(format!(
            "restore needs an empty store; {} has data",
            self.path.display()
        )))
    }

    /// Loads a dump read and checked by [`Dump::read`] into an empty store.
    pub fn restore_dump(&self, dump: Dump) -> Result<u64> {
        self.refuse_unless_empty()?;
        let (records, source_name) = (dump.records, dump.source);
        let _w = self.write_gate()?;
        let mut max_id = 0;
        let (mut ne, mut nd, mut nx) = (0i64, 0i64, 0i64);
        let mut evidence_seq: HashMap<(EdgeKey, DocId), u32> = HashMap::new();
        let mut batches: [Batch; 6] = Default::default();
        let mut identity = Batch::default();
        let mut denials = Batch::default();
        let mut denial_seq: HashMap<(EdgeKey, DocId), u32> = HashMap::new();
        let mut out_rows: BTreeMap<EntityId, Vec<OutEntry>> = BTreeMap::new();
        let mut in_rows: BTreeMap<EntityId, Vec<InEntry>> = BTreeMap::new();
        for rec in &records {
            match rec {
                DumpRecord::Entity(e) => {
                    max_id = max_id.max(e.id);
                    ne += 1;
                    batches[0].insert(&id_key(e.id), encode(e));
                }
                DumpRecord::Edge { key, data } => {
                    nx += 1;
                    out_rows.entry(key.source).or_default().push((
                        key.relation,
                        key.target,
                        data.clone(),
                    ));
                    in_rows
                        .entry(key.target)
                        .or_default()
                        .push((key.relation, key.source));
                }
                DumpRecord::Evidence { key, evidence } => {
                    let n = evidence_seq.entry((*key, evidence.doc)).or_insert(0);
                    batches[4].insert(&evidence_key(key, evidence.doc, *n), encode(evidence));
                    *n += 1;
                }
                DumpRecord::Denial { key, evidence } => {
                    let n = denial_seq.entry((*key, evidence.doc)).or_insert(0);
                    denials.insert(&evidence_key(key, evidence.doc, *n), encode(evidence));
                    *n += 1;
                }
                DumpRecord::Document(d) => {
                    nd += 1;
                    // The ids it lists stay its own: none is given to a new entity.
                    max_id = max_id.max(d.edgeless.iter().flatten().copied().max().unwrap_or(0));
                    batches[5].insert(&id_key(d.id), encode(d));
                }
                DumpRecord::KindVotes { id, votes } => {
                    identity.insert(&votes_key(*id), encode(&KindVotes::from_map(votes)));
                }
                DumpRecord::Merge(m) => {
                    // Undoing it brings its entity back under its own id: never reuse it.
                    max_id = max_id.max(m.from.id);
                    identity.insert(&merge_key(m.seq), encode(m.as_ref()));
                }
            }
        }
        for (source, mut row) in out_rows {
            row.sort_by_key(|e| (e.0, e.1));
            if row.windows(2).any(|w| (w[0].0, w[0].1) == (w[1].0, w[1].1)) {
                return Err(Error::Invalid(format!(
                    "{source_name}: an edge of entity {source} appears twice"
                )));
            }
            batches[2].insert(&id_key(source), encode_out_row(&row));
        }
        for (target, mut row) in in_rows {
            row.sort_unstable();
            batches[3].insert(&id_key(target), encode_in_row(&row));
        }
        // Names are rebuilt from the entities, in id order, as ingest would have built them.
        let mut names: BTreeMap<String, Vec<EntityId>> = BTreeMap::new();
        for rec in &records {
            if let DumpRecord::Entity(e) = rec {
                for n in std::iter::once(&e.name).chain(e.aliases.iter()) {
                    let k = name_key(n);
                    if !k.is_empty() {
                        let ids = names.entry(k).or_default();
                        if !ids.contains(&e.id) {
                            ids.push(e.id);
                        }
                    }
                }
            }
        }
        for (k, ids) in &names {
            batches[1].insert(k.as_bytes(), encode(ids));
        }
        let trees = self.all_trees();
        trees
            .transaction(|(te, tn, to, ti, tv, td, tm, tid, tdn)| {
                for (t, b) in [te, tn, to, ti, tv, td].into_iter().zip(batches.iter()) {
                    t.apply_batch(b)?;
                }
                tid.apply_batch(&identity)?;
                tdn.apply_batch(&denials)?;
                tm.insert(META_NEXT_ID, &(max_id + 1).to_be_bytes())?;
                tx_add(tm, META_ENTITIES, ne)?;
                tx_add(tm, META_EDGES, nx)?;
                tx_add(tm, META_DOCS, nd)?;
                Ok(())
            })
            .map_err(|e| self.tx_err(e))?;
        self.flush()?;
        Ok(records.len() as u64)
    }
}

/// Refuses a dump that would restore into a store failing `check`, naming the line: ids
/// must be unique and leave room for the next one, edges must join two distinct dumped
/// entities (symmetric ones in canonical order) and count their evidence, evidence must
/// come from a dumped document that lists its edge.
fn validate_dump(records: &[(usize, DumpRecord)], source: &str) -> Result<()> {
    let err = |line: usize, message: String| Error::Parse {
        file: source.to_string(),
        line,
        message,
    };
    let mut entities: HashMap<EntityId, usize> = HashMap::new();
    let mut edges: HashMap<EdgeKey, (usize, &EdgeData)> = HashMap::new();
    let mut docs: HashMap<DocId, (usize, BTreeSet<EdgeKey>)> = HashMap::new();
    for (line, rec) in records {
        match rec {
            DumpRecord::Entity(e) => {
                if e.id == 0 || e.id == u64::MAX {
                    return Err(err(*line, format!("entity id {} is reserved", e.id)));
                }
                if name_key(&e.name).is_empty() {
                    return Err(err(*line, format!("entity {} has an empty name", e.id)));
                }
                if let Some(first) = entities.insert(e.id, *line) {
                    return Err(err(
                        *line,
                        format!("entity id {} already on line {first}", e.id),
                    ));
                }
            }
            DumpRecord::Document(d) => {
                if let Some(&id) = d
                    .edgeless
                    .iter()
                    .flatten()
                    .find(|&&id| id == 0 || id == u64::MAX)
                {
                    return Err(err(
                        *line,
                        format!(
                            "document {:016x} lists entity id {id}, which is reserved",
                            d.id
                        ),
                    ));
                }
                if let Some((first, _)) =
                    docs.insert(d.id, (*line, d.edges.iter().copied().collect()))
                {
                    return Err(err(
                        *line,
                        format!("document {:016x} already on line {first}", d.id),
                    ));
                }
            }
            _ => {}
        }
    }
    for (line, rec) in records {
        if let DumpRecord::Edge { key, data } = rec {
            for end in [key.source, key.target] {
                if !entities.contains_key(&end) {
                    return Err(err(
                        *line,
                        format!("edge to entity {end}, which the dump does not hold"),
                    ));
                }
            }
            if key.source == key.target {
                return Err(err(
                    *line,
                    format!("edge joins entity {} to itself", key.source),
                ));
            }
            if key.relation.is_symmetric() && key.source > key.target {
                return Err(err(
                    *line,
                    format!(
                        "symmetric edge {} {} {} is not in canonical order (lower id first)",
                        key.source, key.relation, key.target
                    ),
                ));
            }
            if let Some((first, _)) = edges.insert(*key, (*line, data)) {
                return Err(err(
                    *line,
                    format!(
                        "edge {} {} {} already on line {first}",
                        key.source, key.relation, key.target
                    ),
                ));
            }
        }
    }
    let mut evidence: HashMap<EdgeKey, u64> = HashMap::new();
    for (line, rec) in records {
        if let DumpRecord::Evidence { key, evidence: ev } = rec {
            if !edges.contains_key(key) {
                return Err(err(
                    *line,
                    format!(
                        "evidence for edge {} {} {}, which the dump does not hold",
                        key.source, key.relation, key.target
                    ),
                ));
            }
            match docs.get(&ev.doc) {
                None => {
                    return Err(err(
                        *line,
                        format!(
                            "evidence from document {:016x}, which the dump does not hold",
                            ev.doc
                        ),
                    ))
                }
                Some((_, listed)) if !listed.contains(key) => {
                    return Err(err(
                        *line,
                        format!(
                            "evidence from document {:016x}, which does not list its edge",
                            ev.doc
                        ),
                    ))
                }
                Some(_) => {}
            }
            *evidence.entry(*key).or_default() += 1;
        }
    }
    for (key, (line, data)) in &edges {
        let found = evidence.get(key).copied().unwrap_or(0);
        if u64::from(data.evidence) != found {
            return Err(err(
                *line,
                format!(
                    "edge counts {} evidence, the dump holds {found}",
                    data.evidence
                ),
            ));
        }
        if found == 0 && !data.asserted {
            return Err(err(
                *line,
                "edge has no evidence and was not imported".into(),
            ));
        }
    }
    for (id, (line, listed)) in &docs {
        if let Some(key) = listed.iter().find(|k| !edges.contains_key(k)) {
            return Err(err(
                *line,
                format!(
                    "document {id:016x} lists edge {} {} {}, which the dump does not hold",
                    key.source, key.relation, key.target
                ),
            ));
        }
    }
    Ok(())
}
