//! The read commands: `entities`, `edges`, `neighbors`, `path`, `evidence`, `stats`, `docs`.

use std::path::Path;

use serde::Serialize;

use relgraph::model::{doc_id_hex, DocId, EntityId};
use relgraph::query::{describe, Direction, EdgeFilter, EvidenceFilter, Hop, PathQuery};
use relgraph::{Document, Entity, EntityKind, Error, Graph, RelationKind};

use super::output::{print_listing, Listing};
use super::{
    direction_parser, found, kind_parser, open_existing, relation_parser, resolve, BAD_INPUT,
    FOUND, NOTHING,
};

#[derive(clap::Args)]
pub struct EntitiesArgs {
    #[arg(long, value_parser = kind_parser())]
    kind: Option<EntityKind>,
    /// Case-, accent-insensitive and fuzzy search in names and aliases.
    #[arg(long)]
    search: Option<String>,
    #[command(flatten)]
    listing: Listing,
}

#[derive(clap::Args)]
pub struct EdgesArgs {
    /// Edges from this entity (`NAME`, `NAME (kind)` or `#ID`).
    #[arg(long)]
    from: Option<String>,
    /// Edges to this entity.
    #[arg(long)]
    to: Option<String>,
    /// Edges between two entities, either way round.
    #[arg(long, num_args = 2, value_names = ["A", "B"], conflicts_with_all = ["from", "to"])]
    between: Vec<String>,
    #[arg(long, value_delimiter = ',', value_parser = relation_parser())]
    relation: Vec<RelationKind>,
    /// Edges dated on or after DATE: YYYY, YYYY-MM or YYYY-MM-DD (2018 = from 2018-01-01).
    #[arg(long, value_name = "DATE")]
    since: Option<relgraph::Date>,
    /// Edges dated on or before DATE (2018 = up to 2018-12-31).
    #[arg(long, value_name = "DATE")]
    until: Option<relgraph::Date>,
    /// Edges this document gives evidence for (its id, source path or title; see `docs`).
    #[arg(long, value_name = "DOC")]
    doc: Option<String>,
    #[command(flatten)]
    figures: Figures,
    /// Only what held on DATE: a role from the date it was taken until a later `left`,
    /// by the dates the sentences state, else their documents' dates.
    #[arg(long, value_name = "DATE")]
    as_of: Option<relgraph::Date>,
    #[command(flatten)]
    listing: Listing,
}

/// The date filters of neighbors, path, export and render.
#[derive(clap::Args, Clone, Default)]
pub struct When {
    /// Only edges dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD): dates their
    /// sentences state, else their documents' dates.
    #[arg(long, value_name = "DATE")]
    pub since: Option<relgraph::Date>,
    /// Only edges dated on or before DATE.
    #[arg(long, value_name = "DATE")]
    pub until: Option<relgraph::Date>,
    /// Only what held on DATE: a role from the date it was taken until a later `left`,
    /// by the dates the sentences state, else their documents' dates.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<relgraph::Date>,
}

impl When {
    pub fn filter(&self) -> EdgeFilter {
        EdgeFilter {
            since: self.since,
            until: self.until,
            as_of: self.as_of,
            ..Default::default()
        }
    }
}

/// The filters on an edge's figures, of edges, export and render.
#[derive(clap::Args, Clone, Default)]
pub struct Figures {
    /// Only edges at least this confident (0 to 1; denials lower an edge's confidence).
    #[arg(long, value_name = "X")]
    pub min_confidence: Option<f32>,
    /// Only edges reported by at least N documents.
    #[arg(long, value_name = "N")]
    pub min_docs: Option<u32>,
    /// Only contested edges: stated in some documents, denied in others.
    #[arg(long)]
    pub contested: bool,
}

impl Figures {
    /// `base` narrowed by these figures; a confidence outside 0 to 1 is refused.
    pub fn narrow(&self, base: EdgeFilter) -> Result<EdgeFilter, Error> {
        Ok(EdgeFilter {
            min_confidence: check_confidence(self.min_confidence)?,
            min_docs: self.min_docs,
            contested: self.contested,
            ..base
        })
    }

    /// True when any of them is given.
    pub fn any(&self) -> bool {
        self.min_confidence.is_some() || self.min_docs.is_some() || self.contested
    }
}

#[derive(clap::Args)]
pub struct NeighborsArgs {
    /// `NAME`, `NAME (kind)` or `#ID`.
    name: String,
    /// The kind of NAME, when the name is shared.
    #[arg(long, value_parser = kind_parser())]
    kind: Option<EntityKind>,
    #[arg(long, default_value_t = 1)]
    depth: usize,
    #[arg(long, default_value = "both", value_parser = direction_parser())]
    direction: Direction,
    #[arg(long, value_delimiter = ',', value_parser = relation_parser())]
    relation: Vec<RelationKind>,
    /// Edges at least this confident (0 to 1).
    #[arg(long, value_name = "X")]
    min_confidence: Option<f32>,
    /// Edges reported by at least N documents.
    #[arg(long, value_name = "N")]
    min_docs: Option<u32>,
    #[command(flatten)]
    when: When,
    #[command(flatten)]
    listing: Listing,
}

#[derive(clap::Args)]
pub struct PathArgs {
    from: String,
    to: String,
    #[arg(long, default_value_t = 6)]
    max_depth: usize,
    #[arg(long, value_delimiter = ',', value_parser = relation_parser())]
    relation: Vec<RelationKind>,
    /// Every simple path up to --max-depth, shortest first (a path is a sequence of
    /// entities; several relations between two of them are one hop).
    #[arg(long)]
    all: bool,
    /// With --all: at most N paths.
    #[arg(long, value_name = "N", default_value_t = 20)]
    limit: usize,
    #[command(flatten)]
    when: When,
    #[arg(long, value_enum, default_value = "table")]
    format: super::output::Format,
    /// Tables show every column at full width.
    #[arg(long)]
    wide: bool,
}

#[derive(clap::Args)]
pub struct EvidenceArgs {
    /// `NAME`, `NAME (kind)` or `#ID`; optional with --doc.
    #[arg(required_unless_present = "doc")]
    name: Option<String>,
    relation: Option<String>,
    other: Option<String>,
    /// The kind of NAME, when the name is shared.
    #[arg(long, value_parser = kind_parser())]
    kind: Option<EntityKind>,
    /// Edges where NAME is the source (out), the target (in), or either.
    #[arg(long, default_value = "both", value_parser = direction_parser())]
    direction: Direction,
    /// Only the sentences of this document (its id, source path or title).
    #[arg(long, value_name = "DOC")]
    doc: Option<String>,
    /// Sentences at least this confident (0 to 1).
    #[arg(long, value_name = "X")]
    min_confidence: Option<f32>,
    #[command(flatten)]
    listing: Listing,
}

#[derive(clap::Args)]
pub struct TimelineArgs {
    /// `NAME`, `NAME (kind)` or `#ID`.
    name: String,
    /// Only what happened between NAME and OTHER.
    #[arg(long, value_name = "OTHER")]
    with: Option<String>,
    /// Only this relation.
    #[arg(long, value_parser = relation_parser())]
    relation: Option<RelationKind>,
    /// The kind of NAME, when the name is shared.
    #[arg(long, value_parser = kind_parser())]
    kind: Option<EntityKind>,
    #[command(flatten)]
    listing: Listing,
}

/// `timeline`: the dated evidence about an entity, in date order.
pub fn timeline(db: &Path, a: TimelineArgs) -> Result<i32, Error> {
    let graph = open_existing(db)?;
    let e = resolve(&graph, &a.name, a.kind)?;
    let other = a
        .with
        .as_deref()
        .map(|o| resolve(&graph, o, None))
        .transpose()?;
    let rows = graph.timeline(e.id, other.as_ref().map(|o| o.id), a.relation)?;
    print_listing(
        &rows,
        &a.listing,
        &[
            "date",
            "dated_by",
            "relation",
            "direction",
            "other",
            "polarity",
            "sentence",
            "title",
        ],
    )?;
    if rows.is_empty() {
        eprintln!("no dated sentence about {}", describe(&e));
        return Ok(NOTHING);
    }
    Ok(FOUND)
}

#[derive(clap::Args)]
pub struct StatsArgs {
    /// How many of the most connected entities to list.
    #[arg(long, value_name = "N", default_value_t = 10)]
    top: usize,
    #[command(flatten)]
    listing: Listing,
}

#[derive(clap::Args)]
pub struct DocsArgs {
    #[command(flatten)]
    listing: Listing,
}

fn check_confidence(c: Option<f32>) -> Result<Option<f32>, Error> {
    match c {
        Some(x) if !(0.0..=1.0).contains(&x) => Err(Error::Invalid(format!(
            "--min-confidence {x} is not between 0 and 1"
        ))),
        other => Ok(other),
    }
}

/// Says why a listing about `who` came back empty: no edges at all, or none that fit.
fn nothing_about(graph: &Graph, who: &[&Entity], filtered: bool) -> Result<i32, Error> {
    for e in who {
        if graph.degree(e.id)? == 0 {
            eprintln!(
                "{} is in the store but has no edges (imported without relations, or its articles state none)",
                describe(e)
            );
            return Ok(NOTHING);
        }
    }
    if filtered {
        eprintln!("nothing matches these filters");
    } else if let Some(e) = who.first() {
        eprintln!("nothing found for {}", describe(e));
    }
    Ok(NOTHING)
}

#[derive(Serialize)]
struct EntityRow {
    name: String,
    kind: relgraph::EntityKind,
    id: u64,
    aliases: Vec<String>,
}

impl From<Entity> for EntityRow {
    fn from(e: Entity) -> Self {
        EntityRow {
            name: e.name,
            kind: e.kind,
            id: e.id,
            aliases: e.aliases,
        }
    }
}

pub fn entities(db: &Path, a: EntitiesArgs) -> Result<i32, Error> {
    let graph = open_existing(db)?;
    let ents = graph.find_entities(a.kind, a.search.as_deref())?;
    let rows: Vec<EntityRow> = ents.into_iter().map(Into::into).collect();
    print_listing(&rows, &a.listing, &["name", "kind", "id", "aliases"])?;
    Ok(found(rows.len()))
}

/// A document named by its id (as `docs` prints it), its source path or its title.
pub fn resolve_doc(graph: &Graph, text: &str) -> Result<DocId, Error> {
    if let Ok(id) = relgraph::model::parse_doc_id(text) {
        if graph.document(id)?.is_some() {
            return Ok(id);
        }
    }
    let key = relgraph::model::name_key(text);
    let mut hits: Vec<Document> = Vec::new();
    for d in graph.all_documents() {
        let d = d?;
        if d.source == text.trim()
            || (!key.is_empty() && relgraph::model::name_key(&d.title) == key)
        {
            hits.push(d);
        }
    }
    match hits.len() {
        0 => Err(Error::NoSuchDocument(format!(
            "{text} (give an id, a source path or a title as `relgraph docs` lists them)"
        ))),
        1 => Ok(hits[0].id),
        _ => Err(Error::Invalid(format!(
            "`{text}` names {} documents: {}; give the id",
            hits.len(),
            hits.iter()
                .map(|d| format!("{} ({})", doc_id_hex(d.id), d.source))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

pub fn edges(db: &Path, a: EdgesArgs) -> Result<i32, Error> {
    let graph = open_existing(db)?;
    let named = |n: &Option<String>| n.as_deref().map(|n| resolve(&graph, n, None)).transpose();
    let (from, to, either) = if a.between.len() == 2 {
        (
            Some(resolve(&graph, &a.between[0], None)?),
            Some(resolve(&graph, &a.between[1], None)?),
            true,
        )
    } else {
        (named(&a.from)?, named(&a.to)?, false)
    };
    let doc = a
        .doc
        .as_deref()
        .map(|d| resolve_doc(&graph, d))
        .transpose()?;
    let filter = a.figures.narrow(EdgeFilter {
        from: from.as_ref().map(|e| e.id),
        to: to.as_ref().map(|e| e.id),
        relations: a.relation.clone(),
        since: a.since,
        until: a.until,
        either_direction: either,
        doc,
        as_of: a.as_of,
        ..Default::default()
    })?;
    let rows = graph.edges(&filter)?;
    print_listing(
        &rows,
        &a.listing,
        &[
            "source",
            "relation",
            "target",
            "confidence",
            "evidence_count",
            "held_from",
            "held_until",
            "contested",
            "evidence",
        ],
    )?;
    if rows.is_empty() {
        let who: Vec<&Entity> = from.iter().chain(to.iter()).collect();
        let filtered = !a.relation.is_empty()
            || a.figures.any()
            || a.as_of.is_some()
            || a.since.is_some()
            || a.until.is_some()
            || doc.is_some()
            || who.len() > 1;
        return nothing_about(&graph, &who, filtered);
    }
    Ok(FOUND)
}

pub fn neighbors(db: &Path, a: NeighborsArgs) -> Result<i32, Error> {
    let graph = open_existing(db)?;
    let e = resolve(&graph, &a.name, a.kind)?;
    let min = check_confidence(a.min_confidence)?;
    let mut rows =
        graph.neighbors_when(e.id, a.depth, a.direction, &a.relation, &a.when.filter())?;
    if let Some(m) = min {
        rows.retain(|r| r.confidence >= m);
    }
    if let Some(m) = a.min_docs {
        rows.retain(|r| r.documents >= m);
    }
    print_listing(
        &rows,
        &a.listing,
        &[
            "name",
            "kind",
            "depth",
            "direction",
            "relation",
            "evidence_count",
            "via",
        ],
    )?;
    if rows.is_empty() {
        let filtered = !a.relation.is_empty() || min.is_some() || a.direction != Direction::Both;
        return nothing_about(&graph, &[&e], filtered);
    }
    Ok(FOUND)
}

#[derive(Serialize)]
struct HopRow {
    path: usize,
    hop: usize,
    from: String,
    direction: &'static str,
    relation: RelationKind,
    to: String,
    evidence_count: u32,
    held_from: Option<relgraph::Date>,
    held_until: Option<relgraph::Date>,
    also: Vec<String>,
    evidence: String,
}

impl HopRow {
    fn new(path: usize, hop: usize, h: &Hop) -> HopRow {
        HopRow {
            path,
            hop,
            from: h.from.clone(),
            direction: h.direction,
            relation: h.relation,
            to: h.to.clone(),
            evidence_count: h.evidence_count,
            held_from: h.held_from,
            held_until: h.held_until,
            also: h.also.clone(),
            evidence: h.evidence.clone(),
        }
    }
}

pub fn path(db: &Path, a: PathArgs) -> Result<i32, Error> {
    let graph = open_existing(db)?;
    let from = resolve(&graph, &a.from, None)?;
    let to = resolve(&graph, &a.to, None)?;
    if from.id == to.id {
        eprintln!(
            "error: both ends are {}: give two different entities",
            describe(&from)
        );
        return Ok(BAD_INPUT);
    }
    let q = PathQuery {
        when: a.when.filter(),
        ..PathQuery::new(from.id, to.id, a.max_depth, &a.relation)
    };
    let paths = if a.all {
        graph.all_paths(&q, a.limit)?
    } else {
        graph.shortest_path(&q)?.into_iter().collect()
    };
    if paths.is_empty() {
        if graph.degree(from.id)? == 0 || graph.degree(to.id)? == 0 {
            return nothing_about(&graph, &[&from, &to], false);
        }
        eprintln!(
            "no path from {} to {} within {} hops",
            from.name, to.name, a.max_depth
        );
        return Ok(NOTHING);
    }
    if a.all && paths.len() == a.limit {
        eprintln!(
            "the first {} paths, shortest first (raise --limit for more)",
            a.limit
        );
    }
    let rows: Vec<HopRow> = paths
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            p.iter()
                .enumerate()
                .map(move |(j, h)| HopRow::new(i + 1, j + 1, h))
        })
        .collect();
    let mut listing = Listing::of(a.format);
    listing.wide = a.wide;
    print_listing(
        &rows,
        &listing,
        &[
            "path",
            "hop",
            "from",
            "direction",
            "relation",
            "to",
            "evidence_count",
            "also",
        ],
    )?;
    Ok(FOUND)
}

pub fn evidence(db: &Path, a: EvidenceArgs) -> Result<i32, Error> {
    let graph = open_existing(db)?;
    let subject = a
        .name
        .as_deref()
        .map(|n| resolve(&graph, n, a.kind))
        .transpose()?;
    // "evidence A B" with B not a relation name: B is the other entity.
    let (rel, other) = match (a.relation, a.other) {
        (Some(r), o) => match r.parse::<RelationKind>() {
            Ok(k) => (Some(k), o),
            Err(_) if o.is_none() => (None, Some(r)),
            Err(e) => return Err(e),
        },
        (None, o) => (None, o),
    };
    let other = other.map(|o| resolve(&graph, &o, None)).transpose()?;
    let doc = a
        .doc
        .as_deref()
        .map(|d| resolve_doc(&graph, d))
        .transpose()?;
    let filter = EvidenceFilter {
        entity: subject.as_ref().map(|e| e.id),
        relations: rel.into_iter().collect(),
        other: other.as_ref().map(|e| e.id),
        direction: a.direction,
        doc,
        min_confidence: check_confidence(a.min_confidence)?,
    };
    let rows = graph.evidence(&filter)?;
    print_listing(
        &rows,
        &a.listing,
        &[
            "source",
            "relation",
            "target",
            "polarity",
            "sentence",
            "title",
            "date",
            "confidence",
        ],
    )?;
    if rows.is_empty() {
        let who: Vec<&Entity> = subject.iter().chain(other.iter()).collect();
        if !who.is_empty() && who.iter().all(|e| graph.degree(e.id).unwrap_or(1) > 0) {
            eprintln!("no evidence sentence fits (edges loaded by `import` of triples have none)");
            return Ok(NOTHING);
        }
        return nothing_about(&graph, &who, true);
    }
    Ok(FOUND)
}

#[derive(Serialize)]
struct StatsRow {
    what: &'static str,
    name: String,
    count: u64,
    /// The entity's id, for the most connected.
    id: Option<EntityId>,
}

pub fn stats(db: &Path, a: StatsArgs) -> Result<i32, Error> {
    let graph = open_existing(db)?;
    let c = graph.counts()?;
    let b = graph.breakdown(a.top)?;
    let row = |what, name: &str, count| StatsRow {
        what,
        name: name.to_string(),
        count,
        id: None,
    };
    let mut rows = vec![
        row("total", "entities", c.entities),
        row("total", "edges", c.edges),
        row("total", "documents", c.documents),
        row("total", "evidence", b.evidence),
        row("total", "size_on_disk_bytes", graph.size_on_disk()?),
    ];
    rows.extend(b.kinds.iter().map(|(k, n)| row("kind", k.as_str(), *n)));
    rows.extend(
        b.relations
            .iter()
            .map(|(r, n)| row("relation", r.as_str(), *n)),
    );
    rows.extend(b.most_connected.iter().map(|(e, n)| StatsRow {
        what: "most_connected",
        name: format!("{} ({})", e.name, e.kind),
        count: *n,
        id: Some(e.id),
    }));
    print_listing(&rows, &a.listing, &[])?;
    Ok(FOUND)
}

#[derive(Serialize)]
struct DocRow {
    id: String,
    title: String,
    source: String,
    lang: String,
    edges: usize,
    /// The document date (empty when unknown) and where it was read: `flag` (`ingest
    /// --date`), `metadata`, `dateline` or `unknown`.
    date: Option<relgraph::Date>,
    date_source: &'static str,
}

impl From<Document> for DocRow {
    fn from(d: Document) -> Self {
        DocRow {
            id: doc_id_hex(d.id),
            title: d.title,
            source: d.source,
            lang: d.lang,
            edges: d.edges.len(),
            date: d.date,
            date_source: relgraph::model::DateSource::describe(d.date_source),
        }
    }
}

pub fn docs(db: &Path, a: DocsArgs) -> Result<i32, Error> {
    let graph: Graph = open_existing(db)?;
    let rows: Vec<DocRow> = graph
        .all_documents()
        .map(|d| d.map(Into::into))
        .collect::<Result<_, _>>()?;
    print_listing(
        &rows,
        &a.listing,
        &["id", "date", "date_source", "title", "source", "edges"],
    )?;
    Ok(found(rows.len()))
}
