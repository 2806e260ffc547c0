//! Every entity reachable: a name shared by two entities, `#ID`, `NAME (kind)`, `--kind`,
//! and the answers that cover every relation in both directions.

use super::*;

/// The news store with a second "OpenAI", a product the articles never link to anything.
fn shared_name_store() -> (Scratch, std::path::PathBuf) {
    let dir = news_store();
    let o = relgraph(&dir.path().join("db"), &["dump"]);
    let mut dump = stdout(&o);
    dump.push_str(
        "{\"type\":\"entity\",\"id\":999,\"name\":\"OpenAI\",\"kind\":\"product\",\"aliases\":[],\"first_seen\":0,\"last_seen\":0}\n",
    );
    let file = dir.path().join("dump.jsonl");
    std::fs::write(&file, dump).unwrap();
    let db = dir.path().join("shared");
    let o = relgraph(&db, &["restore", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    (dir, db)
}

#[test]
fn a_shared_name_reaches_every_entity() {
    let (dir, db) = shared_name_store();
    // Only the organization has edges: queries take it and say so.
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
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = jsonl(&o);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["source"], "Elon Musk");
    assert!(
        stderr(&o).contains("note:") && stderr(&o).contains("OpenAI (product) #999"),
        "{}",
        stderr(&o)
    );
    for args in [
        vec!["neighbors", "OpenAI"],
        vec!["evidence", "Elon Musk", "sued", "OpenAI"],
        vec!["path", "Microsoft", "OpenAI"],
    ] {
        let o = relgraph(&db, &args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    }
    // The product is reachable by kind and by id; it is found, and has no edges.
    for who in [
        vec!["neighbors", "OpenAI (product)"],
        vec!["neighbors", "openai", "--kind", "product"],
        vec!["neighbors", "#999"],
    ] {
        let o = relgraph(&db, &who);
        assert_eq!(o.status.code(), Some(1), "{who:?}");
        assert!(
            stderr(&o).contains("has no edges"),
            "{who:?}: {}",
            stderr(&o)
        );
    }
    let o = relgraph(&db, &["neighbors", "Nobody Atall"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no entity named"), "{}", stderr(&o));
    // With edges on both sides the name is ambiguous, and the message says how to choose.
    let csv = dir.path().join("gemini.csv");
    std::fs::write(
        &csv,
        "source,relation,target,source_kind,target_kind\nOpenAI,competes_with,Gemini,product,product\n",
    )
    .unwrap();
    let o = relgraph(&db, &["import", csv.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = relgraph(&db, &["neighbors", "OpenAI"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("ambiguous")
            && err.contains("OpenAI (product) #999")
            && err.contains("OpenAI (organization) #"),
        "{err}"
    );
    let o = relgraph(&db, &["neighbors", "OpenAI (product)", "--format", "jsonl"]);
    assert_eq!(jsonl(&o)[0]["name"], "Gemini");
    // merge never guesses, and joins the two when told which is which.
    let o = relgraph(&db, &["merge", "OpenAI", "OpenAI"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = relgraph(&db, &["merge", "OpenAI (product)", "OpenAI (organization)"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = relgraph(
        &db,
        &["entities", "--search", "openai", "--format", "jsonl"],
    );
    assert_eq!(jsonl(&o).len(), 1);
    let o = relgraph(&db, &["neighbors", "OpenAI", "--format", "jsonl"]);
    assert!(jsonl(&o).iter().any(|r| r["name"] == "Gemini"));
}

#[test]
fn neighbors_list_every_relation_both_ways_with_evidence() {
    let dir = news_store();
    let db = dir.path().join("db");
    let o = relgraph(&db, &["neighbors", "Sam Altman", "--format", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut musk: Vec<(String, String, u64)> = jsonl(&o)
        .iter()
        .filter(|r| r["name"] == "Elon Musk")
        .map(|r| {
            (
                r["relation"].as_str().unwrap().to_string(),
                r["direction"].as_str().unwrap().to_string(),
                r["evidence_count"].as_u64().unwrap(),
            )
        })
        .collect();
    musk.sort();
    assert_eq!(
        musk,
        [
            ("criticized".to_string(), "<-".to_string(), 1),
            ("praised".into(), "->".into(), 1),
            ("sued".into(), "<-".into(), 1),
        ]
    );
    // Depth 2: Microsoft is reached through OpenAI, with both of its relations.
    let o = relgraph(
        &db,
        &[
            "neighbors",
            "Sam Altman",
            "--depth",
            "2",
            "--format",
            "jsonl",
        ],
    );
    let ms: Vec<String> = jsonl(&o)
        .iter()
        .filter(|r| r["name"] == "Microsoft")
        .map(|r| format!("{} {} via {}", r["relation"], r["depth"], r["via"]))
        .collect();
    assert_eq!(ms.len(), 2, "{ms:?}");
    assert!(ms.iter().all(|m| m.ends_with("2 via \"OpenAI\"")), "{ms:?}");
}

#[test]
fn evidence_covers_both_directions() {
    let dir = news_store();
    let db = dir.path().join("db");
    let triples = |args: &[&str]| -> Vec<String> {
        let o = relgraph(&db, args);
        let mut t: Vec<String> = jsonl(&o)
            .iter()
            .map(|r| {
                format!(
                    "{} {} {}",
                    r["source"].as_str().unwrap(),
                    r["relation"].as_str().unwrap(),
                    r["target"].as_str().unwrap()
                )
            })
            .collect();
        t.sort();
        t
    };
    assert_eq!(
        triples(&["evidence", "Sam Altman", "--format", "jsonl"]),
        [
            "Elon Musk criticized Sam Altman",
            "Elon Musk sued Sam Altman",
            "Sam Altman founded OpenAI",
            "Sam Altman praised Elon Musk",
        ]
    );
    assert_eq!(
        triples(&[
            "evidence",
            "Sam Altman",
            "--direction",
            "in",
            "--format",
            "jsonl"
        ]),
        [
            "Elon Musk criticized Sam Altman",
            "Elon Musk sued Sam Altman"
        ]
    );
    assert_eq!(
        triples(&["evidence", "Sam Altman", "sued", "--format", "jsonl"]),
        ["Elon Musk sued Sam Altman"]
    );
    // A symmetric relation reads from the entity asked about.
    assert_eq!(
        triples(&["evidence", "OpenAI", "partnered", "--format", "jsonl"]),
        ["OpenAI partnered Microsoft"]
    );
}
