//! Writes (ingest, import, remove, merge, alias, restore) and the invariant check.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::{SystemTime, UNIX_EPOCH};

use sled::transaction::{abort, TransactionalTree};
use sled::Transactional;

use super::codec::*;
use super::identity::{
    mention_weight, tx_index_forms, tx_votes, votes_key, KindVotes, Match, Resolver, PREFIX_MERGES,
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
    /// The document date and where it was read (`None`: unknown); each evidence keeps it
    /// as the date it was reported.
    pub date: Option<Date>,
    pub date_source: Option<DateSource>,
    pub entities: Vec<NewEntity>,
    pub edges: Vec<NewEdge>,
    /// Counter-evidence: triples the document denies (kept apart, never an edge).
    pub denials: Vec<NewEdge>,
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

/// What `remove_document_reporting` took away.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RemovedDocument {
    pub document: Document,
    /// Edges left without evidence, removed.
    pub edges: usize,
    /// Entities left without any edge, removed.
    pub entities: Vec<Entity>,
}

/// The result of `check`: empty `problems` means every invariant holds.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct CheckReport {
    pub entities: u64,
    pub edges: u64,
    pub evidence: u64,
    /// Counter-evidence sentences (the `denials` tree).
    pub denials: u64,
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
    tx_edit_name_index(t, names, |ids| {
        if !ids.contains(&id) {
            ids.push(id);
        }
    })
}

/// Removes `id` from the name index entry of each form, dropping entries left empty.
pub(crate) fn tx_unindex_names<'a>(
    t: &TransactionalTree,
    id: EntityId,
    names: impl IntoIterator<Item = &'a String>,
) -> TxResult<()> {
    tx_edit_name_index(t, names, |ids| ids.retain(|i| *i != id))
}

/// Applies `edit` to the ids indexed under each form of `names`, writing only the entries
/// it changed (an entry left empty is removed).
fn tx_edit_name_index<'a>(
    t: &TransactionalTree,
    names: impl IntoIterator<Item = &'a String>,
    mut edit: impl FnMut(&mut Vec<EntityId>),
) -> TxResult<()> {
    for n in names {
        let key = name_key(n);
        if key.is_empty() {
            continue;
        }
        let before: Vec<EntityId> = match t.get(key.as_bytes())? {
            Some(v) => tx_decode("name index entry", &v)?,
            None => Vec::new(),
        };
        let mut ids = before.clone();
        edit(&mut ids);
        if ids == before {
            continue;
        }
        if ids.is_empty() {
            t.remove(key.as_bytes())?;
        } else {
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

pub(crate) fn add_alias(entity: &mut Entity, alias: &str) -> bool {
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
        let _w = self.write_gate()?;
        self.ensure_forms()?;
        let trees = self.all_trees();
        let outcome = trees
            .transaction(|(te, tn, to, ti, tv, td, tm, tid, tdn)| {
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
                        ev.reported = input.date;
                        counter.tick()?;
                        tv.insert(&evidence_key(key, input.id, n as u32), encode(&ev))?;
                        all.push(ev);
                    }
                    outcome.evidence_added += all.len() as u64;
                    let fresh = summarize(&all, false);
                    data.documents += 1;
                    data.evidence += fresh.evidence;
                    // Each document once: independent reports add up (`combined_confidence`).
                    data.confidence = 1.0 - (1.0 - data.confidence) * (1.0 - fresh.confidence);
                    data.first_date = min_date(data.first_date.take(), fresh.first_date);
                    data.last_date = max_date(data.last_date.take(), fresh.last_date);
                    counter.tick()?;
                    if tx_put_edge(to, ti, key, data)? {
                        tx_add(tm, META_EDGES, 1)?;
                        outcome.edges_added += 1;
                    }
                }
                // Counter-evidence goes to its own tree and never makes an edge.
                let mut denied: BTreeMap<EdgeKey, u32> = BTreeMap::new();
                for e in &input.denials {
                    let (s, t) = (ids[e.source], ids[e.target]);
                    if s == t {
                        continue;
                    }
                    let key = EdgeKey::new(s, e.relation, t);
                    let n = denied.entry(key).or_insert(0);
                    let mut ev = e.evidence.clone();
                    ev.doc = input.id;
                    ev.reported = input.date;
                    ev.polarity = crate::model::Polarity::Denied;
                    tdn.insert(&evidence_key(&key, input.id, *n), encode(&ev))?;
                    *n += 1;
                }
                let touched: BTreeSet<EntityId> =
                    by_edge.keys().flat_map(|k| [k.source, k.target]).collect();
                let edgeless: BTreeSet<EntityId> = ids
                    .iter()
                    .copied()
                    .filter(|id| !touched.contains(id))
                    .collect();
                let doc = Document {
                    id: input.id,
                    title: input.title.clone(),
                    source: input.source.clone(),
                    lang: input.lang.clone(),
                    ingested_at: now,
                    edges: by_edge.keys().copied().collect(),
                    date: input.date,
                    date_source: input.date_source,
                    denied: denied.keys().copied().collect(),
                    edgeless: Some(edgeless.into_iter().collect()),
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
        Ok(self.remove_document_reporting(id)?.is_some())
    }

    /// [`Store::remove_document`], saying what went: the document, the edges left without
    /// evidence, and the entities left with no edge that no other document names (an
    /// entity with no edge left would be an orphan no query reaches): those its edges were
    /// the last of, and those it named without an edge. None when no such document is stored.
    pub fn remove_document_reporting(&self, id: DocId) -> Result<Option<RemovedDocument>> {
        let _w = self.write_gate()?;
        let Some(doc) = self.document(id)? else {
            return Ok(None);
        };
        self.ensure_forms()?;
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
        let mut drop_denials = Vec::new();
        for key in &doc.denied {
            for item in self.denials.scan_prefix(out_key(key)) {
                let (k, _) = item.map_err(|e| self.sled_err(e))?;
                if split_evidence_key(&k).is_some_and(|(_, d, _)| d == id) {
                    drop_denials.push(k);
                }
            }
        }
        let gone: BTreeSet<EdgeKey> = updates
            .iter()
            .filter(|(_, d)| d.is_none())
            .map(|(k, _)| *k)
            .collect();
        let ends: BTreeSet<EntityId> = gone.iter().flat_map(|k| [k.source, k.target]).collect();
        // What it named without an edge goes too, unless another document names it; a
        // merged-away entity stands for the one it went into.
        let merged = self.merged_into()?;
        let listed: BTreeSet<EntityId> = doc
            .edgeless
            .iter()
            .flatten()
            .map(|&e| current_id(&merged, e))
            .collect();
        let mut left_without_edges = Vec::new();
        for &c in ends.union(&listed) {
            let mut edges = self.out_edges(c)?.into_iter().map(|(k, _)| k);
            let mut ins = self.in_edge_keys(c)?.into_iter();
            let has_other = edges.any(|k| !gone.contains(&k)) || ins.any(|k| !gone.contains(&k));
            if !has_other {
                if let Some(e) = self.entity(c)? {
                    left_without_edges.push(e);
                }
            }
        }
        let mut orphans = Vec::new();
        if !left_without_edges.is_empty() {
            let (named_elsewhere, all_listed) = self.named_without_edges(id, &merged)?;
            for e in left_without_edges {
                // A document stored before schema 4 may name an entity without saying so:
                // then only what lost its last edge goes, as before.
                let only_named = !ends.contains(&e.id);
                if !named_elsewhere.contains(&e.id) && (all_listed || !only_named) {
                    orphans.push(e);
                }
            }
        }
        self.lower_committed(Counts {
            entities: orphans.len() as u64,
            edges: gone.len() as u64,
            documents: 1,
        })?;
        let trees = self.all_trees();
        trees
            .transaction(|(te, tn, to, ti, tv, td, tm, tid, tdn)| {
                for k in &drop_evidence {
                    tv.remove(k.as_ref())?;
                }
                for k in &drop_denials {
                    tdn.remove(k.as_ref())?;
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
                for e in &orphans {
                    let forms = std::iter::once(&e.name).chain(e.aliases.iter());
                    tx_unindex_names(tn, e.id, forms)?;
                    te.remove(&id_key(e.id))?;
                    tid.remove(&votes_key(e.id))?;
                    tx_index_forms(tid, e.id, &e.name, false)?;
                    tx_add(tm, META_ENTITIES, -1)?;
                }
                td.remove(&id_key(id))?;
                tx_add(tm, META_DOCS, -1)?;
                Ok(())
            })
            .map_err(|e| self.tx_err(e))?;
        Ok(Some(RemovedDocument {
            document: doc,
            edges: gone.len(),
            entities: orphans,
        }))
    }

    /// Where each merged-away entity went (`from` → `into`), from the merge log.
    fn merged_into(&self) -> Result<HashMap<EntityId, EntityId>> {
        let mut map = HashMap::new();
        for item in self.identity.scan_prefix([PREFIX_MERGES]) {
            let (_, v) = item.map_err(|e| self.sled_err(e))?;
            let rec: MergeRecord = self.decode("merge record", &v)?;
            map.insert(rec.from.id, rec.into_after.id);
        }
        Ok(map)
    }

    /// The entities that documents other than `except` named without an edge, as they
    /// stand after merges; and whether every one of those documents keeps that list (not
    /// one stored before schema 4). One scan of the documents: `remove-doc` is rare.
    fn named_without_edges(
        &self,
        except: DocId,
        merged: &HashMap<EntityId, EntityId>,
    ) -> Result<(BTreeSet<EntityId>, bool)> {
        let (mut named, mut all_listed) = (BTreeSet::new(), true);
        for d in self.all_documents() {
            let d = d?;
            match &d.edgeless {
                _ if d.id == except => {}
                Some(list) => named.extend(list.iter().map(|&e| current_id(merged, e))),
                None => all_listed = false,
            }
        }
        Ok((named, all_listed))
    }

    /// Adds a surface form to an entity and to the names index.
    pub fn add_alias(&self, id: EntityId, alias: &str) -> Result<Entity> {
        let alias = &crate::model::clean_name(alias);
        let _w = self.write_gate()?;
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
        Ok(self.merge_logged(from, into)?.into_after)
    }

    /// [`Store::merge`], returning the record it logged: [`MergeRecord::report`] says what
    /// moved and what was folded together.
    pub fn merge_logged(&self, from: EntityId, into: EntityId) -> Result<MergeRecord> {
        if from == into {
            return Err(Error::Invalid("cannot merge an entity into itself".into()));
        }
        let _w = self.write_gate()?;
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
        // Counter-evidence follows the entity too, renumbered per document under its new key.
        let mut denial_moves: BTreeMap<EdgeKey, Vec<Evidence>> = BTreeMap::new();
        let mut remove_denials = Vec::new();
        for old in self.denied_at(from)? {
            let (s, t) = (repoint(old.source), repoint(old.target));
            let new = (s != t).then(|| EdgeKey::new(s, old.relation, t));
            for item in self.denials.scan_prefix(out_key(&old)) {
                let (k, v) = item.map_err(|e| self.sled_err(e))?;
                remove_denials.push(k);
                let ev: Evidence = self.decode("denial", &v)?;
                let doc = match doc_updates.iter().position(|d| d.id == ev.doc) {
                    Some(i) => Some(i),
                    None => self.document(ev.doc)?.map(|d| {
                        doc_updates.push(d);
                        doc_updates.len() - 1
                    }),
                };
                if let Some(i) = doc {
                    let d = &mut doc_updates[i];
                    d.denied.retain(|k| *k != old);
                    if let Some(n) = new {
                        if !d.denied.contains(&n) {
                            d.denied.push(n);
                        }
                    }
                    d.denied.sort();
                }
                if let Some(n) = new {
                    denial_moves.entry(n).or_default().push(ev);
                }
            }
        }
        for (key, evs) in denial_moves.iter_mut() {
            if key.source != from && key.target != from {
                for item in self.denials.scan_prefix(out_key(key)) {
                    let (k, v) = item.map_err(|e| self.sled_err(e))?;
                    remove_denials.push(k);
                    evs.push(self.decode("denial", &v)?);
                }
            }
        }
        let edge_delta = merged.len() as i64 - new_existing - old_count;
        self.lower_committed(Counts {
            entities: 1,
            edges: (-edge_delta).max(0) as u64,
            documents: 0,
        })?;
        let all_names: Vec<String> = std::iter::once(src.name.clone())
            .chain(src.aliases.iter().cloned())
            .collect();
        let trees = self.all_trees();
        trees
            .transaction(|(te, tn, to, ti, tv, td, tm, tid, tdn)| {
                for k in &remove_evidence {
                    tv.remove(k.as_ref())?;
                }
                for k in &remove_denials {
                    tdn.remove(k.as_ref())?;
                }
                for (key, evs) in &denial_moves {
                    let mut per_doc: HashMap<DocId, u32> = HashMap::new();
                    for ev in evs {
                        let n = per_doc.entry(ev.doc).or_insert(0);
                        tdn.insert(&evidence_key(key, ev.doc, *n), encode(ev))?;
                        *n += 1;
                    }
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
                tx_add(tm, META_EDGES, edge_delta)?;
                Ok(())
            })
            .map_err(|e| self.tx_err(e))?;
        Ok(record)
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
}

impl Store {
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
        let mut doc_denied: BTreeMap<DocId, BTreeSet<EdgeKey>> = BTreeMap::new();
        for item in self.docs.iter() {
            let (k, v) = item.map_err(|e| self.sled_err(e))?;
            match decode::<Document>(&v) {
                Ok(d) => {
                    doc_ids.insert(d.id);
                    doc_edges.insert(d.id, d.edges.iter().copied().collect());
                    doc_denied.insert(d.id, d.denied.iter().copied().collect());
                }
                Err(err) => p.push(format!("document {:?}: {err}", read_u64(&k))),
            }
        }
        rep.documents = doc_ids.len() as u64;
        for item in self.denials.iter() {
            let (k, v) = item.map_err(|e| self.sled_err(e))?;
            rep.denials += 1;
            let Some((key, doc, _)) = split_evidence_key(&k) else {
                p.push("malformed key in denials tree".into());
                continue;
            };
            if !doc_denied.get(&doc).is_some_and(|s| s.contains(&key)) {
                p.push(format!(
                    "denial of {key:?} from document {doc:016x}, which does not list it"
                ));
            }
            if let Err(err) = decode::<Evidence>(&v) {
                p.push(format!("denial {key:?}: {err}"));
            }
        }
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

fn min_date(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    Date::earliest(a, b)
}

fn max_date(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    Date::latest(a, b)
}

/// The entity `id` stands for now: the end of its chain of merges (bounded, so that a
/// damaged log cannot loop).
fn current_id(merged: &HashMap<EntityId, EntityId>, mut id: EntityId) -> EntityId {
    for _ in 0..=merged.len() {
        match merged.get(&id) {
            Some(&into) => id = into,
            None => break,
        }
    }
    id
}
