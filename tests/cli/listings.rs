//! Conventions of the listings: tables that fit the terminal, numbers as people write
//! them, a closed pipe, write errors, limits, orders and filters, paths, stats and help.

use super::*;

fn with_env(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_relgraph"));
    c.arg("--db").arg(db).args(args).env("NO_COLOR", "1");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

#[test]
fn tables_fit_the_terminal_and_print_numbers_plainly() {
    let dir = news_store();
    let db = dir.path().join("db");
    for args in [
        vec!["edges"],
        vec!["evidence", "Elon Musk"],
        vec!["neighbors", "OpenAI", "--depth", "2"],
        vec!["extract", "../shared/eval/news/dev-en-01.txt"],
        vec!["docs"],
        vec!["path", "Microsoft", "Sam Altman"],
    ] {
        let o = with_env(&db, &args, &[("COLUMNS", "80")]);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        let out = stdout(&o);
        let widest = out.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(widest <= 80, "{args:?}: a line of {widest} columns:\n{out}");
    }
    let o = with_env(&db, &["edges", "--relation", "left"], &[("COLUMNS", "80")]);
    assert!(stdout(&o).contains("0.80"), "{}", stdout(&o));
    assert!(!stdout(&o).contains("0.8000"), "{}", stdout(&o));
    // --wide shows every field, whatever the width.
    let o = with_env(&db, &["edges", "--wide"], &[("COLUMNS", "80")]);
    assert!(stdout(&o).contains("last_date") && stdout(&o).contains("documents"));
    let o = relgraph(&db, &["edges", "--relation", "left", "--format", "json"]);
    assert!(
        stdout(&o).contains("\"confidence\": 0.8,"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_closed_pipe_ends_quietly_and_write_errors_say_write() {
    use std::io::Read;
    let dir = Scratch::new();
    let db = dir.db();
    let mut csv = String::from("source,relation,target,source_kind,target_kind\n");
    for i in 0..4000 {
        csv.push_str(&format!(
            "Person {i},member_of,Company {},person,organization\n",
            i % 97
        ));
    }
    dir.import(&db, "big.csv", &csv);
    for args in [
        ["edges", "--format", "jsonl"],
        ["dump", "-o", "-"],
        ["entities", "--format", "csv"],
    ] {
        let args: Vec<&str> = args
            .iter()
            .copied()
            .filter(|a| *a != "-o" && *a != "-")
            .collect();
        let mut child = Command::new(env!("CARGO_BIN_EXE_relgraph"))
            .arg("--db")
            .arg(&db)
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 64];
        child
            .stdout
            .as_mut()
            .unwrap()
            .read_exact(&mut first)
            .unwrap();
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o), "", "{args:?}");
    }
    let o = relgraph(&db, &["dump", "-o", "/nonexistent-dir/x.jsonl"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("cannot write /nonexistent-dir/x.jsonl"),
        "{}",
        stderr(&o)
    );
    let o = relgraph(
        &db,
        &["export", "--format", "dot", "-o", "/nonexistent-dir/x.dot"],
    );
    assert!(stderr(&o).contains("cannot write"), "{}", stderr(&o));
}

#[test]
fn limits_orders_and_filters() {
    let dir = news_store();
    let db = dir.path().join("db");
    let rows = |args: &[&str]| jsonl(&relgraph(&db, args));
    let top = rows(&[
        "edges",
        "--sort",
        "confidence",
        "--limit",
        "2",
        "--format",
        "jsonl",
    ]);
    assert_eq!(top.len(), 2);
    assert!(top.iter().all(|r| r["relation"] == "sued"), "{top:?}");
    let dated = rows(&["edges", "--sort", "date", "--format", "jsonl"]);
    assert_eq!(dated[0]["first_date"], "2015");
    assert!(dated.last().unwrap()["first_date"].is_null());
    let sure = rows(&["edges", "--min-confidence", "0.9", "--format", "jsonl"]);
    assert_eq!(sure.len(), 5, "{sure:?}");
    // export and render share the figure filters, and their check.
    let picture = dir.path().join("unwritten.svg");
    let render = ["render", "-o", picture.to_str().unwrap()];
    for cmd in [&["edges"][..], &["export", "--format", "json"], &render] {
        let o = relgraph(&db, &[cmd, &["--min-confidence", "9"]].concat());
        assert_eq!(o.status.code(), Some(2), "{cmd:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("not between 0 and 1"), "{cmd:?}");
    }
    assert!(!picture.exists());
    // --between: either direction; --from/--to: one.
    let between = rows(&[
        "edges",
        "--between",
        "Sam Altman",
        "Elon Musk",
        "--format",
        "jsonl",
    ]);
    assert_eq!(between.len(), 3, "{between:?}");
    let from = rows(&[
        "edges",
        "--from",
        "Sam Altman",
        "--to",
        "Elon Musk",
        "--format",
        "jsonl",
    ]);
    assert_eq!(from.len(), 1);
    // Found, but nothing fits: told apart from an unknown name.
    let o = relgraph(&db, &["edges", "--from", "Microsoft", "--relation", "sued"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nothing matches"), "{}", stderr(&o));
    let o = relgraph(&db, &["edges", "--from", "Microsfot"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("did you mean Microsoft"),
        "{}",
        stderr(&o)
    );
    let ev = rows(&[
        "evidence",
        "Elon Musk",
        "--sort",
        "confidence",
        "--limit",
        "1",
        "--format",
        "jsonl",
    ]);
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0]["relation"], "sued");
}

#[test]
fn paths_are_sequences_of_entities_with_evidence() {
    let dir = news_store();
    let db = dir.path().join("db");
    // Musk and Altman are linked four ways, Altman and OpenAI once, Musk and OpenAI three
    // ways: two routes from Musk to OpenAI within two hops, not seven.
    let o = relgraph(
        &db,
        &[
            "path",
            "Elon Musk",
            "OpenAI",
            "--all",
            "--max-depth",
            "2",
            "--format",
            "jsonl",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let hops = jsonl(&o);
    let paths: std::collections::BTreeSet<u64> =
        hops.iter().map(|h| h["path"].as_u64().unwrap()).collect();
    assert_eq!(paths.len(), 2, "{hops:?}");
    let direct = &hops[0];
    assert_eq!(
        direct["relation"], "sued",
        "the best-supported edge first: {direct}"
    );
    assert_eq!(direct["also"].as_array().unwrap().len(), 2, "{direct}");
    assert!(direct["evidence"]
        .as_str()
        .unwrap()
        .contains("Elon Musk sued OpenAI"));
    let o = relgraph(
        &db,
        &[
            "path",
            "Elon Musk",
            "OpenAI",
            "--all",
            "--limit",
            "1",
            "--format",
            "jsonl",
        ],
    );
    assert_eq!(jsonl(&o).len(), 1);
    let o = relgraph(&db, &["path", "OpenAI", "openai"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("both ends are OpenAI"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn stats_break_counts_down() {
    let dir = news_store();
    let db = dir.path().join("db");
    let rows = jsonl(&relgraph(&db, &["stats", "--format", "jsonl"]));
    let get = |what: &str, name: &str| {
        rows.iter()
            .find(|r| r["what"] == what && r["name"] == name)
            .map(|r| r["count"].as_u64().unwrap())
    };
    assert_eq!(get("total", "edges"), Some(9));
    assert_eq!(get("total", "evidence"), Some(9));
    assert_eq!(get("kind", "person"), Some(2));
    assert_eq!(get("relation", "sued"), Some(2));
    let top: Vec<String> = rows
        .iter()
        .filter(|r| r["what"] == "most_connected")
        .map(|r| format!("{} {}", r["name"].as_str().unwrap(), r["count"]))
        .collect();
    assert_eq!(
        top[..2],
        ["Elon Musk (person) 6", "OpenAI (organization) 6"]
    );
    assert_eq!(top.len(), 4);
}

#[test]
fn help_lists_the_accepted_values() {
    let dir = tempfile::tempdir().unwrap();
    let o = relgraph(dir.path(), &["neighbors", "--help"]);
    let help = stdout(&o);
    for v in [
        "person, organization",
        "both, out, in",
        "founded, left, sued",
    ] {
        assert!(help.contains(v), "{v} missing:\n{help}");
    }
    let o = relgraph(dir.path(), &["edges", "--relation", "likes"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown relation `likes`"),
        "{}",
        stderr(&o)
    );
}
