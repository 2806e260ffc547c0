//! The binary end to end: a store imported from a small CSV written here, the seed article,
//! error messages and exit codes. Each module tests one concern.

mod curate;
mod identity;
mod import;
mod listings;
mod names;
mod scratch;

use std::path::Path;
use std::process::{Command, Output};

use scratch::{csv_store, Scratch};

fn relgraph(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_relgraph"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn jsonl(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

const CSV: &str = "source,relation,target,source_kind,target_kind
Ada Byron,founded,Engine Works,person,organization
Ada Byron,leads,Engine Works,person,organization
Engine Works,partnered,Loom Co,organization,organization
Charles Bab,member_of,Loom Co,person,organization
Charles Bab,sued,Engine Works,person,organization
Loom Co,owns,Punch Card,organization,product
Mary Byron,member_of,Other Org,person,organization
";

fn imported_store() -> Scratch {
    let dir = Scratch::new();
    let said = dir.import(&dir.db(), "edges.csv", CSV);
    assert!(said.contains("7 new edges"), "{said}");
    dir
}

#[test]
fn queries_on_an_imported_csv() {
    let dir = imported_store();
    let db = dir.path().join("db");
    // neighbors, both directions, symmetric edge answered from either end
    let o = relgraph(&db, &["neighbors", "loom co", "--format", "jsonl"]);
    assert!(o.status.success());
    let names: Vec<String> = jsonl(&o)
        .iter()
        .map(|v| v["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["Charles Bab", "Engine Works", "Punch Card"]);
    // depth 2 and direction
    let o = relgraph(
        &db,
        &[
            "neighbors",
            "Ada Byron",
            "--depth",
            "2",
            "--format",
            "jsonl",
        ],
    );
    let rows = jsonl(&o);
    assert_eq!(
        rows.iter().filter(|r| r["depth"] == 2).count(),
        2,
        "{rows:?}"
    );
    let o = relgraph(
        &db,
        &[
            "neighbors",
            "Engine Works",
            "--direction",
            "in",
            "--relation",
            "sued",
            "--format",
            "jsonl",
        ],
    );
    assert_eq!(jsonl(&o)[0]["name"], "Charles Bab");
    // edges with filters, same keys as extract
    let o = relgraph(
        &db,
        &[
            "edges",
            "--to",
            "Engine Works",
            "--relation",
            "sued,founded",
            "--format",
            "jsonl",
        ],
    );
    let rows = jsonl(&o);
    assert_eq!(rows.len(), 2);
    for k in [
        "source",
        "relation",
        "target",
        "source_kind",
        "target_kind",
        "evidence",
        "confidence",
    ] {
        assert!(rows[0].get(k).is_some(), "missing key {k}");
    }
    // shortest path and all paths
    let o = relgraph(
        &db,
        &["path", "Ada Byron", "Punch Card", "--format", "jsonl"],
    );
    let hops: Vec<(String, String, String)> = jsonl(&o)
        .iter()
        .map(|h| {
            (
                h["from"].as_str().unwrap().into(),
                h["relation"].as_str().unwrap().into(),
                h["to"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(hops.len(), 3);
    assert_eq!(hops[0].0, "Ada Byron");
    assert_eq!(hops[2].2, "Punch Card");
    let o = relgraph(
        &db,
        &[
            "path",
            "Ada Byron",
            "Charles Bab",
            "--all",
            "--max-depth",
            "3",
            "--format",
            "jsonl",
        ],
    );
    let paths: std::collections::BTreeSet<i64> = jsonl(&o)
        .iter()
        .map(|h| h["path"].as_i64().unwrap())
        .collect();
    assert!(paths.len() >= 2, "two routes: via sued and via Loom Co");
    // no path between components: exit 1
    let o = relgraph(&db, &["path", "Ada Byron", "Mary Byron"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no path"));
    // entities: kind filter and accent/case-insensitive search
    let o = relgraph(
        &db,
        &[
            "entities", "--kind", "person", "--search", "BYRÓN", "--format", "jsonl",
        ],
    );
    assert_eq!(jsonl(&o).len(), 2);
    // stats and csv output
    let o = relgraph(&db, &["stats", "--format", "csv"]);
    assert!(stdout(&o).starts_with("what,name,count,id\ntotal,entities,7,"));
    // check passes
    let o = relgraph(&db, &["check"]);
    assert!(o.status.success() && stdout(&o).contains("ok"));
}

#[test]
fn names_resolve_and_fail_clearly() {
    let dir = imported_store();
    let db = dir.path().join("db");
    // unknown: exit 1 and a suggestion
    let o = relgraph(&db, &["neighbors", "Engine Wroks"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("did you mean Engine Works"),
        "{}",
        stderr(&o)
    );
    assert_eq!(stderr(&o).lines().count(), 1);
    // ambiguous alias (made on purpose: --force): exit 2 and both candidates
    let o = relgraph(&db, &["alias", "Ada Byron", "Byron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = relgraph(&db, &["alias", "Mary Byron", "Byron", "--force"]);
    assert!(o.status.success());
    let o = relgraph(&db, &["neighbors", "byron"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("ambiguous")
            && stderr(&o).contains("Ada Byron")
            && stderr(&o).contains("Mary Byron"),
        "{}",
        stderr(&o)
    );
    // merge then the alias is one entity
    let o = relgraph(&db, &["merge", "Mary Byron", "Ada Byron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = relgraph(&db, &["neighbors", "byron", "--format", "jsonl"]);
    assert!(o.status.success());
    assert!(jsonl(&o).iter().any(|r| r["name"] == "Other Org"));
}

#[test]
fn empty_and_missing_stores() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    let o = relgraph(&missing, &["entities"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no store at"), "{}", stderr(&o));
    assert!(!missing.exists(), "a read command must not create a store");
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let o = relgraph(&empty, &["edges"]);
    assert_eq!(o.status.code(), Some(1));
    let o = relgraph(&empty, &["neighbors", "Anyone"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no entity named"));
    // bad usage
    let o = relgraph(&empty, &["edges", "--relation", "likes"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown relation"));
    let o = Command::new(env!("CARGO_BIN_EXE_relgraph"))
        .arg("frobnicate")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn db_defaults_and_environment_override() {
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_relgraph"))
        .current_dir(dir.path())
        .args(["import", "-"])
        .output()
        .unwrap();
    // "-" is not a file: a clear I/O error naming it
    assert_eq!(o.status.code(), Some(2));
    std::fs::write(dir.path().join("e.csv"), CSV).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_relgraph"))
        .current_dir(dir.path())
        .env_remove("RELGRAPH_DB")
        .args(["import", "e.csv"])
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(dir.path().join("store").is_dir(), "default ./store");
    let other = dir.path().join("other");
    let o = Command::new(env!("CARGO_BIN_EXE_relgraph"))
        .current_dir(dir.path())
        .env("RELGRAPH_DB", &other)
        .args(["import", "e.csv"])
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(other.is_dir(), "RELGRAPH_DB overrides the default");
}

#[test]
fn import_reports_bad_lines_and_writes_nothing() {
    let dir = Scratch::new();
    let db = dir.db();
    let csv = dir.write("bad.csv", "source,relation,target,source_kind,target_kind\nA B,founded,C D,person,organization\nE F,likes,G H,person,person\n");
    let o = relgraph(&db, &["import", csv.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("bad.csv:3") && stderr(&o).contains("likes"),
        "{}",
        stderr(&o)
    );
    assert!(!db.exists(), "a refused import created a store");
    // Into a store that exists: refused the same, and nothing of it written.
    dir.import(&db, "good.csv", "source,relation,target\nI J,founded,K L\n");
    let o = relgraph(&db, &["import", csv.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let o = relgraph(&db, &["edges", "--format", "jsonl"]);
    assert_eq!(jsonl(&o).len(), 1, "part of a refused import was written");
}

#[test]
fn seed_article_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/seed-fr-musk-altman.txt");
    let o = relgraph(&db, &["ingest", seed.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 new"), "{}", stderr(&o));
    // who sued OpenAI
    let o = relgraph(
        &db,
        &[
            "edges",
            "--to",
            "OpenAI",
            "--relation",
            "sued",
            "--format",
            "jsonl",
        ],
    );
    let rows = jsonl(&o);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["source"], "Elon Musk");
    // shortest path Tesla → Microsoft
    let o = relgraph(&db, &["path", "Tesla", "Microsoft", "--format", "jsonl"]);
    let nodes: Vec<String> = {
        let hops = jsonl(&o);
        let mut v = vec![hops[0]["from"].as_str().unwrap().to_string()];
        v.extend(hops.iter().map(|h| h["to"].as_str().unwrap().to_string()));
        v
    };
    assert_eq!(nodes, ["Tesla", "Elon Musk", "OpenAI", "Microsoft"]);
    // the evidence of Musk suing OpenAI quotes the lawsuit sentence
    let o = relgraph(
        &db,
        &["evidence", "Musk", "sued", "OpenAI", "--format", "jsonl"],
    );
    let ev = jsonl(&o);
    assert!(ev[0]["sentence"]
        .as_str()
        .unwrap()
        .contains("procès intenté par Musk contre OpenAI"));
    assert!(ev[0]["title"].as_str().unwrap().contains("Sam Altman"));
    // neighbors of OpenAI
    let o = relgraph(&db, &["neighbors", "OpenAI", "--format", "jsonl"]);
    let names: std::collections::BTreeSet<String> = jsonl(&o)
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect();
    for n in [
        "Elon Musk",
        "Sam Altman",
        "Microsoft",
        "ChatGPT",
        "Greg Brockman",
        "Ilya Sutskever",
    ] {
        assert!(names.contains(n), "{n} missing from {names:?}");
    }
    // ingesting again: already known
    let o = relgraph(&db, &["ingest", seed.to_str().unwrap()]);
    assert!(
        stderr(&o).contains("0 new, 1 already known"),
        "{}",
        stderr(&o)
    );
    // docs and remove-doc
    let o = relgraph(&db, &["docs", "--format", "jsonl"]);
    let id = jsonl(&o)[0]["id"].as_str().unwrap().to_string();
    let o = relgraph(&db, &["remove-doc", &id]);
    assert!(o.status.success());
    let o = relgraph(&db, &["edges"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn extract_prints_the_contract_without_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("never");
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/seed-fr-musk-altman.txt");
    let o = relgraph(
        &db,
        &[
            "extract",
            seed.to_str().unwrap(),
            "--format",
            "jsonl",
            "--lang",
            "fr",
        ],
    );
    assert!(o.status.success());
    let rows = jsonl(&o);
    assert!(rows.len() >= 10);
    for r in &rows {
        for k in [
            "source",
            "relation",
            "target",
            "source_kind",
            "target_kind",
            "evidence",
            "confidence",
        ] {
            assert!(r.get(k).is_some(), "missing {k}");
        }
    }
    assert!(!db.exists(), "extract touches no store");
}

#[test]
fn ingest_skips_bad_files_and_keeps_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(docs.join("sub")).unwrap();
    std::fs::write(
        docs.join("a.txt"),
        "Greenfield Capital sued Marlow Foods over the merger.",
    )
    .unwrap();
    std::fs::write(
        docs.join("sub/b.md"),
        "Priya Raman founded Oakline Systems in 2011.",
    )
    .unwrap();
    std::fs::write(docs.join("c.txt"), b"\xff\xfe\x00\x01binary").unwrap();
    std::fs::write(docs.join("d.txt"), "").unwrap();
    std::fs::write(
        docs.join("e.html"),
        "<html><body><p>Stratton Motors acquired Helios Energy in 2020.</p></body></html>",
    )
    .unwrap();
    std::fs::write(docs.join("ignored.csv"), "x").unwrap();
    let db = dir.path().join("db");
    let o = relgraph(
        &db,
        &[
            "ingest",
            docs.to_str().unwrap(),
            dir.path().join("missing.txt").to_str().unwrap(),
        ],
    );
    let err = stderr(&o);
    assert!(err.contains("3 new") && err.contains("3 failed"), "{err}");
    assert!(
        err.contains("binary") && err.contains("empty") && err.contains("missing.txt"),
        "{err}"
    );
    assert_eq!(o.status.code(), Some(1));
    let o = relgraph(&db, &["edges", "--format", "jsonl"]);
    assert_eq!(jsonl(&o).len(), 3);
}

/// `ingest` makes a store only for a document that goes in: given nothing but a missing
/// path, a binary file, invalid UTF-8 and an empty article, it says why, exits with the
/// bad-input code and leaves no store folder (nor files in an empty folder); with one good
/// article among them it creates the store and stores that article.
#[test]
fn ingest_of_only_refused_files_creates_no_store() {
    let dir = Scratch::new();
    let (missing, binary, latin1, empty) = (
        dir.path().join("missing.txt"),
        dir.write("binary.txt", b"\x00\x01\x02\x03binary data"),
        dir.write("latin1.txt", b"Caf\xe9 Nova a rachet\xe9 Lumen."),
        dir.write("empty.txt", "  \n"),
    );
    let refused: Vec<&str> = [&missing, &binary, &latin1, &empty]
        .iter()
        .map(|p| p.to_str().unwrap())
        .collect();
    let db = dir.db();
    let runs: Vec<Vec<&str>> = std::iter::once(refused.clone())
        .chain(refused.iter().map(|f| vec![*f]))
        .collect();
    for files in runs {
        let args: Vec<&str> = std::iter::once("ingest").chain(files.clone()).collect();
        let o = relgraph(&db, &args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{files:?}: {err}");
        assert!(err.contains("no store was created"), "{files:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(!db.exists(), "{files:?} created {}", db.display());
    }
    let o = relgraph(
        &db,
        &["ingest", refused[0], refused[1], refused[2], refused[3]],
    );
    let err = stderr(&o);
    assert!(
        err.contains("missing.txt")
            && err.contains("binary")
            && err.contains("UTF-8")
            && err.contains("empty")
            && err.contains("4 failed"),
        "{err}"
    );
    // An empty folder named as the store stays empty.
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let o = relgraph(&folder, &["ingest", refused[1]]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
    // One article that reads: the store is made, the refused files still reported.
    let good = dir.write("good.txt", "Priya Raman founded Oakline Systems in 2011.");
    let o = relgraph(
        &db,
        &["ingest", refused[1], good.to_str().unwrap(), refused[3]],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("1 new") && err.contains("2 failed"), "{err}");
    let o = relgraph(&db, &["edges", "--format", "jsonl"]);
    let edges = jsonl(&o);
    assert_eq!(edges.len(), 1, "{edges:?}");
    assert_eq!(edges[0]["source"], "Priya Raman");
}

#[test]
fn help_has_an_example_for_every_command_and_completions_work() {
    let bin = env!("CARGO_BIN_EXE_relgraph");
    for cmd in [
        "extract",
        "ingest",
        "import",
        "entities",
        "edges",
        "neighbors",
        "path",
        "evidence",
        "stats",
        "docs",
        "remove-doc",
        "merge",
        "alias",
        "unalias",
        "rename",
        "set-kind",
        "remove-entity",
        "add-edge",
        "dump",
        "restore",
        "check",
        "repair",
        "export",
        "render",
        "demo",
        "bench",
        "completions",
    ] {
        let o = Command::new(bin).args([cmd, "--help"]).output().unwrap();
        assert!(o.status.success(), "{cmd}");
        assert!(
            String::from_utf8_lossy(&o.stdout).contains("Example:"),
            "{cmd} --help has no example"
        );
    }
    let o = Command::new(bin)
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&o.stdout).contains("relgraph"));
}

#[test]
fn hostile_arguments_get_clear_errors() {
    use std::os::unix::ffi::OsStrExt;
    let dir = imported_store();
    let db = dir.path().join("db");
    // a 100 KB name (Linux caps one argument at 128 KB): not found, one line
    let huge = "x".repeat(100 << 10);
    let o = relgraph(&db, &["neighbors", &huge]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).lines().count(), 1);
    // invalid UTF-8 in an argument: usage error, no panic
    let o = Command::new(env!("CARGO_BIN_EXE_relgraph"))
        .arg("--db")
        .arg(&db)
        .arg("neighbors")
        .arg(std::ffi::OsStr::from_bytes(b"bad\xff\xfename"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(!stderr(&o).contains("panicked"));
    // quotes, control characters and markup in names and aliases
    for name in [
        "\"quoted\" <script>alert(1)</script>",
        "tab\there",
        "new\nline",
        "back\\slash",
    ] {
        let o = relgraph(&db, &["alias", "Loom Co", name]);
        assert!(o.status.success(), "{name:?}: {}", stderr(&o));
        let o = relgraph(&db, &["neighbors", name, "--format", "json"]);
        assert!(o.status.success(), "{name:?}: {}", stderr(&o));
        serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap();
    }
    let o = relgraph(&db, &["alias", "Loom Co", "   "]);
    assert_eq!(o.status.code(), Some(2));
    let o = relgraph(&db, &["check"]);
    assert!(o.status.success(), "{}", stdout(&o));
}

/// One extraction line, as `relgraph extract --format jsonl` prints it.
#[allow(clippy::too_many_arguments)]
fn extraction_line(
    doc: &str,
    source: (&str, &str),
    relation: &str,
    target: (&str, &str),
    sentence: &str,
    confidence: f32,
    date: Option<&str>,
) -> String {
    serde_json::json!({
        "source": source.0, "source_kind": source.1, "relation": relation,
        "target": target.0, "target_kind": target.1, "evidence": sentence,
        "confidence": confidence, "date": date, "rule": "en:test", "doc": doc,
        "start": 0, "end": sentence.len(), "doc_title": format!("Article {doc}"),
        "doc_source": format!("news/{doc}.txt"), "lang": "en",
    })
    .to_string()
}

/// Musk, Altman, OpenAI and Microsoft as three articles state them: several relations
/// between the same two people, in both directions, with evidence, dates and confidences.
fn news_lines() -> String {
    let (musk, altman) = (("Elon Musk", "person"), ("Sam Altman", "person"));
    let (openai, microsoft) = (("OpenAI", "organization"), ("Microsoft", "organization"));
    [
        extraction_line("00000000000000a1", musk, "founded", openai, "Elon Musk co-founded OpenAI in 2015 with Sam Altman, a nonprofit research lab meant to counter Google.", 0.9, Some("2015")),
        extraction_line("00000000000000a1", altman, "founded", openai, "Elon Musk co-founded OpenAI in 2015 with Sam Altman, a nonprofit research lab meant to counter Google.", 0.9, Some("2015")),
        extraction_line("00000000000000a1", musk, "left", openai, "Musk left the board of OpenAI in 2018, citing conflicts with Tesla's own work on artificial intelligence.", 0.8, Some("2018")),
        extraction_line("00000000000000a1", altman, "praised", musk, "Sam Altman praised Elon Musk as a visionary who helped start the lab when nobody else would fund it.", 0.7, None),
        extraction_line("00000000000000a2", microsoft, "invested_in", openai, "Microsoft invested 10 billion dollars in OpenAI in 2023, deepening a partnership begun in 2019.", 0.9, Some("2023")),
        extraction_line("00000000000000a2", microsoft, "partnered", openai, "Microsoft and OpenAI partnered in 2019 to build supercomputers on the Azure cloud.", 0.85, Some("2019")),
        extraction_line("00000000000000a3", musk, "sued", openai, "Elon Musk sued OpenAI and Sam Altman in 2024, accusing them of abandoning the lab's founding mission.", 0.95, Some("2024")),
        extraction_line("00000000000000a3", musk, "sued", altman, "Elon Musk sued OpenAI and Sam Altman in 2024, accusing them of abandoning the lab's founding mission.", 0.95, Some("2024")),
        extraction_line("00000000000000a3", musk, "criticized", altman, "Musk criticized Altman repeatedly on social media, calling him untrustworthy and the lab a closed-source profit machine.", 0.6, None),
    ]
    .join("\n")
}

fn news_store() -> Scratch {
    let dir = Scratch::new();
    dir.import(&dir.db(), "news.jsonl", &news_lines());
    dir
}

/// Terminal escapes in names never reach the store or a table (issue 17, item 12).
#[test]
fn control_characters_in_names_are_dropped_on_the_way_in() {
    let dir = Scratch::new();
    let db = dir.db();
    dir.import(
        &db,
        "esc.csv",
        "source,relation,target\nEvil\u{1b}\u{7} Corp,sued,Loom\u{1b} Co\n",
    );
    let o = relgraph(&db, &["alias", "Loom Co", "Loom\u{9b}Company"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = relgraph(&db, &["rename", "Evil Corp", "Evil\u{1b} Inc"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = relgraph(
        &db,
        &[
            "add-edge",
            "Evil Inc",
            "criticized",
            "Loom Co",
            "--evidence",
            "Said\u{1b} in court",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    for args in [
        &["entities"][..],
        &["entities", "--format", "jsonl"],
        &["edges"],
        &["evidence", "Evil Inc"],
        &["dump"],
    ] {
        let o = relgraph(&db, args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(
            !out.contains(['\u{1b}', '\u{7}', '\u{9b}']),
            "{args:?}: {out:?}"
        );
        assert!(out.contains("Evil Inc"), "{args:?}: {out}");
    }
}
