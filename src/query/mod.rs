//! Queries over the store: name resolution, edge listings, neighborhoods, paths, evidence
//! and focused subgraphs (petgraph). Everything reads the indexes on demand; nothing loads
//! the whole graph.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::*;
use crate::store::Store;

pub mod names;
mod paths;
mod stats;
mod time;
pub use stats::Breakdown;
pub use time::{TimelineEntry, Timing};
pub mod snapshot;
pub use names::{describe, EntityRef, Resolved, Strictness};
pub use paths::PathQuery;
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
    /// Documents that deny the edge; with any, the edge is contested (stated and denied).
    pub denials: u32,
    pub contested: bool,
    /// When it was reported (document dates) and the interval the text says it held.
    pub first_reported: Option<Date>,
    pub last_reported: Option<Date>,
    pub held_from: Option<Date>,
    pub held_until: Option<Date>,
}

/// An entity reached from another.
#[derive(Debug, Clone, PartialEq, Serialize)]
///
/// One per edge between the entity and the one it was reached from (`via`, one hop
/// nearer): an entity linked by three relations shows three times.
pub struct Neighbor {
    pub name: String,
    pub kind: EntityKind,
    pub depth: usize,
    /// "->" when the edge goes from `via` to this entity, "<-" the other way, "--" for a
    /// symmetric relation.
    pub direction: &'static str,
    pub relation: RelationKind,
    pub evidence_count: u32,
    pub documents: u32,
    pub confidence: f32,
    /// Stated and denied.
    pub contested: bool,
    /// The interval the edge held (see [`Timing`]).
    pub held_from: Option<Date>,
    pub held_until: Option<Date>,
    pub via: String,
    pub id: EntityId,
}

/// One hop of a path: the best-supported edge between two entities, and the others.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hop {
    pub from: String,
    pub relation: RelationKind,
    pub to: String,
    /// "->" when the stored edge goes from `from` to `to`, "<-" when it goes the other way,
    /// "--" for symmetric relations.
    pub direction: &'static str,
    pub evidence_count: u32,
    /// The first evidence sentence of the edge (empty for an imported edge).
    pub evidence: String,
    /// The other relations between the same two entities ("criticized <-").
    pub also: Vec<String>,
    /// The interval the edge held (see [`Timing`]).
    pub held_from: Option<Date>,
    pub held_until: Option<Date>,
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
    /// `from` and `to` match either way round (`edges --between A B`).
    pub either_direction: bool,
    /// Only the edges this document gives evidence for.
    pub doc: Option<DocId>,
    /// Only edges at least this confident (after the doubt of their counter-evidence).
    pub min_confidence: Option<f32>,
    /// Only edges reported by at least this many documents.
    pub min_docs: Option<u32>,
    /// Only contested edges: stated in some documents and denied in others.
    pub contested: bool,
    /// Only edges that held on this date, by the intervals their sentences state (a role
    /// from its start until a later `left`), by their document dates where nothing is
    /// stated.
    pub as_of: Option<Date>,
}

impl EdgeFilter {
    /// True when the edge's figures pass the confidence, document and contested filters.
    ///
    /// ```
    /// use relgraph::model::EdgeData;
    /// use relgraph::query::EdgeFilter;
    /// let denied_once = EdgeData { documents: 3, confidence: 0.7, denials: 1, ..Default::default() };
    /// let f = EdgeFilter { contested: true, min_docs: Some(2), ..Default::default() };
    /// assert!(f.figures_fit(&denied_once));
    /// assert!(!EdgeFilter { min_confidence: Some(0.9), ..Default::default() }.figures_fit(&denied_once));
    /// ```
    /// True when the edge's dates pass `since`, `until` and `as_of` (stated dates, else
    /// reported ones).
    pub fn timing_fits(&self, d: &EdgeData, t: &Timing) -> bool {
        let (first, last) = t.span(d);
        self.dates_fit(first, last) && self.as_of.is_none_or(|day| t.holds_on(day))
    }

    /// True when some date filter is set (the edge's timing is then needed).
    pub fn dated(&self) -> bool {
        self.since.is_some() || self.until.is_some() || self.as_of.is_some()
    }

    pub fn figures_fit(&self, d: &EdgeData) -> bool {
        self.min_confidence.is_none_or(|m| d.confidence >= m)
            && self.min_docs.is_none_or(|m| d.documents >= m)
            && (!self.contested || d.contested())
    }

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

/// Filters of `evidence`: around an entity (both directions by default), of a document, or
/// both.
#[derive(Debug, Clone, Default)]
pub struct EvidenceFilter {
    pub entity: Option<EntityId>,
    pub relations: Vec<RelationKind>,
    /// The entity at the other end of the edge (with `entity`).
    pub other: Option<EntityId>,
    /// Which edges of `entity`: where it is the source (`Out`), the target (`In`), or both.
    /// Symmetric relations count as both.
    pub direction: Direction,
    pub doc: Option<DocId>,
    pub min_confidence: Option<f32>,
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
    /// The date of the document (when the sentence was reported).
    pub reported: Option<Date>,
    /// `affirmed`, or `denied` for counter-evidence.
    pub polarity: Polarity,
}

/// A path as hops of ids: (from, relation, direction symbol, to).
pub type IdPath = Vec<(EntityId, RelationKind, &'static str, EntityId)>;

/// A focused part of the graph, for export and multi-path queries.
pub type Subgraph = StableDiGraph<Entity, (RelationKind, EdgeData)>;

fn rel_ok(filter: &[RelationKind], r: RelationKind) -> bool {
    filter.is_empty() || filter.contains(&r)
}

impl Store {
    fn view(
        &self,
        key: &EdgeKey,
        data: &EdgeData,
        evidence: &[Evidence],
        timing: &Timing,
        names: &mut HashMap<EntityId, Entity>,
    ) -> Result<EdgeView> {
        let s = self.cached_entity(key.source, names)?;
        let t = self.cached_entity(key.target, names)?;
        let evidence = evidence
            .first()
            .map(|e| e.sentence.to_string())
            .unwrap_or_default();
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
            denials: data.denials,
            contested: data.contested(),
            first_reported: timing.first_reported,
            last_reported: timing.last_reported,
            held_from: timing.held_from,
            held_until: timing.held_until,
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
        if let Some(doc) = f.doc {
            let d = self
                .document(doc)?
                .ok_or_else(|| Error::NoSuchDocument(crate::model::doc_id_hex(doc)))?;
            for k in d.edges {
                if let Some(data) = self.edge(&k)? {
                    keys.push((k, data));
                }
            }
        } else if let Some(a) = anchor {
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
        for (k, mut d) in keys {
            if !seen.insert(k) || !rel_ok(&f.relations, k.relation) {
                continue;
            }
            self.add_doubt(&k, &mut d)?;
            let sym = k.relation.is_symmetric();
            let fits = |s: EntityId, t: EntityId| {
                f.from.is_none_or(|x| x == s) && f.to.is_none_or(|x| x == t)
            };
            let (ok, flip) = if fits(k.source, k.target) {
                (true, false)
            } else if (sym || f.either_direction) && fits(k.target, k.source) {
                (true, sym)
            } else {
                (false, false)
            };
            if !ok {
                continue;
            }
            if !f.figures_fit(&d) {
                continue;
            }
            let evidence = if d.evidence > 0 {
                self.evidence_of(&k)?
            } else {
                Vec::new()
            };
            let timing = self.timing_of(&k, &evidence)?;
            if !f.timing_fits(&d, &timing) {
                continue;
            }
            let mut v = self.view(&k, &d, &evidence, &timing, &mut names)?;
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

    /// [`Store::adjacent`] without the edges that fail the date filters of `when`.
    pub fn adjacent_when(
        &self,
        id: EntityId,
        dir: Direction,
        rels: &[RelationKind],
        when: &EdgeFilter,
    ) -> Result<Vec<(EntityId, RelationKind, &'static str)>> {
        let all = self.adjacent(id, dir, rels)?;
        if !when.dated() {
            return Ok(all);
        }
        let mut kept = Vec::with_capacity(all.len());
        for (o, r, sym) in all {
            let key = if sym == "<-" {
                EdgeKey::new(o, r, id)
            } else {
                EdgeKey::new(id, r, o)
            };
            let data = self.edge(&key)?.unwrap_or_default();
            if self.edge_holds(&key, &data, when)? {
                kept.push((o, r, sym));
            }
        }
        Ok(kept)
    }

    /// Whether an edge passes the date filters of `when` (its timing read from its evidence).
    pub fn edge_holds(&self, key: &EdgeKey, data: &EdgeData, when: &EdgeFilter) -> Result<bool> {
        if !when.dated() {
            return Ok(true);
        }
        Ok(when.timing_fits(data, &self.timing(key)?))
    }

    /// Entities within `depth` hops (breadth first), each with the hop that reached it.
    pub fn neighbors(
        &self,
        id: EntityId,
        depth: usize,
        dir: Direction,
        rels: &[RelationKind],
    ) -> Result<Vec<Neighbor>> {
        self.neighbors_when(id, depth, dir, rels, &EdgeFilter::default())
    }

    /// [`Store::neighbors`] over the edges that pass the date filters of `when` (`since`,
    /// `until`, `as_of`): the neighbourhood as it stood then.
    pub fn neighbors_when(
        &self,
        id: EntityId,
        depth: usize,
        dir: Direction,
        rels: &[RelationKind],
        when: &EdgeFilter,
    ) -> Result<Vec<Neighbor>> {
        let _r = self.read_gate();
        // Each entity is reached once, from the first entity of the layer before that
        // touches it; every edge between the two is listed.
        let mut via: HashMap<EntityId, EntityId> = HashMap::new();
        let mut frontier = vec![id];
        let mut found: Vec<(EntityId, usize, RelationKind, &'static str, EntityId)> = Vec::new();
        for d in 1..=depth.max(1) {
            let mut next = Vec::new();
            for &n in &frontier {
                for (o, r, sym) in self.adjacent_when(n, dir, rels, when)? {
                    if o == id {
                        continue;
                    }
                    let from = *via.entry(o).or_insert_with(|| {
                        next.push(o);
                        n
                    });
                    if from == n {
                        found.push((o, d, r, sym, n));
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
        for (o, d, r, sym, from) in found {
            let e = self.cached_entity(o, &mut names)?;
            let v = self.cached_entity(from, &mut names)?;
            let key = if sym == "<-" {
                EdgeKey::new(o, r, from)
            } else {
                EdgeKey::new(from, r, o)
            };
            let mut data = self.edge(&key)?.unwrap_or_default();
            self.add_doubt(&key, &mut data)?;
            let timing = self.timing(&key)?;
            out.push(Neighbor {
                name: e.name,
                kind: e.kind,
                depth: d,
                direction: sym,
                relation: r,
                evidence_count: data.evidence,
                documents: data.documents,
                confidence: data.confidence,
                contested: data.contested(),
                held_from: timing.held_from,
                held_until: timing.held_until,
                via: v.name,
                id: o,
            });
        }
        out.sort_by(|a, b| {
            (a.depth, &a.name, a.id, a.relation, a.direction).cmp(&(
                b.depth,
                &b.name,
                b.id,
                b.relation,
                b.direction,
            ))
        });
        out.dedup();
        Ok(out)
    }

    /// The evidence behind edges at `a` in both directions (optionally of one relation,
    /// optionally with `b` at the other end).
    pub fn evidence_for(
        &self,
        a: EntityId,
        rel: Option<RelationKind>,
        b: Option<EntityId>,
    ) -> Result<Vec<EvidenceView>> {
        self.evidence(&EvidenceFilter {
            entity: Some(a),
            relations: rel.into_iter().collect(),
            other: b,
            ..Default::default()
        })
    }

    /// The evidence sentences matching the filter, edge by edge in key order, each edge's
    /// statements then its denials (`polarity`): a triple only denied still shows its
    /// denial. An edge at `entity` is shown with `entity` first when its relation is
    /// symmetric.
    pub fn evidence(&self, f: &EvidenceFilter) -> Result<Vec<EvidenceView>> {
        let edges: Vec<EdgeKey> = {
            let _r = self.read_gate();
            let mut v: Vec<EdgeKey> = match (f.entity, f.doc) {
                (Some(a), _) => {
                    let mut v: Vec<EdgeKey> =
                        self.out_edges(a)?.into_iter().map(|(k, _)| k).collect();
                    v.extend(self.in_edge_keys(a)?);
                    v.extend(self.denied_at(a)?);
                    v
                }
                (None, Some(doc)) => {
                    let d = self
                        .document(doc)?
                        .ok_or_else(|| Error::NoSuchDocument(crate::model::doc_id_hex(doc)))?;
                    d.edges.into_iter().chain(d.denied).collect()
                }
                (None, None) => {
                    let mut v: Vec<EdgeKey> = self
                        .all_edges()
                        .map(|e| e.map(|(k, _)| k))
                        .collect::<Result<_>>()?;
                    for item in self.all_denials() {
                        v.push(item?.0);
                    }
                    v
                }
            };
            v.sort_unstable();
            v.dedup();
            v
        };
        let mut names = HashMap::new();
        let mut docs: HashMap<DocId, String> = HashMap::new();
        let mut out = Vec::new();
        for k in edges {
            if !rel_ok(&f.relations, k.relation) {
                continue;
            }
            let mut flip = false;
            if let Some(a) = f.entity {
                let outgoing = k.source == a;
                let other = if outgoing { k.target } else { k.source };
                if f.other.is_some_and(|b| b != other) {
                    continue;
                }
                let sym = k.relation.is_symmetric();
                let keep = sym
                    || match f.direction {
                        Direction::Both => true,
                        Direction::Out => outgoing,
                        Direction::In => !outgoing,
                    };
                if !keep {
                    continue;
                }
                flip = sym && !outgoing;
            }
            let mut s = self.cached_entity(k.source, &mut names)?.name;
            let mut t = self.cached_entity(k.target, &mut names)?.name;
            if flip {
                std::mem::swap(&mut s, &mut t);
            }
            let mut all = self.evidence_of(&k)?;
            if !self.denials.is_empty() {
                all.extend(self.denials_of(&k)?);
            }
            for ev in all {
                if f.doc.is_some_and(|d| d != ev.doc)
                    || f.min_confidence.is_some_and(|m| ev.confidence < m)
                {
                    continue;
                }
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
                    sentence: ev.sentence.to_string(),
                    document: crate::model::doc_id_hex(ev.doc),
                    title,
                    date: ev.date,
                    rule: ev.rule,
                    confidence: ev.confidence,
                    reported: ev.reported,
                    polarity: ev.polarity,
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
                    let mut d = d;
                    self.add_doubt(&k, &mut d)?;
                    g.add_edge(ni, nj, (k.relation, d));
                }
            }
        }
        Ok(g)
    }
}
