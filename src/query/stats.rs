//! What a store holds, broken down: entities by kind, edges by relation, evidence, and the
//! most connected entities. One scan of the entities and one of the edges.

use std::collections::{BTreeMap, HashMap};

use crate::error::Result;
use crate::model::*;
use crate::store::Store;

/// The counts of `relgraph stats`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Breakdown {
    pub kinds: BTreeMap<EntityKind, u64>,
    pub relations: BTreeMap<RelationKind, u64>,
    /// Evidence sentences, summed over the edges.
    pub evidence: u64,
    /// The entities with the most edges (both directions), most first, with their count.
    pub most_connected: Vec<(Entity, u64)>,
}

impl Store {
    /// Counts by kind and relation, and the `top` most connected entities.
    pub fn breakdown(&self, top: usize) -> Result<Breakdown> {
        let _r = self.read_gate();
        let mut b = Breakdown::default();
        for e in self.all_entities() {
            *b.kinds.entry(e?.kind).or_default() += 1;
        }
        let mut degree: HashMap<EntityId, u64> = HashMap::new();
        for item in self.all_edges() {
            let (k, d) = item?;
            *b.relations.entry(k.relation).or_default() += 1;
            b.evidence += u64::from(d.evidence);
            *degree.entry(k.source).or_default() += 1;
            *degree.entry(k.target).or_default() += 1;
        }
        let mut ranked: Vec<(EntityId, u64)> = degree.into_iter().collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (id, n) in ranked.into_iter().take(top) {
            if let Some(e) = self.entity(id)? {
                b.most_connected.push((e, n));
            }
        }
        Ok(b)
    }
}
