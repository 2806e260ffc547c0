//! The store: persistence, atomic ingest, idempotence, merge, removal, dump/restore, check,
//! locking, schema and corruption handling, concurrency.

use std::collections::BTreeSet;
use std::process::Command;
use std::time::{Duration, Instant};

use relgraph::store::{DocumentInput, NewEdge, NewEntity, Store};
use relgraph::{EntityKind, Error, Evidence, Graph, RelationKind};

fn ev(sentence: &str, date: Option<&str>) -> Evidence {
    Evidence {
        doc: 0,
        sentence: sentence.into(),
        start: 0,
        end: sentence.len() as u32,
        date: date.map(|d| d.parse().unwrap()),
        rule: "test".into(),
        confidence: 0.8,
        reported: None,
        polarity: Default::default(),
    }
}

fn ent(name: &str, kind: EntityKind, aliases: &[&str]) -> NewEntity {
    NewEntity {
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        mentions: 1,
    }
}

/// A document with nothing in it yet.
fn blank(id: u64) -> DocumentInput {
    DocumentInput {
        id,
        title: format!("doc {id}"),
        source: "test".into(),
        lang: "en".into(),
        date: None,
        date_source: None,
        denials: Vec::new(),
        entities: Vec::new(),
        edges: Vec::new(),
    }
}

/// A document: Jane Roe founded Acme, Acme partnered Zenith, Jane sued Zenith.
fn doc(id: u64) -> DocumentInput {
    DocumentInput {
        entities: vec![
            ent("Jane Roe", EntityKind::Person, &["Roe"]),
            ent("Acme Corp", EntityKind::Organization, &[]),
            ent("Zenith Labs", EntityKind::Organization, &[]),
        ],
        edges: vec![
            NewEdge {
                source: 0,
                relation: RelationKind::Founded,
                target: 1,
                evidence: ev("Jane Roe founded Acme Corp in 2010.", Some("2010")),
            },
            NewEdge {
                source: 2,
                relation: RelationKind::Partnered,
                target: 1,
                evidence: ev("Zenith Labs partnered with Acme Corp.", None),
            },
            NewEdge {
                source: 0,
                relation: RelationKind::Sued,
                target: 2,
                evidence: ev("Jane Roe sued Zenith Labs.", Some("2021")),
            },
        ],
        ..blank(id)
    }
}

fn dump(s: &Store) -> String {
    let mut out = Vec::new();
    s.dump(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn triples(s: &Store) -> BTreeSet<String> {
    s.edges(&Default::default())
        .unwrap()
        .into_iter()
        .map(|e| format!("{} -{}-> {}", e.source, e.relation, e.target))
        .collect()
}

#[test]
fn data_persists_across_close_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    {
        let s = Store::open(dir.path()).unwrap();
        s.ingest(&doc(1)).unwrap();
        s.flush().unwrap();
    }
    let s = Store::open(dir.path()).unwrap();
    assert_eq!(s.counts().unwrap().edges, 3);
    assert_eq!(s.resolve("roe").unwrap().name, "Jane Roe");
    assert!(triples(&s).contains("Jane Roe -founded-> Acme Corp"));
    assert!(s.check().unwrap().problems.is_empty());
}

#[test]
fn a_failure_inside_an_ingest_leaves_no_trace() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path()).unwrap();
    s.ingest(&doc(1)).unwrap();
    let before = dump(&s);
    // A second document that shares entities and edges, failing at every possible point.
    let mut second = doc(2);
    second
        .entities
        .push(ent("Max Power", EntityKind::Person, &[]));
    second.edges.push(NewEdge {
        source: 3,
        relation: RelationKind::Criticized,
        target: 1,
        evidence: ev("Max Power criticized Acme Corp.", None),
    });
    for writes in 0..8 {
        let err = s.ingest_failing_after(&second, writes).unwrap_err();
        assert!(err.to_string().contains("injected failure"), "{err}");
        assert_eq!(
            dump(&s),
            before,
            "a failure after {writes} writes left a trace"
        );
    }
    assert!(s.check().unwrap().problems.is_empty());
    s.ingest(&second).unwrap();
    assert_eq!(s.counts().unwrap().documents, 2);
    assert!(s.check().unwrap().problems.is_empty());
}

#[test]
fn ingesting_the_same_text_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let g = Graph::open(dir.path()).unwrap();
    let text = "Greenfield Capital sued Marlow Foods over the merger. Priya Raman founded Oakline Systems in 2011.";
    let first = g.ingest_text(text, "a.txt", None).unwrap();
    assert!(first.new && first.edges_added == 2);
    let before = dump(&g);
    let again = g.ingest_text(text, "copy-of-a.txt", None).unwrap();
    assert!(!again.new);
    assert_eq!(again.edges_added, 0);
    assert_eq!(dump(&g), before);
}

#[test]
fn symmetric_edges_are_stored_once_and_answered_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path()).unwrap();
    s.ingest(&doc(1)).unwrap();
    let acme = s.resolve("Acme Corp").unwrap();
    let zenith = s.resolve("Zenith Labs").unwrap();
    let from_acme = s
        .edges(&relgraph::query::EdgeFilter {
            from: Some(acme.id),
            relations: vec![RelationKind::Partnered],
            ..Default::default()
        })
        .unwrap();
    let from_zenith = s
        .edges(&relgraph::query::EdgeFilter {
            from: Some(zenith.id),
            relations: vec![RelationKind::Partnered],
            ..Default::default()
        })
        .unwrap();
    assert_eq!(from_acme.len(), 1);
    assert_eq!(from_zenith.len(), 1);
    assert_eq!(from_acme[0].target, "Zenith Labs");
    assert_eq!(from_zenith[0].target, "Acme Corp");
    assert_eq!(s.counts().unwrap().edges, 3);
}

#[test]
fn merge_moves_names_edges_and_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path()).unwrap();
    s.ingest(&doc(1)).unwrap();
    // A second document knows Jane only as "Jay Roe", a name no identity rule joins to hers.
    let d2 = DocumentInput {
        id: 2,
        title: "doc 2".into(),
        source: "t".into(),
        lang: "en".into(),
        date: None,
        date_source: None,
        denials: Vec::new(),
        entities: vec![
            ent("Jay Roe", EntityKind::Person, &[]),
            ent("Acme Corp", EntityKind::Organization, &[]),
        ],
        edges: vec![
            NewEdge {
                source: 0,
                relation: RelationKind::Founded,
                target: 1,
                evidence: ev("Jay Roe founded Acme Corp.", Some("2009")),
            },
            NewEdge {
                source: 0,
                relation: RelationKind::Praised,
                target: 1,
                evidence: ev("Jay Roe praised Acme Corp.", None),
            },
        ],
    };
    s.ingest(&d2).unwrap();
    let alias = s.resolve("Jay Roe").unwrap();
    let jane = s.resolve("Jane Roe").unwrap();
    assert_ne!(alias.id, jane.id);
    let merged = s.merge(alias.id, jane.id).unwrap();
    assert!(merged.aliases.contains(&"Jay Roe".to_string()));
    assert_eq!(s.resolve("jay roe").unwrap().id, jane.id);
    let founded = s
        .edges(&relgraph::query::EdgeFilter {
            from: Some(jane.id),
            relations: vec![RelationKind::Founded],
            ..Default::default()
        })
        .unwrap();
    assert_eq!(founded.len(), 1);
    assert_eq!(founded[0].evidence_count, 2);
    assert_eq!(founded[0].documents, 2);
    assert_eq!(
        founded[0].first_date.map(|d| d.to_string()).as_deref(),
        Some("2009")
    );
    assert!(triples(&s).contains("Jane Roe -praised-> Acme Corp"));
    assert!(s.entity(alias.id).unwrap().is_none());
    let rep = s.check().unwrap();
    assert!(rep.problems.is_empty(), "{:?}", rep.problems);
    assert_eq!(rep.entities, 3);
}

#[test]
fn removing_a_document_takes_its_evidence_and_orphaned_edges() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path()).unwrap();
    s.ingest(&doc(1)).unwrap();
    let mut d2 = doc(2);
    d2.edges.truncate(1); // only "founded" again
    s.ingest(&d2).unwrap();
    assert!(s.remove_document(1).unwrap());
    let t = triples(&s);
    assert_eq!(
        t,
        BTreeSet::from(["Jane Roe -founded-> Acme Corp".to_string()])
    );
    let founded = s.edges(&Default::default()).unwrap();
    assert_eq!(founded[0].evidence_count, 1);
    assert!(!s.remove_document(1).unwrap());
    let rep = s.check().unwrap();
    assert!(rep.problems.is_empty(), "{:?}", rep.problems);
    assert_eq!(rep.documents, 1);
}

/// A document of the named entities, with an edge from the first to the second when given.
fn named(id: u64, names: &[(&str, EntityKind)], founded: bool) -> DocumentInput {
    DocumentInput {
        entities: names.iter().map(|(n, k)| ent(n, *k, &[])).collect(),
        edges: if founded {
            vec![NewEdge {
                source: 0,
                relation: RelationKind::Founded,
                target: 1,
                evidence: ev("X founded Y.", None),
            }]
        } else {
            Vec::new()
        },
        ..blank(id)
    }
}

fn entity_names(s: &Store) -> BTreeSet<String> {
    s.all_entities().map(|e| e.unwrap().name).collect()
}

/// An entity a document names without an edge goes with that document, unless another
/// document names it too (also under a name merged into it since); through dump and
/// restore alike.
#[test]
fn removing_a_document_takes_the_entities_it_alone_named_without_edges() {
    use EntityKind::{Organization as Org, Person};
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path().join("a")).unwrap();
    let a = [
        ("Jane Roe", Person),
        ("Acme Corp", Org),
        ("Lone Walker", Person),
        ("Shared Org", Org),
    ];
    s.ingest(&named(1, &a, true)).unwrap();
    s.ingest(&named(
        2,
        &[("Shared Org", Org), ("Other Person", Person)],
        false,
    ))
    .unwrap();
    s.ingest(&named(3, &[("Beta Holdings", Org)], false))
        .unwrap();
    s.ingest(&named(4, &[("Gamma Trust", Org)], false)).unwrap();
    let id_of = |name: &str| {
        let found = s
            .all_entities()
            .map(|e| e.unwrap())
            .find(|e| e.name == name);
        found.unwrap().id
    };
    s.merge(id_of("Beta Holdings"), id_of("Gamma Trust"))
        .unwrap();
    let restored = Store::open(dir.path().join("b")).unwrap();
    restored.restore(dump(&s).as_bytes(), "dump").unwrap();
    for s in [&s, &restored] {
        let gone = s.remove_document_reporting(1).unwrap().unwrap();
        let gone: BTreeSet<String> = gone.entities.into_iter().map(|e| e.name).collect();
        let want = ["Acme Corp", "Jane Roe", "Lone Walker"].map(String::from);
        assert_eq!(gone, BTreeSet::from(want));
        let left = ["Gamma Trust", "Other Person", "Shared Org"].map(String::from);
        assert_eq!(entity_names(s), BTreeSet::from(left));
        clean_store(s);
        s.remove_document(2).unwrap();
        // Document 3 named Beta Holdings, now Gamma Trust, which document 4 names too.
        s.remove_document(4).unwrap();
        assert_eq!(entity_names(s), BTreeSet::from(["Gamma Trust".to_string()]));
        s.remove_document(3).unwrap();
        assert!(entity_names(s).is_empty());
        clean_store(s);
        assert_eq!(s.counts().unwrap().entities, 0);
    }
}

#[test]
fn dump_restore_dump_is_identical() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let g = Graph::open(a.path()).unwrap();
    g.ingest_text(
        include_str!("../examples/seed-fr-musk-altman.txt"),
        "seed",
        None,
    )
    .unwrap();
    g.import_reader("source,relation,target,source_kind,target_kind\n\"Quote \"\"Inc\"\"\",owns,\"Comma, Ltd\",organization,organization\n".as_bytes(), relgraph::import::ImportFormat::Csv, "t.csv", &mut |_, _| {}).unwrap();
    let first = dump(&g);
    let restored = Store::open(b.path()).unwrap();
    restored.restore(first.as_bytes(), "dump").unwrap();
    assert_eq!(dump(&restored), first);
    assert!(restored.check().unwrap().problems.is_empty());
    // A restore into a store with data is refused.
    assert!(restored.restore(first.as_bytes(), "dump").is_err());
}

#[test]
fn check_catches_planted_damage() {
    let dir = tempfile::tempdir().unwrap();
    {
        let s = Store::open(dir.path()).unwrap();
        s.ingest(&doc(1)).unwrap();
        assert!(s.check().unwrap().problems.is_empty());
        s.flush().unwrap();
    }
    {
        // Plant: drop one in-edge and point a name at a missing entity, behind the API's back.
        let db = raw_sled(dir.path());
        let inn = db.open_tree("in").unwrap();
        let first = inn.iter().next().unwrap().unwrap().0;
        inn.remove(first).unwrap();
        let names = db.open_tree("names").unwrap();
        let mut v = vec![1u8];
        v.extend(bincode::serde::encode_to_vec(vec![999u64], bincode::config::standard()).unwrap());
        names.insert("ghost", v).unwrap();
        db.flush().unwrap();
    }
    let s = Store::open(dir.path()).unwrap();
    let rep = s.check().unwrap();
    assert!(
        rep.problems.iter().any(|p| p.contains("has no in-edge")),
        "{:?}",
        rep.problems
    );
    assert!(
        rep.problems
            .iter()
            .any(|p| p.contains("missing entity 999")),
        "{:?}",
        rep.problems
    );
}

#[test]
fn a_store_of_another_schema_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    {
        let db = raw_sled(dir.path());
        db.open_tree("meta")
            .unwrap()
            .insert("schema", &99u32.to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    match Store::open(dir.path()) {
        Err(Error::SchemaMismatch { found: 99, .. }) => {}
        other => panic!("expected a schema mismatch, got {:?}", other.err()),
    }
}

#[test]
fn a_second_process_gets_a_clear_error_within_a_second() {
    let dir = tempfile::tempdir().unwrap();
    let g = Graph::open(dir.path()).unwrap();
    g.ingest_text(
        "Greenfield Capital sued Marlow Foods over the merger.",
        "a",
        None,
    )
    .unwrap();
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_relgraph"))
        .arg("--db")
        .arg(dir.path())
        // Not waited for (`--wait 0`): the message must come at once.
        .args(["--wait", "0", "stats"])
        .output()
        .unwrap();
    let took = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("in use by another process")
            && stderr.contains(&dir.path().display().to_string()),
        "{stderr}"
    );
    assert!(took < Duration::from_secs(1), "took {took:?}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn damaged_files_give_an_error_not_a_panic() {
    for damage in ["truncate", "flip"] {
        let dir = tempfile::tempdir().unwrap();
        {
            let g = Graph::open(dir.path()).unwrap();
            g.ingest_text(
                include_str!("../examples/seed-fr-musk-altman.txt"),
                "seed",
                None,
            )
            .unwrap();
        }
        let db = dir.path().join("db");
        let mut bytes = std::fs::read(&db).unwrap();
        match damage {
            "truncate" => bytes.truncate(bytes.len() / 3),
            _ => {
                for i in (0..bytes.len()).step_by(97) {
                    bytes[i] ^= 0xa5;
                }
            }
        }
        std::fs::write(&db, bytes).unwrap();
        let _ = std::fs::remove_file(dir.path().join("snap.0000000000000000"));
        // Either a clear error at open, or a store whose check reports the damage or is whole.
        match Graph::open(dir.path()) {
            Err(e) => assert!(
                matches!(
                    e,
                    Error::Corrupt { .. }
                        | Error::Store(_)
                        | Error::Io { .. }
                        | Error::SchemaMismatch { .. }
                ),
                "{damage}: {e}"
            ),
            Ok(g) => panic!("{damage}: the damaged store opened with {:?}", g.counts()),
        }
        // The explicit repair keeps what is left and leaves a consistent store.
        let g = Graph::open_accepting_loss(dir.path()).unwrap();
        assert!(g.check().unwrap().problems.is_empty());
        drop(g);
        Graph::open(dir.path()).unwrap();
    }
}

#[test]
fn graph_is_send_and_sync_and_readers_see_whole_documents() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Graph>();
    let dir = tempfile::tempdir().unwrap();
    let s = std::sync::Arc::new(Store::open(dir.path()).unwrap());
    let writer = {
        let s = s.clone();
        std::thread::spawn(move || {
            for id in 1..=60u64 {
                let mut d = doc(id);
                // Each document adds one edge of its own, so counts grow with every document.
                let name = format!("Org {id}");
                d.entities.push(ent(&name, EntityKind::Organization, &[]));
                d.edges.push(NewEdge {
                    source: 0,
                    relation: RelationKind::InvestedIn,
                    target: 3,
                    evidence: ev("Jane Roe invested.", None),
                });
                s.ingest(&d).unwrap();
            }
        })
    };
    let readers: Vec<_> = (0..2)
        .map(|_| {
            let s = s.clone();
            std::thread::spawn(move || {
                for _ in 0..200 {
                    // Whole documents: the document count and the investment edges agree.
                    let c = s.counts().unwrap();
                    let rep = s.check().unwrap();
                    assert!(rep.problems.is_empty(), "{:?}", rep.problems);
                    assert!(c.edges == 0 || c.edges == c.documents + 3);
                }
            })
        })
        .collect();
    writer.join().unwrap();
    for r in readers {
        r.join().unwrap();
    }
    assert_eq!(s.counts().unwrap().documents, 60);
}

/// What is on disk when `ingest_text` returns is what a SIGKILL at that instant leaves:
/// copy the files while the store is still open and open the copy.
#[test]
fn an_ingest_is_on_disk_when_it_returns() {
    let dir = tempfile::tempdir().unwrap();
    let copy = tempfile::tempdir().unwrap();
    let g = Graph::open(dir.path().join("db")).unwrap();
    g.ingest_text(
        "Greenfield Capital sued Marlow Foods over the merger.",
        "a",
        None,
    )
    .unwrap();
    for entry in std::fs::read_dir(dir.path().join("db")).unwrap() {
        let p = entry.unwrap().path();
        if p.is_file() {
            std::fs::copy(&p, copy.path().join(p.file_name().unwrap())).unwrap();
        }
    }
    let _ = std::fs::create_dir(copy.path().join("blobs"));
    let crashed = Store::open(copy.path()).unwrap();
    assert_eq!(crashed.counts().unwrap().documents, 1);
    assert_eq!(
        triples(&crashed),
        BTreeSet::from(["Greenfield Capital -sued-> Marlow Foods".to_string()])
    );
    assert!(crashed.check().unwrap().problems.is_empty());
    drop(g);
}

/// Bulk loads keep an entity's edges in one row, ingest writes an edge per key: every
/// operation has to see both, and an edge is never stored twice.
#[test]
fn imported_rows_and_ingested_edges_work_together() {
    let dir = tempfile::tempdir().unwrap();
    let g = Graph::open(dir.path()).unwrap();
    let csv = |rows: &str| format!("source,relation,target,source_kind,target_kind\n{rows}");
    let import = |g: &Graph, rows: &str| {
        g.import_reader(
            csv(rows).as_bytes(),
            relgraph::import::ImportFormat::Csv,
            "rows.csv",
            &mut |_, _| {},
        )
        .unwrap()
    };
    let first = import(
        &g,
        "Jane Roe,founded,Acme Corp,person,organization\n\
         Acme Corp,partnered,Zenith Labs,organization,organization\n\
         Acme Corp,acquired,Orbit Ltd,organization,organization\n\
         J. Roe,praised,Orbit Ltd,person,organization\n",
    );
    assert_eq!(first.edges_added, 4);
    let clean = |g: &Graph| {
        let rep = g.check().unwrap();
        assert!(rep.problems.is_empty(), "{:?}", rep.problems);
        rep
    };
    clean(&g);

    // The article supports two imported edges (they leave the rows) and adds one.
    let out = g.ingest(&doc(1)).unwrap();
    assert_eq!(out.edges_added, 1);
    let founded = g
        .edges(&relgraph::query::EdgeFilter {
            relations: vec![RelationKind::Founded],
            ..Default::default()
        })
        .unwrap();
    assert_eq!(founded.len(), 1);
    assert_eq!(founded[0].evidence_count, 1);
    assert_eq!(founded[0].confidence, 1.0);
    assert_eq!(clean(&g).edges, 5);

    // Importing again adds only what is new, wherever the old edges live now.
    let again = import(
        &g,
        "Jane Roe,founded,Acme Corp,person,organization\n\
         Jane Roe,sued,Zenith Labs,person,organization\n\
         Zenith Labs,competes_with,Orbit Ltd,organization,organization\n",
    );
    assert_eq!(again.edges_added, 1);
    assert_eq!(clean(&g).edges, 6);
    let acme = g.resolve("Acme Corp").unwrap().id;
    let names: BTreeSet<String> = g
        .neighbors(acme, 1, relgraph::query::Direction::Both, &[])
        .unwrap()
        .into_iter()
        .map(|n| n.name)
        .collect();
    assert_eq!(
        names,
        BTreeSet::from(["Jane Roe", "Zenith Labs", "Orbit Ltd"].map(String::from))
    );

    // Removing the article keeps the imported edges it supported, figures reset.
    assert!(g.remove_document(1).unwrap());
    assert!(triples(&g).contains("Jane Roe -founded-> Acme Corp"));
    assert!(triples(&g).contains("Jane Roe -sued-> Zenith Labs"));
    assert_eq!(clean(&g).edges, 6);

    // Merging an entity whose only edge sits in a row moves that edge too.
    let alias = g.resolve("J. Roe").unwrap().id;
    let jane = g.resolve("Jane Roe").unwrap().id;
    g.merge(alias, jane).unwrap();
    assert!(triples(&g).contains("Jane Roe -praised-> Orbit Ltd"));
    assert_eq!(clean(&g).edges, 6);

    let b = tempfile::tempdir().unwrap();
    let restored = Store::open(b.path()).unwrap();
    restored.restore(dump(&g).as_bytes(), "dump").unwrap();
    assert_eq!(dump(&restored), dump(&g));
    assert_eq!(triples(&restored), triples(&g));
    clean_store(&restored);
}

/// The store's sled database opened directly, to plant old or damaged values. A handle
/// dropped a moment ago lets go of the file lock on sled's own thread: wait for it.
fn raw_sled(path: &std::path::Path) -> sled::Db {
    let started = Instant::now();
    loop {
        match sled::open(path) {
            Err(e)
                if started.elapsed() < Duration::from_secs(2) && e.to_string().contains("lock") =>
            {
                std::thread::sleep(Duration::from_millis(20))
            }
            other => return other.unwrap(),
        }
    }
}

/// Marks a store, opened with sled alone, as written by schema `version`.
fn mark_schema(db: &sled::Db, version: u32) {
    db.open_tree("meta")
        .unwrap()
        .insert("schema", &version.to_be_bytes())
        .unwrap();
    db.flush().unwrap();
}

/// A document as schema 2 stored it.
#[derive(serde::Serialize)]
struct DocumentV2 {
    id: u64,
    title: String,
    source: String,
    lang: String,
    ingested_at: u64,
    edges: Vec<relgraph::model::EdgeKey>,
}

impl DocumentV2 {
    fn of(d: relgraph::Document) -> DocumentV2 {
        DocumentV2 {
            id: d.id,
            title: d.title,
            source: d.source,
            lang: d.lang,
            ingested_at: d.ingested_at,
            edges: d.edges,
        }
    }
}

/// Writes every value of `tree` back in the form `back` gives it, encoded as an older
/// schema did.
fn downgrade<T: serde::de::DeserializeOwned, O: serde::Serialize>(
    tree: &sled::Tree,
    back: impl Fn(T) -> O,
) {
    use relgraph::store::codec;
    for item in tree.iter() {
        let (k, v) = item.unwrap();
        let mut out = vec![codec::VALUE_VERSION];
        let body = back(codec::decode(&v).unwrap());
        out.extend(bincode::serde::encode_to_vec(&body, bincode::config::standard()).unwrap());
        tree.insert(k, out).unwrap();
    }
}

fn clean_store(s: &Store) {
    let rep = s.check().unwrap();
    assert!(rep.problems.is_empty(), "{:?}", rep.problems);
}

/// Schema 1 kept every edge under its own keys, the form ingest still writes: such a store
/// opens as is and is marked with the current version.
#[test]
fn a_schema_1_store_opens_and_is_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    {
        let s = Store::open(dir.path()).unwrap();
        s.ingest(&doc(1)).unwrap();
        s.flush().unwrap();
    }
    let set_schema = |v: u32| {
        let db = raw_sled(dir.path());
        db.open_tree("meta")
            .unwrap()
            .insert("schema", &v.to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    };
    set_schema(1);
    {
        let s = Store::open(dir.path()).unwrap();
        assert_eq!(triples(&s).len(), 3);
        clean_store(&s);
    }
    let db = raw_sled(dir.path());
    let v = db
        .open_tree("meta")
        .unwrap()
        .get("schema")
        .unwrap()
        .unwrap();
    assert_eq!(
        u32::from_be_bytes(v.as_ref().try_into().unwrap()),
        relgraph::store::SCHEMA_VERSION
    );
}

/// Schema 2 stored documents without their date and evidence without the document date
/// and polarity: such a store is rewritten in place when it opens, and reads as before.
#[test]
fn a_schema_2_store_opens_and_is_upgraded() {
    #[derive(serde::Serialize)]
    struct EvidenceV2 {
        doc: u64,
        sentence: String,
        start: u32,
        end: u32,
        date: Option<relgraph::Date>,
        rule: String,
        confidence: f32,
    }
    let dir = tempfile::tempdir().unwrap();
    let before = {
        let s = Store::open(dir.path()).unwrap();
        s.ingest(&doc(1)).unwrap();
        s.ingest(&doc(2)).unwrap();
        s.flush().unwrap();
        triples(&s)
    };
    {
        let db = raw_sled(dir.path());
        downgrade(&db.open_tree("docs").unwrap(), |d: relgraph::Document| {
            DocumentV2::of(d)
        });
        downgrade(
            &db.open_tree("evidence").unwrap(),
            |e: relgraph::Evidence| EvidenceV2 {
                doc: e.doc,
                sentence: e.sentence.to_string(),
                start: e.start,
                end: e.end,
                date: e.date,
                rule: e.rule,
                confidence: e.confidence,
            },
        );
        mark_schema(&db, 2);
    }
    {
        let s = Store::open(dir.path()).unwrap();
        assert_eq!(triples(&s), before);
        clean_store(&s);
        let docs: Vec<relgraph::Document> = s.all_documents().map(|d| d.unwrap()).collect();
        assert_eq!(docs.len(), 2);
        assert!(docs
            .iter()
            .all(|d| d.date.is_none() && d.date_source.is_none() && d.edgeless.is_none()));
        let evs: Vec<_> = s.all_evidence().map(|e| e.unwrap().1).collect();
        assert!(!evs.is_empty());
        assert!(evs.iter().all(|e| e.reported.is_none()
            && e.polarity == relgraph::model::Polarity::Affirmed
            && e.confidence == 0.8));
        // Written again afterwards, as any store of this version.
        s.ingest(&doc(3)).unwrap();
        s.flush().unwrap();
    }
    let s = Store::open_read_only(dir.path()).unwrap();
    assert_eq!(s.all_documents().count(), 3);
    clean_store(&s);
}

/// Schema 3 stored documents without the entities they named without an edge: such a store
/// is rewritten in place when it opens (the lists unknown), and `remove-doc` then takes no
/// entity only named, since an old document may name it too.
#[test]
fn a_schema_3_store_opens_and_is_upgraded() {
    use EntityKind::{Organization as Org, Person};
    /// Schema 2's fields, then three more (bincode writes a nested struct's fields in order).
    #[derive(serde::Serialize)]
    struct DocumentV3 {
        v2: DocumentV2,
        date: Option<relgraph::Date>,
        date_source: Option<relgraph::model::DateSource>,
        denied: Vec<relgraph::model::EdgeKey>,
    }
    let dir = tempfile::tempdir().unwrap();
    let before = {
        let s = Store::open(dir.path()).unwrap();
        s.ingest(&doc(1)).unwrap();
        s.ingest(&named(2, &[("Lone Walker", Person)], false))
            .unwrap();
        s.flush().unwrap();
        triples(&s)
    };
    {
        let db = raw_sled(dir.path());
        downgrade(&db.open_tree("docs").unwrap(), |d: relgraph::Document| {
            DocumentV3 {
                date: d.date,
                date_source: d.date_source,
                denied: d.denied.clone(),
                v2: DocumentV2::of(d),
            }
        });
        mark_schema(&db, 3);
    }
    let s = Store::open(dir.path()).unwrap();
    assert_eq!(triples(&s), before);
    clean_store(&s);
    assert!(s.all_documents().all(|d| d.unwrap().edgeless.is_none()));
    // A new document's list is kept; what it alone names stays while old documents
    // (which may name it without saying so) are there.
    s.ingest(&named(
        3,
        &[("Lone Walker", Person), ("Solo Org", Org)],
        false,
    ))
    .unwrap();
    let gone = s.remove_document_reporting(3).unwrap().unwrap();
    assert!(gone.entities.is_empty(), "{:?}", gone.entities);
    assert!(entity_names(&s).contains("Solo Org"));
    clean_store(&s);
}

/// Counter-evidence lives beside the evidence: a triple only denied is no edge, a denied
/// edge is contested; denials follow a merge, survive dump and restore, and go with their
/// document.
#[test]
fn denials_follow_merges_dumps_and_document_removal() {
    use relgraph::model::Polarity;
    let denial = |id: u64, s: usize, rel: RelationKind, t: usize, sentence: &str| {
        let mut d = doc(id);
        d.edges.clear();
        let mut ev = ev(sentence, None);
        ev.polarity = Polarity::Denied;
        d.denials.push(NewEdge {
            source: s,
            relation: rel,
            target: t,
            evidence: ev,
        });
        d
    };
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path().join("a")).unwrap();
    s.ingest(&doc(1)).unwrap();
    let before = triples(&s);
    // doc(1)'s entities: 0 Jane Roe, 1 Acme Corp, 2 Zenith Labs.
    s.ingest(&denial(
        2,
        0,
        RelationKind::Founded,
        1,
        "Jane Roe never founded Acme.",
    ))
    .unwrap();
    s.ingest(&denial(
        3,
        1,
        RelationKind::Sued,
        2,
        "Acme denied suing Zenith.",
    ))
    .unwrap();
    assert_eq!(triples(&s), before, "a denial makes no edge");
    clean_store(&s);
    let contested = |s: &Store| -> Vec<String> {
        s.edges(&relgraph::query::EdgeFilter {
            contested: true,
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .map(|e| format!("{} -{}-> {}", e.source, e.relation, e.target))
        .collect()
    };
    assert_eq!(contested(&s), ["Jane Roe -founded-> Acme Corp"]);
    let jane = s.resolve("Jane Roe").unwrap();
    let acme = s.resolve("Acme Corp").unwrap();
    let denied_at = |s: &Store, id| s.denied_at(id).unwrap().len();
    assert_eq!(denied_at(&s, acme.id), 2);

    // Dump and restore carry the denials.
    let mut dumped = Vec::new();
    s.dump(&mut dumped).unwrap();
    let r = Store::open(dir.path().join("b")).unwrap();
    r.restore(&dumped[..], "dump").unwrap();
    assert_eq!(r.all_denials().count(), 2);
    assert_eq!(contested(&r), ["Jane Roe -founded-> Acme Corp"]);
    clean_store(&r);

    // A merge moves them to the entity kept.
    let zen = s.resolve("Zenith Labs").unwrap();
    s.merge(acme.id, zen.id).unwrap();
    assert_eq!(
        denied_at(&s, zen.id),
        1,
        "Acme-Zenith joined itself and went"
    );
    assert_eq!(denied_at(&s, jane.id), 1);
    assert_eq!(contested(&s), ["Jane Roe -founded-> Zenith Labs"]);
    clean_store(&s);

    // Removing the denying document removes its counter-evidence.
    s.remove_document(2).unwrap();
    assert_eq!(s.all_denials().count(), 0);
    clean_store(&s);
}
