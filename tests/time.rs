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
