//! Names as users type them: `#ID`, `NAME`, or `NAME (kind)`, resolved to one entity.
//!
//! A name is looked up under every surface form (one read of the `names` index). When it
//! fits several entities, the one whose own name was typed wins; else, for a query, the only
//! candidate with edges (the caller is told which others were passed over); else the answer
//! is `Ambiguous`, listing each candidate as it can be typed to reach it.

use crate::error::{Error, Result};
use crate::model::*;
use crate::store::Store;

/// What a user typed, read: an id, or a name with an optional kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntityRef {
    Id(EntityId),
    Name {
        name: String,
        kind: Option<EntityKind>,
    },
}

impl EntityRef {
    /// `#12` is an id; `OpenAI (product)` a name with a kind; anything else a name. A
    /// parenthesis that is not a kind ("Alphabet (Google)") stays part of the name.
    pub fn parse(text: &str) -> EntityRef {
        let t = text.trim();
        if let Some(id) = t.strip_prefix('#').and_then(|d| d.parse::<EntityId>().ok()) {
            return EntityRef::Id(id);
        }
        if let Some(open) = t.strip_suffix(')').and_then(|s| s.rfind('(')) {
            if let Ok(kind) = t[open + 1..t.len() - 1].parse::<EntityKind>() {
                let name = t[..open].trim();
                if !name.is_empty() {
                    return EntityRef::Name {
                        name: name.to_string(),
                        kind: Some(kind),
                    };
                }
            }
        }
        EntityRef::Name {
            name: t.to_string(),
            kind: None,
        }
    }
}

/// How strictly a shared name is settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// Queries: a shared name goes to its only candidate with edges.
    PreferConnected,
    /// Curation (merge, rename...): a shared name must be made precise.
    Exact,
}

/// The entity a reference named, and the candidates passed over to choose it.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub entity: Entity,
    /// Non-empty when the name fit these too and only `entity` has edges.
    pub passed_over: Vec<Entity>,
}

/// How an entity can be typed to reach it unambiguously: `OpenAI (product) #31`.
pub fn describe(e: &Entity) -> String {
    format!("{} ({}) #{}", e.name, e.kind, e.id)
}

impl Store {
    /// Resolves a user-typed name (see [`Store::resolve_ref`]), preferring the only
    /// connected candidate of a shared name.
    pub fn resolve(&self, name: &str) -> Result<Entity> {
        self.resolve_ref(name, None, Strictness::PreferConnected)
            .map(|r| r.entity)
    }

    /// Resolves `#ID`, `NAME` or `NAME (kind)`; `kind` narrows a plain name the same way.
    /// None → `NotFound` with suggestions; several that cannot be told apart → `Ambiguous`.
    pub fn resolve_ref(
        &self,
        text: &str,
        kind: Option<EntityKind>,
        strictness: Strictness,
    ) -> Result<Resolved> {
        let (name, kind) = match EntityRef::parse(text) {
            EntityRef::Id(id) => {
                let entity = self.entity(id)?.ok_or_else(|| Error::NotFound {
                    name: format!("#{id}"),
                    suggestions: Vec::new(),
                })?;
                if kind.is_some_and(|k| k != entity.kind) {
                    return Err(Error::Invalid(format!(
                        "#{id} is {}, not a {}",
                        describe(&entity),
                        kind.map(|k| k.as_str()).unwrap_or_default()
                    )));
                }
                return Ok(Resolved {
                    entity,
                    passed_over: Vec::new(),
                });
            }
            EntityRef::Name { name, kind: typed } => (name, typed.or(kind)),
        };
        let all: Vec<Entity> = self
            .ids_for_name(&name)?
            .iter()
            .filter_map(|id| self.entity(*id).transpose())
            .collect::<Result<_>>()?;
        let mut cands: Vec<Entity> = all
            .iter()
            .filter(|e| kind.is_none_or(|k| e.kind == k))
            .cloned()
            .collect();
        if cands.is_empty() {
            let suggestions = if all.is_empty() {
                self.similar_names(&name, 3)?
            } else {
                all.iter().map(describe).collect()
            };
            let shown = match kind {
                Some(k) => format!("{name} ({k})"),
                None => name.clone(),
            };
            return Err(Error::NotFound {
                name: shown,
                suggestions,
            });
        }
        if cands.len() == 1 {
            return Ok(Resolved {
                entity: cands.remove(0),
                passed_over: Vec::new(),
            });
        }
        // Prefer an entity whose own name is what was typed, exactly, then folded.
        for same in [
            |e: &Entity, n: &str| e.name == n,
            |e: &Entity, n: &str| name_key(&e.name) == name_key(n),
        ] {
            let hits: Vec<&Entity> = cands.iter().filter(|e| same(e, &name)).collect();
            if hits.len() == 1 {
                return Ok(Resolved {
                    entity: hits[0].clone(),
                    passed_over: Vec::new(),
                });
            }
        }
        cands.sort_by_key(|e| e.id);
        let degrees: Vec<usize> = cands
            .iter()
            .map(|e| self.degree(e.id))
            .collect::<Result<_>>()?;
        let connected: Vec<usize> = (0..cands.len()).filter(|&i| degrees[i] > 0).collect();
        if strictness == Strictness::PreferConnected && connected.len() == 1 {
            let entity = cands.remove(connected[0]);
            return Ok(Resolved {
                entity,
                passed_over: cands,
            });
        }
        Err(Error::Ambiguous {
            name: name.to_string(),
            candidates: cands
                .iter()
                .zip(&degrees)
                .map(|(e, d)| format!("{} ({} edges)", describe(e), d))
                .collect(),
        })
    }

    /// Number of edges at an entity, both directions.
    pub fn degree(&self, id: EntityId) -> Result<usize> {
        let mut n = 0;
        self.for_each_neighbor(id, |_, _, _| n += 1)?;
        Ok(n)
    }

    /// Canonical names closest to `name` (Jaro-Winkler on folded forms, then substrings).
    pub fn similar_names(&self, name: &str, limit: usize) -> Result<Vec<String>> {
        let key = name_key(name);
        // Suggestions are for typos: a name longer than any real one gets none, and costs
        // no full scan.
        if key.is_empty() || key.len() > 256 {
            return Ok(Vec::new());
        }
        let mut scored: Vec<(f64, EntityId)> = Vec::new();
        for item in self.name_keys() {
            let (k, ids) = item?;
            let mut score = strsim::jaro_winkler(&key, &k);
            if k.contains(&key) || key.contains(&k) {
                score = score.max(0.9);
            }
            if score >= 0.8 {
                for id in ids {
                    scored.push((score, id));
                }
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut out = Vec::new();
        for (_, id) in scored {
            if let Some(e) = self.entity(id)? {
                if !out.contains(&e.name) {
                    out.push(e.name);
                }
            }
            if out.len() >= limit {
                break;
            }
        }
        Ok(out)
    }

    /// Entities by kind and by a case- and accent-insensitive search (substring or fuzzy).
    pub fn find_entities(
        &self,
        kind: Option<EntityKind>,
        search: Option<&str>,
    ) -> Result<Vec<Entity>> {
        let _r = self.read_gate();
        let key = search.map(name_key);
        let mut out = Vec::new();
        for e in self.all_entities() {
            let e = e?;
            if kind.is_some_and(|k| k != e.kind) {
                continue;
            }
            if let Some(key) = &key {
                let hit = std::iter::once(&e.name).chain(e.aliases.iter()).any(|f| {
                    let fk = name_key(f);
                    fk.contains(key.as_str()) || strsim::jaro_winkler(&fk, key) >= 0.88
                });
                if !hit {
                    continue;
                }
            }
            out.push(e);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_parse_ids_kinds_and_plain_names() {
        assert_eq!(EntityRef::parse(" #12 "), EntityRef::Id(12));
        assert_eq!(
            EntityRef::parse("OpenAI (product)"),
            EntityRef::Name {
                name: "OpenAI".into(),
                kind: Some(EntityKind::Product)
            }
        );
        for plain in ["Alphabet (Google)", "#twelve", "(person)", "C#"] {
            assert_eq!(
                EntityRef::parse(plain),
                EntityRef::Name {
                    name: plain.into(),
                    kind: None
                },
                "{plain}"
            );
        }
    }
}
