//! An in-memory adjacency snapshot (compressed sparse rows) for multi-hop walks. Built from
//! the `out` rows and the entity names in one scan; rebuilt only when this process has
//! written to the store since (sled lets one process hold a store, so no one else can).

use std::collections::HashMap;

use crate::error::Result;
use crate::model::{EntityId, RelationKind};
use crate::store::codec::{adjacency_key, for_each_row_edge, AdjacencyKey};
use crate::store::Store;

/// Undirected adjacency of the whole graph with entity names.
pub struct Snapshot {
    /// The store's write counter when the snapshot was built.
    pub generation: u64,
    ids: Vec<EntityId>,
    index: HashMap<EntityId, u32>,
    offsets: Vec<u32>,
    neighbors: Vec<u32>,
    relations: Vec<u8>,
    names: Vec<Box<str>>,
    by_name: HashMap<Box<str>, u32>,
}

/// Reusable visit marks for walks on a snapshot, so a query allocates nothing.
#[derive(Default)]
pub struct Scratch {
    stamp: u32,
    seen_a: Vec<u32>,
    seen_b: Vec<u32>,
    dist_a: Vec<u8>,
    dist_b: Vec<u8>,
}

impl Snapshot {
    pub fn build(store: &Store, generation: u64) -> Result<Snapshot> {
        let _r = store.read_gate();
        let mut ids = Vec::new();
        let mut names = Vec::new();
        for e in store.all_entities() {
            let e = e?;
            ids.push(e.id);
            names.push(e.name.into_boxed_str());
        }
        let index: HashMap<EntityId, u32> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (*id, i as u32))
            .collect();
        let mut pairs: Vec<(u32, u32, u8)> = Vec::new();
        let mut missing = false;
        let mut push =
            |a: EntityId, r: RelationKind, b: EntityId| match (index.get(&a), index.get(&b)) {
                (Some(&ia), Some(&ib)) => {
                    pairs.push((ia, ib, r.code()));
                    pairs.push((ib, ia, r.code() | 0x80));
                }
                _ => missing = true,
            };
        for item in store.out.iter() {
            let (k, v) = item.map_err(|e| store.sled_err(e))?;
            match adjacency_key(&k, false) {
                Some(AdjacencyKey::Row(a)) => for_each_row_edge(&v, true, |r, b| push(a, r, b))
                    .map_err(|e| store.corrupt(&format!("edges of {a}: {e}")))?,
                Some(AdjacencyKey::Single(e)) => push(e.source, e.relation, e.target),
                None => return Err(store.corrupt("malformed key in the out tree")),
            }
        }
        if missing {
            return Err(store.corrupt("edge to a missing entity"));
        }
        pairs.sort_unstable();
        let mut offsets = vec![0u32; ids.len() + 1];
        for p in &pairs {
            offsets[p.0 as usize + 1] += 1;
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let neighbors = pairs.iter().map(|p| p.1).collect();
        let relations = pairs.iter().map(|p| p.2).collect();
        let by_name = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i as u32))
            .collect();
        Ok(Snapshot {
            generation,
            ids,
            index,
            offsets,
            neighbors,
            relations,
            names,
            by_name,
        })
    }

    /// The node of an exact canonical name (no folding: that is `Store::resolve`'s job).
    pub fn node_by_name(&self, name: &str) -> Option<u32> {
        self.by_name.get(name).copied()
    }

    pub fn node(&self, id: EntityId) -> Option<u32> {
        self.index.get(&id).copied()
    }

    pub fn id(&self, node: u32) -> EntityId {
        self.ids[node as usize]
    }

    pub fn name(&self, node: u32) -> &str {
        &self.names[node as usize]
    }

    /// Adjacent nodes in both directions (with repeats when several relations join them).
    pub fn adjacent(&self, node: u32) -> &[u32] {
        let (a, b) = (
            self.offsets[node as usize] as usize,
            self.offsets[node as usize + 1] as usize,
        );
        &self.neighbors[a..b]
    }

    /// (neighbor, relation, followed forwards) for each edge at `node`.
    pub fn edges(&self, node: u32) -> impl Iterator<Item = (u32, RelationKind, bool)> + '_ {
        let (a, b) = (
            self.offsets[node as usize] as usize,
            self.offsets[node as usize + 1] as usize,
        );
        (a..b).filter_map(move |i| {
            let code = self.relations[i];
            RelationKind::from_code(code & 0x7f).map(|r| (self.neighbors[i], r, code & 0x80 == 0))
        })
    }

    /// Distinct neighbors of a node.
    pub fn distinct_neighbors(&self, node: u32) -> Vec<u32> {
        let mut v = self.adjacent(node).to_vec();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Number of distinct nodes within two hops, the node itself excluded.
    pub fn two_hop_count(&self, node: u32, seen: &mut Vec<u32>, stamp: u32) -> usize {
        if seen.len() < self.ids.len() {
            seen.resize(self.ids.len(), 0);
        }
        seen[node as usize] = stamp;
        let mut count = 0;
        for &n in self.adjacent(node) {
            if seen[n as usize] != stamp {
                seen[n as usize] = stamp;
                count += 1;
            }
        }
        for &n in self.adjacent(node) {
            for &m in self.adjacent(n) {
                if seen[m as usize] != stamp {
                    seen[m as usize] = stamp;
                    count += 1;
                }
            }
        }
        count
    }

    /// Hop count of a shortest undirected path: bidirectional BFS that always expands the
    /// side with fewer edges to look at. `None` when longer than `max` or absent.
    pub fn path_length(&self, a: u32, b: u32, max: usize, sc: &mut Scratch) -> Option<usize> {
        if a == b {
            return Some(0);
        }
        let n = self.ids.len();
        if sc.seen_a.len() < n {
            sc.seen_a.resize(n, 0);
            sc.seen_b.resize(n, 0);
            sc.dist_a.resize(n, 0);
            sc.dist_b.resize(n, 0);
        }
        sc.stamp = sc.stamp.wrapping_add(1);
        if sc.stamp == 0 {
            sc.seen_a.iter_mut().for_each(|x| *x = 0);
            sc.seen_b.iter_mut().for_each(|x| *x = 0);
            sc.stamp = 1;
        }
        let st = sc.stamp;
        sc.seen_a[a as usize] = st;
        sc.dist_a[a as usize] = 0;
        sc.seen_b[b as usize] = st;
        sc.dist_b[b as usize] = 0;
        let mut fa = vec![a];
        let mut fb = vec![b];
        let (mut la, mut lb) = (0usize, 0usize);
        while !fa.is_empty() && !fb.is_empty() && la + lb < max {
            let cost = |f: &[u32]| f.iter().map(|x| self.adjacent(*x).len()).sum::<usize>();
            let grow_a = cost(&fa) <= cost(&fb);
            let (frontier, seen, dist, oseen, odist, level) = if grow_a {
                (
                    &mut fa,
                    &mut sc.seen_a,
                    &mut sc.dist_a,
                    &sc.seen_b,
                    &sc.dist_b,
                    &mut la,
                )
            } else {
                (
                    &mut fb,
                    &mut sc.seen_b,
                    &mut sc.dist_b,
                    &sc.seen_a,
                    &sc.dist_a,
                    &mut lb,
                )
            };
            *level += 1;
            let mut next = Vec::new();
            let mut best: Option<usize> = None;
            for &x in frontier.iter() {
                for &y in self.adjacent(x) {
                    let yi = y as usize;
                    if seen[yi] == st {
                        continue;
                    }
                    seen[yi] = st;
                    dist[yi] = *level as u8;
                    if oseen[yi] == st {
                        let total = *level + odist[yi] as usize;
                        best = Some(best.map_or(total, |v: usize| v.min(total)));
                    }
                    next.push(y);
                }
            }
            if let Some(t) = best {
                return (t <= max).then_some(t);
            }
            *frontier = next;
        }
        None
    }
}
