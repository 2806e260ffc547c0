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
    let db = dir.path().join("db");
    dir.import(&db, "edges.csv", csv);
    assert!(relgraph(&db, &["merge", "B One", "A One"]).status.success());
    let o = relgraph(&db, &["remove-entity", "C Three"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = relgraph(&db, &["unmerge", "B One"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("cannot be undone") && err.contains("was removed since"),
        "{err}"
    );
    assert!(!err.contains("unmerge that"), "{err}");
    let o = relgraph(&db, &["check"]);
    assert!(o.status.success(), "{}", stdout(&o));
}

/// Removing the entity logged merges went into would leave them impossible to undo:
/// refused, naming the merges and the two ways on, the store untouched; with `--force` it
/// goes, and so do those merge records (a chain too), said on stderr.
#[test]
fn removing_a_merge_target_is_refused_unless_forced_which_drops_the_merges() {
    let dir = Scratch::new();
    let csv = "source,relation,target\nA One,sued,Target Co\nB One,sued,Other Co\nB One,praised,C Three\nD Four,sued,Other Co\n";
    let db = dir.path().join("db");
    dir.import(&db, "edges.csv", csv);
    // C Three into B One, then B One into A One: both need A One to be undone.
    for (from, into) in [
        ("C Three", "B One"),
        ("B One", "A One"),
        ("D Four", "Other Co"),
    ] {
        let o = relgraph(&db, &["merge", from, into]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let dump = |name: &str| {
        let p = dir.path().join(name);
        assert!(relgraph(&db, &["dump", "-o", p.to_str().unwrap()])
            .status
            .success());
        std::fs::read_to_string(p).unwrap()
    };
    let before = dump("before.jsonl");
    let o = relgraph(&db, &["remove-entity", "A One"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("merge 1 (C Three into B One)")
            && err.contains("merge 2 (B One into A One)")
            && err.contains("relgraph unmerge --seq 2")
            && err.contains("--force"),
        "{err}"
    );
    assert!(!err.contains("merge 3"), "{err}");
    assert_eq!(dump("refused.jsonl"), before, "a refusal changes nothing");

    let o = relgraph(&db, &["remove-entity", "A One", "--force"]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    for m in ["merge 2 (B One into A One)", "merge 1 (C Three into B One)"] {
        assert!(
            err.contains(&format!("{m} can no longer be undone")),
            "{err}"
        );
    }
    let o = relgraph(&db, &["merges"]);
    let listed = stdout(&o);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        listed.contains("D Four") && !listed.contains("B One") && !listed.contains("C Three"),
        "the unrelated merge stays, the two go: {listed}"
    );
    let o = relgraph(&db, &["unmerge", "B One"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("relgraph merges"), "{}", stderr(&o));
    assert!(relgraph(&db, &["unmerge", "D Four"]).status.success());
    let o = relgraph(&db, &["check"]);
    assert!(o.status.success(), "{}", stdout(&o));
    let o = relgraph(&db, &["entities"]);
    let names = stdout(&o);
    assert!(
        !names.contains("A One") && names.contains("D Four"),
        "{names}"
    );
}
