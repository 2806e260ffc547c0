//! One node per real-world entity: how an ingested entity finds the stored one it names.
//!
//! The `identity` tree holds, under one-byte prefixes:
//! - `k` · id (8) → [`KindVotes`]: the weight of the documents that gave each kind. An entity
//!   without a record (imported, or older than the tree) counts one vote for its kind.
//! - `f` · form kind (1) · form → ids: the derived forms of canonical names ([`derived_forms`]:
//!   surnames, initials, core names), so that "Musk", "FTC" or "Qualcomm" find "Elon Musk",
//!   "Federal Trade Commission" or "Qualcomm Inc" in one read. `meta.identity_forms_upto`
//!   says which ids are covered; entities written in bulk (import, restore) are indexed by the
//!   next identity-aware write.
//! - `m` · sequence (8) → a merge record (`merge_log.rs`).
//!
//! A missing tree is an empty one: no schema change.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sled::transaction::TransactionalTree;
use sled::Batch;

use super::codec::*;
use super::ops::{tx_abort, tx_decode};
use super::*;
use crate::names::{derived_forms, is_acronym, kinds_compatible, likeness, FormKind, Likeness};

pub(crate) const PREFIX_VOTES: u8 = b'k';
pub(crate) const PREFIX_FORMS: u8 = b'f';
pub(crate) const PREFIX_MERGES: u8 = b'm';
pub(crate) const META_FORMS_UPTO: &[u8] = b"identity_forms_upto";

/// Per-kind weights of the documents that named an entity, in [`EntityKind::ALL`] order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct KindVotes(pub [u32; 6]);

fn kind_index(kind: EntityKind) -> usize {
    EntityKind::ALL
        .iter()
        .position(|k| *k == kind)
        .expect("every kind is in ALL")
}

impl KindVotes {
    /// What an entity without a record counts: one vote for the kind it has.
    pub fn implicit(kind: EntityKind) -> KindVotes {
        let mut v = KindVotes::default();
        v.add(kind, 1);
        v
    }

    pub fn add(&mut self, kind: EntityKind, weight: u32) {
        let slot = &mut self.0[kind_index(kind)];
        *slot = slot.saturating_add(weight);
    }

    pub fn get(&self, kind: EntityKind) -> u32 {
        self.0[kind_index(kind)]
    }

    /// Takes away another entity's votes (when a merge is undone).
    pub fn subtract(&mut self, other: &KindVotes) {
        for (a, b) in self.0.iter_mut().zip(other.0.iter()) {
            *a = a.saturating_sub(*b);
        }
    }

    pub fn combined(&self, other: &KindVotes) -> KindVotes {
        let mut out = self.clone();
        for (a, b) in out.0.iter_mut().zip(other.0.iter()) {
            *a = a.saturating_add(*b);
        }
        out
    }

    pub fn total(&self) -> u64 {
        self.0.iter().map(|v| u64::from(*v)).sum()
    }

    /// The kind with the most votes; a tie keeps `current`, so a kind changes only when the
    /// evidence is against it.
    pub fn winner(&self, current: EntityKind) -> EntityKind {
        let best = self.0.iter().copied().max().unwrap_or(0);
        if best == 0 || self.get(current) == best {
            return current;
        }
        EntityKind::ALL
            .into_iter()
            .find(|k| self.get(*k) == best)
            .unwrap_or(current)
    }

    /// The votes as a readable map, for dumps.
    pub fn to_map(&self) -> BTreeMap<EntityKind, u32> {
        EntityKind::ALL
            .into_iter()
            .filter(|k| self.get(*k) > 0)
            .map(|k| (k, self.get(k)))
            .collect()
    }

    pub fn from_map(map: &BTreeMap<EntityKind, u32>) -> KindVotes {
        let mut v = KindVotes::default();
        for (k, n) in map {
            v.add(*k, *n);
        }
        v
    }
}

/// The vote of one document for an entity it mentions `mentions` times. A document guesses
/// one kind for all its mentions, so they are not independent votes: the weight grows with
/// their logarithm (1 mention: 1, 2–3: 2, 4–7: 3, ...).
pub fn mention_weight(mentions: u32) -> u32 {
    1 + mentions.max(1).ilog2()
}

pub(crate) fn votes_key(id: EntityId) -> [u8; 9] {
    let mut k = [0u8; 9];
    k[0] = PREFIX_VOTES;
    k[1..].copy_from_slice(&id.to_be_bytes());
    k
}

pub(crate) fn form_key(kind: FormKind, form: &str) -> Vec<u8> {
    let mut k = Vec::with_capacity(form.len() + 2);
    k.push(PREFIX_FORMS);
    k.push(kind.code());
    k.extend_from_slice(form.as_bytes());
    k
}

// ---- inside a transaction -------------------------------------------------------------------

pub(crate) fn tx_votes(tid: &TransactionalTree, id: EntityId) -> TxResult<Option<KindVotes>> {
    match tid.get(votes_key(id))? {
        Some(v) => decode(&v)
            .map(Some)
            .map_err(|e| tx_abort(format!("kind votes of {id}: {e}"))),
        None => Ok(None),
    }
}

fn tx_ids(t: &TransactionalTree, key: &[u8], what: &str) -> TxResult<Vec<EntityId>> {
    match t.get(key)? {
        Some(v) => decode(&v).map_err(|e| tx_abort(format!("{what}: {e}"))),
        None => Ok(Vec::new()),
    }
}

/// A derived form shared by this many entities finds nothing unambiguously: its list is
/// closed (ends with [`CROWDED`]) instead of growing, which would rewrite it on every new
/// entity ("Smith" in a big store).
pub(crate) const FORM_CAP: usize = 32;
/// The last id of a closed list of a derived form.
pub(crate) const CROWDED: EntityId = EntityId::MAX;

/// Adds (`add`) or removes `id` under the derived forms of `name`.
pub(crate) fn tx_index_forms(
    tid: &TransactionalTree,
    id: EntityId,
    name: &str,
    add: bool,
) -> TxResult<()> {
    for (kind, form) in derived_forms(name) {
        let key = form_key(kind, &form);
        let mut ids = tx_ids(tid, &key, "form index entry")?;
        if ids.contains(&CROWDED) {
            continue;
        }
        let had = ids.contains(&id);
        if add && !had {
            ids.push(id);
            if ids.len() >= FORM_CAP {
                ids.push(CROWDED);
            }
        } else if !add && had {
            ids.retain(|i| *i != id);
        } else {
            continue;
        }
        if ids.is_empty() {
            tid.remove(key)?;
        } else {
            tid.insert(key, encode(&ids))?;
        }
    }
    Ok(())
}

/// Finds, inside an ingest transaction, the stored entity an ingested one names.
pub(crate) struct Resolver<'t> {
    pub te: &'t TransactionalTree,
    pub tn: &'t TransactionalTree,
    pub tid: &'t TransactionalTree,
    /// Ids already given to other entities of this document: the extractor kept those apart,
    /// so a weak rule must not join them.
    pub claimed: Vec<EntityId>,
}

/// How an ingested entity was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Match {
    /// Its name is the stored entity's name or one of its aliases.
    Named,
    /// A weak rule, unambiguous in the store.
    Like(Likeness),
}

impl Resolver<'_> {
    fn entity(&self, id: EntityId) -> TxResult<Option<Entity>> {
        match self.te.get(id_key(id))? {
            Some(v) => tx_decode("entity", &v).map(Some),
            None => Ok(None),
        }
    }

    fn entities(&self, ids: &[EntityId]) -> TxResult<Vec<Entity>> {
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(e) = self.entity(*id)? {
                out.push(e);
            }
        }
        Ok(out)
    }

    fn votes(&self, e: &Entity) -> TxResult<KindVotes> {
        Ok(tx_votes(self.tid, e.id)?.unwrap_or_else(|| KindVotes::implicit(e.kind)))
    }

    /// The stored entity `ne` names, if one is known, and how it was found.
    pub fn resolve(&self, ne: &NewEntity) -> TxResult<Option<(Entity, Match)>> {
        let key = name_key(&ne.name);
        if key.is_empty() {
            return Ok(None);
        }
        let hits = self.entities(&tx_ids(self.tn, key.as_bytes(), "name index entry")?)?;
        let (named, aliased): (Vec<Entity>, Vec<Entity>) =
            hits.into_iter().partition(|e| name_key(&e.name) == key);
        // Its own name: whatever kind this document guessed, the votes settle the kind.
        if !named.is_empty() {
            return Ok(Some((self.best_of(named, ne.kind)?, Match::Named)));
        }
        // A stored alias: one entity known by it. Persons and organizations are the kinds
        // an extractor confuses; others must agree.
        let aliased: Vec<Entity> = aliased
            .into_iter()
            .filter(|e| !self.claimed.contains(&e.id) && confusable(e.kind, ne.kind))
            .collect();
        match aliased.len() {
            0 => {}
            1 => return Ok(aliased.into_iter().next().map(|e| (e, Match::Named))),
            _ => {
                let same: Vec<Entity> = aliased
                    .into_iter()
                    .filter(|e| kinds_compatible(e.kind, ne.kind))
                    .collect();
                return Ok(if same.len() == 1 {
                    same.into_iter().next().map(|e| (e, Match::Named))
                } else {
                    None
                });
            }
        }
        self.weak_match(ne)
    }

    /// Among entities of one name, the one of the same kind, else the most voted for.
    fn best_of(&self, mut named: Vec<Entity>, kind: EntityKind) -> TxResult<Entity> {
        if named.len() == 1 {
            return Ok(named.pop().expect("one"));
        }
        let mut scored = Vec::with_capacity(named.len());
        for e in named {
            let v = self.votes(&e)?;
            scored.push((
                (e.kind == kind, v.get(kind), v.total()),
                std::cmp::Reverse(e.id),
                e,
            ));
        }
        scored.sort_by_key(|a| (a.0, a.1));
        Ok(scored.pop().expect("non-empty").2)
    }

    /// Stored entities under `form` in the names index and in the derived-form indexes
    /// that fit `kind`, of a compatible kind; None when the form is crowded (shared by so
    /// many that it cannot single one out).
    fn denoted_by(
        &self,
        form: &str,
        surface_acronym: bool,
        kind: EntityKind,
    ) -> TxResult<Option<Vec<Entity>>> {
        let mut ids = tx_ids(self.tn, form.as_bytes(), "name index entry")?;
        let kinds: &[FormKind] = if kind == EntityKind::Person {
            &[FormKind::Surname]
        } else if surface_acronym {
            &[FormKind::Core, FormKind::Initials]
        } else {
            &[FormKind::Core]
        };
        for fk in kinds {
            let lookup = if *fk == FormKind::Initials {
                crate::names::acronym_key(form)
            } else {
                form.to_string()
            };
            for id in tx_ids(self.tid, &form_key(*fk, &lookup), "form index entry")? {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        if ids.contains(&CROWDED) || ids.len() > FORM_CAP {
            return Ok(None);
        }
        Ok(Some(
            self.entities(&ids)?
                .into_iter()
                .filter(|e| kinds_compatible(e.kind, kind))
                .collect(),
        ))
    }

    /// Surnames, acronyms and core names: joins only when exactly one stored entity fits,
    /// and no other is known by the short name involved.
    fn weak_match(&self, ne: &NewEntity) -> TxResult<Option<(Entity, Match)>> {
        let person = ne.kind == EntityKind::Person;
        let mut forms: Vec<(String, bool)> = vec![(name_key(&ne.name), is_acronym(&ne.name))];
        forms.extend(ne.aliases.iter().map(|a| (name_key(a), is_acronym(a))));
        for (fk, f) in derived_forms(&ne.name) {
            let fits = match fk {
                FormKind::Surname => person,
                FormKind::Initials => !person && f.chars().count() >= 3,
                FormKind::Core => !person,
            };
            if fits {
                forms.push((f, false));
            }
        }
        let mut found: BTreeMap<EntityId, (Entity, Likeness)> = BTreeMap::new();
        for (form, acronym) in &forms {
            if form.is_empty() {
                continue;
            }
            let Some(denoted) = self.denoted_by(form, *acronym, ne.kind)? else {
                return Ok(None);
            };
            for e in denoted {
                if self.claimed.contains(&e.id) || found.contains_key(&e.id) {
                    continue;
                }
                if let Some(l) =
                    likeness(&ne.name, &e.name, ne.kind).filter(|l| accepted(*l, ne, &e))
                {
                    found.insert(e.id, (e, l));
                }
            }
        }
        if found.len() != 1 {
            return Ok(None);
        }
        let (_, (e, l)) = found.into_iter().next().expect("one");
        // A short name can stand for someone the full name rules out ("Musk" for Elon
        // when the new name is Kimbal Musk): it must denote nobody else.
        for short in [&ne.name, &e.name] {
            if is_short(short, ne.kind) {
                let others = self.denoted_by(&name_key(short), is_acronym(short), ne.kind)?;
                if others.is_none_or(|o| o.iter().any(|o| o.id != e.id)) {
                    return Ok(None);
                }
            }
        }
        Ok(Some((e, Match::Like(l))))
    }
}

/// The weak rules ingest trusts; a mere prefix ("Air" of "Air France") is left to
/// `duplicates`, and so are two-letter acronyms.
fn accepted(l: Likeness, ne: &NewEntity, stored: &Entity) -> bool {
    match l {
        Likeness::Prefix => false,
        Likeness::Initials => {
            let short = if is_acronym(&ne.name) {
                &ne.name
            } else {
                &stored.name
            };
            crate::names::acronym_key(short).chars().count() >= 3
        }
        _ => true,
    }
}

/// A name that is itself a short form: one word of a person's name, or an acronym.
fn is_short(name: &str, kind: EntityKind) -> bool {
    if kind == EntityKind::Person {
        crate::names::surnames(name).is_empty()
    } else {
        is_acronym(name) || !name_key(name).contains(' ')
    }
}

/// Kinds one name may carry across documents: compatible ones, and person against
/// organization or media, which extractors confuse on a bare name.
fn confusable(a: EntityKind, b: EntityKind) -> bool {
    use EntityKind::*;
    kinds_compatible(a, b)
        || matches!(
            (a, b),
            (Person, Organization) | (Organization, Person) | (Person, Media) | (Media, Person)
        )
}

// ---- outside transactions ---------------------------------------------------------------------

impl Store {
    /// The kind votes of an entity (one vote for its kind when none are recorded).
    pub fn kind_votes(&self, id: EntityId) -> Result<Option<KindVotes>> {
        match self
            .identity
            .get(votes_key(id))
            .map_err(|e| self.sled_err(e))?
        {
            Some(v) => Ok(Some(self.decode("kind votes", &v)?)),
            None => Ok(None),
        }
    }

    /// Every recorded kind-votes entry, in id order.
    pub fn all_kind_votes(&self) -> impl Iterator<Item = Result<(EntityId, KindVotes)>> + '_ {
        self.identity.scan_prefix([PREFIX_VOTES]).map(move |item| {
            let (k, v) = item.map_err(|e| self.sled_err(e))?;
            let id = read_u64(&k[1..]).ok_or_else(|| self.corrupt("malformed kind votes key"))?;
            Ok((id, self.decode("kind votes", &v)?))
        })
    }

    /// Ids stored under a derived form (see [`derived_forms`]).
    pub fn ids_for_form(&self, kind: FormKind, form: &str) -> Result<Vec<EntityId>> {
        match self
            .identity
            .get(form_key(kind, form))
            .map_err(|e| self.sled_err(e))?
        {
            Some(v) => self.decode("form index entry", &v),
            None => Ok(Vec::new()),
        }
    }

    /// Indexes the derived forms of the entities written without them (by a bulk load, or
    /// before the index existed). Runs under the write gate, before identity-aware writes;
    /// idempotent, so an interruption only means it runs again.
    pub(crate) fn ensure_forms(&self) -> Result<()> {
        let upto = self.meta_u64(META_FORMS_UPTO)?;
        let next = self.meta_u64(META_NEXT_ID)?;
        if upto >= next {
            return Ok(());
        }
        let mut index: BTreeMap<Vec<u8>, Vec<EntityId>> = BTreeMap::new();
        for item in self.entities.range(id_key(upto)..) {
            let (_, v) = item.map_err(|e| self.sled_err(e))?;
            let e: Entity = self.decode("entity", &v)?;
            for (kind, form) in derived_forms(&e.name) {
                index.entry(form_key(kind, &form)).or_default().push(e.id);
            }
        }
        let mut batch = Batch::default();
        for (key, ids) in index {
            let mut current: Vec<EntityId> =
                match self.identity.get(&key).map_err(|e| self.sled_err(e))? {
                    Some(v) => self.decode("form index entry", &v)?,
                    None => Vec::new(),
                };
            for id in ids {
                if current.contains(&CROWDED) {
                    break;
                }
                if !current.contains(&id) {
                    current.push(id);
                    if current.len() >= FORM_CAP {
                        current.push(CROWDED);
                    }
                }
            }
            batch.insert(key, encode(&current));
        }
        self.identity
            .apply_batch(batch)
            .map_err(|e| self.sled_err(e))?;
        self.meta
            .insert(META_FORMS_UPTO, &next.to_be_bytes())
            .map_err(|e| self.sled_err(e))?;
        Ok(())
    }

    /// The identity tree's invariants, for `check`.
    pub(crate) fn check_identity(
        &self,
        entities: &BTreeMap<EntityId, String>,
        problems: &mut Vec<String>,
    ) -> Result<()> {
        let upto = self.meta_u64(META_FORMS_UPTO)?;
        let mut indexed: std::collections::BTreeSet<(Vec<u8>, EntityId)> = Default::default();
        for item in self.identity.iter() {
            let (k, v) = item.map_err(|e| self.sled_err(e))?;
            match k.first() {
                Some(&PREFIX_VOTES) => {
                    let id = read_u64(&k[1..]);
                    if decode::<KindVotes>(&v).is_err() {
                        problems.push(format!("kind votes of {id:?} are unreadable"));
                    }
                    if !id.is_some_and(|id| entities.contains_key(&id)) {
                        problems.push(format!("kind votes of missing entity {id:?}"));
                    }
                }
                Some(&PREFIX_FORMS) => match decode::<Vec<EntityId>>(&v) {
                    Ok(ids) => {
                        let crowded = ids.contains(&CROWDED);
                        for id in ids {
                            if !crowded && !entities.contains_key(&id) {
                                problems.push(format!(
                                    "derived form `{}` points to missing entity {id}",
                                    String::from_utf8_lossy(&k[2..])
                                ));
                            }
                            indexed.insert((k.to_vec(), id));
                        }
                    }
                    Err(e) => problems.push(format!("derived form entry: {e}")),
                },
                Some(&PREFIX_MERGES) => {}
                _ => problems.push("malformed key in the identity tree".into()),
            }
        }
        let crowded: std::collections::BTreeSet<Vec<u8>> = indexed
            .iter()
            .filter(|(_, id)| *id == CROWDED)
            .map(|(k, _)| k.clone())
            .collect();
        for (id, name) in entities.range(..upto) {
            for (kind, form) in derived_forms(name) {
                let key = form_key(kind, &form);
                if !crowded.contains(&key) && !indexed.contains(&(key, *id)) {
                    problems.push(format!(
                        "derived form `{form}` of entity {id} is not indexed"
                    ));
                }
            }
        }
        Ok(())
    }
}
