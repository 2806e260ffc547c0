//! Writes (ingest, import, remove, merge, alias, restore) and the invariant check.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::{SystemTime, UNIX_EPOCH};

use sled::transaction::{abort, TransactionalTree};
use sled::{Batch, Transactional};

use super::codec::*;
use super::identity::{
    mention_weight, tx_index_forms, tx_votes, votes_key, KindVotes, Match, Resolver,
};
use super::merge_log::merge_key;
use super::*;

/// An entity as the extractor or an importer sees it, before it has an id.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEntity {
    pub name: String,
    pub kind: EntityKind,
    /// Proper-name surface forms worth indexing across documents (surnames, short names).
    pub aliases: Vec<String>,
    /// How often the document mentions it: the weight of its vote for `kind`.
    pub mentions: u32,
}

/// An edge between two entities of the same input, by index.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEdge {
    pub source: usize,
    pub relation: RelationKind,
    pub target: usize,
    pub evidence: Evidence,
}

/// One document, resolved inside itself, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentInput {
    pub id: DocId,
    pub title: String,
    pub source: String,
    pub lang: String,
    pub entities: Vec<NewEntity>,
    pub edges: Vec<NewEdge>,
}

/// What one ingest did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct IngestOutcome {
    pub doc: DocId,
    /// False when the same text was already stored (nothing was written).
    pub new: bool,
    pub entities_added: u64,
    /// Entities found in the store by a surname, an acronym or a core name.
    pub entities_joined: u64,
    pub edges_added: u64,
    pub evidence_added: u64,
}

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

/// The result of `check`: empty `problems` means every invariant holds.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct CheckReport {
    pub entities: u64,
    pub edges: u64,
    pub evidence: u64,
    pub documents: u64,
    pub names: u64,
    pub problems: Vec<String>,
}

pub(crate) fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn tx_u64(t: &TransactionalTree, key: &[u8]) -> TxResult<u64> {
    Ok(t.get(key)?.and_then(|v| read_u64(&v)).unwrap_or(0))
}

pub(crate) fn tx_add(t: &TransactionalTree, key: &[u8], delta: i64) -> TxResult<()> {
    let v = tx_u64(t, key)? as i64 + delta;
    t.insert(key, &(v.max(0) as u64).to_be_bytes())?;
    Ok(())
}

pub(crate) fn tx_decode<T: serde::de::DeserializeOwned>(what: &str, bytes: &[u8]) -> TxResult<T> {
    decode(bytes)
        .map_err(|e| ConflictableTransactionError::Abort(Error::Store(format!("{what}: {e}"))))
}

fn tx_out_row(to: &TransactionalTree, id: EntityId) -> TxResult<Vec<OutEntry>> {
    match to.get(id_key(id))? {
        Some(v) => decode_out_row(&v).map_err(|e| tx_abort(format!("edges of {id}: {e}"))),
        None => Ok(Vec::new()),
    }
}

fn tx_in_row(ti: &TransactionalTree, id: EntityId) -> TxResult<Vec<InEntry>> {
    match ti.get(id_key(id))? {
        Some(v) => decode_in_row(&v).map_err(|e| tx_abort(format!("edges into {id}: {e}"))),
        None => Ok(Vec::new()),
    }
}

pub(crate) fn tx_abort(e: String) -> ConflictableTransactionError<Error> {
    ConflictableTransactionError::Abort(Error::Store(e))
}

/// An edge's figures, from its own key or else from its source's row.
fn tx_edge(to: &TransactionalTree, key: &EdgeKey) -> TxResult<Option<EdgeData>> {
    if let Some(v) = to.get(out_key(key))? {
        return decode(&v).map(Some).map_err(tx_abort);
    }
    let row = tx_out_row(to, key.source)?;
    Ok(row_position(&row, key.relation, key.target)
        .ok()
        .map(|i| row[i].2.clone()))
}

/// Takes an edge out of its ends' rows, if it is there; true when it was.
fn tx_take_from_rows(
    to: &TransactionalTree,
    ti: &TransactionalTree,
    key: &EdgeKey,
) -> TxResult<bool> {
    if to.get(id_key(key.source))?.is_none() {
        return Ok(false);
    }
    let mut row = tx_out_row(to, key.source)?;
    let Ok(i) = row_position(&row, key.relation, key.target) else {
        return Ok(false);
    };
    row.remove(i);
    if row.is_empty() {
        to.remove(&id_key(key.source))?;
    } else {
        to.insert(&id_key(key.source), encode_out_row(&row))?;
    }
    let mut back = tx_in_row(ti, key.target)?;
    if let Ok(j) = in_row_position(&back, key.relation, key.source) {
        back.remove(j);
        if back.is_empty() {
            ti.remove(&id_key(key.target))?;
        } else {
            ti.insert(&id_key(key.target), encode_in_row(&back))?;
        }
    }
    Ok(true)
}

/// Writes an edge under its own keys (moving it out of the rows if a bulk load put it
/// there, so later updates stay cheap); true when the edge is new.
pub(crate) fn tx_put_edge(
    to: &TransactionalTree,
    ti: &TransactionalTree,
    key: &EdgeKey,
    data: EdgeData,
) -> TxResult<bool> {
    let existed = to.insert(&out_key(key), encode(&data))?.is_some();
    if existed {
        return Ok(false);
    }
    ti.insert(&in_key(key), &[])?;
    Ok(!tx_take_from_rows(to, ti, key)?)
}

/// Removes an edge wherever it is stored; true when it was there.
pub(crate) fn tx_remove_edge(
    to: &TransactionalTree,
    ti: &TransactionalTree,
    key: &EdgeKey,
) -> TxResult<bool> {
    if to.remove(&out_key(key))?.is_some() {
        ti.remove(&in_key(key))?;
        return Ok(true);
    }
    tx_take_from_rows(to, ti, key)
}

/// Adds `id` under every form of `names` in the names index, inside a transaction.
pub(crate) fn tx_index_names<'a>(
    t: &TransactionalTree,
    id: EntityId,
    names: impl IntoIterator<Item = &'a String>,
) -> TxResult<()> {
    for n in names {
        let key = name_key(n);
        if key.is_empty() {
            continue;
        }
        let mut ids: Vec<EntityId> = match t.get(key.as_bytes())? {
            Some(v) => tx_decode("name index entry", &v)?,
            None => Vec::new(),
        };
        if !ids.contains(&id) {
            ids.push(id);
            t.insert(key.as_bytes(), encode(&ids))?;
        }
    }
    Ok(())
}

/// True when the stored entity is known only by one word of a person's name and the
/// document names that person in full.
fn adopts_full_name(stored: &Entity, ne: &NewEntity) -> bool {
    stored.kind == EntityKind::Person
        && crate::names::surnames(&stored.name).is_empty()
        && !crate::names::surnames(&ne.name).is_empty()
        && matches!(
            crate::names::likeness(&stored.name, &ne.name, EntityKind::Person),
            Some(crate::names::Likeness::Surname | crate::names::Likeness::GivenName)
        )
}

fn add_alias(entity: &mut Entity, alias: &str) -> bool {
    let alias = alias.trim();
    if alias.is_empty()
        || name_key(alias) == name_key(&entity.name)
        || entity.aliases.iter().any(|a| a == alias)
    {
        return false;
    }
    entity.aliases.push(alias.to_string());
    true
}

/// Counts writes and aborts after a set number, to prove a failed ingest leaves no trace.
pub(crate) struct FaultPlan {
    pub fail_after_writes: usize,
}

struct WriteCounter<'a> {
    plan: Option<&'a FaultPlan>,
    writes: std::cell::Cell<usize>,
}

impl WriteCounter<'_> {
    fn tick(&self) -> TxResult<()> {
        let n = self.writes.get() + 1;
        self.writes.set(n);
        match self.plan {
            Some(p) if n > p.fail_after_writes => abort(Error::Store(format!(
                "injected failure after {} writes",
                p.fail_after_writes
            ))),
            _ => Ok(()),
        }
    }
}

impl Store {
    /// Stores one document and its edges in a single transaction; the same text twice is a
    /// no-op. Entities are matched to stored ones through the names index.
    pub fn ingest(&self, input: &DocumentInput) -> Result<IngestOutcome> {
        self.ingest_with(input, None)
    }

    /// Test hook: an ingest that aborts after `writes` writes, as a crash or an I/O error
    /// in the middle of a document would.
    #[doc(hidden)]
    pub fn ingest_failing_after(
        &self,
        input: &DocumentInput,
        writes: usize,
    ) -> Result<IngestOutcome> {
        self.ingest_with(
            input,
            Some(&FaultPlan {
                fail_after_writes: writes,
            }),
        )
    }

    pub(crate) fn ingest_with(
        &self,
        input: &DocumentInput,
        fault: Option<&FaultPlan>,
    ) -> Result<IngestOutcome> {
        for e in &input.edges {
            if e.source >= input.entities.len() || e.target >= input.entities.len() {
                return Err(Error::Invalid(
                    "edge refers to an entity outside the document".into(),
                ));
            }
        }
        let now = now_secs();
        let _w = self.write_gate();
        self.ensure_forms()?;
        let trees = self.all_trees();
        let outcome = trees
            .transaction(|(te, tn, to, ti, tv, td, tm, tid)| {
                let counter = WriteCounter {
                    plan: fault,
                    writes: std::cell::Cell::new(0),
                };
                let mut outcome = IngestOutcome {
                    doc: input.id,
                    ..Default::default()
                };
                if td.get(id_key(input.id))?.is_some() {
                    return Ok(outcome);
                }
                outcome.new = true;
                // Resolve each entity to the stored one it names, else a new one
                // (`identity.rs`); its kind follows the votes of every document.
                let mut resolver = Resolver {
                    te,
                    tn,
                    tid,
                    claimed: Vec::with_capacity(input.entities.len()),
                };
                let mut ids = Vec::with_capacity(input.entities.len());
                for ne in &input.entities {
                    let (mut ent, mut votes) = match resolver.resolve(ne)? {
                        Some((e, how)) => {
                            let votes =
                                tx_votes(tid, e.id)?.unwrap_or_else(|| KindVotes::implicit(e.kind));
                            if how != Match::Named {
                                outcome.entities_joined += 1;
                            }
                            (e, votes)
                        }
                        None => {
                            let id = tx_u64(tm, META_NEXT_ID)?.max(1);
                            tm.insert(META_NEXT_ID, &(id + 1).to_be_bytes())?;
                            tx_add(tm, META_ENTITIES, 1)?;
                            outcome.entities_added += 1;
                            let e = Entity {
                                id,
                                name: ne.name.clone(),
                                kind: ne.kind,
                                aliases: Vec::new(),
                                first_seen: now,
                                last_seen: now,
                            };
                            tx_index_forms(tid, id, &e.name, true)?;
                            (e, KindVotes::default())
                        }
                    };
                    // A surname or given name alone gives way to the full name.
                    if adopts_full_name(&ent, ne) {
                        tx_index_forms(tid, ent.id, &ent.name, false)?;
                        let short = std::mem::replace(&mut ent.name, ne.name.clone());
                        ent.aliases.retain(|a| name_key(a) != name_key(&ent.name));
                        add_alias(&mut ent, &short);
                        tx_index_forms(tid, ent.id, &ent.name, true)?;
                    }
                    add_alias(&mut ent, &ne.name);
                    for a in &ne.aliases {
                        add_alias(&mut ent, a);
                    }
                    votes.add(ne.kind, mention_weight(ne.mentions));
                    ent.kind = votes.winner(ent.kind);
                    ent.last_seen = now;
                    counter.tick()?;
                    te.insert(&id_key(ent.id), encode(&ent))?;
                    tid.insert(&votes_key(ent.id), encode(&votes))?;
                    tx_index_names(
                        tn,
                        ent.id,
                        std::iter::once(&ent.name).chain(ent.aliases.iter()),
                    )?;
                    resolver.claimed.push(ent.id);
                    ids.push(ent.id);
                }
                tm.insert(
                    super::identity::META_FORMS_UPTO,
                    &tx_u64(tm, META_NEXT_ID)?.to_be_bytes(),
                )?;
                // Group evidence by edge so that each edge is updated once.
                let mut by_edge: BTreeMap<EdgeKey, Vec<&Evidence>> = BTreeMap::new();
                for e in &input.edges {
                    let (s, t) = (ids[e.source], ids[e.target]);
                    if s == t {
                        continue;
                    }
                    by_edge
                        .entry(EdgeKey::new(s, e.relation, t))
                        .or_default()
                        .push(&e.evidence);
                }
                for (key, evs) in &by_edge {
                    let mut data = tx_edge(to, key)?.unwrap_or_default();
                    let mut all: Vec<Evidence> = Vec::with_capacity(evs.len());
                    for (n, ev) in evs.iter().enumerate() {
                        let mut ev = (*ev).clone();
                        ev.doc = input.id;
                        counter.tick()?;
                        tv.insert(&evidence_key(key, input.id, n as u32), encode(&ev))?;
                        all.push(ev);
                    }
                    outcome.evidence_added += all.len() as u64;
                    let fresh = summarize(&all, false);
                    data.documents += 1;
                    data.evidence += fresh.evidence;
                    data.confidence = data.confidence.max(fresh.confidence);
                    data.first_date = min_date(data.first_date.take(), fresh.first_date);
                    data.last_date = max_date(data.last_date.take(), fresh.last_date);
                    counter.tick()?;
                    if tx_put_edge(to, ti, key, data)? {
                        tx_add(tm, META_EDGES, 1)?;
                        outcome.edges_added += 1;
                    }
                }
                let doc = Document {
                    id: input.id,
                    title: input.title.clone(),
                    source: input.source.clone(),
                    lang: input.lang.clone(),
                    ingested_at: now,
                    edges: by_edge.keys().copied().collect(),
                };
                counter.tick()?;
                td.insert(&id_key(input.id), encode(&doc))?;
                tx_add(tm, META_DOCS, 1)?;
                Ok(outcome)
            })
            .map_err(|e| self.tx_err(e))?;
        Ok(outcome)
    }

    /// Removes a document: its evidence goes, and so does every edge left with none (edges
    /// loaded by import stay). Returns false when no such document is stored.
    pub fn remove_document(&self, id: DocId) -> Result<bool> {
        let _w = self.write_gate();
        let Some(doc) = self.document(id)? else {
            return Ok(false);
        };
        // Plan outside the transaction (sled transactions cannot scan); the write gate keeps
        // the plan valid until it is applied.
        let mut drop_evidence = Vec::new();
        let mut updates: Vec<(EdgeKey, Option<EdgeData>)> = Vec::new();
        for key in &doc.edges {
            let mut keep = Vec::new();
            for item in self.evidence.scan_prefix(out_key(key)) {
                let (k, v) = item.map_err(|e| self.sled_err(e))?;
                let (_, d, _) =
                    split_evidence_key(&k).ok_or_else(|| self.corrupt("malformed evidence key"))?;
                if d == id {
                    drop_evidence.push(k);
                } else {
                    keep.push(self.decode::<Evidence>("evidence", &v)?);
                }
            }
            let asserted = self.edge(key)?.map(|d| d.asserted).unwrap_or(false);
            let data = (!keep.is_empty() || asserted).then(|| summarize(&keep, asserted));
            updates.push((*key, data));
        }
        let trees = (&self.out, &self.inn, &self.evidence, &self.docs, &self.meta);
        trees
            .transaction(|(to, ti, tv, td, tm)| {
                for k in &drop_evidence {
                    tv.remove(k.as_ref())?;
                }
                for (key, data) in &updates {
                    match data {
                        Some(d) => {
                            tx_put_edge(to, ti, key, d.clone())?;
                        }
                        None => {
                            if tx_remove_edge(to, ti, key)? {
                                tx_add(tm, META_EDGES, -1)?;
                            }
                        }
                    }
                }
                td.remove(&id_key(id))?;
                tx_add(tm, META_DOCS, -1)?;
                Ok(())
            })
            .map_err(|e| self.tx_err(e))?;
        Ok(true)
    }

    /// Adds a surface form to an entity and to the names index.
    pub fn add_alias(&self, id: EntityId, alias: &str) -> Result<Entity> {
        let _w = self.write_gate();
        let mut ent = self
            .entity(id)?
            .ok_or_else(|| Error::Invalid(format!("no entity with id {id}")))?;
        if name_key(alias).is_empty() {
            return Err(Error::Invalid(
                "an alias needs at least one letter or digit".into(),
            ));
        }
        add_alias(&mut ent, alias);
        let alias = alias.to_string();
        (&self.entities, &self.names)
            .transaction(|(te, tn)| {
                te.insert(&id_key(ent.id), encode(&ent))?;
                tx_index_names(tn, ent.id, [&alias])?;
                Ok(())
            })
            .map_err(|e| self.tx_err(e))?;
        Ok(ent)
    }

    /// Merges entity `from` into `into`: names move, edges are re-pointed and merged with
    /// their evidence, documents follow, the kind follows both entities' votes. Edges that
    /// would join `into` to itself are dropped. The merge log keeps what [`Store::unmerge`]
    /// needs to undo it.
    pub fn merge(&self, from: EntityId, into: EntityId) -> Result<Entity> {
        if from == into {
            return Err(Error::Invalid("cannot merge an entity into itself".into()));
        }
        let _w = self.write_gate();
        self.ensure_forms()?;
        let src = self
            .entity(from)?
            .ok_or_else(|| Error::Invalid(format!("no entity with id {from}")))?;
        let mut dst = self
            .entity(into)?
            .ok_or_else(|| Error::Invalid(format!("no entity with id {into}")))?;
        let dst_before = dst.clone();
        let votes = self
            .kind_votes(into)?
            .unwrap_or_else(|| KindVotes::implicit(dst.kind))
            .combined(
                &self
                    .kind_votes(from)?
                    .unwrap_or_else(|| KindVotes::implicit(src.kind)),
            );
        dst.kind = votes.winner(dst.kind);
        add_alias(&mut dst, &src.name);
        for a in &src.aliases {
            add_alias(&mut dst, a);
        }
        dst.first_seen = dst.first_seen.min(src.first_seen);
        dst.last_seen = dst.last_seen.max(src.last_seen);

        let repoint = |id: EntityId| if id == from { into } else { id };
        let mut old_edges: BTreeSet<EdgeKey> =
            self.out_edges(from)?.into_iter().map(|(k, _)| k).collect();
        old_edges.extend(self.in_edge_keys(from)?);
        let record = self.plan_merge_record(&src, &dst_before, &dst, &votes, &old_edges)?;

        // New edge → (asserted, evidence list), starting from what the new key already has.
        let mut merged: BTreeMap<EdgeKey, (bool, Vec<Evidence>)> = BTreeMap::new();
        let mut remove_evidence = Vec::new();
        let mut doc_rewrites: BTreeMap<DocId, Vec<(EdgeKey, Option<EdgeKey>)>> = BTreeMap::new();
        for old in &old_edges {
            let (s, t) = (repoint(old.source), repoint(old.target));
            let new = (s != t).then(|| EdgeKey::new(s, old.relation, t));
            let old_data = self.edge(old)?.unwrap_or_default();
            let mut docs_seen = BTreeSet::new();
            for item in self.evidence.scan_prefix(out_key(old)) {
                let (k, v) = item.map_err(|e| self.sled_err(e))?;
                remove_evidence.push(k);
                let ev: Evidence = self.decode("evidence", &v)?;
                if docs_seen.insert(ev.doc) {
                    doc_rewrites.entry(ev.doc).or_default().push((*old, new));
                }
                if let Some(n) = new {
                    self.merged_entry(&mut merged, n)?.1.push(ev);
                }
            }
            if let Some(n) = new {
                let entry = self.merged_entry(&mut merged, n)?;
                entry.0 |= old_data.asserted;
            }
        }
        let old_count = old_edges.len() as i64;
        let new_existing = merged
            .keys()
            .map(|k| self.edge(k).map(|d| d.is_some()))
            .collect::<Result<Vec<bool>>>()?
            .into_iter()
            .filter(|exists| *exists)
            .count() as i64;
        let mut doc_updates = Vec::new();
        for (doc_id, rewrites) in &doc_rewrites {
            if let Some(mut doc) = self.document(*doc_id)? {
                for (old, new) in rewrites {
                    doc.edges.retain(|k| k != old);
                    if let Some(n) = new {
                        if !doc.edges.contains(n) {
                            doc.edges.push(*n);
                        }
                    }
                }
                doc.edges.sort();
                doc_updates.push(doc);
            }
        }
        let all_names: Vec<String> = std::iter::once(src.name.clone())
            .chain(src.aliases.iter().cloned())
            .collect();
        let trees = self.all_trees();
        trees
            .transaction(|(te, tn, to, ti, tv, td, tm, tid)| {
                for k in &remove_evidence {
                    tv.remove(k.as_ref())?;
                }
                for old in &old_edges {
                    tx_remove_edge(to, ti, old)?;
                }
                for (key, (asserted, evs)) in &merged {
                    // Renumber per document so keys from both sides cannot collide.
                    let mut per_doc: HashMap<DocId, u32> = HashMap::new();
                    for ev in evs {
                        let n = per_doc.entry(ev.doc).or_insert(0);
                        tv.insert(&evidence_key(key, ev.doc, *n), encode(ev))?;
                        *n += 1;
                    }
                    tx_put_edge(to, ti, key, summarize(evs, *asserted))?;
                }
                for doc in &doc_updates {
                    td.insert(&id_key(doc.id), encode(doc))?;
                }
                // Names: every form of `from` now points to `into`.
                for n in &all_names {
                    let key = name_key(n);
                    if let Some(v) = tn.get(key.as_bytes())? {
                        let mut ids: Vec<EntityId> = tx_decode("name index entry", &v)?;
                        ids.retain(|i| *i != from);
                        if !ids.contains(&into) {
                            ids.push(into);
                        }
                        tn.insert(key.as_bytes(), encode(&ids))?;
                    }
                }
                tx_index_names(
                    tn,
                    into,
                    std::iter::once(&dst.name).chain(dst.aliases.iter()),
                )?;
                te.remove(&id_key(from))?;
                te.insert(&id_key(into), encode(&dst))?;
                tid.remove(&votes_key(from))?;
                tid.insert(&votes_key(into), encode(&votes))?;
                tx_index_forms(tid, from, &src.name, false)?;
                tid.insert(&merge_key(record.seq), encode(&record))?;
                tx_add(tm, META_ENTITIES, -1)?;
                tx_add(
                    tm,
                    META_EDGES,
                    merged.len() as i64 - new_existing - old_count,
                )?;
                Ok(())
            })
            .map_err(|e| self.tx_err(e))?;
        Ok(dst)
    }

    fn merged_entry<'m>(
        &self,
        merged: &'m mut BTreeMap<EdgeKey, (bool, Vec<Evidence>)>,
        key: EdgeKey,
    ) -> Result<&'m mut (bool, Vec<Evidence>)> {
        if let std::collections::btree_map::Entry::Vacant(v) = merged.entry(key) {
            let asserted = self.edge(&key)?.map(|d| d.asserted).unwrap_or(false);
            v.insert((asserted, self.evidence_of(&key)?));
        }
        Ok(merged.get_mut(&key).expect("inserted above"))
    }

    /// Bulk-loads triples as asserted edges. Rows are resolved by name (creating entities
    /// as needed) and written in batches; `progress(done, total)` is called between batches.
    pub fn import_rows<'a>(
        &self,
        rows: &'a [ImportRow],
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<ImportOutcomeCounts> {
        let _w = self.write_gate();
        let started = std::time::Instant::now();
        let now = now_secs();
        let empty_before = self.out.is_empty();
        let mut next_id = self.meta_u64(META_NEXT_ID)?.max(1);
        // name key → the entities of that name met so far (in the file or in the store),
        // with their kinds: a row's kind picks among them, a row without one takes the first.
        let mut known: HashMap<String, Vec<(EntityKind, EntityId)>> = HashMap::new();
        let mut new_entities: Vec<Entity> = Vec::new();
        let mut counts = ImportOutcomeCounts::default();
        let mut resolve =
            |name: &str, kind: Option<EntityKind>, store: &Store| -> Result<EntityId> {
                let key = name_key(name);
                if key.is_empty() {
                    return Err(Error::Invalid(format!("empty entity name `{name}`")));
                }
                if !known.contains_key(&key) {
                    let mut stored = Vec::new();
                    if !empty_before {
                        for id in store.ids_for_name(name)? {
                            if let Some(e) = store.entity(id)? {
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
                next_id += 1;
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
        let mut by_spelling: rustc_hash::FxHashMap<(&str, Option<EntityKind>), EntityId> =
            Default::default();
        let mut edges: Vec<EdgeKey> = Vec::with_capacity(rows.len());
        for r in rows {
            let mut id_of = |name: &'a str, kind: Option<EntityKind>| -> Result<EntityId> {
                if let Some(id) = by_spelling.get(&(name, kind)) {
                    return Ok(*id);
                }
                let id = resolve(name, kind, self)?;
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
        let total = (new_entities.len() + edges.len()) as u64;
        let mut done = 0u64;
        progress(done, total);
        std::thread::scope(|scope| -> Result<()> {
            let names = scope.spawn(|| -> Result<()> {
                // Several new entities may share a name, and the store may hold it already.
                let mut keyed: BTreeMap<String, Vec<EntityId>> = BTreeMap::new();
                for e in &new_entities {
                    keyed.entry(name_key(&e.name)).or_default().push(e.id);
                }
                for (k, mut ids) in keyed {
                    if !empty_before {
                        let mut stored = self.ids_for_name(&k)?;
                        stored.append(&mut ids);
                        ids = stored;
                    }
                    self.names
                        .insert(k.as_bytes(), encode(&ids))
                        .map_err(|e| self.sled_err(e))?;
                }
                Ok(())
            });
            for e in &new_entities {
                self.entities
                    .insert(id_key(e.id), encode(e))
                    .map_err(|e| self.sled_err(e))?;
            }
            names
                .join()
                .unwrap_or_else(|_| Err(Error::Store("import thread failed".into())))
        })?;
        done += new_entities.len() as u64;
        progress(done, total);
        counts.entities_added = new_entities.len() as u64;
        if std::env::var_os("RELGRAPH_TIMING").is_some() {
            eprintln!(
                "timing: names resolved and entities written in {:.2} s",
                started.elapsed().as_secs_f64()
            );
        }
        // Rows are built whole: edges are sorted by source, so each source's row is one run;
        // the `in` rows come from the same keys sorted by target. An edge already stored
        // (only possible when the store had some) is marked imported and keeps its figures.
        let imported = EdgeData {
            confidence: 1.0,
            asserted: true,
            ..Default::default()
        };
        let mut by_target: Vec<(EntityId, RelationKind, EntityId)> = edges
            .iter()
            .map(|k| (k.target, k.relation, k.source))
            .collect();
        by_target.sort_unstable();
        let done_edges = std::sync::atomic::AtomicU64::new(0);
        let added = std::sync::atomic::AtomicU64::new(0);
        let write_out = || -> Result<()> {
            for run in edges.chunk_by(|a, b| a.source == b.source) {
                let source = run[0].source;
                let mut row = if empty_before {
                    Vec::with_capacity(run.len())
                } else {
                    self.out_row(source)?
                };
                for k in run {
                    if !empty_before && self.mark_single_imported(k)? {
                        continue;
                    }
                    match row_position(&row, k.relation, k.target) {
                        Ok(i) => {
                            let d = &mut row[i].2;
                            if !d.asserted {
                                d.asserted = true;
                                d.confidence = 1.0;
                            }
                        }
                        Err(i) => {
                            row.insert(i, (k.relation, k.target, imported.clone()));
                            added.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        }
                    }
                }
                if !row.is_empty() {
                    self.out
                        .insert(id_key(source), encode_out_row(&row))
                        .map_err(|e| self.sled_err(e))?;
                }
                done_edges.fetch_add(run.len() as u64, std::sync::atomic::Ordering::Relaxed);
            }
            Ok(())
        };
        let write_in = || -> Result<()> {
            for run in by_target.chunk_by(|a, b| a.0 == b.0) {
                let target = run[0].0;
                let mut row = if empty_before {
                    Vec::with_capacity(run.len())
                } else {
                    self.in_row(target)?
                };
                for &(_, relation, source) in run {
                    let single = EdgeKey {
                        source,
                        relation,
                        target,
                    };
                    if !empty_before
                        && self
                            .inn
                            .contains_key(in_key(&single))
                            .map_err(|e| self.sled_err(e))?
                    {
                        continue;
                    }
                    if let Err(i) = in_row_position(&row, relation, source) {
                        row.insert(i, (relation, source));
                    }
                }
                if !row.is_empty() {
                    self.inn
                        .insert(id_key(target), encode_in_row(&row))
                        .map_err(|e| self.sled_err(e))?;
                }
            }
            Ok(())
        };
        std::thread::scope(|scope| -> Result<()> {
            let t = scope.spawn(write_in);
            write_out()?;
            t.join()
                .unwrap_or_else(|_| Err(Error::Store("import thread failed".into())))
        })?;
        counts.edges_added = added.into_inner();
        if std::env::var_os("RELGRAPH_TIMING").is_some() {
            eprintln!(
                "timing: rows written in {:.2} s",
                started.elapsed().as_secs_f64()
            );
        }
        done += done_edges.into_inner();
        progress(done.max(total), total);
        self.meta
            .transaction(|tm| {
                tm.insert(META_NEXT_ID, &next_id.to_be_bytes())?;
                tx_add(tm, META_ENTITIES, counts.entities_added as i64)?;
                tx_add(tm, META_EDGES, counts.edges_added as i64)?;
                Ok(())
            })
            .map_err(|e: TransactionError<Error>| self.tx_err(e))?;
        self.flush()?;
        Ok(counts)
    }

    /// Marks an edge stored under its own key as imported; false when it has no own key.
    fn mark_single_imported(&self, key: &EdgeKey) -> Result<bool> {
        let Some(v) = self.out.get(out_key(key)).map_err(|e| self.sled_err(e))? else {
            return Ok(false);
        };
        let mut d: EdgeData = self.decode("edge", &v)?;
        if !d.asserted {
            d.asserted = true;
            d.confidence = 1.0;
            self.out
                .insert(out_key(key), encode(&d))
                .map_err(|e| self.sled_err(e))?;
        }
        Ok(true)
    }

    /// Writes every record as JSON lines, in key order: entities, edges, evidence, documents.
    pub fn dump(&self, out: &mut dyn std::io::Write) -> Result<()> {
        let _r = self.read_gate();
        let io = |e: std::io::Error| Error::Io {
            path: "dump output".into(),
            source: e,
        };
        let mut line = |rec: &DumpRecord| -> Result<()> {
            serde_json::to_writer(&mut *out, rec).map_err(|e| Error::Invalid(e.to_string()))?;
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
        if !self.is_empty() {
            return Err(Error::Invalid(format!(
                "restore needs an empty store; {} has data",
                self.path.display()
            )));
        }
        let mut records = Vec::new();
        for (i, line) in input.lines().enumerate() {
            let line = line.map_err(|e| Error::Io {
                path: source_name.into(),
                source: e,
            })?;
            if line.trim().is_empty() {
                continue;
            }
            let rec: DumpRecord = serde_json::from_str(&line).map_err(|e| Error::Parse {
                file: source_name.to_string(),
                line: i + 1,
                message: e.to_string(),
            })?;
            records.push(rec);
        }
        let _w = self.write_gate();
        let mut max_id = 0;
        let (mut ne, mut nd, mut nx) = (0i64, 0i64, 0i64);
        let mut evidence_seq: HashMap<(EdgeKey, DocId), u32> = HashMap::new();
        let mut batches: [Batch; 6] = Default::default();
        let mut identity = Batch::default();
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
                DumpRecord::Document(d) => {
                    nd += 1;
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
            .transaction(|(te, tn, to, ti, tv, td, tm, tid)| {
                for (t, b) in [te, tn, to, ti, tv, td].into_iter().zip(batches.iter()) {
                    t.apply_batch(b)?;
                }
                tid.apply_batch(&identity)?;
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

    /// Verifies the store's invariants and lists every violation found.
    pub fn check(&self) -> Result<CheckReport> {
        let _r = self.read_gate();
        let mut rep = CheckReport::default();
        let mut p = Vec::new();
        let mut entity_ids = BTreeSet::new();
        let mut entity_names: Vec<(EntityId, Vec<String>)> = Vec::new();
        for item in self.entities.iter() {
            let (k, v) = item.map_err(|e| self.sled_err(e))?;
            match decode::<Entity>(&v) {
                Ok(e) => {
                    if read_u64(&k) != Some(e.id) {
                        p.push(format!("entity {} stored under another key", e.id));
                    }
                    entity_ids.insert(e.id);
                    entity_names.push((e.id, std::iter::once(e.name).chain(e.aliases).collect()));
                }
                Err(err) => p.push(format!("entity record {:?}: {err}", read_u64(&k))),
            }
        }
        rep.entities = entity_ids.len() as u64;
        let names_by_id: BTreeMap<EntityId, String> = entity_names
            .iter()
            .map(|(id, forms)| (*id, forms[0].clone()))
            .collect();
        self.check_identity(&names_by_id, &mut p)?;
        let mut name_index: HashMap<String, Vec<EntityId>> = HashMap::new();
        for item in self.names.iter() {
            let (k, v) = item.map_err(|e| self.sled_err(e))?;
            let key = String::from_utf8_lossy(&k).into_owned();
            match decode::<Vec<EntityId>>(&v) {
                Ok(ids) => {
                    for id in &ids {
                        if !entity_ids.contains(id) {
                            p.push(format!("name `{key}` points to missing entity {id}"));
                        }
                    }
                    name_index.insert(key, ids);
                }
                Err(err) => p.push(format!("name `{key}`: {err}")),
            }
        }
        rep.names = name_index.len() as u64;
        for (id, forms) in &entity_names {
            for f in forms {
                let k = name_key(f);
                if !k.is_empty() && !name_index.get(&k).is_some_and(|ids| ids.contains(id)) {
                    p.push(format!("name `{f}` of entity {id} is not indexed"));
                }
            }
        }
        let mut edges: BTreeMap<EdgeKey, EdgeData> = BTreeMap::new();
        for item in self.out.iter() {
            let (k, v) = item.map_err(|e| self.sled_err(e))?;
            let found: Vec<(EdgeKey, std::result::Result<EdgeData, String>)> =
                match adjacency_key(&k, false) {
                    Some(AdjacencyKey::Row(source)) => match decode_out_row(&v) {
                        Ok(row) if row.is_empty() => {
                            p.push(format!("empty edge row for {source}"));
                            Vec::new()
                        }
                        Ok(row) => row
                            .into_iter()
                            .map(|(relation, target, d)| {
                                let key = EdgeKey {
                                    source,
                                    relation,
                                    target,
                                };
                                (key, Ok(d))
                            })
                            .collect(),
                        Err(err) => {
                            p.push(format!("edges of {source}: {err}"));
                            Vec::new()
                        }
                    },
                    Some(AdjacencyKey::Single(key)) => vec![(key, decode::<EdgeData>(&v))],
                    None => {
                        p.push("malformed key in out tree".into());
                        Vec::new()
                    }
                };
            for (key, data) in found {
                match data {
                    Ok(d) => {
                        if edges.insert(key, d).is_some() {
                            p.push(format!("edge {key:?} stored twice"));
                        }
                    }
                    Err(err) => p.push(format!("edge {key:?}: {err}")),
                }
            }
        }
        let mut in_edges: BTreeSet<EdgeKey> = BTreeSet::new();
        for item in self.inn.iter() {
            let (k, v) = item.map_err(|e| self.sled_err(e))?;
            let mut note = |key: EdgeKey| {
                if !in_edges.insert(key) {
                    p.push(format!("in-edge {key:?} stored twice"));
                }
            };
            match adjacency_key(&k, true) {
                Some(AdjacencyKey::Row(target)) => match decode_in_row(&v) {
                    Ok(row) => {
                        for (relation, source) in row {
                            note(EdgeKey {
                                source,
                                relation,
                                target,
                            });
                        }
                    }
                    Err(err) => p.push(format!("edges into {target}: {err}")),
                },
                Some(AdjacencyKey::Single(key)) => note(key),
                None => p.push("malformed key in in tree".into()),
            }
        }
        for key in edges.keys() {
            if !in_edges.contains(key) {
                p.push(format!("edge {key:?} has no in-edge"));
            }
            for end in [key.source, key.target] {
                if !entity_ids.contains(&end) {
                    p.push(format!("edge {key:?} ends at missing entity {end}"));
                }
            }
            if key.relation.is_symmetric() && key.source > key.target {
                p.push(format!("symmetric edge {key:?} not in canonical order"));
            }
            if key.source == key.target {
                p.push(format!("edge {key:?} joins an entity to itself"));
            }
        }
        for key in in_edges.difference(&edges.keys().copied().collect()) {
            p.push(format!("in-edge {key:?} has no out-edge"));
        }
        rep.edges = edges.len() as u64;
        let mut doc_ids = BTreeSet::new();
        let mut doc_edges: BTreeMap<DocId, BTreeSet<EdgeKey>> = BTreeMap::new();
        for item in self.docs.iter() {
            let (k, v) = item.map_err(|e| self.sled_err(e))?;
            match decode::<Document>(&v) {
                Ok(d) => {
                    doc_ids.insert(d.id);
                    doc_edges.insert(d.id, d.edges.iter().copied().collect());
                }
                Err(err) => p.push(format!("document {:?}: {err}", read_u64(&k))),
            }
        }
        rep.documents = doc_ids.len() as u64;
        let mut per_edge: BTreeMap<EdgeKey, Vec<Evidence>> = BTreeMap::new();
        for item in self.evidence.iter() {
            let (k, v) = item.map_err(|e| self.sled_err(e))?;
            rep.evidence += 1;
            let Some((key, doc, _)) = split_evidence_key(&k) else {
                p.push("malformed key in evidence tree".into());
                continue;
            };
            if !edges.contains_key(&key) {
                p.push(format!("evidence for missing edge {key:?}"));
            }
            if !doc_ids.contains(&doc) {
                p.push(format!(
                    "evidence of edge {key:?} from missing document {doc:016x}"
                ));
            } else if !doc_edges.get(&doc).is_some_and(|s| s.contains(&key)) {
                p.push(format!(
                    "document {doc:016x} does not list edge {key:?} it supports"
                ));
            }
            match decode::<Evidence>(&v) {
                Ok(ev) => per_edge.entry(key).or_default().push(ev),
                Err(err) => p.push(format!("evidence {key:?}: {err}")),
            }
        }
        for (key, data) in &edges {
            let evs = per_edge.get(key).map(|v| v.as_slice()).unwrap_or(&[]);
            if evs.is_empty() && !data.asserted {
                p.push(format!("edge {key:?} has no evidence and was not imported"));
            }
            if data.evidence as usize != evs.len() {
                p.push(format!(
                    "edge {key:?} counts {} evidence, {} stored",
                    data.evidence,
                    evs.len()
                ));
            }
        }
        for (doc, keys) in &doc_edges {
            for key in keys {
                if !edges.contains_key(key) {
                    p.push(format!("document {doc:016x} lists missing edge {key:?}"));
                }
            }
        }
        let counts = Counts {
            entities: self.meta_u64(META_ENTITIES)?,
            edges: self.meta_u64(META_EDGES)?,
            documents: self.meta_u64(META_DOCS)?,
        };
        if counts.entities != rep.entities {
            p.push(format!(
                "entity counter says {}, {} stored",
                counts.entities, rep.entities
            ));
        }
        if counts.edges != rep.edges {
            p.push(format!(
                "edge counter says {}, {} stored",
                counts.edges, rep.edges
            ));
        }
        if counts.documents != rep.documents {
            p.push(format!(
                "document counter says {}, {} stored",
                counts.documents, rep.documents
            ));
        }
        let next = self.meta_u64(META_NEXT_ID)?;
        if let Some(max) = entity_ids.iter().next_back() {
            if next <= *max {
                p.push(format!("next id {next} would reuse entity {max}"));
            }
        }
        rep.problems = p;
        Ok(rep)
    }
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
    /// Kind votes of an entity (`identity.rs`); older dumps have none.
    KindVotes {
        id: EntityId,
        votes: BTreeMap<EntityKind, u32>,
    },
    /// One undoable merge (`merge_log.rs`).
    Merge(Box<super::merge_log::MergeRecord>),
}

fn min_date(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    Date::earliest(a, b)
}

fn max_date(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    Date::latest(a, b)
}
