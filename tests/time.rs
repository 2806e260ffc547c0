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

/// Writes each (file name, document date, text) into `dir` and ingests it with that date.
fn ingest_dated(dir: &Path, articles: &[(&str, &str, &str)]) -> std::path::PathBuf {
    let db = dir.join("db");
    for (name, date, text) in articles {
        ingest(dir, &[(*name, *text)], &["--date", date]);
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

/// A denial in a later article makes the edge contested: listed by `edges --contested`,
/// dashed in DOT with the legend saying why, both sides under `evidence`, its confidence
/// lowered. A triple only denied is no edge, but its denial is still shown.
#[test]
fn a_later_denial_makes_the_edge_contested_and_a_denial_alone_is_no_edge() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingest_dated(
        dir.path(),
        &[
            (
                "claim.txt",
                "2023-04-02",
                "OpenAI a porté plainte contre Zenith Labs en mars.\n",
            ),
            (
                "other.txt",
                "2023-04-03",
                "Acme Robotics a racheté Orion Data en 2022.\n",
            ),
            (
                "denial.txt",
                "2024-01-15",
                "OpenAI denied that it had sued Zenith Labs.\n",
            ),
            (
                "dementi.txt",
                "2024-02-01",
                "Paul Martin n'a jamais fondé Orion Data, selon son avocat.\n",
            ),
        ],
    );

    let all = jsonl(&relgraph(&db, &["edges", "--format", "jsonl"]));
    assert_eq!(
        triples(&all),
        [
            "Acme Robotics -acquired-> Orion Data",
            "OpenAI -sued-> Zenith Labs"
        ],
        "a triple only denied is no edge"
    );
    let sued = all.iter().find(|r| r["relation"] == "sued").unwrap();
    let acquired = all.iter().find(|r| r["relation"] == "acquired").unwrap();
    assert_eq!(sued["contested"], true);
    assert_eq!(sued["denials"], 1);
    assert_eq!(acquired["contested"], false);
    assert!(
        sued["confidence"].as_f64().unwrap() < acquired["confidence"].as_f64().unwrap(),
        "a denial lowers the confidence: {sued} {acquired}"
    );
    let contested = jsonl(&relgraph(
        &db,
        &["edges", "--contested", "--format", "jsonl"],
    ));
    assert_eq!(triples(&contested), ["OpenAI -sued-> Zenith Labs"]);
    let table = stdout(&relgraph(&db, &["edges", "--contested"]));
    assert!(
        table.contains("contested") && table.contains("true"),
        "{table}"
    );

    // Both sides of the contested edge, each with its sentence and document date.
    let ev = evidence_rows(&db, "OpenAI");
    let sides: Vec<(String, String)> = ev
        .iter()
        .map(|r| {
            (
                r["polarity"].as_str().unwrap().to_string(),
                r["reported"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        sides,
        [
            ("affirmed".to_string(), "2023-04-02".to_string()),
            ("denied".to_string(), "2024-01-15".to_string())
        ]
    );
    assert_eq!(ev[0]["date"], "2023-03");
    assert!(ev[1]["sentence"].as_str().unwrap().contains("denied"));
    // The denial alone still shows.
    let martin = evidence_rows(&db, "Paul Martin");
    assert_eq!(martin.len(), 1, "{martin:?}");
    assert_eq!(martin[0]["polarity"], "denied");
    assert_eq!(martin[0]["relation"], "founded");

    // DOT: the contested edge dashed, the legend saying why; the other one solid.
    let dot = stdout(&relgraph(&db, &["export", "--format", "dot"]));
    let lines: Vec<&str> = dot.lines().filter(|l| l.contains("->")).collect();
    let sued_line = lines.iter().find(|l| l.contains("sued")).unwrap();
    let acquired_line = lines.iter().find(|l| l.contains("acquired")).unwrap();
    assert!(sued_line.contains("dashed"), "{sued_line}");
    assert!(!acquired_line.contains("dashed"), "{acquired_line}");
    assert!(
        dot.contains("contested: stated, and denied elsewhere"),
        "{dot}"
    );
    let json = stdout(&relgraph(
        &db,
        &["export", "--format", "json", "--contested"],
    ));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let edges = v["edges"].as_array().unwrap();
    assert_eq!(edges.len(), 1);
    assert_eq!(edges[0]["relation"], "sued");
    assert_eq!(edges[0]["contested"], true);

    // The built-in picture draws it dashed too, with the legend entry.
    let svg = dir.path().join("g.svg");
    let o = relgraph(
        &db,
        &[
            "render",
            "--renderer",
            "builtin",
            "-o",
            svg.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = std::fs::read_to_string(svg).unwrap();
    assert_eq!(
        svg.matches("stroke-dasharray").count(),
        2,
        "edge and legend"
    );
    assert!(svg.contains("contested: stated, and denied elsewhere"));

    // Removing the denying document takes its counter-evidence with it.
    let docs = docs_by_source(&db);
    let id = docs["denial.txt"]["id"].as_str().unwrap();
    let o = relgraph(&db, &["remove-doc", id]);
    assert!(o.status.success(), "{}", stderr(&o));
    let after = jsonl(&relgraph(&db, &["edges", "--format", "jsonl"]));
    assert!(after.iter().all(|r| r["contested"] == false));
    let o = relgraph(&db, &["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// The same claim in three documents is surer than in one; `--min-docs` and
/// `--min-confidence` select by it.
#[test]
fn a_claim_in_three_documents_is_surer_than_in_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingest(
        dir.path(),
        &[
            ("a.txt", "Acme Robotics a racheté Zenith Labs.\n"),
            (
                "b.txt",
                "Acme Robotics acquired Zenith Labs, the company said.\n",
            ),
            (
                "c.txt",
                "Selon la presse, Acme Robotics a racheté Zenith Labs en 2021.\n",
            ),
            ("d.txt", "Jane Porter a fondé Orion Data.\n"),
        ],
        &[],
    );
    let all = jsonl(&relgraph(&db, &["edges", "--format", "jsonl"]));
    let conf = |rel: &str| {
        let r = all.iter().find(|r| r["relation"] == rel).unwrap();
        (
            r["confidence"].as_f64().unwrap(),
            r["documents"].as_u64().unwrap(),
        )
    };
    let (three, n3) = conf("acquired");
    let (one, n1) = conf("founded");
    assert_eq!((n3, n1), (3, 1));
    assert!(three > one, "{three} vs {one}");
    assert!(three > 0.95, "{three}");
    let surer = |args: &[&str]| {
        let mut a = vec!["edges", "--format", "jsonl"];
        a.extend_from_slice(args);
        triples(&jsonl(&relgraph(&db, &a)))
    };
    assert_eq!(
        surer(&["--min-docs", "2"]),
        ["Acme Robotics -acquired-> Zenith Labs"]
    );
    assert_eq!(
        surer(&["--min-confidence", "0.9"]),
        ["Acme Robotics -acquired-> Zenith Labs"]
    );
    assert_eq!(surer(&["--min-docs", "1"]).len(), 2);
    let dot = stdout(&relgraph(
        &db,
        &["export", "--format", "dot", "--min-docs", "3"],
    ));
    assert!(
        dot.contains("acquired") && !dot.contains("founded"),
        "{dot}"
    );
}

/// A role taken in one article and left in a later one: `--as-of` before, between and
/// after answers as the text says; neighbors, path and export follow the same dates.
#[test]
fn a_role_taken_then_left_answers_as_of_before_between_and_after() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingest_dated(
        dir.path(),
        &[
            (
                "nomination.txt",
                "2019-03-10",
                "Claire Dubois est devenue directrice générale de Zenith Labs en mars 2019.\n",
            ),
            (
                "depart.txt",
                "2023-06-20",
                "Claire Dubois left Zenith Labs on June 12, 2023.\n",
            ),
            (
                "joined.txt",
                "2020-02-01",
                "Jane Porter joined Orion Data last year.\n",
            ),
        ],
    );
    let rows = jsonl(&relgraph(&db, &["edges", "--format", "jsonl"]));
    let leads = rows
        .iter()
        .find(|r| r["relation"] == "leads")
        .unwrap_or_else(|| panic!("{rows:?}"));
    assert_eq!(leads["held_from"], "2019-03");
    assert_eq!(leads["held_until"], "2023-06-12");
    assert_eq!(leads["first_reported"], "2019-03-10");
    let member = rows.iter().find(|r| r["relation"] == "member_of").unwrap();
    assert_eq!(member["held_from"], "2019");
    assert!(member["held_until"].is_null());

    let as_of = |date: &str| {
        triples(&jsonl(&relgraph(
            &db,
            &["edges", "--as-of", date, "--format", "jsonl"],
        )))
    };
    assert_eq!(as_of("2018-12-31"), Vec::<String>::new());
    assert_eq!(
        as_of("2021-01-01"),
        [
            "Claire Dubois -leads-> Zenith Labs",
            "Jane Porter -member_of-> Orion Data"
        ]
    );
    assert_eq!(
        as_of("2024-01-01"),
        [
            "Claire Dubois -left-> Zenith Labs",
            "Jane Porter -member_of-> Orion Data"
        ]
    );
    // The day before leaving she still led it.
    assert!(as_of("2023-06-11").contains(&"Claire Dubois -leads-> Zenith Labs".to_string()));

    let around = |date: &str| {
        let o = relgraph(
            &db,
            &[
                "neighbors",
                "Zenith Labs",
                "--as-of",
                date,
                "--format",
                "jsonl",
            ],
        );
        jsonl(&o)
            .iter()
            .map(|r| {
                format!(
                    "{} {}",
                    r["relation"].as_str().unwrap(),
                    r["name"].as_str().unwrap()
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(around("2021-06"), ["leads Claire Dubois"]);
    assert_eq!(around("2024"), ["left Claire Dubois"]);
    let o = relgraph(
        &db,
        &[
            "path",
            "Claire Dubois",
            "Zenith Labs",
            "--as-of",
            "2022",
            "--format",
            "jsonl",
        ],
    );
    let hops = jsonl(&o);
    assert_eq!(hops.len(), 1);
    assert_eq!(hops[0]["relation"], "leads");
    assert_eq!(hops[0]["held_from"], "2019-03");
    let o = relgraph(
        &db,
        &[
            "path",
            "Claire Dubois",
            "Zenith Labs",
            "--as-of",
            "2018",
            "--format",
            "jsonl",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "no path then: {}", stdout(&o));
    let dot = stdout(&relgraph(
        &db,
        &["export", "--format", "dot", "--as-of", "2021"],
    ));
    let drawn: Vec<&str> = dot.lines().filter(|l| l.contains(" -> ")).collect();
    assert_eq!(drawn.len(), 2, "{dot}");
    assert!(drawn.iter().any(|l| l.contains("label=\"leads\"")), "{dot}");
    assert!(!drawn.iter().any(|l| l.contains("label=\"left\"")), "{dot}");
    // --since / --until fall back on the document dates where the text states none.
    let since = triples(&jsonl(&relgraph(
        &db,
        &["edges", "--since", "2023", "--format", "jsonl"],
    )));
    assert_eq!(since, ["Claire Dubois -left-> Zenith Labs"]);
}

/// `timeline` lists the dated sentences about an entity in date order, in every format,
/// narrowed by `--with` and `--relation`; on the demo store, the seed's dated events.
#[test]
fn timeline_lists_dated_events_in_order_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("demo");
    let o = Command::new(env!("CARGO_BIN_EXE_relgraph"))
        .args(["demo", "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let db = out.join("store");
    let o = relgraph(&db, &["timeline", "Elon Musk", "--format", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = jsonl(&o);
    // Every dated sentence about Musk, and only those, in date order.
    let dated: Vec<String> = evidence_rows(&db, "Elon Musk")
        .iter()
        .filter(|r| !r["date"].is_null() || !r["reported"].is_null())
        .map(|r| r["sentence"].as_str().unwrap().to_string())
        .collect();
    assert!(rows.len() >= 2, "{rows:?}");
    assert_eq!(rows.len(), dated.len());
    let dates: Vec<relgraph::Date> = rows
        .iter()
        .map(|r| r["date"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    for r in &rows {
        assert!(dated.contains(&r["sentence"].as_str().unwrap().to_string()));
        assert!(!r["relation"].is_null() && !r["other"].is_null() && !r["document"].is_null());
    }
    let other = rows[0]["other"].as_str().unwrap().to_string();
    let with = jsonl(&relgraph(
        &db,
        &[
            "timeline",
            "Elon Musk",
            "--with",
            &other,
            "--format",
            "jsonl",
        ],
    ));
    assert!(!with.is_empty() && with.iter().all(|r| r["other"] == other.as_str()));
    let rel = rows[0]["relation"].as_str().unwrap().to_string();
    let of_rel = jsonl(&relgraph(
        &db,
        &[
            "timeline",
            "Elon Musk",
            "--relation",
            &rel,
            "--format",
            "jsonl",
        ],
    ));
    assert!(!of_rel.is_empty() && of_rel.iter().all(|r| r["relation"] == rel.as_str()));
    let first = rows[0]["date"].as_str().unwrap();
    for format in ["table", "csv", "json"] {
        let o = relgraph(&db, &["timeline", "Elon Musk", "--format", format]);
        assert!(o.status.success(), "{format}: {}", stderr(&o));
        assert!(stdout(&o).contains(first), "{format}: {}", stdout(&o));
    }
    let json: serde_json::Value = serde_json::from_str(&stdout(&relgraph(
        &db,
        &["timeline", "Elon Musk", "--format", "json"],
    )))
    .unwrap();
    assert_eq!(json.as_array().unwrap().len(), rows.len());
}
