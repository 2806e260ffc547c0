//! Crash safety: `relgraph ingest` killed with SIGKILL at random moments leaves a store whose
//! invariants hold and whose documents are each wholly present or wholly absent; ingesting
//! again completes it. Runs in the normal suite (about ten seconds).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use relgraph::extract::{extract_text, ExtractOptions};
use relgraph::Graph;

const ARTICLES: usize = 200;
const KILLS: usize = 24;

fn article(i: usize) -> String {
    let (a, b, c) = (
        format!("Vantor{i} Labs"),
        format!("Quillon{} Systems", i + 1),
        format!("Mirela Stanek{i}"),
    );
    format!(
        "{c} a fondé {a} en {}. {a} a porté plainte contre {b} pour concurrence déloyale.\n\n\
         Le partenariat entre {a} et Orsay{i} Capital a été annoncé mardi. {c} a vivement critiqué {b}.\n",
        2000 + i % 20
    )
}

fn triples(g: &Graph) -> BTreeSet<String> {
    g.edges(&Default::default())
        .unwrap()
        .into_iter()
        .map(|e| format!("{} -{}-> {}", e.source, e.relation, e.target))
        .collect()
}

/// Per document id: the number of evidence sentences a complete ingest stores.
fn expected_evidence() -> BTreeMap<u64, usize> {
    (0..ARTICLES)
        .map(|i| {
            let ex = extract_text(&article(i), &ExtractOptions::default()).unwrap();
            (ex.doc_id, ex.edges.len())
        })
        .collect()
}

fn check_whole(db: &Path, expected: &BTreeMap<u64, usize>) -> usize {
    let g = Graph::open(db).unwrap();
    let rep = g.check().unwrap();
    assert!(
        rep.problems.is_empty(),
        "store damaged after a kill: {:?}",
        rep.problems
    );
    let mut per_doc: BTreeMap<u64, usize> = BTreeMap::new();
    for item in g.all_evidence() {
        let (_, ev) = item.unwrap();
        *per_doc.entry(ev.doc).or_default() += 1;
    }
    let docs: Vec<u64> = g.all_documents().map(|d| d.unwrap().id).collect();
    for d in &docs {
        assert_eq!(
            per_doc.get(d).copied().unwrap_or(0),
            expected[d],
            "document {d:016x} is partly stored"
        );
    }
    for d in per_doc.keys() {
        assert!(docs.contains(d), "evidence of an absent document {d:016x}");
    }
    docs.len()
}

#[test]
fn sigkill_during_ingest_leaves_whole_documents() {
    let bin = env!("CARGO_BIN_EXE_relgraph");
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    for i in 0..ARTICLES {
        std::fs::write(articles.join(format!("a{i:03}.txt")), article(i)).unwrap();
    }
    let expected = expected_evidence();

    // Reference: one uninterrupted ingest, timed to spread the kills over its length.
    let reference = dir.path().join("reference");
    let started = Instant::now();
    let st = Command::new(bin)
        .arg("--db")
        .arg(&reference)
        .arg("ingest")
        .arg(&articles)
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(st.success());
    let span = started.elapsed();
    let full = triples(&Graph::open(&reference).unwrap());
    assert_eq!(check_whole(&reference, &expected), ARTICLES);

    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut partial = 0;
    let mut outcomes = Vec::new();
    for k in 0..KILLS {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = Duration::from_micros(seed % (span.as_micros() as u64 * 11 / 10 + 1));
        let db = dir.path().join(format!("kill{k}"));
        let mut child = Command::new(bin)
            .arg("--db")
            .arg(&db)
            .arg("ingest")
            .arg(&articles)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        child.kill().ok(); // SIGKILL
        child.wait().unwrap();
        if !db.join("db").exists() {
            outcomes.push(0);
            continue;
        }
        let present = check_whole(&db, &expected);
        if present > 0 && present < ARTICLES {
            partial += 1;
        }
        outcomes.push(present);
        // Ingesting again completes the store.
        let st = Command::new(bin)
            .arg("--db")
            .arg(&db)
            .arg("ingest")
            .arg(&articles)
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(st.success());
        assert_eq!(check_whole(&db, &expected), ARTICLES);
        assert_eq!(triples(&Graph::open(&db).unwrap()), full);
    }
    eprintln!("crash test: {KILLS} kills over {span:?}; documents present after each kill: {outcomes:?}; {partial} kills landed mid-ingest");
    assert!(
        partial >= 1,
        "no kill landed in the middle of an ingest: {outcomes:?}"
    );
}
