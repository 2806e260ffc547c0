//! `duplicates`, `merge`, `merges` and `unmerge` from the command line.

use super::{csv_store, jsonl, relgraph, stderr, stdout, Scratch};

const CSV: &str = "source,relation,target,source_kind,target_kind
Elon Musk,founded,SpaceX,person,organization
Musk,sued,OpenAI,person,organization
FTC,sued,Microsoft,organization,organization
Federal Trade Commission,sued,Meta Platforms,organization,organization
Air France,partnered,Air Liquide,organization,organization
";

#[test]
fn duplicates_feed_merge_and_unmerge_gives_the_store_back() {
    let dir = csv_store(CSV);
    let db = dir.db();

    let o = relgraph(&db, &["duplicates", "--format", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = jsonl(&o);
    let pairs: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["from"].as_str().unwrap(), r["into"].as_str().unwrap()))
        .collect();
    assert_eq!(
        pairs,
        [("FTC", "Federal Trade Commission"), ("Musk", "Elon Musk")]
    );
    assert!(rows[0]["reasons"][0]
        .as_str()
        .unwrap()
        .starts_with("acronym"));
    // Every format shows the same fields.
    let keys: Vec<String> = rows[0].as_object().unwrap().keys().cloned().collect();
    let o = relgraph(&db, &["duplicates", "--format", "csv"]);
    assert_eq!(stdout(&o).lines().next().unwrap(), keys.join(","));
    let o = relgraph(&db, &["duplicates", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2);
    let o = relgraph(&db, &["duplicates", "--format", "table"]);
    assert!(stdout(&o).contains("Federal Trade Commission"));
    // Only the pairs of one entity; none above a high bar.
    let o = relgraph(&db, &["duplicates", "Elon Musk", "--format", "jsonl"]);
    assert_eq!(jsonl(&o).len(), 1);
    let o = relgraph(&db, &["duplicates", "--min-score", "0.95"]);
    assert_eq!(o.status.code(), Some(1));

    let before = dir.path().join("before.jsonl");
    let after = dir.path().join("after.jsonl");
    assert!(relgraph(&db, &["dump", "-o", before.to_str().unwrap()])
        .status
        .success());
    let o = relgraph(&db, &["merge", "Musk", "Elon Musk"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = relgraph(&db, &["merges", "--format", "jsonl"]);
    let log = jsonl(&o);
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0]["from"].as_str(), log[0]["into"].as_str()),
        (Some("Musk"), Some("Elon Musk"))
    );
    let o = relgraph(&db, &["unmerge", "Musk"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("unmerged Musk"), "{}", stderr(&o));
    assert!(relgraph(&db, &["dump", "-o", after.to_str().unwrap()])
        .status
        .success());
    assert_eq!(
        std::fs::read_to_string(&before).unwrap(),
        std::fs::read_to_string(&after).unwrap()
    );
    // Nothing left to undo: a clear one-line error, exit 2.
    let o = relgraph(&db, &["unmerge", "Musk"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("relgraph merges"), "{}", stderr(&o));
}

/// An entity that a logged merge needs, removed by hand since: `unmerge` says so (and does
/// not send the user to undo a merge that never happened); the store stays whole.
#[test]
fn unmerge_after_a_needed_entity_was_removed_refuses_plainly() {
    let dir = Scratch::new();
    let csv = "source,relation,target\nA One,sued,Target Co\nB One,sued,Other Co\nB One,praised,C Three\n";
    for removed in ["A One", "C Three"] {
        let db = dir.path().join(format!("db-{removed}"));
        dir.import(&db, "edges.csv", csv);
        assert!(relgraph(&db, &["merge", "B One", "A One"]).status.success());
        let o = relgraph(&db, &["remove-entity", removed]);
        assert!(o.status.success(), "{}", stderr(&o));
        let o = relgraph(&db, &["unmerge", "B One"]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(
            err.contains("cannot be undone") && err.contains("was removed since"),
            "{removed}: {err}"
        );
        assert!(!err.contains("unmerge that"), "{removed}: {err}");
        let o = relgraph(&db, &["check"]);
        assert!(o.status.success(), "{}", stdout(&o));
    }
}
