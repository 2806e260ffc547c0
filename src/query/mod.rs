//! Queries over the store: name resolution, edge listings, neighborhoods, paths, evidence
//! and focused subgraphs (petgraph). Everything reads the indexes on demand; nothing loads
//! the whole graph.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::*;
use crate::store::Store;

pub mod snapshot;
pub use snapshot::{Scratch, Snapshot};

/// Which way edges are followed from an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    Out,
    In,
    #[default]
    Both,
}

impl std::str::FromStr for Direction {
    type Err = Error;
    fn from_str(s: &str) -> Result<Direction> {
        match s {
            "out" => Ok(Direction::Out),
            "in" => Ok(Direction::In),
            "both" => Ok(Direction::Both),
            _ => Err(Error::Invalid(format!(
                "unknown direction `{s}`; use out, in or both"
            ))),
        }
    }
}

/// An edge as users see it: names, kinds, figures and the first evidence sentence. The
/// keys match `relgraph extract --format jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EdgeView {
    pub source: String,
    pub relation: RelationKind,
    pub target: String,
    pub source_kind: EntityKind,
    pub target_kind: EntityKind,
    pub evidence: String,
    pub confidence: f32,
    pub documents: u32,
    pub evidence_count: u32,
    pub first_date: Option<Date>,
    pub last_date: Option<Date>,
}

/// An entity reached from another.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Neighbor {
    pub name: String,
    pub kind: EntityKind,
    pub depth: usize,
    /// The relation of the hop that first reached it, and whether it was followed forwards.
    pub relation: RelationKind,
    pub direction: &'static str,
    pub via: String,
}

/// One hop of a path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hop {
    pub from: String,
    pub relation: RelationKind,
    pub to: String,
    /// "->" when the stored edge goes from `from` to `to`, "<-" when it goes the other way,
    /// "--" for symmetric relations.
    pub direction: &'static str,
}

/// Filters of `edges`.
#[derive(Debug, Clone, Default)]
pub struct EdgeFilter {
    pub from: Option<EntityId>,
    pub to: Option<EntityId>,
    pub relations: Vec<RelationKind>,
    /// Edges with a date on or after this one (at its precision: `2018` means from
    /// 2018-01-01).
    pub since: Option<Date>,
    /// Edges with a date on or before this one (`2018` means up to 2018-12-31).
    pub until: Option<Date>,
}

impl EdgeFilter {
    /// True when the span from `first` to `last` reaches into the `since`..`until` window;
    /// an undated edge fits only a filter without dates.
    pub fn dates_fit(&self, first: Option<Date>, last: Option<Date>) -> bool {
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        let (Some(first), Some(last)) = (first.or(last), last.or(first)) else {
            return false;
        };
        self.since.is_none_or(|s| last.last_day() >= s.first_day())
            && self.until.is_none_or(|u| first.first_day() <= u.last_day())
    }
}

/// Evidence with the title of the document it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceView {
    pub source: String,
    pub relation: RelationKind,
    pub target: String,
    pub sentence: String,
    pub document: String,
    pub title: String,
    pub date: Option<Date>,
    pub rule: String,
    pub confidence: f32,
}

/// A path as hops of ids: (from, relation, direction symbol, to).
pub type IdPath = Vec<(EntityId, RelationKind, &'static str, EntityId)>;

/// A focused part of the graph, for export and multi-path queries.
pub type Subgraph = StableDiGraph<Entity, (RelationKind, EdgeData)>;

fn rel_ok(filter: &[RelationKind], r: RelationKind) -> bool {
    filter.is_empty() || filter.contains(&r)
}

impl Store {
    /// Resolves a user-typed name: exact or alias or folded form (one index read), then
    /// fuzzy. Several candidates → `Ambiguous`; none → `NotFound` with suggestions.
    pub fn resolve(&self, name: &str) -> Result<Entity> {
        let ids = self.ids_for_name(name)?;
        let mut cands: Vec<Entity> = ids
            .iter()
            .filter_map(|id| self.entity(*id).transpose())
            .collect::<Result<_>>()?;
        if cands.len() > 1 {
            // Prefer an entity whose own name is what was typed.
            let exact: Vec<&Entity> = cands.iter().filter(|e| e.name == name.trim()).collect();
            let folded: Vec<&Entity> = cands
                .iter()
                .filter(|e| name_key(&e.name) == name_key(name))
                .collect();
            if exact.len() == 1 {
                return Ok(exact[0].clone());
            }
            if folded.len() == 1 {
                return Ok(folded[0].clone());
            }
            cands.sort_by(|a, b| a.name.cmp(&b.name));
            return Err(Error::Ambiguous {
                name: name.to_string(),
                candidates: cands
                    .iter()
                    .map(|e| format!("{} ({})", e.name, e.kind))
                    .collect(),
            });
        }
        if let Some(e) = cands.pop() {
            return Ok(e);
        }
        let suggestions = self.similar_names(name, 3)?;
        Err(Error::NotFound {
            name: name.to_string(),
            suggestions,
        })
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

    fn view(
        &self,
        key: &EdgeKey,
        data: &EdgeData,
        names: &mut HashMap<EntityId, Entity>,
    ) -> Result<EdgeView> {
        let s = self.cached_entity(key.source, names)?;
        let t = self.cached_entity(key.target, names)?;
        let evidence = if data.evidence > 0 {
            self.evidence_of(key)?
                .into_iter()
                .next()
                .map(|e| e.sentence)
                .unwrap_or_default()
        } else {
            String::new()
        };
        Ok(EdgeView {
            source: s.name,
            relation: key.relation,
            target: t.name,
            source_kind: s.kind,
            target_kind: t.kind,
            evidence,
            confidence: data.confidence,
            documents: data.documents,
            evidence_count: data.evidence,
            first_date: data.first_date,
            last_date: data.last_date,
        })
    }

    fn cached_entity(&self, id: EntityId, names: &mut HashMap<EntityId, Entity>) -> Result<Entity> {
        if let Some(e) = names.get(&id) {
            return Ok(e.clone());
        }
        let e = self
            .entity(id)?
            .ok_or_else(|| self.corrupt(&format!("edge points to missing entity {id}")))?;
        names.insert(id, e.clone());
        Ok(e)
    }

    /// Stored edges matching the filter. With `from`/`to`, only their adjacency is read;
    /// symmetric edges match in either direction.
    pub fn edges(&self, f: &EdgeFilter) -> Result<Vec<EdgeView>> {
        let _r = self.read_gate();
        let mut keys: Vec<(EdgeKey, EdgeData)> = Vec::new();
        let anchor = f.from.or(f.to);
        if let Some(a) = anchor {
            for (k, d) in self.out_edges(a)? {
                keys.push((k, d));
            }
            for k in self.in_edge_keys(a)? {
                if let Some(d) = self.edge(&k)? {
                    keys.push((k, d));
                }
            }
        } else {
            for item in self.all_edges() {
                keys.push(item?);
            }
        }
        let mut names = HashMap::new();
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for (k, d) in keys {
            if !seen.insert(k) || !rel_ok(&f.relations, k.relation) {
                continue;
            }
            let sym = k.relation.is_symmetric();
            let fits = |s: EntityId, t: EntityId| {
                f.from.is_none_or(|x| x == s) && f.to.is_none_or(|x| x == t)
            };
            let (ok, flip) = if fits(k.source, k.target) {
                (true, false)
            } else if sym && fits(k.target, k.source) {
                (true, true)
            } else {
                (false, false)
            };
            if !ok {
                continue;
            }
            if !f.dates_fit(d.first_date, d.last_date) {
                continue;
            }
            let mut v = self.view(&k, &d, &mut names)?;
            if flip {
                std::mem::swap(&mut v.source, &mut v.target);
                std::mem::swap(&mut v.source_kind, &mut v.target_kind);
            }
            out.push(v);
        }
        Ok(out)
    }

    /// Adjacent ids of `id`: (neighbor, relation, direction symbol).
    pub fn adjacent(
        &self,
        id: EntityId,
        dir: Direction,
        rels: &[RelationKind],
    ) -> Result<Vec<(EntityId, RelationKind, &'static str)>> {
        let mut out = Vec::new();
        self.for_each_neighbor(id, |other, r, outgoing| {
            if !rel_ok(rels, r) {
                return;
            }
            let sym = r.is_symmetric();
            let keep = sym
                || match dir {
                    Direction::Both => true,
                    Direction::Out => outgoing,
                    Direction::In => !outgoing,
                };
            if keep {
                out.push((
                    other,
                    r,
                    if sym {
                        "--"
                    } else if outgoing {
                        "->"
                    } else {
                        "<-"
                    },
                ));
            }
        })?;
        Ok(out)
    }

    /// Entities within `depth` hops (breadth first), each with the hop that reached it.
    pub fn neighbors(
        &self,
        id: EntityId,
        depth: usize,
        dir: Direction,
        rels: &[RelationKind],
    ) -> Result<Vec<Neighbor>> {
        let _r = self.read_gate();
        let mut seen: HashSet<EntityId> = HashSet::from([id]);
        let mut frontier = vec![id];
        let mut found: Vec<(EntityId, usize, RelationKind, &'static str, EntityId)> = Vec::new();
        for d in 1..=depth.max(1) {
            let mut next = Vec::new();
            for &n in &frontier {
                for (o, r, sym) in self.adjacent(n, dir, rels)? {
                    if seen.insert(o) {
                        found.push((o, d, r, sym, n));
                        next.push(o);
                    }
                }
            }
            frontier = next;
            if frontier.is_empty() {
                break;
            }
        }
        let mut names = HashMap::new();
        let mut out = Vec::with_capacity(found.len());
        for (o, d, r, sym, via) in found {
            let e = self.cached_entity(o, &mut names)?;
            let v = self.cached_entity(via, &mut names)?;
            out.push(Neighbor {
                name: e.name,
                kind: e.kind,
                depth: d,
                relation: r,
                direction: sym,
                via: v.name,
            });
        }
        out.sort_by(|a, b| a.depth.cmp(&b.depth).then(a.name.cmp(&b.name)));
        Ok(out)
    }

    /// Shortest path ignoring direction: bidirectional breadth-first search, each side
    /// expanding its smaller frontier, adjacency read on demand.
    pub fn shortest_path_ids(
        &self,
        a: EntityId,
        b: EntityId,
        max_depth: usize,
        rels: &[RelationKind],
    ) -> Result<Option<IdPath>> {
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
                for (o, r, sym) in self.adjacent(n, Direction::Both, rels)? {
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

    /// The shortest path between two entities, with names.
    pub fn shortest_path(
        &self,
        a: EntityId,
        b: EntityId,
        max_depth: usize,
        rels: &[RelationKind],
    ) -> Result<Option<Vec<Hop>>> {
        let Some(ids) = self.shortest_path_ids(a, b, max_depth, rels)? else {
            return Ok(None);
        };
        let mut names = HashMap::new();
        let mut hops = Vec::new();
        for (f, r, d, t) in ids {
            hops.push(Hop {
                from: self.cached_entity(f, &mut names)?.name,
                relation: r,
                to: self.cached_entity(t, &mut names)?.name,
                direction: d,
            });
        }
        Ok(Some(hops))
    }

    /// Every simple path of at most `max_depth` hops (direction ignored), shortest first,
    /// at most `limit` of them.
    pub fn all_paths(
        &self,
        a: EntityId,
        b: EntityId,
        max_depth: usize,
        rels: &[RelationKind],
        limit: usize,
    ) -> Result<Vec<Vec<Hop>>> {
        let g = self.subgraph(&[a], max_depth, rels, 20_000)?;
        let find = |id: EntityId| g.node_indices().find(|n| g[*n].id == id);
        let (Some(na), Some(nb)) = (find(a), find(b)) else {
            return Ok(Vec::new());
        };
        // Walk the undirected view by hand: petgraph's all_simple_paths follows directions.
        let mut paths: Vec<Vec<Hop>> = Vec::new();
        let mut stack: Vec<(NodeIndex, Vec<NodeIndex>, Vec<Hop>)> =
            vec![(na, vec![na], Vec::new())];
        while let Some((n, visited, hops)) = stack.pop() {
            if n == nb {
                paths.push(hops);
                continue;
            }
            if hops.len() >= max_depth {
                continue;
            }
            for e in g
                .edges_directed(n, petgraph::Direction::Outgoing)
                .chain(g.edges_directed(n, petgraph::Direction::Incoming))
            {
                use petgraph::visit::EdgeRef;
                let (s, t) = (e.source(), e.target());
                let other = if s == n { t } else { s };
                if visited.contains(&other) {
                    continue;
                }
                let rel = e.weight().0;
                let dirsym = if rel.is_symmetric() {
                    "--"
                } else if s == n {
                    "->"
                } else {
                    "<-"
                };
                let mut h = hops.clone();
                h.push(Hop {
                    from: g[n].name.clone(),
                    relation: rel,
                    to: g[other].name.clone(),
                    direction: dirsym,
                });
                let mut v = visited.clone();
                v.push(other);
                stack.push((other, v, h));
            }
        }
        paths.sort_by_key(|p| p.len());
        paths.truncate(limit);
        Ok(paths)
    }

    /// The evidence behind edges from `a` (optionally of one relation, optionally to `b`).
    pub fn evidence_for(
        &self,
        a: EntityId,
        rel: Option<RelationKind>,
        b: Option<EntityId>,
    ) -> Result<Vec<EvidenceView>> {
        let rels: Vec<RelationKind> = rel.into_iter().collect();
        let edges = {
            let _r = self.read_gate();
            let mut v: Vec<EdgeKey> = self.out_edges(a)?.into_iter().map(|(k, _)| k).collect();
            v.extend(
                self.in_edge_keys(a)?
                    .into_iter()
                    .filter(|k| k.relation.is_symmetric() || b.is_some()),
            );
            v
        };
        let mut names = HashMap::new();
        let mut docs: HashMap<DocId, String> = HashMap::new();
        let mut out = Vec::new();
        for k in edges {
            if !rel_ok(&rels, k.relation) {
                continue;
            }
            let other = if k.source == a { k.target } else { k.source };
            if b.is_some_and(|b| b != other) {
                continue;
            }
            if k.source != a && !k.relation.is_symmetric() && b.is_none() {
                continue;
            }
            let s = self.cached_entity(k.source, &mut names)?.name;
            let t = self.cached_entity(k.target, &mut names)?.name;
            for ev in self.evidence_of(&k)? {
                let title = match docs.get(&ev.doc) {
                    Some(t) => t.clone(),
                    None => {
                        let t = self.document(ev.doc)?.map(|d| d.title).unwrap_or_default();
                        docs.insert(ev.doc, t.clone());
                        t
                    }
                };
                out.push(EvidenceView {
                    source: s.clone(),
                    relation: k.relation,
                    target: t.clone(),
                    sentence: ev.sentence,
                    document: format!("{:016x}", ev.doc),
                    title,
                    date: ev.date,
                    rule: ev.rule,
                    confidence: ev.confidence,
                });
            }
        }
        Ok(out)
    }

    /// The part of the graph within `depth` hops of the focus entities (all of it when the
    /// focus is empty), at most `max_nodes` entities.
    pub fn subgraph(
        &self,
        focus: &[EntityId],
        depth: usize,
        rels: &[RelationKind],
        max_nodes: usize,
    ) -> Result<Subgraph> {
        let _r = self.read_gate();
        let mut ids: BTreeSet<EntityId> = BTreeSet::new();
        if focus.is_empty() {
            for e in self.all_entities() {
                ids.insert(e?.id);
                if ids.len() > max_nodes {
                    return Err(Error::Invalid(format!(
                        "the graph has more than {max_nodes} entities; pick a --focus"
                    )));
                }
            }
        } else {
            let mut frontier: Vec<EntityId> = focus.to_vec();
            ids.extend(focus.iter().copied());
            for _ in 0..depth {
                let mut next = Vec::new();
                for &n in &frontier {
                    for (o, _, _) in self.adjacent(n, Direction::Both, rels)? {
                        if ids.insert(o) {
                            next.push(o);
                        }
                    }
                }
                if ids.len() > max_nodes {
                    return Err(Error::Invalid(format!("the focus reaches more than {max_nodes} entities; lower --depth or filter --relation")));
                }
                frontier = next;
            }
        }
        let mut g = Subgraph::default();
        let mut index: BTreeMap<EntityId, NodeIndex> = BTreeMap::new();
        for &id in &ids {
            if let Some(e) = self.entity(id)? {
                index.insert(id, g.add_node(e));
            }
        }
        for (&id, &ni) in &index {
            for (k, d) in self.out_edges(id)? {
                if !rel_ok(rels, k.relation) {
                    continue;
                }
                if let Some(&nj) = index.get(&k.target) {
                    g.add_edge(ni, nj, (k.relation, d));
                }
            }
        }
        Ok(g)
    }
}
