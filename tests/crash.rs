//! Crash safety: `relgraph ingest`, `import`, `merge`, `remove-doc` and `restore` killed with
//! SIGKILL at moments spread over their run leave a store whose invariants hold without
//! `repair`, that is either as before the command or as after it; running the command again
//! completes it. (A full disk: `tests/robust.rs`.)

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

// ---- import, merge, remove-doc, restore ------------------------------------------------

const BASE_ARTICLES: usize = 40;
/// Edges of the hub that `merge` moves and of the big document `remove-doc` takes out: enough
/// for each command to run a few hundred milliseconds, so that kills land inside it.
const HUB_EDGES: usize = 2_000;
const BIG_DOC_SENTENCES: usize = 2_000;
const IMPORT_ROWS: usize = 20_000;

fn big_article() -> String {
    (0..BIG_DOC_SENTENCES)
        .map(|j| format!("Dara Quenby{j} a fondé Korvath{j} Industries en 2011.\n"))
        .collect()
}

fn write_csv(path: &Path, rows: impl Iterator<Item = String>) {
    let mut text = String::from("source,relation,target,source_kind,target_kind\n");
    for r in rows {
        text.push_str(&r);
        text.push('\n');
    }
    std::fs::write(path, text).unwrap();
}

/// The store as a set of dump lines, timestamps left out (a re-run stamps its own, merge
/// records included); its
/// invariants must hold and it must open without `repair`.
fn state(db: &Path) -> BTreeSet<String> {
    if !db.join("db").exists() {
        return BTreeSet::new();
    }
    let g = Graph::open(db).unwrap_or_else(|e| panic!("{} does not open: {e}", db.display()));
    let rep = g.check().unwrap();
    assert!(
        rep.problems.is_empty(),
        "{} damaged after a kill: {:?}",
        db.display(),
        &rep.problems[..rep.problems.len().min(5)]
    );
    let mut out = Vec::new();
    g.dump(&mut out).unwrap();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            if let Some(m) = v.as_object_mut() {
                for k in ["first_seen", "last_seen", "ingested_at"] {
                    m.remove(k);
                }
                if m.get("type").and_then(|t| t.as_str()) == Some("merge") {
                    m.remove("at");
                }
            }
            v.to_string()
        })
        .collect()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

fn relgraph(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_relgraph"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

/// A store with articles, a big document, and an imported hub: what the commands below
/// change. Returns its directory and the big document's id.
fn base_store(dir: &Path) -> (std::path::PathBuf, String) {
    let articles = dir.join("base-articles");
    std::fs::create_dir(&articles).unwrap();
    for i in 0..BASE_ARTICLES {
        std::fs::write(articles.join(format!("a{i:03}.txt")), article(i)).unwrap();
    }
    let big = big_article();
    std::fs::write(articles.join("big.txt"), &big).unwrap();
    let db = dir.join("base");
    let o = relgraph(&db, &["ingest", articles.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let hub = dir.join("hub.csv");
    write_csv(
        &hub,
        (0..HUB_EDGES)
            .map(|j| format!("Hubert Lanvin,invested_in,Startup{j} Labs,person,organization")),
    );
    let o = relgraph(&db, &["import", hub.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let big_id = extract_text(&big, &ExtractOptions::default())
        .unwrap()
        .doc_id;
    (db, format!("{big_id:016x}"))
}

/// Runs `args` on copies of `base` (or on no store), killing it at `kills` moments spread
/// over the length of an uninterrupted run, and checks each outcome.
fn kill_loop(dir: &Path, label: &str, base: Option<&Path>, args: &[&str], kills: usize) {
    let fresh = |name: &str| {
        let db = dir.join(name);
        if let Some(b) = base {
            copy_dir(b, &db);
        }
        db
    };
    let reference = fresh(&format!("{label}-reference"));
    let before = state(&reference);
    let started = Instant::now();
    let o = relgraph(&reference, args);
    let span = started.elapsed();
    assert!(
        o.status.success(),
        "{label}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let after = state(&reference);
    assert_ne!(before, after, "{label} changed nothing");
    std::fs::remove_dir_all(&reference).unwrap();

    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let (mut as_before, mut as_after) = (0, 0);
    for k in 0..kills {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Evenly spread over 1.3 spans, jittered within each slot.
        let slot = span.as_micros() as u64 * 13 / 10 / kills as u64 + 1;
        let delay = Duration::from_micros(k as u64 * slot + seed % slot);
        let db = fresh(&format!("{label}-{k}"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_relgraph"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        child.kill().ok(); // SIGKILL
        child.wait().unwrap();
        let now = state(&db);
        if now == before {
            as_before += 1;
            let o = relgraph(&db, args);
            assert!(
                o.status.success(),
                "{label}: re-running after a kill failed: {}",
                String::from_utf8_lossy(&o.stderr)
            );
        } else {
            assert!(
                now == after,
                "{label}: kill {k} after {delay:?} left a store neither as before nor as after ({} lines differ from after)",
                now.symmetric_difference(&after).count()
            );
            as_after += 1;
        }
        let rerun = state(&db);
        assert!(
            rerun == after,
            "{label}: the re-run after kill {k} did not complete the store; only after the re-run: {:?}; only after an uninterrupted run: {:?}",
            rerun.difference(&after).take(3).collect::<Vec<_>>(),
            after.difference(&rerun).take(3).collect::<Vec<_>>()
        );
        std::fs::remove_dir_all(&db).unwrap();
    }
    eprintln!("{label}: {kills} kills over {span:?}: {as_before} left the store as before, {as_after} as after");
    // Kills past the end find the store as after; one at least must have cut the command.
    assert!(
        as_before > 0,
        "{label}: no kill landed before the command committed"
    );
}

#[test]
fn sigkill_during_import_merge_remove_and_restore_leaves_before_or_after() {
    let dir = tempfile::tempdir().unwrap();
    let (base, big_doc) = base_store(dir.path());

    // Import into a store with documents: rows of stored entities grow, ingested edges are
    // marked imported, new entities arrive.
    let csv = dir.path().join("more.csv");
    write_csv(
        &csv,
        (0..IMPORT_ROWS).map(|j| match j % 4 {
            0 => format!(
                "Mirela Stanek{},founded,Vantor{} Labs,person,organization",
                j % BASE_ARTICLES,
                j % BASE_ARTICLES
            ),
            1 => format!(
                "Vantor{} Labs,partnered,Newco{j} Partners,organization,organization",
                j % BASE_ARTICLES
            ),
            2 => format!(
                "Startup{} Labs,competes_with,Newco{} Partners,organization,organization",
                j % HUB_EDGES,
                j - 1
            ),
            _ => format!(
                "Person{j} Amsel,member_of,Newco{} Partners,person,organization",
                j - 2
            ),
        }),
    );
    kill_loop(
        dir.path(),
        "import",
        Some(&base),
        &["import", csv.to_str().unwrap()],
        30,
    );

    // Import into an empty store: the fast path under the loading mark.
    kill_loop(
        dir.path(),
        "import-empty",
        None,
        &["import", csv.to_str().unwrap()],
        10,
    );

    kill_loop(
        dir.path(),
        "merge",
        Some(&base),
        &["merge", "Hubert Lanvin", "Mirela Stanek3"],
        20,
    );
    kill_loop(
        dir.path(),
        "remove-doc",
        Some(&base),
        &["remove-doc", &big_doc],
        20,
    );

    let dump = dir.path().join("base.jsonl");
    let o = relgraph(&base, &["dump", "-o", dump.to_str().unwrap()]);
    assert!(o.status.success());
    kill_loop(
        dir.path(),
        "restore",
        None,
        &["restore", dump.to_str().unwrap()],
        20,
    );
}
