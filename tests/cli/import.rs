//! `import`: extraction lines keep their evidence and document, kinds keep two entities of
//! one name apart, standard input, and columns it does not read; a refused import,
//! restore or repair creates no store.

use super::*;

fn run_stdin(db: &Path, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_relgraph"))
        .arg("--db")
        .arg(db)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// Every evidence record of a dump, with entity names instead of ids, sorted.
fn evidence_by_name(db: &Path) -> Vec<String> {
    let o = relgraph(db, &["dump"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let records = jsonl(&o);
    let names: std::collections::HashMap<u64, String> = records
        .iter()
        .filter(|r| r["type"] == "entity")
        .map(|r| {
            (
                r["id"].as_u64().unwrap(),
                r["name"].as_str().unwrap().into(),
            )
        })
        .collect();
    let mut out: Vec<String> = records
        .iter()
        .filter(|r| r["type"] == "evidence")
        .map(|r| {
            let k = &r["key"];
            let mut ev = r["evidence"].clone();
            ev["doc"] = serde_json::json!(ev["doc"].to_string());
            format!(
                "{} {} {} {}",
                names[&k["source"].as_u64().unwrap()],
                k["relation"],
                names[&k["target"].as_u64().unwrap()],
                ev
            )
        })
        .collect();
    out.sort();
    out
}

fn sorted_rows(db: &Path, args: &[&str]) -> Vec<String> {
    let o = relgraph(db, args);
    let mut rows: Vec<String> = jsonl(&o).iter().map(|r| r.to_string()).collect();
    rows.sort();
    rows
}

#[test]
fn sharded_extraction_imports_into_the_store_ingest_builds() {
    let news = Path::new("../shared/eval/news");
    let articles: Vec<std::path::PathBuf> = ["dev-en-01", "dev-en-02", "dev-fr-02", "dev-fr-05"]
        .iter()
        .map(|id| news.join(format!("{id}.txt")))
        .collect();
    let dir = Scratch::new();
    let ingested = dir.path().join("ingested");
    let mut args = vec!["ingest"];
    args.extend(articles.iter().map(|p| p.to_str().unwrap()));
    let o = relgraph(&ingested, &args);
    assert!(o.status.success(), "{}", stderr(&o));

    // One shard per article, extracted without a store, then concatenated.
    let mut lines = String::new();
    for a in &articles {
        let o = relgraph(
            &dir.path().join("unused"),
            &[
                "extract",
                a.to_str().unwrap(),
                "--format",
                "jsonl",
                "--all-evidence",
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        lines.push_str(&stdout(&o));
    }
    assert!(
        !dir.path().join("unused").exists(),
        "extract touches no store"
    );
    let shards = dir.write("all.jsonl", &lines);
    let imported = dir.path().join("imported");
    let o = relgraph(&imported, &["import", shards.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("4 new documents"), "{}", stderr(&o));

    let edges = sorted_rows(&ingested, &["edges", "--format", "jsonl"]);
    assert!(edges.len() >= 10, "the articles give edges: {edges:?}");
    assert_eq!(
        edges,
        sorted_rows(&imported, &["edges", "--format", "jsonl"])
    );
    assert_eq!(
        sorted_rows(&ingested, &["docs", "--format", "jsonl"]),
        sorted_rows(&imported, &["docs", "--format", "jsonl"])
    );
    assert_eq!(evidence_by_name(&ingested), evidence_by_name(&imported));
    // The same lines again change nothing: documents are known by their text's id.
    let o = relgraph(&imported, &["import", shards.to_str().unwrap()]);
    assert!(stderr(&o).contains("0 new edges"), "{}", stderr(&o));
    assert_eq!(
        edges,
        sorted_rows(&imported, &["edges", "--format", "jsonl"])
    );
}

#[test]
fn kinds_keep_two_entities_of_one_name_apart() {
    let dir = Scratch::new();
    let db = dir.db();
    let csv = "source,relation,target,source_kind,target_kind\n\
               Elon Musk,sued,OpenAI,person,organization\n\
               OpenAI,owns,OpenAI,organization,product\n\
               Microsoft,invested_in,OpenAI,organization,\n";
    let o = run_stdin(&db, &["import", "-"], csv);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = relgraph(
        &db,
        &["entities", "--search", "openai", "--format", "jsonl"],
    );
    let mut kinds: Vec<String> = jsonl(&o)
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_string())
        .collect();
    kinds.sort();
    assert_eq!(kinds, ["organization", "product"]);
    // A row without a kind joins the entity already known by that name.
    let o = relgraph(&db, &["stats", "--format", "jsonl"]);
    assert_eq!(jsonl(&o)[0]["name"], "entities");
    assert_eq!(jsonl(&o)[0]["count"], 4);
    // Exported CSV keeps both when it comes back.
    let o = relgraph(&db, &["export", "--format", "csv"]);
    let again = dir.path().join("again");
    let o = run_stdin(&again, &["import", "-", "--format", "csv"], &stdout(&o));
    assert!(o.status.success(), "{}", stderr(&o));
    let o = relgraph(
        &again,
        &["entities", "--search", "openai", "--format", "jsonl"],
    );
    assert_eq!(jsonl(&o).len(), 2);
}

#[test]
fn standard_input_and_unread_columns() {
    let dir = Scratch::new();
    let db = dir.db();
    let o = run_stdin(
        &db,
        &["import", "-"],
        "{\"source\":\"Ada Byron\",\"relation\":\"founded\",\"target\":\"Engine Works\",\"source_kind\":\"person\"}\n",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 new edges"), "{}", stderr(&o));
    let csv = dir.write(
        "weights.csv",
        "source,relation,target,weight,source_kind,target_kind,note\nCharles Bab,sued,Engine Works,3,person,organization,x\n",
    );
    let o = relgraph(&db, &["import", csv.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("weight, note") && err.contains("not read"),
        "{err}"
    );
    // A malformed extraction line is refused with its line, and nothing is written.
    let bad = dir.write(
        "bad.jsonl",
        "{\"source\":\"A\",\"relation\":\"sued\",\"target\":\"B\",\"doc\":\"00000000000000ab\",\"evidence\":\"A sued B.\"}\n{\"source\":\"C\",\"relation\":\"sued\",\"target\":\"D\",\"doc\":\"xyz\",\"evidence\":\"C sued D.\"}\n",
    );
    let o = relgraph(&db, &["import", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.jsonl:2"), "{}", stderr(&o));
    let o = relgraph(&db, &["docs"]);
    assert_eq!(o.status.code(), Some(1), "no document was stored");
}

/// Nothing is created where nothing is written: a refused `import` or `restore` (a bad
/// file, a wrong format, a missing file) leaves no store folder where there was none, and
/// `repair` refuses a folder that holds no store as the other commands do, creating nothing.
#[test]
fn a_refused_import_restore_or_repair_creates_no_store() {
    let dir = Scratch::new();
    let bad_csv = dir.write(
        "bad.csv",
        "source,relation,target\nAda Corp,befriended,Bolt Inc\n",
    );
    let bad_dump = dir.write("bad.jsonl", "{\"type\":\"entity\",\"id\":1}\nnot json\n");
    let missing = dir.path().join("missing.csv");
    let (bad_csv, bad_dump, missing) = (
        bad_csv.to_str().unwrap(),
        bad_dump.to_str().unwrap(),
        missing.to_str().unwrap(),
    );
    let runs: [&[&str]; 6] = [
        &["import", bad_csv],
        &["import", "--format", "jsonl", bad_csv],
        &["import", missing],
        &["restore", bad_dump],
        &["restore", missing],
        &["repair"],
    ];
    for args in runs {
        let db = dir.path().join("db");
        let o = relgraph(&db, args);
        assert!(!o.status.success(), "{args:?} succeeded");
        assert!(!stderr(&o).contains("panicked"), "{args:?}: {}", stderr(&o));
        assert!(!db.exists(), "{args:?} created {}", db.display());
    }
    // repair is refused as a read of a folder that is not a store is, with its code.
    let db = dir.path().join("db");
    let (repair, check) = (relgraph(&db, &["repair"]), relgraph(&db, &["check"]));
    assert_eq!(repair.status.code(), Some(2), "{}", stderr(&repair));
    assert_eq!(repair.status.code(), check.status.code());
    assert!(
        stderr(&repair).contains("no store at"),
        "{}",
        stderr(&repair)
    );
    // A folder of something else stays as it was.
    let other = dir.path().join("photos");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("cat.jpg"), "not a store").unwrap();
    let o = relgraph(&other, &["repair"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("not a relgraph store"),
        "{}",
        stderr(&o)
    );
    let files: Vec<_> = std::fs::read_dir(&other).unwrap().collect();
    assert_eq!(
        files.len(),
        1,
        "repair wrote into a folder that is not a store"
    );
}
