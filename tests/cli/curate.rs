//! Curation by hand: `alias` refuses a taken name unless forced; `unalias`, `rename`,
//! `set-kind`, `remove-entity`, `add-edge` change the store and survive `dump`/`restore`;
//! `merge` says what it did; `remove-doc` by path or title leaves no orphan; one document
//! id form; one alias separator in exports; a locked store is waited for.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use super::{imported_store, jsonl, news_store, relgraph, stderr, stdout, Scratch};

/// A store made by `make` and the path of its database: the one setup of these tests.
fn store_of(make: fn() -> Scratch) -> (Scratch, PathBuf) {
    let dir = make();
    let db = dir.db();
    (dir, db)
}

fn imported() -> (Scratch, PathBuf) {
    store_of(imported_store)
}

fn news() -> (Scratch, PathBuf) {
    store_of(news_store)
}

/// Asserts that the command ended with `code` and said `text` on standard error.
fn fails_saying(o: &std::process::Output, code: i32, text: &str) {
    assert_eq!(o.status.code(), Some(code), "{}", stderr(o));
    assert!(stderr(o).contains(text), "{}", stderr(o));
}

fn entity<'a>(rows: &'a [serde_json::Value], name: &str) -> Option<&'a serde_json::Value> {
    rows.iter().find(|r| r["name"] == name)
}

fn entities(db: &Path) -> Vec<serde_json::Value> {
    let o = relgraph(db, &["entities", "--format", "jsonl"]);
    jsonl(&o)
}

#[test]
fn alias_refuses_a_taken_name_unless_forced() {
    let (_dir, db) = imported();
    // Another entity's own name: refused, with what to do.
    let o = relgraph(&db, &["alias", "Ada Byron", "Loom Co"]);
    fails_saying(&o, 2, "is the name of Loom Co");
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert!(stderr(&o).contains("relgraph merge"), "{}", stderr(&o));
    let ada = entity(&entities(&db), "Ada Byron").cloned().unwrap();
    assert_eq!(ada["aliases"], serde_json::json!([]));
    // A name that would become ambiguous: refused, then forced.
    let o = relgraph(&db, &["alias", "Ada Byron", "Byron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = relgraph(&db, &["alias", "Mary Byron", "Byron"]);
    fails_saying(&o, 2, "already names Ada Byron");
    let o = relgraph(&db, &["neighbors", "Byron", "--format", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = relgraph(&db, &["alias", "Mary Byron", "Byron", "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // What --force said it does: the name now stands for both.
    let o = relgraph(&db, &["edges", "--from", "Byron", "--format", "jsonl"]);
    fails_saying(&o, 2, "ambiguous");
    let o = relgraph(&db, &["check"]);
    assert!(o.status.success(), "{}", stdout(&o));
}

#[test]
fn curation_commands_change_the_store_and_survive_dump_and_restore() {
    let (dir, db) = imported();
    let ok = |args: &[&str]| {
        let o = relgraph(&db, args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        stderr(&o)
    };
    let said = ok(&["rename", "Charles Bab", "Charles Babbage"]);
    assert!(said.contains("stays an alias"), "{said}");
    let rows = entities(&db);
    let charles = entity(&rows, "Charles Babbage").unwrap();
    assert_eq!(charles["aliases"], serde_json::json!(["Charles Bab"]));
    assert!(entity(&rows, "Charles Bab").is_none());
    // The old name still finds him until the alias goes.
    let o = relgraph(
        &db,
        &["edges", "--from", "Charles Bab", "--format", "jsonl"],
    );
    assert_eq!(jsonl(&o).len(), 2, "{}", stderr(&o));
    ok(&["unalias", "Charles Babbage", "Charles Bab"]);
    let o = relgraph(&db, &["edges", "--from", "Charles Bab"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = relgraph(&db, &["unalias", "Charles Babbage", "Charles Babbage"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("rename"), "{}", stderr(&o));

    ok(&["set-kind", "Punch Card", "group"]);
    let o = relgraph(&db, &["entities", "--kind", "group", "--format", "jsonl"]);
    let names: Vec<_> = jsonl(&o).iter().map(|r| r["name"].clone()).collect();
    assert_eq!(names, [serde_json::json!("Punch Card")]);

    let said = ok(&["remove-entity", "Mary Byron"]);
    assert!(said.contains("1 edge"), "{said}");
    assert!(entity(&entities(&db), "Mary Byron").is_none());
    let o = relgraph(&db, &["edges", "--to", "Other Org"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));

    let praised = |db: &Path| {
        relgraph(
            db,
            &[
                "evidence",
                "Ada Byron",
                "praised",
                "Charles Babbage",
                "--format",
                "jsonl",
            ],
        )
    };
    let sentence = "Ada praised Charles in her notes on the engine.";
    ok(&[
        "add-edge",
        "Ada Byron",
        "praised",
        "Charles Babbage",
        "--evidence",
        sentence,
        "--date",
        "1843",
    ]);
    let o = praised(&db);
    let ev = jsonl(&o);
    assert_eq!(ev.len(), 1, "{}", stderr(&o));
    assert_eq!(ev[0]["sentence"], sentence);
    let o = relgraph(&db, &["docs", "--format", "jsonl"]);
    let docs = jsonl(&o);
    assert!(docs.iter().any(|d| d["source"] == "user"), "{docs:?}");
    let o = relgraph(&db, &["check"]);
    assert!(o.status.success(), "{}", stdout(&o));

    // dump → restore → dump: the same records, and the restored store answers the same.
    let o = relgraph(&db, &["dump"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let dump = stdout(&o);
    let file = dir.path().join("all.jsonl");
    std::fs::write(&file, &dump).unwrap();
    let db2 = dir.path().join("db2");
    let o = relgraph(&db2, &["restore", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = relgraph(&db2, &["dump"]);
    assert_eq!(stdout(&o), dump);
    let rows = entities(&db2);
    assert_eq!(
        entity(&rows, "Charles Babbage").unwrap()["aliases"],
        serde_json::json!([])
    );
    assert_eq!(entity(&rows, "Punch Card").unwrap()["kind"], "group");
    assert!(entity(&rows, "Mary Byron").is_none());
    let o = praised(&db2);
    assert_eq!(jsonl(&o)[0]["sentence"], sentence);
    // The hand-made edge is a document of its own: remove-doc takes it back.
    let user_doc = docs.iter().find(|d| d["source"] == "user").unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let o = relgraph(&db2, &["remove-doc", &user_doc]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = relgraph(
        &db2,
        &["edges", "--from", "Ada Byron", "--relation", "praised"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}

#[test]
fn merge_says_what_it_moved_folded_and_dropped() {
    let dir = Scratch::new();
    let db = dir.db();
    dir.import(
        &db,
        "edges.csv",
        "source,relation,target,source_kind,target_kind
A One,sued,Target Co,person,organization
B One,sued,Target Co,person,organization
B One,praised,A One,person,person
B One,founded,Other Co,person,organization
",
    );
    let o = relgraph(&db, &["merge", "B One", "A One"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = stderr(&o);
    assert!(
        said.contains("1 edge moved over, 1 folded into edges A One had, 1 dropped"),
        "{said}"
    );
    assert!(said.contains("moved: A One founded Other Co"), "{said}");
    assert!(said.contains("folded: A One sued Target Co"), "{said}");
    assert!(said.contains("names added: B One"), "{said}");
    assert!(said.contains("relgraph unmerge --seq 1"), "{said}");
}

#[test]
fn remove_doc_by_path_or_title_leaves_no_orphan_entities() {
    let (_dir, db) = news();
    let names = |db: &Path| -> Vec<String> {
        entities(db)
            .iter()
            .map(|r| r["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(names(&db).contains(&"Microsoft".to_string()));
    // By source path: Microsoft's only edges came from it.
    let o = relgraph(&db, &["remove-doc", "news/00000000000000a2.txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Microsoft (organization)"),
        "{}",
        stderr(&o)
    );
    let left = names(&db);
    assert!(!left.contains(&"Microsoft".to_string()), "{left:?}");
    assert!(left.contains(&"OpenAI".to_string()), "{left:?}");
    // By title: its people keep their other edges.
    let o = relgraph(&db, &["remove-doc", "Article 00000000000000a3"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = relgraph(&db, &["edges", "--from", "Elon Musk", "--relation", "sued"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(names(&db).len(), 3);
    let o = relgraph(&db, &["check"]);
    assert!(o.status.success(), "{}", stdout(&o));
    let o = relgraph(&db, &["remove-doc", "no such article"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}

#[test]
fn a_document_has_one_id_form_in_docs_dump_and_doc_filters() {
    let (_dir, db) = news();
    let o = relgraph(&db, &["docs", "--format", "jsonl"]);
    let mut listed: Vec<String> = jsonl(&o)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    listed.sort();
    let o = relgraph(&db, &["dump"]);
    let records = jsonl(&o);
    let mut dumped: Vec<String> = records
        .iter()
        .filter(|r| r["type"] == "document")
        .map(|r| r["id"].as_str().expect("a hex id in the dump").to_string())
        .collect();
    dumped.sort();
    assert_eq!(dumped, listed);
    for r in records.iter().filter(|r| r["type"] == "evidence") {
        let doc = r["evidence"]["doc"].as_str().expect("a hex id");
        assert!(listed.iter().any(|l| l == doc), "{doc}");
    }
    // The id `docs` prints works in every filter.
    for args in [
        vec!["edges", "--doc", listed[0].as_str()],
        vec!["evidence", "--doc", listed[0].as_str()],
    ] {
        let o = relgraph(&db, &args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn exports_join_aliases_with_one_separator() {
    let (dir, db) = imported();
    for alias in ["Byron, Ada", "Lady Lovelace"] {
        let o = relgraph(&db, &["alias", "Ada Byron", alias]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let out = dir.path().join("neo");
    let o = relgraph(
        &db,
        &["export", "--format", "neo4j", "-o", out.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let nodes = std::fs::read_to_string(out.join("nodes.csv")).unwrap();
    let ada = nodes.lines().find(|l| l.contains("Ada Byron")).unwrap();
    assert!(ada.contains("\"Byron, Ada|Lady Lovelace\""), "{ada}");
    assert!(ada.ends_with("Entity|Person"), "{ada}");
    let o = relgraph(&db, &["export", "--format", "graphml"]);
    assert!(
        stdout(&o).contains("Byron, Ada|Lady Lovelace"),
        "{}",
        stdout(&o)
    );
    let o = relgraph(
        &db,
        &["entities", "--search", "Ada Byron", "--format", "csv"],
    );
    assert!(
        stdout(&o).contains("Byron, Ada|Lady Lovelace"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_read_waits_for_a_store_another_process_holds() {
    let (_dir, db) = imported();
    let held = ::relgraph::Graph::open(&db).unwrap();
    // Not waited for: the message at once.
    let o = relgraph(&db, &["--wait", "0", "stats"]);
    fails_saying(&o, 3, "in use by another process");
    // Waited for: the read says it waits, and answers once the store is let go.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_relgraph"))
        .arg("--db")
        .arg(&db)
        .args(["--wait", "600", "stats", "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    assert!(line.contains("waiting up to 600 s"), "{line}");
    drop(held);
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    let stats: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(stats.to_string().contains("entities"), "{stats}");
}
