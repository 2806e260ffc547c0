//! The merge log: what `merge` changed, kept so that `unmerge` gives both entities back
//! with their own names, kinds, edges and evidence.
//!
//! A record holds the merged-away entity and its votes, the target entity before and after,
//! every edge of the merged-away entity with its evidence (under their own keys), and the
//! edges it was folded into as they were before. Undoing restores the merged-away entity
//! exactly and takes out of the target only what the merge put there: evidence from
//! documents ingested since the merge stays with the target, evidence of documents removed
//! since is not brought back. Undone right after the merge, the store is as it was (its
//! `dump` is identical).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::codec::*;
use super::identity::{tx_index_forms, votes_key, KindVotes, PREFIX_MERGES};
use super::ops::{now_secs, tx_add, tx_index_names, tx_put_edge, tx_remove_edge};
use super::*;
use sled::Transactional;

/// An edge as it was, with its evidence under their sequence numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoggedEdge {
    pub key: EdgeKey,
    pub data: EdgeData,
    pub evidence: Vec<(u32, Evidence)>,
}

/// Everything one merge changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergeRecord {
    pub seq: u64,
    /// Unix seconds.
    pub at: u64,
    pub from: Entity,
    pub from_votes: Option<KindVotes>,
    pub into_before: Entity,
    pub into_votes_before: Option<KindVotes>,
    pub into_after: Entity,
    pub into_votes_after: KindVotes,
    /// Every edge of `from`.
    pub from_edges: Vec<LoggedEdge>,
    /// The edges `from`'s edges went into, as they were before the merge (None: new).
    pub targets: Vec<(EdgeKey, Option<LoggedEdge>)>,
}

/// One line of the merge log, as `relgraph merges` lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergeSummary {
    pub seq: u64,
    pub at: u64,
    pub from: String,
    pub from_id: EntityId,
    pub into: String,
    pub into_id: EntityId,
    /// Edges of the merged-away entity.
    pub edges: usize,
}

impl From<&MergeRecord> for MergeSummary {
    fn from(r: &MergeRecord) -> Self {
        MergeSummary {
            seq: r.seq,
            at: r.at,
            from: r.from.name.clone(),
            from_id: r.from.id,
            into: r.into_after.name.clone(),
            into_id: r.into_after.id,
            edges: r.from_edges.len(),
        }
    }
}

/// What one merge did, for the user: the edges moved over as they were, those folded into
/// an edge the target already had, those dropped because they joined the two entities.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergeReport {
    pub moved: Vec<EdgeKey>,
    pub folded: Vec<EdgeKey>,
    pub dropped: Vec<EdgeKey>,
    /// Sentences of evidence that changed edge.
    pub evidence: usize,
    /// Names the target gained.
    pub names_added: Vec<String>,
    pub kind_before: EntityKind,
    pub kind_after: EntityKind,
}

impl MergeRecord {
    pub fn report(&self) -> MergeReport {
        let (from, into) = (self.from.id, self.into_before.id);
        let mut r = MergeReport {
            moved: Vec::new(),
            folded: Vec::new(),
            dropped: Vec::new(),
            evidence: 0,
            names_added: Vec::new(),
            kind_before: self.into_before.kind,
            kind_after: self.into_after.kind,
        };
        for e in &self.from_edges {
            r.evidence += e.evidence.len();
            match repointed(&e.key, from, into) {
                None => r.dropped.push(e.key),
                Some(new) => {
                    let existed = self
                        .targets
                        .iter()
                        .any(|(k, before)| *k == new && before.is_some());
                    if existed {
                        r.folded.push(new);
                    } else {
                        r.moved.push(new);
                    }
                }
            }
        }
        let before: BTreeSet<String> = self
            .into_before
            .aliases
            .iter()
            .map(|a| name_key(a))
            .collect();
        r.names_added = self
            .into_after
            .aliases
            .iter()
            .filter(|a| !before.contains(&name_key(a)))
            .cloned()
            .collect();
        r
    }
}

pub(crate) fn merge_key(seq: u64) -> [u8; 9] {
    let mut k = [0u8; 9];
    k[0] = PREFIX_MERGES;
    k[1..].copy_from_slice(&seq.to_be_bytes());
    k
}

/// The key of `from`'s edge once `from` is `into` (None: it would join `into` to itself).
pub(crate) fn repointed(old: &EdgeKey, from: EntityId, into: EntityId) -> Option<EdgeKey> {
    let end = |id: EntityId| if id == from { into } else { id };
    let (s, t) = (end(old.source), end(old.target));
    (s != t).then(|| EdgeKey::new(s, old.relation, t))
}

impl Store {
    /// An edge's figures and evidence with their sequence numbers, as stored now.
    fn logged_edge(&self, key: &EdgeKey) -> Result<Option<LoggedEdge>> {
        let Some(data) = self.edge(key)? else {
            return Ok(None);
        };
        let mut evidence = Vec::new();
        for item in self.evidence.scan_prefix(out_key(key)) {
            let (k, v) = item.map_err(|e| self.sled_err(e))?;
            let (_, _, n) =
                split_evidence_key(&k).ok_or_else(|| self.corrupt("malformed evidence key"))?;
            evidence.push((n, self.decode("evidence", &v)?));
        }
        Ok(Some(LoggedEdge {
            key: *key,
            data,
            evidence,
        }))
    }

    /// The record of a merge about to happen (read before its transaction, under the gate).
    pub(crate) fn plan_merge_record(
        &self,
        from: &Entity,
        into_before: &Entity,
        into_after: &Entity,
        into_votes_after: &KindVotes,
        old_edges: &BTreeSet<EdgeKey>,
    ) -> Result<MergeRecord> {
        let mut from_edges = Vec::with_capacity(old_edges.len());
        let mut targets: BTreeMap<EdgeKey, Option<LoggedEdge>> = BTreeMap::new();
        for old in old_edges {
            if let Some(e) = self.logged_edge(old)? {
                from_edges.push(e);
            }
            if let Some(new) = repointed(old, from.id, into_before.id) {
                if let std::collections::btree_map::Entry::Vacant(slot) = targets.entry(new) {
                    slot.insert(self.logged_edge(&new)?);
                }
            }
        }
        let seq = match self
            .identity
            .scan_prefix([PREFIX_MERGES])
            .next_back()
            .transpose()
            .map_err(|e| self.sled_err(e))?
        {
            Some((k, _)) => read_u64(&k[1..]).map_or(1, |s| s + 1),
            None => 1,
        };
        Ok(MergeRecord {
            seq,
            at: now_secs(),
            from: from.clone(),
            from_votes: self.kind_votes(from.id)?,
            into_before: into_before.clone(),
            into_votes_before: self.kind_votes(into_before.id)?,
            into_after: into_after.clone(),
            into_votes_after: into_votes_after.clone(),
            from_edges,
            targets: targets.into_iter().collect(),
        })
    }

    /// Every merge still undoable, oldest first.
    pub fn merges(&self) -> Result<Vec<MergeRecord>> {
        let _r = self.read_gate();
        self.identity
            .scan_prefix([PREFIX_MERGES])
            .map(|item| {
                let (_, v) = item.map_err(|e| self.sled_err(e))?;
                self.decode("merge record", &v)
            })
            .collect()
    }

    /// Why merge `seq` cannot be undone: entity `id` (called `what`), which it needs, is
    /// gone. Merged away by a later merge, that one can be undone first; removed by hand
    /// (`remove-entity`), nothing can bring it back, so the merge stays.
    fn gone_since(&self, seq: u64, id: EntityId, what: &str, rec: &MergeRecord) -> Result<Error> {
        let mut later = None;
        for item in self.identity.scan_prefix([PREFIX_MERGES]) {
            let (_, v) = item.map_err(|e| self.sled_err(e))?;
            let r: MergeRecord = self.decode("merge record", &v)?;
            if r.seq > seq && r.from.id == id {
                later = Some(r.seq);
            }
        }
        Ok(Error::Invalid(match later {
            Some(n) => format!(
                "`{what}`, which merge {seq} needs, was merged away since by merge {n}; unmerge that one first (`relgraph unmerge --seq {n}`)"
            ),
            None => format!(
                "merge {seq} ({} into {}) cannot be undone: `{what}`, which it needs, was removed since (remove-entity); the merged entity stays as it is",
                rec.from.name, rec.into_after.name
            ),
        }))
    }

    /// The latest merge that took away an entity known by `name` (its name or an alias).
    pub fn last_merge_of(&self, name: &str) -> Result<Option<MergeRecord>> {
        let key = name_key(name);
        Ok(self.merges()?.into_iter().rev().find(|r| {
            std::iter::once(&r.from.name)
                .chain(r.from.aliases.iter())
                .any(|n| name_key(n) == key)
        }))
    }

    /// Undoes merge `seq`: the merged-away entity comes back with its names, kind, edges
    /// and evidence; the target keeps what it had and what came after. Returns both.
    pub fn unmerge(&self, seq: u64) -> Result<(Entity, Entity)> {
        let _w = self.write_gate()?;
        self.ensure_forms()?;
        let rec: MergeRecord = match self
            .identity
            .get(merge_key(seq))
            .map_err(|e| self.sled_err(e))?
        {
            Some(v) => self.decode("merge record", &v)?,
            None => {
                return Err(Error::Invalid(format!(
                    "no merge number {seq} in the log; see `relgraph merges`"
                )))
            }
        };
        let (from_id, into_id) = (rec.from.id, rec.into_after.id);
        let Some(into_now) = self.entity(into_id)? else {
            return Err(self.gone_since(seq, into_id, &rec.into_after.name, &rec)?);
        };
        if self.entity(from_id)?.is_some() {
            return Err(self.corrupt(&format!(
                "merge {seq} took away entity {from_id}, which is stored again"
            )));
        }
        let mut ends: BTreeSet<EntityId> = BTreeSet::new();
        for e in &rec.from_edges {
            ends.extend([e.key.source, e.key.target]);
        }
        ends.remove(&from_id);
        for id in ends {
            if self.entity(id)?.is_none() {
                return Err(self.gone_since(seq, id, &format!("entity {id}"), &rec)?);
            }
        }
        // Documents removed since keep their evidence out.
        let mut docs: BTreeSet<DocId> = BTreeSet::new();
        for e in rec
            .from_edges
            .iter()
            .chain(rec.targets.iter().filter_map(|(_, t)| t.as_ref()))
        {
            docs.extend(e.evidence.iter().map(|(_, ev)| ev.doc));
        }
        let mut alive: BTreeSet<DocId> = BTreeSet::new();
        for d in &docs {
            if self.document(*d)?.is_some() {
                alive.insert(*d);
            }
        }
        let keep = |evs: &[(u32, Evidence)]| -> Vec<(u32, Evidence)> {
            evs.iter()
                .filter(|(_, e)| alive.contains(&e.doc))
                .cloned()
                .collect()
        };

        // The target edges: what the merge wrote goes, what was there comes back.
        let mut edge_delta = 0i64;
        let mut evidence_out: Vec<sled::IVec> = Vec::new();
        let mut evidence_in: Vec<(EdgeKey, u32, Evidence)> = Vec::new();
        let mut edges_out: Vec<EdgeKey> = Vec::new();
        let mut edges_in: Vec<(EdgeKey, EdgeData)> = Vec::new();
        let mut final_docs: BTreeMap<EdgeKey, BTreeSet<DocId>> = BTreeMap::new();
        for (key, before) in &rec.targets {
            let mut merge_docs: BTreeSet<DocId> = BTreeSet::new();
            let mut from_asserted = false;
            for e in &rec.from_edges {
                if repointed(&e.key, from_id, into_id).as_ref() == Some(key) {
                    merge_docs.extend(e.evidence.iter().map(|(_, ev)| ev.doc));
                    from_asserted |= e.data.asserted;
                }
            }
            if let Some(b) = before {
                merge_docs.extend(b.evidence.iter().map(|(_, ev)| ev.doc));
            }
            let current = self.edge(key)?;
            let mut later: Vec<Evidence> = Vec::new();
            for item in self.evidence.scan_prefix(out_key(key)) {
                let (k, v) = item.map_err(|e| self.sled_err(e))?;
                let (_, doc, _) =
                    split_evidence_key(&k).ok_or_else(|| self.corrupt("malformed evidence key"))?;
                if merge_docs.contains(&doc) {
                    evidence_out.push(k);
                } else {
                    later.push(self.decode("evidence", &v)?);
                }
            }
            let restored = before
                .as_ref()
                .map(|b| keep(&b.evidence))
                .unwrap_or_default();
            let asserted = before.as_ref().is_some_and(|b| b.data.asserted)
                || (current.as_ref().is_some_and(|c| c.asserted) && !from_asserted);
            let data = match before {
                Some(b) if later.is_empty() && restored.len() == b.evidence.len() => {
                    Some(b.data.clone())
                }
                _ => {
                    let all: Vec<Evidence> = later
                        .iter()
                        .cloned()
                        .chain(restored.iter().map(|(_, e)| e.clone()))
                        .collect();
                    (!all.is_empty() || asserted).then(|| summarize(&all, asserted))
                }
            };
            final_docs.insert(*key, restored.iter().map(|(_, e)| e.doc).collect());
            for (n, ev) in restored {
                evidence_in.push((*key, n, ev));
            }
            match (current.is_some(), data) {
                (true, None) => {
                    edges_out.push(*key);
                    edge_delta -= 1;
                }
                (existed, Some(d)) => {
                    edge_delta += i64::from(!existed);
                    edges_in.push((*key, d));
                }
                (false, None) => {}
            }
        }
        // The merged-away entity's own edges, as they were.
        for e in &rec.from_edges {
            let kept = keep(&e.evidence);
            let data = if kept.len() == e.evidence.len() {
                e.data.clone()
            } else if kept.is_empty() && !e.data.asserted {
                continue;
            } else {
                let evs: Vec<Evidence> = kept.iter().map(|(_, ev)| ev.clone()).collect();
                summarize(&evs, e.data.asserted)
            };
            final_docs.insert(e.key, kept.iter().map(|(_, ev)| ev.doc).collect());
            for (n, ev) in kept {
                evidence_in.push((e.key, n, ev));
            }
            edges_in.push((e.key, data));
            edge_delta += 1;
        }
        // Documents list exactly the edges they give evidence for.
        let mut doc_updates = Vec::new();
        for d in &alive {
            if let Some(mut doc) = self.document(*d)? {
                doc.edges.retain(|k| !final_docs.contains_key(k));
                doc.edges.extend(
                    final_docs
                        .iter()
                        .filter(|(_, ds)| ds.contains(d))
                        .map(|(k, _)| *k),
                );
                doc.edges.sort();
                doc.edges.dedup();
                doc_updates.push(doc);
            }
        }
        // The target: as it was when nothing touched it since, else without what the merge
        // added.
        let current_votes = self
            .kind_votes(into_id)?
            .unwrap_or_else(|| KindVotes::implicit(into_now.kind));
        let untouched = into_now == rec.into_after && current_votes == rec.into_votes_after;
        let (into, into_votes) = if untouched {
            (rec.into_before.clone(), rec.into_votes_before.clone())
        } else {
            let mut into = into_now.clone();
            let added: Vec<&String> = rec
                .into_after
                .aliases
                .iter()
                .filter(|a| !rec.into_before.aliases.contains(a))
                .collect();
            into.aliases.retain(|a| !added.contains(&a));
            into.first_seen = rec.into_before.first_seen;
            if into.last_seen == rec.into_after.last_seen {
                into.last_seen = rec.into_before.last_seen;
            }
            let mut votes = current_votes;
            votes.subtract(
                &rec.from_votes
                    .clone()
                    .unwrap_or_else(|| KindVotes::implicit(rec.from.kind)),
            );
            into.kind = votes.winner(into.kind);
            (into, Some(votes))
        };
        let into_forms: BTreeSet<String> = std::iter::once(&into.name)
            .chain(into.aliases.iter())
            .map(|n| name_key(n))
            .collect();
        let dropped_names: Vec<String> = std::iter::once(&into_now.name)
            .chain(into_now.aliases.iter())
            .map(|n| name_key(n))
            .filter(|k| !into_forms.contains(k))
            .collect();
        let from = rec.from.clone();
        // Edges the undo drops lower the counter: the commit record drops first.
        self.lower_committed(Counts {
            edges: edges_out.len() as u64,
            ..Default::default()
        })?;
        let trees = self.all_trees();
        trees
            .transaction(|(te, tn, to, ti, tv, td, tm, tid, _tdn)| {
                for k in &evidence_out {
                    tv.remove(k.as_ref())?;
                }
                for key in &edges_out {
                    tx_remove_edge(to, ti, key)?;
                }
                for (key, data) in &edges_in {
                    tx_put_edge(to, ti, key, data.clone())?;
                }
                for (key, n, ev) in &evidence_in {
                    tv.insert(&evidence_key(key, ev.doc, *n), encode(ev))?;
                }
                for doc in &doc_updates {
                    td.insert(&id_key(doc.id), encode(doc))?;
                }
                for key in &dropped_names {
                    if let Some(v) = tn.get(key.as_bytes())? {
                        let mut ids: Vec<EntityId> = super::ops::tx_decode("name index entry", &v)?;
                        ids.retain(|i| *i != into_id);
                        if ids.is_empty() {
                            tn.remove(key.as_bytes())?;
                        } else {
                            tn.insert(key.as_bytes(), encode(&ids))?;
                        }
                    }
                }
                tx_index_names(
                    tn,
                    from_id,
                    std::iter::once(&from.name).chain(from.aliases.iter()),
                )?;
                te.insert(&id_key(from_id), encode(&from))?;
                te.insert(&id_key(into_id), encode(&into))?;
                tx_index_forms(tid, from_id, &from.name, true)?;
                if into.name != into_now.name {
                    tx_index_forms(tid, into_id, &into_now.name, false)?;
                    tx_index_forms(tid, into_id, &into.name, true)?;
                }
                match &rec.from_votes {
                    Some(v) => tid.insert(&votes_key(from_id), encode(v))?,
                    None => tid.remove(&votes_key(from_id))?,
                };
                match &into_votes {
                    Some(v) => tid.insert(&votes_key(into_id), encode(v))?,
                    None => tid.remove(&votes_key(into_id))?,
                };
                tid.remove(&merge_key(seq))?;
                tx_add(tm, META_ENTITIES, 1)?;
                tx_add(tm, META_EDGES, edge_delta)?;
                Ok(())
            })
            .map_err(|e| self.tx_err(e))?;
        Ok((from, into))
    }
}
