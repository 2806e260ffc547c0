//! Nothing lost, nothing unbounded: each test here reproduces a way relgraph lost data,
//! hung or ran out of memory (issue 17), and shows it no longer does.

use std::path::Path;

use relgraph::{Error, Graph};

const ARTICLE_A: &str = "Greenfield Capital a porté plainte contre Marlow Foods. Priya Raman a fondé Oakline Systems en 2011.";
const ARTICLE_B: &str =
    "Priya Raman a vivement critiqué Marlow Foods. Oakline Systems a racheté Zenith Labs.";

fn two_articles(db: &Path) -> Graph {
    let g = Graph::open(db).unwrap();
    g.ingest_text(ARTICLE_A, "a.txt", None).unwrap();
    g.ingest_text(ARTICLE_B, "b.txt", None).unwrap();
    g
}

// ---- 4. the commit record beside the store -------------------------------------------

/// sled writes a merge or a removal to disk on its own within half a second; a process that
/// dies before its flush used to leave a record claiming more than the files held.
#[test]
fn a_crash_after_a_merge_or_a_removal_is_not_taken_for_data_loss() {
    let dir = tempfile::tempdir().unwrap();
    {
        let g = two_articles(dir.path());
        let a = g.resolve("Priya Raman").unwrap();
        let b = g.resolve("Greenfield Capital").unwrap();
        g.merge(a.id, b.id).unwrap();
        // Dropped without a flush of ours: sled writes its log, the record is not rewritten.
    }
    let g = Graph::open(dir.path()).expect("a merge that reached the disk is not a loss");
    assert!(g.check().unwrap().problems.is_empty());
    let doc = g.all_documents().next().unwrap().unwrap().id;
    drop(g);
    {
        let g = Graph::open(dir.path()).unwrap();
        assert!(g.remove_document(doc).unwrap());
    }
    let g = Graph::open(dir.path()).expect("a removal that reached the disk is not a loss");
    assert_eq!(g.counts().unwrap().documents, 1);
    assert!(g.check().unwrap().problems.is_empty());
}

/// A record that cannot be read no longer switches the loss check off in silence.
#[test]
fn an_unreadable_commit_record_is_reported_not_ignored() {
    let dir = tempfile::tempdir().unwrap();
    drop(two_articles(dir.path()));
    let record = dir.path().join("relgraph.committed");
    assert!(
        std::fs::read_to_string(&record)
            .unwrap()
            .split_whitespace()
            .count()
            == 3
    );
    std::fs::write(&record, "").unwrap();
    match Graph::open(dir.path()) {
        Err(Error::Corrupt { detail, .. }) => assert!(detail.contains("repair"), "{detail}"),
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => panic!("an empty commit record was ignored"),
    }
    let g = Graph::open_accepting_loss(dir.path()).unwrap();
    assert_eq!(g.counts().unwrap().documents, 2);
    drop(g);
    Graph::open(dir.path()).expect("repair writes a good record");
}
