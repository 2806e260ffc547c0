//! Paths between two entities, direction ignored: the shortest one (bidirectional BFS on
//! the indexes) and every simple path, each a distinct sequence of entities whose hops show
//! the best-supported edge between each pair and name the others.

use std::collections::{BTreeMap, HashMap};

use super::{rel_ok, Direction, EdgeFilter, Hop, IdPath};
use crate::error::Result;
use crate::model::*;
use crate::store::Store;

/// Symbol of an edge seen from `from`.
fn arrow(key: &EdgeKey, from: EntityId) -> &'static str {
    if key.relation.is_symmetric() {
        "--"
    } else if key.source == from {
        "->"
    } else {
        "<-"
    }
}

/// What a path search asks: its two ends, at most `max_depth` hops, over the relations of
/// `relations` (all when empty) and the edges that pass the date filters of `when`
/// (`since`, `until`, `as_of`). One value serves every path query, so they cannot drift.
#[derive(Debug, Clone, Default)]
pub struct PathQuery {
    pub from: EntityId,
    pub to: EntityId,
    pub max_depth: usize,
    pub relations: Vec<RelationKind>,
    pub when: EdgeFilter,
}

impl PathQuery {
    /// A search over every edge, whatever its dates.
    pub fn new(from: EntityId, to: EntityId, max_depth: usize, relations: &[RelationKind]) -> Self {
        PathQuery {
            from,
            to,
            max_depth,
            relations: relations.to_vec(),
            when: EdgeFilter::default(),
        }
    }
}

impl Store {
    /// Shortest path ignoring direction: bidirectional breadth-first search, each side
    /// expanding its smaller frontier, adjacency read on demand.
    pub fn shortest_path_ids(&self, q: &PathQuery) -> Result<Option<IdPath>> {
        let (a, b, max_depth, rels, when) = (q.from, q.to, q.max_depth, &q.relations, &q.when);
        if a == b {
            return Ok(Some(Vec::new()));
        }
        let _r = self.read_gate();
        // parent maps: node → (previous node, relation, direction as seen from previous)
        let mut pa: HashMap<EntityId, Option<(EntityId, RelationKind, &'static str)>> =
            HashMap::from([(a, None)]);
        let mut pb: HashMap<EntityId, Option<(EntityId, RelationKind, &'static str)>> =
            HashMap::from([(b, None)]);
        let mut fa = vec![a];
        let mut fb = vec![b];
        let (mut da, mut db) = (0usize, 0usize);
        while !fa.is_empty() && !fb.is_empty() && da + db < max_depth {
            let expand_a = fa.len() <= fb.len();
            let (frontier, parents, others) = if expand_a {
                (&mut fa, &mut pa, &pb)
            } else {
                (&mut fb, &mut pb, &pa)
            };
            let mut next = Vec::new();
            let mut meet = None;
            'outer: for &n in frontier.iter() {
                for (o, r, sym) in self.adjacent_when(n, Direction::Both, rels, when)? {
                    if parents.contains_key(&o) {
                        continue;
                    }
                    parents.insert(o, Some((n, r, sym)));
                    if others.contains_key(&o) {
                        meet = Some(o);
                        break 'outer;
                    }
                    next.push(o);
                }
            }
            if expand_a {
                da += 1;
            } else {
                db += 1;
            }
            if let Some(m) = meet {
                let mut hops = Vec::new();
                let mut cur = m;
                while let Some(Some((p, r, s))) = pa.get(&cur) {
                    hops.push((*p, *r, *s, cur));
                    cur = *p;
                }
                hops.reverse();
                let mut cur = m;
                while let Some(Some((p, r, s))) = pb.get(&cur) {
                    let back = match *s {
                        "->" => "<-",
                        "<-" => "->",
                        x => x,
                    };
                    hops.push((cur, *r, back, *p));
                    cur = *p;
                }
                return Ok(Some(hops));
            }
            *frontier = next;
        }
        Ok(None)
    }

    /// The edges between two entities (either way), best supported first.
    fn edges_between(
        &self,
        a: EntityId,
        b: EntityId,
        rels: &[RelationKind],
        when: &EdgeFilter,
    ) -> Result<Vec<(EdgeKey, EdgeData)>> {
        let mut found = Vec::new();
        for (k, d) in self.out_edges(a)? {
            if k.target == b && rel_ok(rels, k.relation) {
                found.push((k, d));
            }
        }
        for (k, d) in self.out_edges(b)? {
            if k.target == a && rel_ok(rels, k.relation) && !found.iter().any(|(f, _)| *f == k) {
                found.push((k, d));
            }
        }
        if when.dated() {
            let mut kept = Vec::with_capacity(found.len());
            for (k, d) in found {
                if self.edge_holds(&k, &d, when)? {
                    kept.push((k, d));
                }
            }
            found = kept;
        }
        found.sort_by(|x, y| {
            y.1.evidence
                .cmp(&x.1.evidence)
                .then(y.1.confidence.total_cmp(&x.1.confidence))
                .then(x.0.cmp(&y.0))
        });
        Ok(found)
    }

    /// The hop from `a` to `b`: its best edge (or `preferred` when given), with the others.
    fn hop(
        &self,
        a: EntityId,
        b: EntityId,
        rels: &[RelationKind],
        preferred: Option<RelationKind>,
        names: &mut HashMap<EntityId, Entity>,
        when: &EdgeFilter,
    ) -> Result<Hop> {
        let mut edges = self.edges_between(a, b, rels, when)?;
        if let Some(p) = preferred {
            if let Some(i) = edges.iter().position(|(k, _)| k.relation == p) {
                let e = edges.remove(i);
                edges.insert(0, e);
            }
        }
        let from = self.cached_entity(a, names)?.name;
        let to = self.cached_entity(b, names)?.name;
        let Some((key, data)) = edges.first().cloned() else {
            return Err(self.corrupt(&format!("no edge between {a} and {b} on a path")));
        };
        let all = if data.evidence > 0 {
            self.evidence_of(&key)?
        } else {
            Vec::new()
        };
        let timing = self.timing_of(&key, &all)?;
        let evidence = all
            .into_iter()
            .next()
            .map(|e| e.sentence)
            .unwrap_or_default();
        Ok(Hop {
            held_from: timing.held_from,
            held_until: timing.held_until,
            from,
            relation: key.relation,
            to,
            direction: arrow(&key, a),
            evidence_count: data.evidence,
            evidence: evidence.to_string(),
            also: edges[1..]
                .iter()
                .map(|(k, _)| format!("{} {}", k.relation, arrow(k, a)))
                .collect(),
        })
    }

    /// The shortest path between two entities, with names and evidence.
    pub fn shortest_path(&self, q: &PathQuery) -> Result<Option<Vec<Hop>>> {
        let Some(ids) = self.shortest_path_ids(q)? else {
            return Ok(None);
        };
        let _r = self.read_gate();
        let mut names = HashMap::new();
        let mut hops = Vec::new();
        for (f, r, _, t) in ids {
            hops.push(self.hop(f, t, &q.relations, Some(r), &mut names, &q.when)?);
        }
        Ok(Some(hops))
    }

    /// The simple paths of at most `max_depth` hops between the two ends, shortest first, at
    /// most `limit` of them. Two entities linked by several relations are one hop, so a path
    /// is a distinct sequence of entities.
    pub fn all_paths(&self, q: &PathQuery, limit: usize) -> Result<Vec<Vec<Hop>>> {
        let (a, b, max_depth, rels, when) = (q.from, q.to, q.max_depth, &q.relations, &q.when);
        if a == b || limit == 0 {
            return Ok(Vec::new());
        }
        let _r = self.read_gate();
        // The undirected, relation-free adjacency of everything within reach, read once.
        let mut adjacency: BTreeMap<EntityId, Vec<EntityId>> = BTreeMap::new();
        let mut frontier = vec![a];
        for _ in 0..max_depth {
            let mut next = Vec::new();
            for &n in &frontier {
                if adjacency.contains_key(&n) {
                    continue;
                }
                let mut others: Vec<EntityId> = self
                    .adjacent_when(n, Direction::Both, rels, when)?
                    .into_iter()
                    .map(|(o, _, _)| o)
                    .collect();
                others.sort_unstable();
                others.dedup();
                next.extend(
                    others
                        .iter()
                        .copied()
                        .filter(|o| !adjacency.contains_key(o)),
                );
                adjacency.insert(n, others);
            }
            frontier = next;
        }
        // Depth by depth, so that the first `limit` found are the shortest.
        let mut found: Vec<Vec<EntityId>> = Vec::new();
        for length in 1..=max_depth {
            let mut stack: Vec<Vec<EntityId>> = vec![vec![a]];
            while let Some(path) = stack.pop() {
                let last = *path.last().expect("paths start with a");
                if path.len() == length + 1 {
                    if last == b {
                        found.push(path);
                        if found.len() >= limit {
                            break;
                        }
                    }
                    continue;
                }
                if last == b {
                    continue;
                }
                for &o in adjacency
                    .get(&last)
                    .map(Vec::as_slice)
                    .unwrap_or(&[])
                    .iter()
                    .rev()
                {
                    if !path.contains(&o) {
                        let mut p = path.clone();
                        p.push(o);
                        stack.push(p);
                    }
                }
            }
            if found.len() >= limit {
                break;
            }
        }
        let mut names = HashMap::new();
        found
            .iter()
            .map(|p| {
                p.windows(2)
                    .map(|w| self.hop(w[0], w[1], rels, None, &mut names, when))
                    .collect()
            })
            .collect()
    }
}
