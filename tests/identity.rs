//! One node per real-world entity: kinds decided by votes across documents, surnames,
//! acronyms and core names joining what the store knows, and merges that can be undone.

use relgraph::store::{DocumentInput, NewEdge, NewEntity, Store};
use relgraph::{EntityKind, Evidence, RelationKind};

use EntityKind::{Organization as Org, Person};

fn ev(sentence: &str) -> Evidence {
    Evidence {
        doc: 0,
        sentence: sentence.into(),
        start: 0,
        end: sentence.len() as u32,
        date: None,
        rule: "test".into(),
        confidence: 0.8,
    }
}

/// A document of entities (name, kind, aliases, mentions) and edges between them.
fn doc(
    id: u64,
    entities: &[(&str, EntityKind, &[&str], u32)],
    edges: &[(usize, RelationKind, usize)],
) -> DocumentInput {
    DocumentInput {
        id,
        title: format!("doc {id}"),
        source: format!("doc{id}.txt"),
        lang: "en".into(),
        entities: entities
            .iter()
            .map(|(name, kind, aliases, mentions)| NewEntity {
                name: name.to_string(),
                kind: *kind,
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
                mentions: *mentions,
            })
            .collect(),
        edges: edges
            .iter()
            .map(|&(source, relation, target)| NewEdge {
                source,
                relation,
                target,
                evidence: ev(&format!(
                    "{} {relation} {} (doc {id}).",
                    entities[source].0, entities[target].0
                )),
            })
            .collect(),
    }
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path()).unwrap();
    (dir, s)
}

/// Names of the stored entities, sorted.
fn names(s: &Store) -> Vec<String> {
    let mut v: Vec<String> = s.all_entities().map(|e| e.unwrap().name).collect();
    v.sort();
    v
}

fn clean(s: &Store) {
    let rep = s.check().unwrap();
    assert!(rep.problems.is_empty(), "{:?}", rep.problems);
}

fn dump(s: &Store) -> String {
    let mut out = Vec::new();
    s.dump(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn a_name_is_one_entity_whatever_kind_a_document_guesses_and_the_votes_decide() {
    let (_d, s) = store();
    let tesla = ("Tesla", Org, &[][..], 1);
    s.ingest(&doc(1, &[("Sam Altman", Person, &["Altman"], 4), tesla], &[]))
        .unwrap();
    s.ingest(&doc(2, &[("Sam Altman", Org, &[], 1)], &[])).unwrap();
    assert_eq!(names(&s), ["Sam Altman", "Tesla"]);
    let altman = s.resolve("Sam Altman").unwrap();
    assert_eq!(altman.kind, Person, "four mentions as a person outvote one");
    // Later documents that all read it as an organization turn the kind over.
    for id in 3..=6 {
        s.ingest(&doc(id, &[("Sam Altman", Org, &[], 2)], &[])).unwrap();
    }
    let altman = s.resolve("Sam Altman").unwrap();
    assert_eq!(altman.kind, Org);
    let votes = s.kind_votes(altman.id).unwrap().unwrap();
    assert_eq!((votes.get(Person), votes.get(Org)), (3, 1 + 4 * 2));
    assert_eq!(s.counts().unwrap().entities, 2);
    clean(&s);
}

#[test]
fn a_surname_joins_the_one_person_who_bears_it_and_only_then() {
    let (_d, s) = store();
    let acme = ("Acme Corp", Org, &[][..], 1);
    s.ingest(&doc(1, &[("Elon Musk", Person, &[], 3), acme], &[(0, RelationKind::Founded, 1)]))
        .unwrap();
    // "Musk" alone, in another article: the one person of that surname.
    let out = s
        .ingest(&doc(2, &[("Musk", Person, &[], 2), acme], &[(0, RelationKind::Sued, 1)]))
        .unwrap();
    assert_eq!((out.entities_added, out.entities_joined), (0, 1));
    let elon = s.resolve("Elon Musk").unwrap();
    assert!(elon.aliases.contains(&"Musk".to_string()));
    assert_eq!(s.out_edges(elon.id).unwrap().len(), 2);
    // Another Musk is another person, even though both are called "Musk".
    s.ingest(&doc(3, &[("Kimbal Musk", Person, &["Musk"], 2)], &[])).unwrap();
    assert_eq!(names(&s), ["Acme Corp", "Elon Musk", "Kimbal Musk"]);
    // Now "Musk" alone is ambiguous: it joins neither.
    s.ingest(&doc(4, &[("Musk", Person, &[], 1)], &[])).unwrap();
    assert_eq!(s.counts().unwrap().entities, 4);
    clean(&s);
}

#[test]
fn a_surname_first_gives_way_to_the_full_name() {
    let (_d, s) = store();
    s.ingest(&doc(1, &[("Giuliani", Person, &[], 2)], &[])).unwrap();
    s.ingest(&doc(2, &[("Rudy Giuliani", Person, &[], 1)], &[])).unwrap();
    assert_eq!(names(&s), ["Rudy Giuliani"]);
    let rudy = s.resolve("Giuliani").unwrap();
    assert_eq!(rudy.aliases, ["Giuliani"]);
    clean(&s);
}

#[test]
fn acronyms_and_core_names_join_their_entity_in_either_order() {
    let (_d, s) = store();
    s.ingest(&doc(1, &[("Federal Trade Commission", Org, &[], 1)], &[])).unwrap();
    s.ingest(&doc(2, &[("FTC", Org, &[], 3)], &[])).unwrap();
    s.ingest(&doc(3, &[("CNIL", Org, &[], 1)], &[])).unwrap();
    // The document says so: an expansion given with its acronym.
    s.ingest(&doc(
        4,
        &[("Commission nationale de l'informatique et des libertés", Org, &["CNIL"], 1)],
        &[],
    ))
    .unwrap();
    s.ingest(&doc(5, &[("Qualcomm Inc", Org, &[], 1)], &[])).unwrap();
    s.ingest(&doc(6, &[("Qualcomm", Org, &[], 1)], &[])).unwrap();
    assert_eq!(
        names(&s),
        ["CNIL", "Federal Trade Commission", "Qualcomm Inc"]
    );
    assert_eq!(s.resolve("FTC").unwrap().name, "Federal Trade Commission");
    // Two organizations that share initials leave an acronym alone.
    let banks: &[(&str, EntityKind, &[&str], u32)] = &[
        ("Banque Nationale de Crédit", Org, &[], 1),
        ("Bureau National des Contrôles", Org, &[], 1),
    ];
    s.ingest(&doc(7, banks, &[])).unwrap();
    s.ingest(&doc(8, &[("BNC", Org, &[], 1)], &[])).unwrap();
    assert_eq!(s.counts().unwrap().entities, 6);
    clean(&s);
}

#[test]
fn what_one_document_keeps_apart_stays_apart() {
    let (_d, s) = store();
    s.ingest(&doc(1, &[("Elon Musk", Person, &[], 1)], &[])).unwrap();
    // The extractor saw both and kept them apart: no weak rule merges them.
    s.ingest(&doc(2, &[("Errol Musk", Person, &[], 1), ("Musk", Person, &[], 1)], &[]))
        .unwrap();
    assert_eq!(s.counts().unwrap().entities, 3);
    // Nor does a shared first word make one company of two.
    s.ingest(&doc(3, &[("Air France", Org, &[], 1)], &[])).unwrap();
    s.ingest(&doc(4, &[("Air Liquide", Org, &[], 1), ("Air", Org, &[], 1)], &[]))
        .unwrap();
    assert_eq!(s.counts().unwrap().entities, 6);
    clean(&s);
}

/// Jane Roe founded Acme; "J. Roe" (a separate entity, from documents the merge must sort
/// back) praised Acme and sued Zenith; Zenith partnered Acme.
fn two_roes() -> (tempfile::TempDir, Store) {
    let (d, s) = store();
    use RelationKind::*;
    let ents: &[(&str, EntityKind, &[&str], u32)] = &[
        ("Jane Roe", Person, &["Roe"], 2),
        ("Acme Corp", Org, &[], 1),
        ("Zenith Labs", Org, &[], 1),
    ];
    s.ingest(&doc(1, ents, &[(0, Founded, 1), (2, Partnered, 1)])).unwrap();
    let ents2: &[(&str, EntityKind, &[&str], u32)] = &[
        ("Jenny Roe", Person, &[], 1),
        ("Acme Corp", Org, &[], 1),
        ("Zenith Labs", Org, &[], 1),
    ];
    s.ingest(&doc(2, ents2, &[(0, Praised, 1), (0, Sued, 2), (0, Founded, 1)]))
        .unwrap();
    (d, s)
}

#[test]
fn unmerge_after_merge_gives_back_the_same_store() {
    let (_d, s) = two_roes();
    let before = dump(&s);
    let jenny = s.resolve("Jenny Roe").unwrap();
    let jane = s.resolve("Jane Roe").unwrap();
    s.merge(jenny.id, jane.id).unwrap();
    clean(&s);
    assert_ne!(dump(&s), before);
    let founded = s
        .edge(&relgraph::EdgeKey::new(jane.id, RelationKind::Founded, s.resolve("Acme Corp").unwrap().id))
        .unwrap()
        .unwrap();
    assert_eq!(founded.documents, 2);
    let log = s.merges().unwrap();
    assert_eq!(log.len(), 1);
    let (from, into) = s.unmerge(log[0].seq).unwrap();
    assert_eq!((from.name.as_str(), into.name.as_str()), ("Jenny Roe", "Jane Roe"));
    assert_eq!(dump(&s), before);
    assert!(s.merges().unwrap().is_empty());
    clean(&s);
}

#[test]
fn unmerge_keeps_what_came_after_the_merge_with_the_target() {
    let (_d, s) = two_roes();
    let jenny = s.resolve("Jenny Roe").unwrap();
    let jane = s.resolve("Jane Roe").unwrap();
    s.merge(jenny.id, jane.id).unwrap();
    // A later article, read through the merged names.
    use RelationKind::*;
    s.ingest(&doc(
        3,
        &[("Jenny Roe", Person, &[], 1), ("Zenith Labs", Org, &[], 1)],
        &[(0, Sued, 1)],
    ))
    .unwrap();
    let seq = s.last_merge_of("Jenny Roe").unwrap().unwrap().seq;
    s.unmerge(seq).unwrap();
    clean(&s);
    let zenith = s.resolve("Zenith Labs").unwrap().id;
    let jenny_sued = s.evidence_of(&relgraph::EdgeKey::new(jenny.id, Sued, zenith)).unwrap();
    assert_eq!(jenny_sued.iter().map(|e| e.doc).collect::<Vec<_>>(), [2]);
    let jane_sued = s.evidence_of(&relgraph::EdgeKey::new(jane.id, Sued, zenith)).unwrap();
    assert_eq!(jane_sued.iter().map(|e| e.doc).collect::<Vec<_>>(), [3]);
    assert!(!s.entity(jane.id).unwrap().unwrap().aliases.contains(&"Jenny Roe".to_string()));
    assert_eq!(s.resolve("Jenny Roe").unwrap().id, jenny.id);
}

#[test]
fn merges_survive_dump_and_restore_and_refuse_to_undo_out_of_order() {
    let (_d, s) = two_roes();
    let id = |n: &str| s.resolve(n).unwrap().id;
    s.merge(id("Jenny Roe"), id("Jane Roe")).unwrap();
    s.merge(id("Jane Roe"), id("Acme Corp")).unwrap();
    let b = tempfile::tempdir().unwrap();
    let restored = Store::open(b.path()).unwrap();
    restored.restore(dump(&s).as_bytes(), "dump").unwrap();
    assert_eq!(dump(&restored), dump(&s));
    clean(&restored);
    let log = restored.merges().unwrap();
    assert_eq!(log.len(), 2);
    // The first merge's target was merged away since: that one goes first.
    let err = restored.unmerge(log[0].seq).unwrap_err().to_string();
    assert!(err.contains("unmerge that one first"), "{err}");
    restored.unmerge(log[1].seq).unwrap();
    restored.unmerge(log[0].seq).unwrap();
    assert_eq!(names(&restored), ["Acme Corp", "Jane Roe", "Jenny Roe", "Zenith Labs"]);
    clean(&restored);
}
