//! The commands that correct the graph by hand: `merge`, `alias`, `unalias`, `rename`,
//! `set-kind`, `remove-entity`, `add-edge`, `remove-doc`. Each names entities exactly
//! (`NAME (kind)`, `--kind` or `#ID`; a change never guesses) and is one transaction.

use std::path::Path;

use relgraph::model::{doc_id_hex, EdgeKey};
use relgraph::query::describe;
use relgraph::{Date, Entity, EntityKind, Error, Graph, RelationKind};

use super::query::resolve_doc;
use super::{kind_parser, open_for_writing, relation_parser, resolve_exact, FOUND};

#[derive(clap::Args)]
pub struct RemoveDocArgs {
    /// The document: its id (as `docs` prints it), its source path or its title.
    doc: String,
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
    /// Add the alias even when it is another entity's name or alias. The name then stands
    /// for both: queries take the entity whose own name it is, else they need `NAME (kind)`
    /// or `#ID`.
    #[arg(long)]
    force: bool,
}

#[derive(clap::Args)]
pub struct UnaliasArgs {
    name: String,
    alias: String,
}

#[derive(clap::Args)]
pub struct RenameArgs {
    name: String,
    new_name: String,
    /// Rename even when the new name is another entity's name or alias (it then stands for
    /// both, as `alias --force` does).
    #[arg(long)]
    force: bool,
}

#[derive(clap::Args)]
pub struct SetKindArgs {
    name: String,
    #[arg(value_parser = kind_parser())]
    kind: EntityKind,
}

#[derive(clap::Args)]
pub struct RemoveEntityArgs {
    name: String,
    /// Remove it even when a logged merge went into it: that merge can then no longer be
    /// undone, and its record goes.
    #[arg(long)]
    force: bool,
}

#[derive(clap::Args)]
pub struct AddEdgeArgs {
    source: String,
    #[arg(value_parser = relation_parser())]
    relation: RelationKind,
    target: String,
    /// Where it is known from: the sentence kept as the edge's evidence.
    #[arg(long, value_name = "TEXT")]
    evidence: String,
    /// The date the evidence states (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    date: Option<Date>,
}

pub fn remove_doc(db: &Path, a: RemoveDocArgs) -> Result<i32, Error> {
    let graph = open_for_writing(db)?;
    let doc = resolve_doc(&graph, &a.doc)?;
    let removed = graph
        .remove_document_reporting(doc)?
        .ok_or_else(|| Error::NoSuchDocument(a.doc.clone()))?;
    graph.flush()?;
    let mut said = format!(
        "removed document {} ({}): {} edge{} left without evidence",
        doc_id_hex(doc),
        removed.document.title,
        removed.edges,
        plural(removed.edges)
    );
    if !removed.entities.is_empty() {
        let names: Vec<String> = removed.entities.iter().map(describe).collect();
        said.push_str(&format!(
            ", and {} entit{} left without any edge: {}",
            names.len(),
            if names.len() == 1 { "y" } else { "ies" },
            names.join(", ")
        ));
    }
    eprintln!("{said}");
    Ok(FOUND)
}

pub fn merge(db: &Path, a: MergeArgs) -> Result<i32, Error> {
    let graph = open_for_writing(db)?;
    let from = resolve_exact(&graph, &a.alias, None)?;
    let into = resolve_exact(&graph, &a.into, None)?;
    let record = graph.merge_logged(from.id, into.id)?;
    graph.flush()?;
    let r = record.report();
    let edge = |k: &EdgeKey| edge_text(&graph, k);
    let mut lines = vec![format!(
        "merged {} into {}: {} edge{} moved over, {} folded into edges {} had, {} dropped (they joined the two); {} sentence{} of evidence",
        describe(&from),
        describe(&record.into_after),
        r.moved.len(),
        plural(r.moved.len()),
        r.folded.len(),
        record.into_after.name,
        r.dropped.len(),
        r.evidence,
        plural(r.evidence)
    )];
    for (what, keys) in [("moved", &r.moved), ("folded", &r.folded)] {
        for k in keys.iter() {
            lines.push(format!("  {what}: {}", edge(k)?));
        }
    }
    if !r.names_added.is_empty() {
        lines.push(format!("  names added: {}", r.names_added.join(" | ")));
    }
    if r.kind_before != r.kind_after {
        lines.push(format!("  kind: {} → {}", r.kind_before, r.kind_after));
    }
    lines.push(format!(
        "  undo with: relgraph unmerge --seq {}",
        record.seq
    ));
    eprintln!("{}", lines.join("\n"));
    Ok(FOUND)
}

/// An edge as `SOURCE relation TARGET`, by name.
fn edge_text(graph: &Graph, k: &EdgeKey) -> Result<String, Error> {
    let name = |id| -> Result<String, Error> {
        Ok(graph
            .entity(id)?
            .map(|e| e.name)
            .unwrap_or_else(|| format!("#{id}")))
    };
    Ok(format!(
        "{} {} {}",
        name(k.source)?,
        k.relation,
        name(k.target)?
    ))
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Refuses a name that another entity already has, unless forced: as its own name it
/// would be taken for the other, as an alias it makes the name ambiguous.
fn check_name_free(graph: &Graph, e: &Entity, name: &str, force: bool) -> Result<(), Error> {
    if force {
        return Ok(());
    }
    let holders = graph.name_holders(name, e.id)?;
    if holders.is_empty() {
        return Ok(());
    }
    let name = name.trim();
    let list: Vec<String> = holders.iter().map(|(h, _)| describe(h)).collect();
    if let Some((own, _)) = holders.iter().find(|(_, own)| *own) {
        return Err(Error::Invalid(format!(
            "`{name}` is the name of {}: given to {} too, queries would still take {} and never {}; \
             if they are one entity, `relgraph merge \"#{}\" \"#{}\"`; --force gives it anyway",
            describe(own),
            describe(e),
            own.name,
            e.name,
            e.id,
            own.id
        )));
    }
    Err(Error::Invalid(format!(
        "`{name}` already names {}: given to {} too, it would be ambiguous (queries would need \
         `NAME (kind)` or `#ID`); --force gives it anyway",
        list.join(", "),
        describe(e)
    )))
}

pub fn alias(db: &Path, a: AliasArgs) -> Result<i32, Error> {
    let graph = open_for_writing(db)?;
    let e = resolve_exact(&graph, &a.name, None)?;
    check_name_free(&graph, &e, &a.new_alias, a.force)?;
    let e = graph.add_alias(e.id, &a.new_alias)?;
    graph.flush()?;
    eprintln!(
        "{} is also known as: {}",
        describe(&e),
        e.aliases.join(" | ")
    );
    Ok(FOUND)
}

pub fn unalias(db: &Path, a: UnaliasArgs) -> Result<i32, Error> {
    let graph = open_for_writing(db)?;
    let e = resolve_exact(&graph, &a.name, None)?;
    let e = graph.remove_alias(e.id, &a.alias)?;
    graph.flush()?;
    eprintln!(
        "`{}` no longer names {}; its aliases: {}",
        a.alias.trim(),
        describe(&e),
        if e.aliases.is_empty() {
            "none".to_string()
        } else {
            e.aliases.join(" | ")
        }
    );
    Ok(FOUND)
}

pub fn rename(db: &Path, a: RenameArgs) -> Result<i32, Error> {
    let graph = open_for_writing(db)?;
    let e = resolve_exact(&graph, &a.name, None)?;
    check_name_free(&graph, &e, &a.new_name, a.force)?;
    let old = e.name.clone();
    let e = graph.rename(e.id, &a.new_name)?;
    graph.flush()?;
    eprintln!(
        "renamed {old} to {}{}",
        describe(&e),
        if e.aliases.contains(&old) {
            format!(" (`{old}` stays an alias; `relgraph unalias` takes it away)")
        } else {
            String::new()
        }
    );
    Ok(FOUND)
}

pub fn set_kind(db: &Path, a: SetKindArgs) -> Result<i32, Error> {
    let graph = open_for_writing(db)?;
    let e = resolve_exact(&graph, &a.name, None)?;
    let before = e.kind;
    let e = graph.set_kind(e.id, a.kind)?;
    graph.flush()?;
    eprintln!("{}: {before} → {}", describe(&e), e.kind);
    Ok(FOUND)
}

pub fn remove_entity(db: &Path, a: RemoveEntityArgs) -> Result<i32, Error> {
    let graph = open_for_writing(db)?;
    let e = resolve_exact(&graph, &a.name, None)?;
    let r = graph.remove_entity(e.id, a.force)?;
    graph.flush()?;
    eprintln!(
        "removed {} with its {} edge{} and {} sentence{} of evidence",
        describe(&r.entity),
        r.edges,
        plural(r.edges),
        r.evidence,
        plural(r.evidence)
    );
    for m in &r.merges_dropped {
        eprintln!(
            "merge {} ({} into {}) can no longer be undone: its record is dropped",
            m.seq, m.from, m.into
        );
    }
    Ok(FOUND)
}

pub fn add_edge(db: &Path, a: AddEdgeArgs) -> Result<i32, Error> {
    let graph = open_for_writing(db)?;
    let s = resolve_exact(&graph, &a.source, None)?;
    let t = resolve_exact(&graph, &a.target, None)?;
    let added = graph.add_edge(s.id, a.relation, t.id, &a.evidence, a.date)?;
    graph.flush()?;
    let edge = edge_text(&graph, &added.key)?;
    if !added.new {
        eprintln!(
            "{edge} already has that sentence (document {})",
            doc_id_hex(added.doc)
        );
    } else {
        eprintln!(
            "{} {edge}, with your sentence as evidence (document {}: `relgraph remove-doc {}` takes it back)",
            if added.new_edge { "added" } else { "supported" },
            doc_id_hex(added.doc),
            doc_id_hex(added.doc)
        );
    }
    Ok(FOUND)
}
