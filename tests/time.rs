//! Time and doubt end to end: dates at any precision, document dates, `--as-of`, timelines,
//! counter-evidence and contested edges, confidence from several documents.

use std::path::Path;
use std::process::{Command, Output};

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

/// Writes each (file name, text) into `dir` and ingests them all into `dir/db`.
fn ingest(dir: &Path, articles: &[(&str, &str)], extra: &[&str]) -> std::path::PathBuf {
    let db = dir.join("db");
    for (name, text) in articles {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let mut args = vec!["ingest"];
        args.extend_from_slice(extra);
        args.push(path.to_str().unwrap());
        let o = relgraph(&db, &args);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
    }
    db
}

fn triples(rows: &[serde_json::Value]) -> Vec<String> {
    let mut v: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{} -{}-> {}",
                r["source"].as_str().unwrap(),
                r["relation"].as_str().unwrap(),
                r["target"].as_str().unwrap()
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_date_selects_the_same_edges_at_any_precision_and_bad_dates_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingest(
        dir.path(),
        &[(
            "dated.txt",
            "Jane Porter a fondé Acme Robotics en 2017.\n\
             Acme Robotics a racheté Zenith Labs en mars 2018.\n\
             Marc Leroy a quitté Acme Robotics le 5 novembre 2018.\n\
             Paul Martin a fondé Orion Data en 2018.\n\
             Zenith Labs a porté plainte contre Orion Data en 2019.\n",
        )],
        &[],
    );
    let listed = |args: &[&str]| {
        let mut all = vec!["edges", "--format", "jsonl"];
        all.extend_from_slice(args);
        let o = relgraph(&db, &all);
        assert!(
            o.status.code() == Some(0) || o.status.code() == Some(1),
            "{}",
            stderr(&o)
        );
        triples(&jsonl(&o))
    };
    let in_2018 = [
        "Acme Robotics -acquired-> Zenith Labs",
        "Marc Leroy -left-> Acme Robotics",
        "Paul Martin -founded-> Orion Data",
    ];
    assert_eq!(listed(&["--since", "2018", "--until", "2018"]), in_2018);
    assert_eq!(
        listed(&["--since", "2018-01-01", "--until", "2018-12-31"]),
        in_2018
    );
    assert_eq!(
        listed(&["--since", "2018-01", "--until", "2018-12"]),
        in_2018
    );
    // A month or a year overlaps the days inside it.
    assert_eq!(
        listed(&["--since", "2018-03-15", "--until", "2018-03-20"]),
        [
            "Acme Robotics -acquired-> Zenith Labs",
            "Paul Martin -founded-> Orion Data"
        ]
    );
    assert_eq!(
        listed(&["--since", "2018-04", "--until", "2018-10"]),
        ["Paul Martin -founded-> Orion Data"]
    );
    assert_eq!(listed(&["--until", "2017-12-31"]).len(), 1);
    assert_eq!(listed(&["--since", "2019-01-01"]).len(), 1);
    for bad in ["18", "2018-13-01", "March 2018", "2018-02-30", "2018/03/01"] {
        for flag in ["--since", "--until"] {
            let o = relgraph(&db, &["edges", flag, bad]);
            assert_eq!(o.status.code(), Some(2), "{flag} {bad}");
            let err = stderr(&o);
            assert!(
                err.contains(&format!("`{bad}` is not a date")) && err.contains("YYYY-MM-DD"),
                "{flag} {bad}: {err}"
            );
            assert!(stdout(&o).is_empty());
        }
    }
}

fn docs_by_source(db: &Path) -> std::collections::BTreeMap<String, serde_json::Value> {
    let o = relgraph(db, &["docs", "--format", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    jsonl(&o)
        .into_iter()
        .map(|d| {
            let name = Path::new(d["source"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, d)
        })
        .collect()
}

fn evidence_rows(db: &Path, name: &str) -> Vec<serde_json::Value> {
    let o = relgraph(db, &["evidence", name, "--format", "jsonl"]);
    assert!(o.status.success(), "{name}: {}", stderr(&o));
    jsonl(&o)
}

/// The document date comes from `--date`, else the article's metadata, else its dateline,
/// else it is unknown; `docs` says which, and relative dates of the sentences resolve
/// against it.
#[test]
fn document_dates_come_from_the_flag_the_metadata_or_the_dateline_and_relative_dates_follow() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingest(
        dir.path(),
        &[
            (
                "front.md",
                "---\ntitle: Rachat\ndate: 2023-06-12\n---\nAcme Robotics a racheté Zenith Labs le mois dernier.\n",
            ),
            (
                "page.html",
                "<html><head><meta property=\"article:published_time\" content=\"2022-02-03T10:00:00Z\"><title>Deal</title></head><body><p>Jane Porter founded Orion Data in 2019.</p></body></html>",
            ),
            (
                "dateline.txt",
                "Friday, March 1, 2024\n\nOpenAI sued Zenith Labs last year.\n",
            ),
            (
                "publie.txt",
                "Publié le 1er mars 2024 à 10h\n\nMarc Leroy a quitté Acme Robotics l'an dernier.\n",
            ),
            ("undated.txt", "Paul Martin a fondé Orion Data.\n"),
        ],
        &[],
    );
    let flagged = dir.path().join("flag.txt");
    std::fs::write(
        &flagged,
        "Paul Durand est devenu directeur général de Zenith Labs mardi.\n",
    )
    .unwrap();
    let o = relgraph(
        &db,
        &["ingest", "--date", "2024-03-07", flagged.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));

    let docs = docs_by_source(&db);
    let date = |f: &str| {
        (
            docs[f]["date"].as_str().unwrap_or("").to_string(),
            docs[f]["date_source"].as_str().unwrap().to_string(),
        )
    };
    assert_eq!(date("front.md"), ("2023-06-12".into(), "metadata".into()));
    assert_eq!(date("page.html"), ("2022-02-03".into(), "metadata".into()));
    assert_eq!(
        date("dateline.txt"),
        ("2024-03-01".into(), "dateline".into())
    );
    assert_eq!(date("publie.txt"), ("2024-03-01".into(), "dateline".into()));
    assert_eq!(date("undated.txt"), ("".into(), "unknown".into()));
    assert_eq!(date("flag.txt"), ("2024-03-07".into(), "flag".into()));
    for format in ["table", "csv", "json"] {
        let o = relgraph(&db, &["docs", "--format", format]);
        let out = stdout(&o);
        assert!(
            out.contains("2024-03-07") && out.contains("dateline") && out.contains("unknown"),
            "{format}: {out}"
        );
    }

    // Each evidence keeps the date its sentence states, resolved against the document
    // date, and the document date itself.
    let stated = |name: &str, relation: &str| {
        let rows = evidence_rows(&db, name);
        let r = rows
            .iter()
            .find(|r| r["relation"] == relation)
            .unwrap_or_else(|| panic!("{name} {relation}: {rows:?}"));
        (
            r["date"].as_str().unwrap_or("").to_string(),
            r["reported"].as_str().unwrap_or("").to_string(),
        )
    };
    // "le mois dernier" in June 2023: May 2023.
    assert_eq!(
        stated("Acme Robotics", "acquired"),
        ("2023-05".into(), "2023-06-12".into())
    );
    // "last year" / "l'an dernier" in 2024: 2023.
    assert_eq!(
        stated("OpenAI", "sued"),
        ("2023".into(), "2024-03-01".into())
    );
    assert_eq!(
        stated("Marc Leroy", "left"),
        ("2023".into(), "2024-03-01".into())
    );
    // "mardi" on Thursday 7 March 2024: Tuesday 5 March.
    assert_eq!(
        stated("Paul Durand", "leads"),
        ("2024-03-05".into(), "2024-03-07".into())
    );
    assert_eq!(
        stated("Jane Porter", "founded"),
        ("2019".into(), "2022-02-03".into())
    );
    assert_eq!(stated("Paul Martin", "founded"), ("".into(), "".into()));
}

/// The same text ingested again with another date stays one document with its first
/// date; `--replace` stores it again under the new date, and its relative dates follow.
#[test]
fn the_same_text_with_another_date_stays_one_document_unless_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Marc Leroy a quitté Acme Robotics l'an dernier.\n";
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, text).unwrap();
    std::fs::write(&b, text).unwrap();
    let db = dir.path().join("db");
    let run = |args: &[&str]| {
        let o = relgraph(&db, args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    };
    run(&["ingest", "--date", "2024-05-02", a.to_str().unwrap()]);
    run(&["ingest", "--date", "2021-01-10", b.to_str().unwrap()]);
    let listed = jsonl(&relgraph(&db, &["docs", "--format", "jsonl"]));
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["date"], "2024-05-02");
    assert_eq!(evidence_rows(&db, "Marc Leroy")[0]["date"], "2023");

    run(&[
        "ingest",
        "--date",
        "2021-01-10",
        "--replace",
        b.to_str().unwrap(),
    ]);
    let listed = jsonl(&relgraph(&db, &["docs", "--format", "jsonl"]));
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["date"], "2021-01-10");
    assert_eq!(listed[0]["date_source"], "flag");
    let ev = evidence_rows(&db, "Marc Leroy");
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0]["date"], "2020");
    assert_eq!(ev[0]["reported"], "2021-01-10");
}
