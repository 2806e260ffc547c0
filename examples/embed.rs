//! Embedding relgraph in another program: open a store, add edges (from an article and from
//! triples), read them back. Builds without the CLI:
//! `cargo run --no-default-features --example embed`.

use relgraph::import::ImportFormat;
use relgraph::query::{Direction, EdgeFilter};
use relgraph::Graph;

fn main() -> relgraph::Result<()> {
    let dir = std::env::temp_dir().join(format!("relgraph-embed-{}", std::process::id()));
    let graph = Graph::open(&dir)?;

    // An article: the extractor finds the edges and keeps the sentences.
    let outcome = graph.ingest_text(
        "Stratton Motors acquired Helios Energy in 2020. Rachel Moore, the chief executive of Stratton Motors, praised the Helios Energy team.",
        "memo.txt",
        None,
    )?;
    println!(
        "article: {} entities, {} edges added",
        outcome.entities_added, outcome.edges_added
    );

    // Triples from another system.
    let csv = "source,relation,target,source_kind,target_kind\nGreenfield Capital,invested_in,Stratton Motors,organization,organization\n";
    graph.import_reader(
        csv.as_bytes(),
        ImportFormat::Csv,
        "triples.csv",
        &mut |_, _| {},
    )?;

    // Read back.
    let stratton = graph.resolve("stratton motors")?;
    for e in graph.edges(&EdgeFilter {
        from: Some(stratton.id),
        ..Default::default()
    })? {
        println!(
            "{} -{}-> {}  «{}»",
            e.source, e.relation, e.target, e.evidence
        );
    }
    for n in graph.neighbors(stratton.id, 1, Direction::Both, &[])? {
        println!(
            "neighbor: {} ({}, {} {})",
            n.name, n.kind, n.direction, n.relation
        );
    }
    let c = graph.counts()?;
    assert!(
        c.edges >= 3,
        "expected the acquisition, the leadership and the investment"
    );
    println!(
        "store {} holds {} entities and {} edges",
        dir.display(),
        c.entities,
        c.edges
    );
    drop(graph);
    std::fs::remove_dir_all(&dir).ok();
    Ok(())
}
