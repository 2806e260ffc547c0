//! The parts of the graph the page draws: a neighbourhood (breadth first, at most a limit of
//! entities, with a marker when there are more) or a path, as nodes and edges with the
//! figures the page shows.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::error::Result;
use crate::model::{Date, EdgeData, EdgeKey, Entity, EntityId, EntityKind, RelationKind};
use crate::query::{EdgeFilter, PathQuery};
use crate::store::Store;

/// An entity of a view.
#[derive(Debug, Clone, Serialize)]
pub struct ViewNode {
    pub id: EntityId,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    /// Hops from the focus (the position along a path).
    pub depth: usize,
    /// Its edges in the whole store, under the relation filter: more than the view draws
    /// means expanding it would show more.
    pub degree: usize,
}

/// An edge of a view, in its stored direction (symmetric ones: lower id first).
#[derive(Debug, Clone, Serialize)]
pub struct ViewEdge {
    pub id: String,
    pub source: EntityId,
    pub target: EntityId,
    pub relation: RelationKind,
    pub symmetric: bool,
    pub evidence_count: u32,
    pub documents: u32,
    pub confidence: f32,
    pub first_date: Option<Date>,
    pub last_date: Option<Date>,
}

/// Nodes and edges, and whether the limit cut the neighbourhood short.
#[derive(Debug, Clone, Serialize)]
pub struct View {
    pub nodes: Vec<ViewNode>,
    pub edges: Vec<ViewEdge>,
    /// True when more entities were reachable than the limit let in.
    pub more: bool,
    /// Entities seen but left out (a lower bound: the walk stops at the limit).
    pub omitted: usize,
    pub limit: usize,
}

/// What a walk follows: relations (all when empty) and dates, with the CLI's meaning (an
/// edge is kept when its stated dates reach into the range; an undated one only without
/// a range).
#[derive(Debug, Clone, Default)]
pub struct ViewFilter {
    pub relations: Vec<RelationKind>,
    pub since: Option<Date>,
    pub until: Option<Date>,
}

impl ViewFilter {
    fn relation_ok(&self, r: RelationKind) -> bool {
        self.relations.is_empty() || self.relations.contains(&r)
    }

    fn dated(&self) -> bool {
        self.since.is_some() || self.until.is_some()
    }

    fn admits(&self, k: &EdgeKey, d: &EdgeData) -> bool {
        let dates = EdgeFilter {
            since: self.since,
            until: self.until,
            ..Default::default()
        };
        self.relation_ok(k.relation) && dates.dates_fit(d.first_date, d.last_date)
    }
}

/// Every edge at `id`, both directions, with its figures (symmetric ones from either end).
fn edges_at(store: &Store, id: EntityId) -> Result<Vec<(EdgeKey, EdgeData)>> {
    let mut v = store.out_edges(id)?;
    for k in store.in_edge_keys(id)? {
        if let Some(d) = store.edge(&k)? {
            v.push((k, d));
        }
    }
    Ok(v)
}

fn other_end(k: &EdgeKey, id: EntityId) -> EntityId {
    if k.source == id {
        k.target
    } else {
        k.source
    }
}

/// The entities within `depth` hops of `focus` that the filter lets through, breadth first,
/// at most `limit` of them, with every edge among them.
pub fn neighborhood(
    store: &Store,
    focus: EntityId,
    depth: usize,
    filter: &ViewFilter,
    limit: usize,
) -> Result<View> {
    let limit = limit.max(1);
    let _r = store.read_gate();
    let mut depth_of: HashMap<EntityId, usize> = HashMap::from([(focus, 0)]);
    let mut order = vec![focus];
    let mut left_out: HashSet<EntityId> = HashSet::new();
    let mut frontier = vec![focus];
    for d in 1..=depth {
        let mut next = Vec::new();
        for &n in &frontier {
            for o in adjacent_ids(store, n, filter)? {
                if depth_of.contains_key(&o) {
                    continue;
                }
                if order.len() >= limit {
                    left_out.insert(o);
                    continue;
                }
                depth_of.insert(o, d);
                order.push(o);
                next.push(o);
            }
        }
        if !left_out.is_empty() || next.is_empty() {
            break;
        }
        frontier = next;
    }
    let included: HashSet<EntityId> = order.iter().copied().collect();
    let mut nodes = Vec::with_capacity(order.len());
    let mut edges = Vec::new();
    for &id in &order {
        let entity = store
            .entity(id)?
            .ok_or_else(|| store.corrupt(&format!("edge points to missing entity {id}")))?;
        nodes.push(view_node(store, entity, depth_of[&id], filter)?);
        for (k, d) in store.out_edges(id)? {
            if included.contains(&k.target) && filter.admits(&k, &d) {
                edges.push(view_edge(&k, &d));
            }
        }
    }
    Ok(View {
        nodes,
        edges,
        more: !left_out.is_empty(),
        omitted: left_out.len(),
        limit,
    })
}

/// Neighbours of `n` through edges the filter admits.
fn adjacent_ids(store: &Store, n: EntityId, filter: &ViewFilter) -> Result<Vec<EntityId>> {
    if !filter.dated() {
        // No figures needed: the id-only scan is cheaper.
        return Ok(store
            .adjacent(n, crate::query::Direction::Both, &filter.relations)?
            .into_iter()
            .map(|(o, _, _)| o)
            .collect());
    }
    Ok(edges_at(store, n)?
        .into_iter()
        .filter(|(k, d)| filter.admits(k, d))
        .map(|(k, _)| other_end(&k, n))
        .collect())
}

fn view_node(store: &Store, e: Entity, depth: usize, filter: &ViewFilter) -> Result<ViewNode> {
    let mut degree = 0;
    store.for_each_neighbor(e.id, |_, r, _| {
        if filter.relation_ok(r) {
            degree += 1;
        }
    })?;
    Ok(ViewNode {
        id: e.id,
        name: e.name,
        kind: e.kind,
        aliases: e.aliases,
        depth,
        degree,
    })
}

fn view_edge(k: &EdgeKey, d: &EdgeData) -> ViewEdge {
    ViewEdge {
        id: format!("{}-{}-{}", k.source, k.relation, k.target),
        source: k.source,
        target: k.target,
        relation: k.relation,
        symmetric: k.relation.is_symmetric(),
        evidence_count: d.evidence,
        documents: d.documents,
        confidence: d.confidence,
        first_date: d.first_date,
        last_date: d.last_date,
    }
}

/// The shortest path between two entities as a view (node depth = position on the path),
/// or `None` when they are not linked within `max_depth` hops.
pub fn path(
    store: &Store,
    from: EntityId,
    to: EntityId,
    max_depth: usize,
    filter: &ViewFilter,
) -> Result<Option<View>> {
    let Some(hops) =
        store.shortest_path_ids(&PathQuery::new(from, to, max_depth, &filter.relations))?
    else {
        return Ok(None);
    };
    let _r = store.read_gate();
    let mut ids = vec![from];
    let mut edges = Vec::new();
    for (a, r, dir, b) in hops {
        ids.push(b);
        let key = match dir {
            "<-" => EdgeKey::new(b, r, a),
            _ => EdgeKey::new(a, r, b),
        };
        let data = store
            .edge(&key)?
            .ok_or_else(|| store.corrupt("a path hop names a missing edge"))?;
        edges.push(view_edge(&key, &data));
    }
    let mut nodes = Vec::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        let e = store
            .entity(*id)?
            .ok_or_else(|| store.corrupt(&format!("path through missing entity {id}")))?;
        nodes.push(view_node(store, e, i, filter)?);
    }
    Ok(Some(View {
        limit: nodes.len(),
        nodes,
        edges,
        more: false,
        omitted: 0,
    }))
}
