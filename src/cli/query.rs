//! The read commands: `entities`, `edges`, `neighbors`, `path`, `evidence`, `stats`, `docs`.

use std::path::Path;

use serde::Serialize;

use relgraph::query::{Direction, EdgeFilter, Hop};
use relgraph::{Document, Entity, Error, Graph, RelationKind};

use super::output::{print_rows, Format};
use super::{found, open_existing, relations, FOUND, NOTHING};

#[derive(clap::Args)]
pub struct EntitiesArgs {
    #[arg(long)]
    kind: Option<String>,
    #[arg(long)]
    search: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

#[derive(clap::Args)]
pub struct EdgesArgs {
    #[arg(long)]
    from: Option<String>,
    #[arg(long)]
    to: Option<String>,
    #[arg(long, value_delimiter = ',')]
    relation: Vec<String>,
    /// Edges dated on or after DATE: YYYY, YYYY-MM or YYYY-MM-DD (2018 = from 2018-01-01).
    #[arg(long, value_name = "DATE")]
    since: Option<relgraph::Date>,
    /// Edges dated on or before DATE (2018 = up to 2018-12-31).
    #[arg(long, value_name = "DATE")]
    until: Option<relgraph::Date>,
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

#[derive(clap::Args)]
pub struct NeighborsArgs {
    name: String,
    #[arg(long, default_value_t = 1)]
    depth: usize,
    #[arg(long, default_value = "both")]
    direction: String,
    #[arg(long, value_delimiter = ',')]
    relation: Vec<String>,
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

#[derive(clap::Args)]
pub struct PathArgs {
    from: String,
    to: String,
    #[arg(long, default_value_t = 6)]
    max_depth: usize,
    #[arg(long, value_delimiter = ',')]
    relation: Vec<String>,
    /// Every simple path up to --max-depth, shortest first.
    #[arg(long)]
    all: bool,
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

#[derive(clap::Args)]
pub struct EvidenceArgs {
    name: String,
    relation: Option<String>,
    other: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

#[derive(clap::Args)]
pub struct StatsArgs {
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

#[derive(clap::Args)]
pub struct DocsArgs {
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

#[derive(Serialize)]
struct EntityRow {
    name: String,
    kind: relgraph::EntityKind,
    aliases: Vec<String>,
    id: u64,
}

impl From<Entity> for EntityRow {
    fn from(e: Entity) -> Self {
        EntityRow {
            name: e.name,
            kind: e.kind,
            aliases: e.aliases,
            id: e.id,
        }
    }
}

pub fn entities(db: &Path, a: EntitiesArgs) -> Result<i32, Error> {
    let graph = open_existing(db)?;
    let kind = a.kind.map(|k| k.parse()).transpose()?;
    let ents = graph.find_entities(kind, a.search.as_deref())?;
    let rows: Vec<EntityRow> = ents.into_iter().map(Into::into).collect();
    print_rows(&rows, a.format)?;
    Ok(found(rows.len()))
}

pub fn edges(db: &Path, a: EdgesArgs) -> Result<i32, Error> {
    let graph = open_existing(db)?;
    let filter = EdgeFilter {
        from: a
            .from
            .map(|n| graph.resolve(&n).map(|e| e.id))
            .transpose()?,
        to: a.to.map(|n| graph.resolve(&n).map(|e| e.id)).transpose()?,
        relations: relations(&a.relation)?,
        since: a.since,
        until: a.until,
    };
    let rows = graph.edges(&filter)?;
    print_rows(&rows, a.format)?;
    Ok(found(rows.len()))
}

pub fn neighbors(db: &Path, a: NeighborsArgs) -> Result<i32, Error> {
    let graph = open_existing(db)?;
    let e = graph.resolve(&a.name)?;
    let rows = graph.neighbors(
        e.id,
        a.depth,
        a.direction.parse::<Direction>()?,
        &relations(&a.relation)?,
    )?;
    print_rows(&rows, a.format)?;
    Ok(found(rows.len()))
}

#[derive(Serialize)]
struct HopRow {
    path: usize,
    hop: usize,
    from: String,
    direction: &'static str,
    relation: RelationKind,
    to: String,
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
        }
    }
}

pub fn path(db: &Path, a: PathArgs) -> Result<i32, Error> {
    let graph = open_existing(db)?;
    let from = graph.resolve(&a.from)?;
    let to = graph.resolve(&a.to)?;
    let rels = relations(&a.relation)?;
    let paths = if a.all {
        graph.all_paths(from.id, to.id, a.max_depth, &rels, 100)?
    } else {
        graph
            .shortest_path(from.id, to.id, a.max_depth, &rels)?
            .into_iter()
            .collect()
    };
    if paths.is_empty() {
        eprintln!(
            "no path from {} to {} within {} hops",
            from.name, to.name, a.max_depth
        );
        return Ok(NOTHING);
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
    print_rows(&rows, a.format)?;
    Ok(FOUND)
}

pub fn evidence(db: &Path, a: EvidenceArgs) -> Result<i32, Error> {
    let graph = open_existing(db)?;
    let subject = graph.resolve(&a.name)?;
    // "evidence A B" with B not a relation name: B is the other entity.
    let (rel, other) = match (a.relation, a.other) {
        (Some(r), o) => match r.parse::<RelationKind>() {
            Ok(k) => (Some(k), o),
            Err(_) if o.is_none() => (None, Some(r)),
            Err(e) => return Err(e),
        },
        (None, o) => (None, o),
    };
    let other = other.map(|o| graph.resolve(&o)).transpose()?;
    let rows = graph.evidence_for(subject.id, rel, other.map(|b| b.id))?;
    print_rows(&rows, a.format)?;
    Ok(found(rows.len()))
}

#[derive(Serialize)]
struct StatsRow {
    entities: u64,
    edges: u64,
    documents: u64,
    size_on_disk_bytes: u64,
    path: String,
}

pub fn stats(db: &Path, a: StatsArgs) -> Result<i32, Error> {
    let graph = open_existing(db)?;
    let c = graph.counts()?;
    let rows = vec![StatsRow {
        entities: c.entities,
        edges: c.edges,
        documents: c.documents,
        size_on_disk_bytes: graph.size_on_disk()?,
        path: graph.path().display().to_string(),
    }];
    print_rows(&rows, a.format)?;
    Ok(FOUND)
}

#[derive(Serialize)]
struct DocRow {
    id: String,
    title: String,
    source: String,
    lang: String,
    edges: usize,
}

impl From<Document> for DocRow {
    fn from(d: Document) -> Self {
        DocRow {
            id: relgraph::model::doc_id_hex(d.id),
            title: d.title,
            source: d.source,
            lang: d.lang,
            edges: d.edges.len(),
        }
    }
}

pub fn docs(db: &Path, a: DocsArgs) -> Result<i32, Error> {
    let graph: Graph = open_existing(db)?;
    let rows: Vec<DocRow> = graph
        .all_documents()
        .map(|d| d.map(Into::into))
        .collect::<Result<_, _>>()?;
    print_rows(&rows, a.format)?;
    Ok(found(rows.len()))
}
