//! The commands that correct the graph by hand: `merge`, `alias`, `remove-doc`.

use std::path::Path;

use relgraph::Error;

use super::{open_for_writing, resolve_exact, FOUND};

#[derive(clap::Args)]
pub struct RemoveDocArgs {
    id: String,
}

#[derive(clap::Args)]
pub struct MergeArgs {
    alias: String,
    into: String,
}

#[derive(clap::Args)]
pub struct AliasArgs {
    name: String,
    new_alias: String,
}

pub fn remove_doc(db: &Path, a: RemoveDocArgs) -> Result<i32, Error> {
    let graph = open_for_writing(db)?;
    let doc = relgraph::model::parse_doc_id(&a.id).map_err(Error::Invalid)?;
    if graph.remove_document(doc)? {
        graph.flush()?;
        eprintln!("removed document {}", relgraph::model::doc_id_hex(doc));
        Ok(FOUND)
    } else {
        Err(Error::NoSuchDocument(a.id))
    }
}

pub fn merge(db: &Path, a: MergeArgs) -> Result<i32, Error> {
    let graph = open_for_writing(db)?;
    let from = resolve_exact(&graph, &a.alias, None)?;
    let into = resolve_exact(&graph, &a.into, None)?;
    let merged = graph.merge(from.id, into.id)?;
    graph.flush()?;
    eprintln!(
        "merged {} into {} (aliases: {})",
        from.name,
        merged.name,
        merged.aliases.join(", ")
    );
    Ok(FOUND)
}

pub fn alias(db: &Path, a: AliasArgs) -> Result<i32, Error> {
    let graph = open_for_writing(db)?;
    let e = graph.resolve(&a.name)?;
    let e = graph.add_alias(e.id, &a.new_alias)?;
    graph.flush()?;
    eprintln!("{} is also known as: {}", e.name, e.aliases.join(", "));
    Ok(FOUND)
}
