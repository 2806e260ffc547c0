//! Candidate merges: pairs of stored entities that may be one, each with its reasons and a
//! score, strongest first, in the order `merge FROM INTO` takes them.
//!
//! Reasons come from the names (`names.rs`): the same name, a shared alias, a surname, an
//! acronym, a core name, a short form, a near spelling; shared neighbours raise the score of
//! a pair the names proposed, never make one. Names that cannot be one entity are never
//! paired: two people with one surname and different given names, two companies that share
//! only a first word ("Air France", "Air Liquide").

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::error::Result;
use crate::model::{name_key, Entity, EntityId, EntityKind};
use crate::names::{
    acronym_key, core_name, initials, is_acronym, kinds_compatible, likeness, surnames, Likeness,
};
use crate::store::Store;

/// One proposed merge.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// From 0 to 1: how sure the reasons together make the pair.
    pub score: f32,
    /// The entity to merge away, and the one to keep (the fuller name, else the one
    /// named by more documents).
    pub from: String,
    pub into: String,
    pub from_id: EntityId,
    pub into_id: EntityId,
    pub from_kind: EntityKind,
    pub into_kind: EntityKind,
    pub reasons: Vec<String>,
}

/// What `duplicates` lists.
#[derive(Debug, Clone)]
pub struct DuplicateOptions {
    /// Pairs scoring below are left out.
    pub min_score: f32,
    /// Only pairs involving this entity.
    pub entity: Option<EntityId>,
}

impl Default for DuplicateOptions {
    fn default() -> Self {
        DuplicateOptions {
            min_score: 0.5,
            entity: None,
        }
    }
}

/// A group sharing one form larger than this proves nothing about any two of its members.
const GROUP_CAP: usize = 32;

struct Stored {
    entity: Entity,
    key: String,
    /// Documents' votes, for choosing which side to keep.
    weight: u64,
}

/// Reasons found for one pair, with their strengths.
#[derive(Default)]
struct Evidence {
    reasons: Vec<(String, f32)>,
}

impl Evidence {
    fn add(&mut self, reason: String, strength: f32) {
        if !self.reasons.iter().any(|(r, _)| *r == reason) {
            self.reasons.push((reason, strength));
        }
    }
}

impl Store {
    /// Pairs of entities that may be one, strongest first.
    pub fn duplicates(&self, opts: &DuplicateOptions) -> Result<Vec<Candidate>> {
        let mut all: Vec<Stored> = Vec::new();
        for e in self.all_entities() {
            let entity = e?;
            let weight = match self.kind_votes(entity.id)? {
                Some(v) => v.total(),
                None => 1,
            };
            all.push(Stored {
                key: name_key(&entity.name),
                entity,
                weight,
            });
        }
        let mut pairs: BTreeMap<(usize, usize), Evidence> = BTreeMap::new();
        let mut note = |a: usize, b: usize, reason: String, strength: f32| {
            if a != b {
                pairs
                    .entry((a.min(b), a.max(b)))
                    .or_default()
                    .add(reason, strength);
            }
        };
        let person = |i: usize| all[i].entity.kind == EntityKind::Person;
        let both_kinds = |a: usize, b: usize| (all[a].entity.kind, all[b].entity.kind);

        // Every form (name or alias) → the entities bearing it.
        let mut by_form: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, s) in all.iter().enumerate() {
            let forms: BTreeSet<String> = std::iter::once(&s.entity.name)
                .chain(s.entity.aliases.iter())
                .map(|n| name_key(n))
                .filter(|k| !k.is_empty())
                .collect();
            for f in forms {
                by_form.entry(f).or_default().push(i);
            }
        }
        for (form, group) in &by_form {
            if group.len() < 2 || group.len() > GROUP_CAP {
                continue;
            }
            for (x, &a) in group.iter().enumerate() {
                for &b in &group[x + 1..] {
                    // One name is one entity whatever the kinds (as ingest decides it).
                    let named = |i: usize| all[i].key == *form;
                    if named(a) && named(b) {
                        note(a, b, format!("same name `{}`", all[a].entity.name), 0.9);
                        continue;
                    }
                    let (ka, kb) = both_kinds(a, b);
                    if !confusable(ka, kb) {
                        continue;
                    }
                    let kind = if person(a) && person(b) {
                        EntityKind::Person
                    } else {
                        EntityKind::Organization
                    };
                    match likeness(&all[a].entity.name, &all[b].entity.name, kind) {
                        Some(_) => note(a, b, format!("shared alias `{form}`"), 0.8),
                        // The alias of one is the other's name: the store was told so once.
                        None if (named(a) || named(b)) && !(person(a) && person(b)) => note(
                            a,
                            b,
                            format!("`{form}` names one, is an alias of the other"),
                            0.6,
                        ),
                        None => {}
                    }
                }
            }
        }

        // Surnames, initials and core names of the canonical names.
        let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_core: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_first_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, s) in all.iter().enumerate() {
            let name = &s.entity.name;
            if let Some(ini) = initials(name) {
                by_initials.entry(ini).or_default().push(i);
            }
            if person(i) {
                for sn in surnames(name) {
                    by_surname.entry(sn).or_default().push(i);
                }
            } else {
                by_core
                    .entry(core_name(name).unwrap_or_else(|| s.key.clone()))
                    .or_default()
                    .push(i);
                if let Some(w) = s.key.split(' ').next() {
                    by_first_word.entry(w.to_string()).or_default().push(i);
                }
            }
        }
        for (i, s) in all.iter().enumerate() {
            let name = &s.entity.name;
            let one_word = if person(i) {
                surnames(name).is_empty()
            } else {
                !s.key.contains(' ') && !is_acronym(name)
            };
            if one_word && confusable(s.entity.kind, EntityKind::Person) {
                // One word, perhaps of a person's name: the surname of exactly one full name.
                let fits: Vec<usize> = by_surname
                    .get(&s.key)
                    .map(|g| g.iter().copied().filter(|&j| j != i).collect())
                    .unwrap_or_default();
                if fits.len() == 1 {
                    note(i, fits[0], format!("surname `{name}`"), 0.75);
                }
            }
            if is_acronym(name) {
                let fits: Vec<usize> = by_initials
                    .get(&acronym_key(name))
                    .map(|g| {
                        g.iter()
                            .copied()
                            .filter(|&j| j != i && confusable(s.entity.kind, all[j].entity.kind))
                            .collect()
                    })
                    .unwrap_or_default();
                if fits.len() == 1 {
                    // Two-letter initials are common: alone they make no candidate.
                    let strength = if acronym_key(name).chars().count() >= 3 {
                        0.8
                    } else {
                        0.45
                    };
                    note(i, fits[0], format!("acronym `{name}`"), strength);
                }
            }
        }
        for group in by_core.values() {
            if group.len() < 2 || group.len() > GROUP_CAP {
                continue;
            }
            for (x, &a) in group.iter().enumerate() {
                for &b in &group[x + 1..] {
                    let (ka, kb) = both_kinds(a, b);
                    if all[a].key != all[b].key && kinds_compatible(ka, kb) {
                        note(
                            a,
                            b,
                            format!("core name `{}`", core_of(&all[a].entity.name)),
                            0.8,
                        );
                    }
                }
            }
        }
        // A short form: the first words of exactly one longer organization name.
        for (i, s) in all.iter().enumerate() {
            if person(i) {
                continue;
            }
            let Some(first) = s.key.split(' ').next() else {
                continue;
            };
            let Some(group) = by_first_word.get(first) else {
                continue;
            };
            if group.len() > GROUP_CAP {
                continue;
            }
            let longer: Vec<usize> = group
                .iter()
                .copied()
                .filter(|&j| {
                    j != i
                        && kinds_compatible(s.entity.kind, all[j].entity.kind)
                        && likeness(
                            &s.entity.name,
                            &all[j].entity.name,
                            EntityKind::Organization,
                        ) == Some(Likeness::Prefix)
                        && all[j].key.len() > s.key.len()
                })
                .collect();
            if longer.len() == 1 {
                note(
                    i,
                    longer[0],
                    format!("short form `{}`", s.entity.name),
                    0.55,
                );
            }
        }
        // Near spellings: one typo in a name of six letters or more, two in one of twelve.
        // For people, in the surname only, the given names agreeing.
        let mut blocks: HashMap<String, Vec<(usize, String)>> = HashMap::new();
        for (i, s) in all.iter().enumerate() {
            let (_, spelled) = spelling_key(&s.entity, person(i));
            for block in block_keys(&spelled) {
                blocks.entry(block).or_default().push((i, spelled.clone()));
            }
        }
        let mut compared: BTreeSet<(usize, usize)> = BTreeSet::new();
        for group in blocks.values() {
            if group.len() > 4 * GROUP_CAP {
                continue;
            }
            for (x, (a, fa)) in group.iter().enumerate() {
                for (b, fb) in &group[x + 1..] {
                    let (a, b) = (*a, *b);
                    if a == b || !compared.insert((a.min(b), a.max(b))) {
                        continue;
                    }
                    let (ka, kb) = both_kinds(a, b);
                    if !confusable(ka, kb)
                        || fa == fb
                        || fa.chars().count().min(fb.chars().count()) < 6
                    {
                        continue;
                    }
                    let given_a = spelling_key(&all[a].entity, person(a)).0;
                    let given_b = spelling_key(&all[b].entity, person(b)).0;
                    if given_a.is_some() && given_b.is_some() && given_a != given_b {
                        continue;
                    }
                    let allowed = if fa.chars().count().min(fb.chars().count()) >= 12 {
                        2
                    } else {
                        1
                    };
                    let d = strsim::osa_distance(fa, fb);
                    if d <= allowed {
                        note(
                            a,
                            b,
                            format!(
                                "near spelling `{}` ~ `{}`",
                                all[a].entity.name, all[b].entity.name
                            ),
                            0.55,
                        );
                    }
                }
            }
        }

        // Shared neighbours raise what the names proposed.
        let mut neighbours: HashMap<usize, BTreeSet<EntityId>> = HashMap::new();
        let mut out = Vec::new();
        for ((a, b), ev) in pairs {
            if let Some(only) = opts.entity {
                if all[a].entity.id != only && all[b].entity.id != only {
                    continue;
                }
            }
            for i in [a, b] {
                if let std::collections::hash_map::Entry::Vacant(slot) = neighbours.entry(i) {
                    let mut set = BTreeSet::new();
                    self.for_each_neighbor(all[i].entity.id, |n, _, _| {
                        set.insert(n);
                    })?;
                    slot.insert(set);
                }
            }
            let (ida, idb) = (all[a].entity.id, all[b].entity.id);
            let na: BTreeSet<EntityId> = neighbours[&a]
                .iter()
                .copied()
                .filter(|n| *n != idb)
                .collect();
            let nb: BTreeSet<EntityId> = neighbours[&b]
                .iter()
                .copied()
                .filter(|n| *n != ida)
                .collect();
            let shared: Vec<EntityId> = na.intersection(&nb).copied().collect();
            let mut reasons = ev.reasons;
            if !shared.is_empty() {
                let union = na.union(&nb).count().max(1);
                let mut names = Vec::new();
                for id in shared.iter().take(3) {
                    if let Some(e) = self.entity(*id)? {
                        names.push(e.name);
                    }
                }
                reasons.push((
                    format!(
                        "same neighbours: {} of {union} ({})",
                        shared.len(),
                        names.join(", ")
                    ),
                    0.4 * shared.len() as f32 / union as f32,
                ));
            }
            let mut doubt: f32 = reasons.iter().map(|(_, s)| 1.0 - s).product();
            if all[a].entity.kind != all[b].entity.kind {
                doubt = 1.0 - (1.0 - doubt) * 0.85;
            }
            let score = ((1.0 - doubt) * 100.0).round() / 100.0;
            if score < opts.min_score {
                continue;
            }
            let (from, into) = if keeps(&all[a], &all[b]) {
                (b, a)
            } else {
                (a, b)
            };
            out.push(Candidate {
                score: score.min(0.99),
                from: all[from].entity.name.clone(),
                into: all[into].entity.name.clone(),
                from_id: all[from].entity.id,
                into_id: all[into].entity.id,
                from_kind: all[from].entity.kind,
                into_kind: all[into].entity.kind,
                reasons: reasons.into_iter().map(|(r, _)| r).collect(),
            });
        }
        out.sort_by(|x, y| {
            y.score
                .total_cmp(&x.score)
                .then_with(|| x.into.cmp(&y.into))
                .then_with(|| x.from.cmp(&y.from))
        });
        Ok(out)
    }
}

/// True when `a` is the side to keep: the fuller name, else the one more documents named,
/// else the older.
fn keeps(a: &Stored, b: &Stored) -> bool {
    let words = |s: &Stored| s.key.split(' ').count();
    (words(a), a.weight, std::cmp::Reverse(a.entity.id))
        > (words(b), b.weight, std::cmp::Reverse(b.entity.id))
}

fn core_of(name: &str) -> String {
    core_name(name).unwrap_or_else(|| name_key(name))
}

/// Kinds that may be one entity whose extractor hesitated: compatible ones, and a person
/// against an organization or media.
fn confusable(a: EntityKind, b: EntityKind) -> bool {
    use EntityKind::*;
    kinds_compatible(a, b)
        || matches!(
            (a, b),
            (Person, Organization) | (Organization, Person) | (Person, Media) | (Media, Person)
        )
}

/// What a near spelling compares: for a person with a given name, (given name, surname);
/// else (None, the whole folded name).
fn spelling_key(e: &Entity, person: bool) -> (Option<String>, String) {
    let key = name_key(&e.name);
    if person {
        if let Some(surname) = surnames(&e.name).into_iter().next() {
            let given = key.split(' ').next().unwrap_or("").to_string();
            return (Some(given), surname);
        }
    }
    (None, key)
}

/// Two names one or two edits apart share their first three or their last three letters.
fn block_keys(form: &str) -> Vec<String> {
    let chars: Vec<char> = form.chars().collect();
    if chars.len() < 6 {
        return Vec::new();
    }
    vec![
        format!("<{}", chars[..3].iter().collect::<String>()),
        format!(">{}", chars[chars.len() - 3..].iter().collect::<String>()),
    ]
}
