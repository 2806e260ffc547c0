//! The identity commands: `duplicates` (candidate merges), `merges` (the merge log) and
//! `unmerge`.

use std::path::Path;

use serde::Serialize;

use relgraph::duplicates::DuplicateOptions;
use relgraph::Error;

use super::output::{print_rows, Format};
use super::{found, open_existing, open_for_writing, FOUND};

#[derive(clap::Args)]
pub struct DuplicatesArgs {
    /// Only pairs involving this entity.
    name: Option<String>,
    /// Leave out pairs scoring below this (0 to 1).
    #[arg(long, default_value_t = 0.5)]
    min_score: f32,
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

#[derive(clap::Args)]
pub struct MergesArgs {
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

#[derive(clap::Args)]
pub struct UnmergeArgs {
    /// A name of the entity merged away (the latest merge of it is undone).
    name: Option<String>,
    /// The number of the merge to undo, as `relgraph merges` lists it.
    #[arg(long, conflicts_with = "name", required_unless_present = "name")]
    seq: Option<u64>,
}

/// One line of `duplicates`: the pair in `merge FROM INTO` order.
#[derive(Serialize)]
struct DuplicateRow {
    score: f32,
    from: String,
    into: String,
    from_id: u64,
    into_id: u64,
    from_kind: relgraph::EntityKind,
    into_kind: relgraph::EntityKind,
    reasons: Vec<String>,
}

pub fn duplicates(db: &Path, a: DuplicatesArgs) -> Result<i32, Error> {
    if !(0.0..=1.0).contains(&a.min_score) {
        return Err(Error::Invalid(format!(
            "--min-score {} is not between 0 and 1",
            a.min_score
        )));
    }
    let graph = open_existing(db)?;
    let entity = a
        .name
        .map(|n| graph.resolve(&n).map(|e| e.id))
        .transpose()?;
    let rows: Vec<DuplicateRow> = graph
        .duplicates(&DuplicateOptions {
            min_score: a.min_score,
            entity,
        })?
        .into_iter()
        .map(|c| DuplicateRow {
            score: c.score,
            from: c.from,
            into: c.into,
            from_id: c.from_id,
            into_id: c.into_id,
            from_kind: c.from_kind,
            into_kind: c.into_kind,
            reasons: c.reasons,
        })
        .collect();
    print_rows(&rows, a.format)?;
    Ok(found(rows.len()))
}

pub fn merges(db: &Path, a: MergesArgs) -> Result<i32, Error> {
    let graph = open_existing(db)?;
    let rows: Vec<relgraph::store::MergeSummary> = graph.merges()?.iter().map(Into::into).collect();
    print_rows(&rows, a.format)?;
    Ok(found(rows.len()))
}

pub fn unmerge(db: &Path, a: UnmergeArgs) -> Result<i32, Error> {
    let graph = open_for_writing(db)?;
    let seq = match (a.seq, a.name) {
        (Some(seq), _) => seq,
        (None, Some(name)) => {
            graph
                .last_merge_of(&name)?
                .ok_or_else(|| {
                    Error::Invalid(format!(
                        "no merge took away an entity named `{name}`; see `relgraph merges`"
                    ))
                })?
                .seq
        }
        (None, None) => {
            return Err(Error::Invalid(
                "name the entity to unmerge, or give --seq".into(),
            ))
        }
    };
    let (from, into) = graph.unmerge(seq)?;
    graph.flush()?;
    eprintln!(
        "unmerged {} ({}) from {} ({})",
        from.name, from.kind, into.name, into.kind
    );
    Ok(FOUND)
}
