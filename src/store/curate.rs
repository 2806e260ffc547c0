//! Corrections by hand: `unalias`, `rename`, `set-kind`, `remove-entity`, `add-edge`.
//!
//! Each is one transaction under the write gate, planned outside it (sled transactions
//! cannot scan). They change only records `dump` writes (entities, edges, evidence,
//! documents, kind votes), so a dump and a restore keep them. A hand-made edge is the
//! evidence of a document of its own, whose source is `user`: `docs` lists it,
//! `remove-doc` takes it back, and its sentence is the text the user gave.

use std::collections::BTreeSet;

use sled::Transactional;

use super::codec::*;
use super::identity::{tx_index_forms, votes_key, KindVotes, PREFIX_MERGES};
use super::merge_log::{merge_key, MergeRecord, MergeSummary};
use super::ops::{
    add_alias, now_secs, tx_add, tx_index_names, tx_put_edge, tx_remove_edge, tx_unindex_names,
};
use super::*;

/// The source of the documents `add_edge` writes.
pub const USER_SOURCE: &str = "user";
/// The rule of their evidence.
pub const USER_RULE: &str = "by hand";

/// What `remove_entity` took away.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RemovedEntity {
    pub entity: Entity,
    pub edges: usize,
    pub evidence: usize,
    /// The logged merges that went into it, whose records went with it (newest first):
    /// nothing could undo them any more.
    pub merges_dropped: Vec<MergeSummary>,
}

/// What `add_edge` wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct AddedEdge {
    pub key: EdgeKey,
    /// The document that holds the sentence.
    pub doc: DocId,
    /// False when the edge existed (it gained the sentence).
    pub new_edge: bool,
    /// False when the same edge with the same sentence was already added (nothing written).
    pub new: bool,
}

impl Store {
    fn entity_or_invalid(&self, id: EntityId) -> Result<Entity> {
        self.entity(id)?
            .ok_or_else(|| Error::Invalid(format!("no entity with id {id}")))
    }

    /// Entities other than `except` that `name` already stands for, each with whether it is
    /// its own name (rather than an alias).
    pub fn name_holders(&self, name: &str, except: EntityId) -> Result<Vec<(Entity, bool)>> {
        let key = name_key(name);
        let mut out = Vec::new();
        for id in self.ids_for_name(name)? {
            if id == except {
                continue;
            }
            if let Some(e) = self.entity(id)? {
                let own = name_key(&e.name) == key;
                out.push((e, own));
            }
        }
        Ok(out)
    }

    /// Takes a surface form away from an entity: the name then no longer finds it (unless
    /// another of its forms folds to the same key). The canonical name cannot be removed:
    /// rename the entity instead.
    pub fn remove_alias(&self, id: EntityId, alias: &str) -> Result<Entity> {
        let _w = self.write_gate()?;
        let mut ent = self.entity_or_invalid(id)?;
        let key = name_key(alias);
        if key == name_key(&ent.name) {
            return Err(Error::Invalid(format!(
                "`{}` is the name of {}, not an alias: give it another name with `relgraph rename`",
                alias.trim(),
                ent.name
            )));
        }
        let before = ent.aliases.len();
        let exact: Vec<String> = ent
            .aliases
            .iter()
            .filter(|a| a.as_str() == alias.trim())
            .cloned()
            .collect();
        // An exact spelling takes only itself; otherwise every alias that folds to it.
        if exact.is_empty() {
            ent.aliases.retain(|a| name_key(a) != key);
        } else {
            ent.aliases.retain(|a| a.as_str() != alias.trim());
        }
        if ent.aliases.len() == before {
            return Err(Error::Invalid(format!(
                "`{}` is not an alias of {} (its aliases: {})",
                alias.trim(),
                ent.name,
                if ent.aliases.is_empty() {
                    "none".to_string()
                } else {
                    ent.aliases.join(" | ")
                }
            )));
        }
        let still_named = ent.aliases.iter().any(|a| name_key(a) == key);
        let alias = alias.to_string();
        (&self.entities, &self.names)
            .transaction(|(te, tn)| {
                te.insert(&id_key(ent.id), encode(&ent))?;
                if !still_named {
                    tx_unindex_names(tn, ent.id, [&alias])?;
                }
                Ok(())
            })
            .map_err(|e| self.tx_err(e))?;
        Ok(ent)
    }

    /// Gives an entity another canonical name; the old one stays as an alias (it is a form
    /// the articles used), unless it differs only in case or accents.
    pub fn rename(&self, id: EntityId, new_name: &str) -> Result<Entity> {
        let new_name = crate::model::clean_name(new_name);
        let new_name = new_name.trim();
        if name_key(new_name).is_empty() {
            return Err(Error::Invalid(
                "a name needs at least one letter or digit".into(),
            ));
        }
        let _w = self.write_gate()?;
        // The derived-form index must cover this entity before its forms are moved.
        self.ensure_forms()?;
        let mut ent = self.entity_or_invalid(id)?;
        if ent.name == new_name {
            return Err(Error::Invalid(format!(
                "{} already has that name",
                ent.name
            )));
        }
        let old = std::mem::replace(&mut ent.name, new_name.to_string());
        let new_key = name_key(new_name);
        ent.aliases.retain(|a| name_key(a) != new_key);
        add_alias(&mut ent, &old);
        let new_name = ent.name.clone();
        (&self.entities, &self.names, &self.identity)
            .transaction(|(te, tn, tid)| {
                te.insert(&id_key(ent.id), encode(&ent))?;
                tx_index_names(tn, ent.id, [&new_name])?;
                tx_index_forms(tid, ent.id, &old, false)?;
                tx_index_forms(tid, ent.id, &new_name, true)?;
                Ok(())
            })
            .map_err(|e| self.tx_err(e))?;
        Ok(ent)
    }

    /// Sets an entity's kind. Its kind votes give the chosen kind more weight than every
    /// document so far together, so the articles read later must outvote the user to change
    /// it back.
    pub fn set_kind(&self, id: EntityId, kind: EntityKind) -> Result<Entity> {
        let _w = self.write_gate()?;
        let mut ent = self.entity_or_invalid(id)?;
        let mut votes = self
            .kind_votes(id)?
            .unwrap_or_else(|| KindVotes::implicit(ent.kind));
        let others = votes.total() - u64::from(votes.get(kind));
        let lead = u32::try_from(others + 1).unwrap_or(u32::MAX);
        if votes.get(kind) < lead {
            votes.add(kind, lead - votes.get(kind));
        }
        ent.kind = kind;
        (&self.entities, &self.identity)
            .transaction(|(te, tid)| {
                te.insert(&id_key(ent.id), encode(&ent))?;
                tid.insert(&votes_key(ent.id), encode(&votes))?;
                Ok(())
            })
            .map_err(|e| self.tx_err(e))?;
        Ok(ent)
    }

    /// The logged merges that removing `id` would leave impossible to undo, newest first:
    /// those into it, and those into an entity one of these took away (undoing a merge
    /// needs its target).
    fn merges_into(&self, id: EntityId) -> Result<Vec<MergeRecord>> {
        let mut records = Vec::new();
        for item in self.identity.scan_prefix([PREFIX_MERGES]) {
            let (_, v) = item.map_err(|e| self.sled_err(e))?;
            records.push(self.decode::<MergeRecord>("merge record", &v)?);
        }
        let mut gone = BTreeSet::from([id]);
        let mut hit = Vec::new();
        for rec in records.into_iter().rev() {
            if gone.contains(&rec.into_after.id) {
                gone.insert(rec.from.id);
                hit.push(rec);
            }
        }
        Ok(hit)
    }

    /// Removes an entity with every edge it takes part in and their evidence; the documents
    /// stay (they may support other edges) and stop listing the removed edges. An entity a
    /// logged merge went into is refused (its removal would make the merge impossible to
    /// undo, and the user may want the merged-away entity back) unless `drop_merges`: then
    /// those merge records go too, and the result lists them.
    pub fn remove_entity(&self, id: EntityId, drop_merges: bool) -> Result<RemovedEntity> {
        let _w = self.write_gate()?;
        self.ensure_forms()?;
        let ent = self.entity_or_invalid(id)?;
        let merges = self.merges_into(id)?;
        if !merges.is_empty() && !drop_merges {
            let list = merges
                .iter()
                .rev()
                .map(|r| {
                    format!(
                        "merge {} ({} into {})",
                        r.seq, r.from.name, r.into_after.name
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            let newest = merges[0].seq;
            return Err(Error::Invalid(format!(
                "{} holds what {list} joined to it: removing it would leave nothing to undo that \
                 with; undo it first (`relgraph unmerge --seq {newest}`), or remove it with \
                 --force, which drops the record{}",
                ent.name,
                if merges.len() == 1 { "" } else { "s" }
            )));
        }
        let mut edges: BTreeSet<EdgeKey> =
            self.out_edges(id)?.into_iter().map(|(k, _)| k).collect();
        edges.extend(self.in_edge_keys(id)?);
        let mut evidence_keys = Vec::new();
        let mut docs: BTreeSet<DocId> = BTreeSet::new();
        for key in &edges {
            for item in self.evidence.scan_prefix(out_key(key)) {
                let (k, _) = item.map_err(|e| self.sled_err(e))?;
                let (_, doc, _) =
                    split_evidence_key(&k).ok_or_else(|| self.corrupt("malformed evidence key"))?;
                docs.insert(doc);
                evidence_keys.push(k);
            }
        }
        let mut doc_updates = Vec::new();
        for d in docs {
            if let Some(mut doc) = self.document(d)? {
                doc.edges.retain(|k| !edges.contains(k));
                doc_updates.push(doc);
            }
        }
        self.lower_committed(Counts {
            entities: 1,
            edges: edges.len() as u64,
            documents: 0,
        })?;
        let forms: Vec<String> = std::iter::once(ent.name.clone())
            .chain(ent.aliases.iter().cloned())
            .collect();
        self.all_trees()
            .transaction(|(te, tn, to, ti, tv, td, tm, tid, _tdn)| {
                for k in &evidence_keys {
                    tv.remove(k.as_ref())?;
                }
                let mut removed = 0i64;
                for key in &edges {
                    if tx_remove_edge(to, ti, key)? {
                        removed += 1;
                    }
                }
                for doc in &doc_updates {
                    td.insert(&id_key(doc.id), encode(doc))?;
                }
                tx_unindex_names(tn, id, &forms)?;
                te.remove(&id_key(id))?;
                tid.remove(&votes_key(id))?;
                tx_index_forms(tid, id, &ent.name, false)?;
                for rec in &merges {
                    tid.remove(&merge_key(rec.seq))?;
                }
                tx_add(tm, META_ENTITIES, -1)?;
                tx_add(tm, META_EDGES, -removed)?;
                Ok(())
            })
            .map_err(|e| self.tx_err(e))?;
        Ok(RemovedEntity {
            entity: ent,
            edges: edges.len(),
            evidence: evidence_keys.len(),
            merges_dropped: merges.iter().map(MergeSummary::from).collect(),
        })
    }

    /// Adds an edge the user vouches for, with `sentence` as its evidence (confidence 1,
    /// rule `by hand`, the date if given), held by a document whose source is `user`. The
    /// same edge with the same sentence twice writes nothing the second time.
    pub fn add_edge(
        &self,
        source: EntityId,
        relation: RelationKind,
        target: EntityId,
        sentence: &str,
        date: Option<Date>,
    ) -> Result<AddedEdge> {
        let sentence = crate::model::clean_name(sentence);
        let sentence = sentence.trim();
        if sentence.is_empty() {
            return Err(Error::Invalid(
                "a hand-made edge needs its evidence: say where it is known from".into(),
            ));
        }
        if source == target {
            return Err(Error::Invalid(
                "an edge joins two different entities".into(),
            ));
        }
        let _w = self.write_gate()?;
        let s = self.entity_or_invalid(source)?;
        let t = self.entity_or_invalid(target)?;
        let key = EdgeKey::new(source, relation, target);
        let doc_id = doc_id_for(&format!(
            "relgraph add-edge\n{}\n{relation}\n{}\n{sentence}\n{}",
            key.source,
            key.target,
            date.map(|d| d.to_string()).unwrap_or_default()
        ));
        if self.document(doc_id)?.is_some() {
            return Ok(AddedEdge {
                key,
                doc: doc_id,
                new_edge: false,
                new: false,
            });
        }
        let ev = Evidence {
            doc: doc_id,
            sentence: sentence.into(),
            start: 0,
            end: sentence.len() as u32,
            date,
            rule: USER_RULE.into(),
            confidence: 1.0,
            reported: None,
            polarity: crate::model::Polarity::Affirmed,
        };
        let existing = self.edge(&key)?;
        let asserted = existing.as_ref().is_some_and(|d| d.asserted);
        let mut all = self.evidence_of(&key)?;
        all.push(ev.clone());
        let data = summarize(&all, asserted);
        let doc = Document {
            id: doc_id,
            title: format!("{} {relation} {} (by hand)", s.name, t.name),
            source: USER_SOURCE.into(),
            lang: String::new(),
            ingested_at: now_secs(),
            edges: vec![key],
            date: None,
            date_source: None,
            denied: Vec::new(),
            edgeless: Some(Vec::new()),
        };
        let new_edge = existing.is_none();
        (&self.out, &self.inn, &self.evidence, &self.docs, &self.meta)
            .transaction(|(to, ti, tv, td, tm)| {
                tv.insert(&evidence_key(&key, doc_id, 0), encode(&ev))?;
                if tx_put_edge(to, ti, &key, data.clone())? {
                    tx_add(tm, META_EDGES, 1)?;
                }
                td.insert(&id_key(doc_id), encode(&doc))?;
                tx_add(tm, META_DOCS, 1)?;
                Ok(())
            })
            .map_err(|e| self.tx_err(e))?;
        Ok(AddedEdge {
            key,
            doc: doc_id,
            new_edge,
            new: true,
        })
    }
}
