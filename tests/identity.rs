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
        reported: None,
        polarity: Default::default(),
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
        date: None,
        date_source: None,
        denials: Vec::new(),
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
    s.ingest(&doc(
        1,
        &[("Sam Altman", Person, &["Altman"], 4), tesla],
        &[],
    ))
    .unwrap();
    s.ingest(&doc(2, &[("Sam Altman", Org, &[], 1)], &[]))
        .unwrap();
    assert_eq!(names(&s), ["Sam Altman", "Tesla"]);
    let altman = s.resolve("Sam Altman").unwrap();
    assert_eq!(altman.kind, Person, "four mentions as a person outvote one");
    // Later documents that all read it as an organization turn the kind over.
    for id in 3..=6 {
        s.ingest(&doc(id, &[("Sam Altman", Org, &[], 2)], &[]))
            .unwrap();
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
    s.ingest(&doc(
        1,
        &[("Elon Musk", Person, &[], 3), acme],
        &[(0, RelationKind::Founded, 1)],
    ))
    .unwrap();
    // "Musk" alone, in another article: the one person of that surname.
    let out = s
        .ingest(&doc(
            2,
            &[("Musk", Person, &[], 2), acme],
            &[(0, RelationKind::Sued, 1)],
        ))
        .unwrap();
    assert_eq!((out.entities_added, out.entities_joined), (0, 1));
    let elon = s.resolve("Elon Musk").unwrap();
    assert!(elon.aliases.contains(&"Musk".to_string()));
    assert_eq!(s.out_edges(elon.id).unwrap().len(), 2);
    // Another Musk is another person, even though both are called "Musk".
    s.ingest(&doc(3, &[("Kimbal Musk", Person, &["Musk"], 2)], &[]))
        .unwrap();
    assert_eq!(names(&s), ["Acme Corp", "Elon Musk", "Kimbal Musk"]);
    // Now "Musk" alone is ambiguous: it joins neither.
    s.ingest(&doc(4, &[("Musk", Person, &[], 1)], &[])).unwrap();
    assert_eq!(s.counts().unwrap().entities, 4);
    clean(&s);
}

#[test]
fn a_surname_first_gives_way_to_the_full_name() {
    let (_d, s) = store();
    s.ingest(&doc(1, &[("Giuliani", Person, &[], 2)], &[]))
        .unwrap();
    s.ingest(&doc(2, &[("Rudy Giuliani", Person, &[], 1)], &[]))
        .unwrap();
    assert_eq!(names(&s), ["Rudy Giuliani"]);
    let rudy = s.resolve("Giuliani").unwrap();
    assert_eq!(rudy.aliases, ["Giuliani"]);
    clean(&s);
}

#[test]
fn acronyms_and_core_names_join_their_entity_in_either_order() {
    let (_d, s) = store();
    s.ingest(&doc(1, &[("Federal Trade Commission", Org, &[], 1)], &[]))
        .unwrap();
    s.ingest(&doc(2, &[("FTC", Org, &[], 3)], &[])).unwrap();
    s.ingest(&doc(3, &[("CNIL", Org, &[], 1)], &[])).unwrap();
    // The document says so: an expansion given with its acronym.
    s.ingest(&doc(
        4,
        &[(
            "Commission nationale de l'informatique et des libertés",
            Org,
            &["CNIL"],
            1,
        )],
        &[],
    ))
    .unwrap();
    s.ingest(&doc(5, &[("Qualcomm Inc", Org, &[], 1)], &[]))
        .unwrap();
    s.ingest(&doc(6, &[("Qualcomm", Org, &[], 1)], &[]))
        .unwrap();
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
    s.ingest(&doc(1, &[("Elon Musk", Person, &[], 1)], &[]))
        .unwrap();
    // The extractor saw both and kept them apart: no weak rule merges them.
    s.ingest(&doc(
        2,
        &[("Errol Musk", Person, &[], 1), ("Musk", Person, &[], 1)],
        &[],
    ))
    .unwrap();
    assert_eq!(s.counts().unwrap().entities, 3);
    // Nor does a shared first word make one company of two.
    s.ingest(&doc(3, &[("Air France", Org, &[], 1)], &[]))
        .unwrap();
    s.ingest(&doc(
        4,
        &[("Air Liquide", Org, &[], 1), ("Air", Org, &[], 1)],
        &[],
    ))
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
    s.ingest(&doc(1, ents, &[(0, Founded, 1), (2, Partnered, 1)]))
        .unwrap();
    let ents2: &[(&str, EntityKind, &[&str], u32)] = &[
        ("Jenny Roe", Person, &[], 1),
        ("Acme Corp", Org, &[], 1),
        ("Zenith Labs", Org, &[], 1),
    ];
    s.ingest(&doc(
        2,
        ents2,
        &[(0, Praised, 1), (0, Sued, 2), (0, Founded, 1)],
    ))
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
        .edge(&relgraph::EdgeKey::new(
            jane.id,
            RelationKind::Founded,
            s.resolve("Acme Corp").unwrap().id,
        ))
        .unwrap()
        .unwrap();
    assert_eq!(founded.documents, 2);
    let log = s.merges().unwrap();
    assert_eq!(log.len(), 1);
    let (from, into) = s.unmerge(log[0].seq).unwrap();
    assert_eq!(
        (from.name.as_str(), into.name.as_str()),
        ("Jenny Roe", "Jane Roe")
    );
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
    let jenny_sued = s
        .evidence_of(&relgraph::EdgeKey::new(jenny.id, Sued, zenith))
        .unwrap();
    assert_eq!(jenny_sued.iter().map(|e| e.doc).collect::<Vec<_>>(), [2]);
    let jane_sued = s
        .evidence_of(&relgraph::EdgeKey::new(jane.id, Sued, zenith))
        .unwrap();
    assert_eq!(jane_sued.iter().map(|e| e.doc).collect::<Vec<_>>(), [3]);
    assert!(!s
        .entity(jane.id)
        .unwrap()
        .unwrap()
        .aliases
        .contains(&"Jenny Roe".to_string()));
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
    assert_eq!(
        names(&restored),
        ["Acme Corp", "Jane Roe", "Jenny Roe", "Zenith Labs"]
    );
    clean(&restored);
}

// ---- the real-news corpus in one store ------------------------------------------------------

/// An entity of the answer keys, merged across articles by name: the folded forms that are
/// proper names (its name, and aliases such as "Musk", "FTC", "Qualcomm Inc"; not
/// descriptors such as "the company" or titles such as "Attorney General").
struct GoldEntity {
    name: String,
    /// The kind of its first answer key (the keys agree across articles).
    kind: String,
    forms: std::collections::BTreeSet<String>,
    articles: Vec<String>,
}

/// True for an alias that is a proper name: capitalized words (particles allowed inside),
/// no leading article, no possessive, not made of titles only.
fn proper_name(alias: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "de", "du", "des", "d", "la", "le", "of", "and", "for", "the", "in", "en", "et", "von",
        "van", "der", "di", "da", "y",
    ];
    const TITLES: &[&str] = &[
        "attorney",
        "general",
        "judge",
        "president",
        "minister",
        "prime",
        "chief",
        "executive",
        "officer",
        "ceo",
        "director",
        "chairman",
        "board",
        "district",
        "u.s.",
        "senior",
        "independent",
        "legal",
        "secretary",
        "lawyer",
        "co-owner",
    ];
    const ARTICLES: &[&str] = &["the", "le", "la", "les", "un", "une", "a", "an"];
    let words: Vec<&str> = alias.split_whitespace().collect();
    let possessive = alias.contains("'s ") || alias.contains("’s ") || alias.ends_with("'s");
    let elided = |w: &str| {
        let l = w.to_lowercase();
        l.starts_with("l'") || l.starts_with("l’") || l.starts_with("d'") || l.starts_with("d’")
    };
    if words.is_empty() || possessive || elided(words[0]) {
        return false;
    }
    if words.len() > 1 && ARTICLES.contains(&words[0].to_lowercase().as_str()) {
        return false;
    }
    let capitalized = words.iter().enumerate().all(|(i, w)| {
        let inner = i > 0 && i + 1 < words.len();
        (inner && PARTICLES.contains(&w.to_lowercase().as_str()))
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    });
    capitalized
        && !words
            .iter()
            .all(|w| TITLES.contains(&w.to_lowercase().as_str()))
}

fn gold_entities(keys: &[std::path::PathBuf]) -> Vec<GoldEntity> {
    let mut by_name: std::collections::BTreeMap<String, GoldEntity> = Default::default();
    for path in keys {
        let text = std::fs::read_to_string(path).unwrap();
        let key: serde_json::Value = serde_json::from_str(&text).unwrap();
        let article = path.file_stem().unwrap().to_string_lossy().into_owned();
        for e in key["entities"].as_array().unwrap() {
            if e["kind"] == "group" {
                continue;
            }
            let name = e["name"].as_str().unwrap();
            let g = by_name
                .entry(relgraph::model::name_key(name))
                .or_insert_with(|| GoldEntity {
                    name: name.to_string(),
                    kind: e["kind"].as_str().unwrap().to_string(),
                    forms: Default::default(),
                    articles: Vec::new(),
                });
            g.forms.insert(relgraph::model::name_key(name));
            for a in e["aliases"].as_array().unwrap() {
                let a = a.as_str().unwrap();
                if proper_name(a) {
                    g.forms.insert(relgraph::model::name_key(a));
                }
            }
            g.articles.push(article.clone());
        }
    }
    by_name.into_values().collect()
}

/// The folded names and aliases of an entity.
fn forms_of<'a>(name: &'a str, aliases: &'a [String]) -> std::collections::BTreeSet<String> {
    std::iter::once(name)
        .chain(aliases.iter().map(String::as_str))
        .map(relgraph::model::name_key)
        .collect()
}

/// Splits left in the store by the extractor's names: measured on this corpus, lowered as
/// the extractor improves (the goal is none).
const EXTRACTOR_SPLITS_AT_MOST: usize = 13;

type Forms = std::collections::BTreeSet<String>;

/// All of ../shared/eval/news and the seed ingested into one store, with the answer keys'
/// entities, what each article's own extraction holds (to tell the extractor's failures from
/// the store's) and the stored entities with their forms.
struct NewsStore {
    _dir: tempfile::TempDir,
    graph: relgraph::Graph,
    gold: Vec<GoldEntity>,
    /// Per article: its extracted entities' forms and kinds.
    extracted: Vec<(String, Vec<(Forms, relgraph::EntityKind)>)>,
    stored: Vec<(relgraph::Entity, Forms)>,
}

fn holds(forms: &Forms, g: &GoldEntity) -> bool {
    !forms.is_disjoint(&g.forms)
}

fn news_store() -> NewsStore {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let news = root.join("../shared/eval/news");
    let mut texts: Vec<std::path::PathBuf> = std::fs::read_dir(&news)
        .unwrap_or_else(|e| panic!("the corpus is expected at {}: {e}", news.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    texts.sort();
    let mut keys: Vec<std::path::PathBuf> =
        texts.iter().map(|p| p.with_extension("json")).collect();
    texts.push(root.join("examples/seed-fr-musk-altman.txt"));
    keys.push(root.join("../shared/eval/seed-fr-musk-altman.gold.json"));
    assert!(texts.len() >= 25, "{} articles", texts.len());
    let gold = gold_entities(&keys);

    let dir = tempfile::tempdir().unwrap();
    let graph = relgraph::Graph::open(dir.path()).unwrap();
    let mut failed = Vec::new();
    graph
        .ingest_paths(&texts, None, &mut |r| {
            if let Err(e) = r.result {
                failed.push(format!("{}: {e}", r.source));
            }
        })
        .unwrap();
    assert!(failed.is_empty(), "{failed:?}");
    clean(&graph);

    let opts = relgraph::extract::ExtractOptions::default();
    let extracted = texts
        .iter()
        .map(|p| {
            let ex = relgraph::graph::read_and_extract(p, &opts).unwrap();
            let ents = ex
                .entities
                .iter()
                .map(|e| (forms_of(&e.name, &e.aliases), e.kind))
                .collect();
            (p.file_stem().unwrap().to_string_lossy().into_owned(), ents)
        })
        .collect();
    let stored = graph
        .all_entities()
        .map(|e| {
            let e = e.unwrap();
            let f = forms_of(&e.name, &e.aliases);
            (e, f)
        })
        .collect();
    NewsStore {
        _dir: dir,
        graph,
        gold,
        extracted,
        stored,
    }
}

/// The news corpus in one store: no gold entity may be held by two store entities because
/// of the store. A split that one article's extraction already has (two entities of one
/// document for one gold entity) is the extractor's; the others are the store's, and so is a
/// store entity holding two gold entities that no article's extraction confused.
#[test]
fn the_news_corpus_in_one_store_holds_each_gold_entity_once() {
    let NewsStore {
        gold,
        extracted,
        stored,
        ..
    } = news_store();
    let (mut by_extractor, mut by_store) = (Vec::new(), Vec::new());
    for g in &gold {
        let holders: Vec<String> = stored
            .iter()
            .filter(|(_, f)| holds(f, g))
            .map(|(e, _)| format!("{} ({})", e.name, e.kind))
            .collect();
        if holders.len() < 2 {
            continue;
        }
        let in_one_article: Vec<&str> = extracted
            .iter()
            .filter(|(_, ents)| ents.iter().filter(|(f, _)| holds(f, g)).count() >= 2)
            .map(|(a, _)| a.as_str())
            .collect();
        // An extracted entity that also holds another gold entity mixed the two up.
        let mixed_up: Vec<&str> = extracted
            .iter()
            .filter(|(_, ents)| {
                ents.iter().any(|(f, _)| {
                    holds(f, g) && gold.iter().any(|h| !std::ptr::eq(h, g) && holds(f, h))
                })
            })
            .map(|(a, _)| a.as_str())
            .collect();
        let line = format!(
            "{} ({}): {}",
            g.name,
            g.articles.join(", "),
            holders.join(" | ")
        );
        if !in_one_article.is_empty() {
            by_extractor.push(format!(
                "{line} — split within {}",
                in_one_article.join(", ")
            ));
        } else if !mixed_up.is_empty() {
            by_extractor.push(format!(
                "{line} — mixed with another within {}",
                mixed_up.join(", ")
            ));
        } else {
            by_store.push(line);
        }
    }
    let mut over_merged = Vec::new();
    for (e, forms) in &stored {
        let held: Vec<&GoldEntity> = gold.iter().filter(|g| holds(forms, g)).collect();
        for (i, a) in held.iter().enumerate() {
            for b in &held[i + 1..] {
                let confused_by_an_article = extracted
                    .iter()
                    .any(|(_, ents)| ents.iter().any(|(f, _)| holds(f, a) && holds(f, b)));
                if !confused_by_an_article {
                    over_merged.push(format!("{} holds {} and {}", e.name, a.name, b.name));
                }
            }
        }
    }
    eprintln!(
        "{} gold entities; splits from the extractor's names: {}; from the store: {}; store over-merges: {}",
        gold.len(),
        by_extractor.len(),
        by_store.len(),
        over_merged.len()
    );
    for l in by_extractor.iter().chain(&by_store).chain(&over_merged) {
        eprintln!("  {l}");
    }
    assert!(by_store.is_empty(), "the store split: {by_store:#?}");
    assert!(over_merged.is_empty(), "the store merged: {over_merged:#?}");
    assert!(
        by_extractor.len() <= EXTRACTOR_SPLITS_AT_MOST,
        "{} splits from the extractor's names, at most {EXTRACTOR_SPLITS_AT_MOST} expected: {by_extractor:#?}",
        by_extractor.len()
    );
}

/// Whether a kind agrees with an answer key's, as `score.py` judges it (media is an
/// organization).
fn kind_agrees(kind: relgraph::EntityKind, gold: &str) -> bool {
    let org = |k: &str| matches!(k, "organization" | "media");
    kind.as_str() == gold || (org(kind.as_str()) && org(gold))
}

/// Kinds in the news store, decided by the votes of every article, against the answer keys:
/// they must be at least as right as the articles read them one by one. A wrong stored kind
/// is the extractor's when no article read it right, the votes' when fewer than all did, and
/// the store's when every article read it right.
#[test]
fn the_news_store_keeps_kinds_at_least_as_right_as_its_articles_read_them() {
    let NewsStore {
        gold,
        extracted,
        stored,
        ..
    } = news_store();
    // One by one: a gold entity found in an article is right when one of the article's
    // entities holding it has its kind.
    let (mut found, mut found_right) = (0, 0);
    for g in &gold {
        for (_, ents) in extracted.iter().filter(|(a, _)| g.articles.contains(a)) {
            let kinds: Vec<_> = ents.iter().filter(|(f, _)| holds(f, g)).collect();
            if kinds.is_empty() {
                continue;
            }
            found += 1;
            if kinds.iter().any(|(_, k)| kind_agrees(*k, &g.kind)) {
                found_right += 1;
            }
        }
    }
    let (mut held, mut held_right) = (0, 0);
    let (mut by_extractor, mut outvoted, mut by_store) = (Vec::new(), Vec::new(), Vec::new());
    for g in &gold {
        let holders: Vec<&relgraph::Entity> = stored
            .iter()
            .filter(|(_, f)| holds(f, g))
            .map(|(e, _)| e)
            .collect();
        // A split is the other test's; one holder has one kind to judge.
        let [e] = holders.as_slice() else { continue };
        held += 1;
        if kind_agrees(e.kind, &g.kind) {
            held_right += 1;
            continue;
        }
        let read: Vec<relgraph::EntityKind> = extracted
            .iter()
            .flat_map(|(_, ents)| ents.iter().filter(|(f, _)| holds(f, g)).map(|(_, k)| *k))
            .collect();
        let right = read.iter().filter(|k| kind_agrees(**k, &g.kind)).count();
        let line = format!(
            "{} ({}): stored as {} ({}), read right by {right} of {} extracted entities",
            g.name,
            g.kind,
            e.name,
            e.kind,
            read.len()
        );
        match right {
            0 => by_extractor.push(line),
            r if r < read.len() => outvoted.push(line),
            _ => by_store.push(line),
        }
    }
    let per_article = found_right as f64 / found.max(1) as f64;
    let in_store = held_right as f64 / held.max(1) as f64;
    eprintln!(
        "kinds read one article at a time: {found_right}/{found} ({per_article:.3}); in the store: {held_right}/{held} ({in_store:.3}); wrong from the extractor: {}, outvoted: {}, from the store: {}",
        by_extractor.len(),
        outvoted.len(),
        by_store.len()
    );
    for l in by_extractor.iter().chain(&outvoted).chain(&by_store) {
        eprintln!("  {l}");
    }
    assert!(by_store.is_empty(), "the store lost kinds: {by_store:#?}");
    assert!(
        in_store >= per_article,
        "the votes made kinds worse: {in_store:.3} in the store, {per_article:.3} per article"
    );
}

/// `duplicates` on the news store: a pair of two holders of one gold entity repairs a
/// split; a pair of two different gold entities is a false pair. Only a short form alone
/// may propose one ("TF1" of "TF1 Séries Films" reads like "Activision" of "Activision
/// Blizzard"): every other reason must pair no two gold entities. A pair whose side already
/// holds two gold entities (the extractor mixed them up) is counted apart.
#[test]
fn duplicates_on_the_news_store_pairs_two_gold_entities_by_a_short_form_only() {
    let NewsStore {
        graph,
        gold,
        stored,
        ..
    } = news_store();
    let gold_of = |id: relgraph::model::EntityId| -> Vec<*const GoldEntity> {
        let (_, forms) = stored.iter().find(|(e, _)| e.id == id).unwrap();
        gold.iter()
            .filter(|g| holds(forms, g))
            .map(|g| g as *const _)
            .collect()
    };
    let (mut repairs, mut mixed, mut false_pairs, mut unjudged) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for c in graph.duplicates(&Default::default()).unwrap() {
        let (a, b) = (gold_of(c.from_id), gold_of(c.into_id));
        let line = format!(
            "{:.2} {} -> {}: {}",
            c.score,
            c.from,
            c.into,
            c.reasons.join("; ")
        );
        let only_short_form = c.reasons.iter().all(|r| r.starts_with("short form"));
        let shared = a.iter().any(|g| b.contains(g));
        if shared && a.len() == 1 && b.len() == 1 {
            repairs.push(line);
        } else if shared {
            mixed.push(line);
        } else if !a.is_empty() && !b.is_empty() {
            false_pairs.push((line, only_short_form));
        } else {
            unjudged.push(line);
        }
    }
    eprintln!(
        "duplicates: {} repair a split, {} join an entity the extractor mixed up, {} pair two gold entities, {} involve a name the keys do not list",
        repairs.len(),
        mixed.len(),
        false_pairs.len(),
        unjudged.len()
    );
    let false_lines: Vec<String> = false_pairs.iter().map(|(l, _)| l.clone()).collect();
    for (what, lines) in [
        ("repair", &repairs),
        ("mixed", &mixed),
        ("false", &false_lines),
        ("unjudged", &unjudged),
    ] {
        for l in lines {
            eprintln!("  {what}: {l}");
        }
    }
    let strong: Vec<&String> = false_pairs
        .iter()
        .filter(|(_, short)| !*short)
        .map(|(l, _)| l)
        .collect();
    assert!(strong.is_empty(), "false pairs: {strong:#?}");
    assert!(
        false_pairs.len() <= repairs.len(),
        "more false pairs than repairs: {false_lines:#?}"
    );
}

// ---- duplicates ---------------------------------------------------------------------------

/// Planted duplicates among distinct similar names, loaded in bulk (which joins nothing).
fn planted() -> (tempfile::TempDir, relgraph::Graph) {
    let dir = tempfile::tempdir().unwrap();
    let g = relgraph::Graph::open(dir.path()).unwrap();
    let rows = "source,relation,target,source_kind,target_kind
Elon Musk,founded,SpaceX,person,organization
Musk,sued,OpenAI,person,organization
Federal Trade Commission,sued,Meta Platforms,organization,organization
FTC,sued,Microsoft,organization,organization
Qualcomm Inc,acquired,Nuvia,organization,organization
Qualcomm,partnered,Arm,organization,organization
Rudy Giuliani,criticized,Dominion Voting Systems,person,organization
Rudy Guiliani,criticized,Smartmatic,person,organization
Activision Blizzard,partnered,Nvidia,organization,organization
Activision,competes_with,Sony,organization,organization
Smartmatic,sued,Fox News,organization,media
Smartmatic,sued,Fox,organization,media
Newsmax,competes_with,Fox News,media,media
Newsmax,competes_with,Fox,media,media
Apple,sued,Epic Games,organization,organization
Apple,owns,Safari,product,product
Jane Roe,founded,Roe Partners,person,organization
J. Roe,praised,Roe Partners,person,organization
Gerard Williams,founded,Nuvia,person,organization
Serena Williams,invested_in,Nuvia,person,organization
Air France,partnered,Air Liquide,organization,organization
Paul Benson,sued,Paula Benson,person,person
Jean Dupont,praised,Jeanne Dupont,person,person
Bank of America,acquired,Bank of Asia,organization,organization
Universal Music,competes_with,Universal Pictures,organization,organization
Universal,owns,Universal Pictures,organization,organization
Jane Lanhee Lee,criticized,Robert Lee,person,person
Lee,praised,Robert Lee,person,person
Samsung Electronics,partnered,Samsung Biologics,organization,organization
Martin Bureau,praised,Martin Bouygues,person,person
";
    g.import_reader(
        rows.as_bytes(),
        relgraph::import::ImportFormat::Csv,
        "planted.csv",
        &mut |_, _| {},
    )
    .unwrap();
    for name in ["Jane Roe", "J. Roe"] {
        let id = g.resolve(name).unwrap().id;
        g.add_alias(id, "Roe").unwrap();
    }
    (dir, g)
}

#[test]
fn duplicates_finds_the_planted_pairs_and_no_pair_of_distinct_similar_names() {
    let (_d, g) = planted();
    let found = g
        .duplicates(&relgraph::duplicates::DuplicateOptions::default())
        .unwrap();
    let pairs: Vec<(String, String, String)> = found
        .iter()
        .map(|c| (c.from.clone(), c.into.clone(), c.reasons.join("; ")))
        .collect();
    for c in &found {
        eprintln!(
            "{:.2} {} -> {}: {}",
            c.score,
            c.from,
            c.into,
            c.reasons.join("; ")
        );
    }
    let expect = [
        ("Musk", "Elon Musk", "surname"),
        ("FTC", "Federal Trade Commission", "acronym"),
        ("Qualcomm", "Qualcomm Inc", "core name"),
        ("Rudy Guiliani", "Rudy Giuliani", "near spelling"),
        ("Activision", "Activision Blizzard", "short form"),
        ("Fox", "Fox News", "short form"),
        ("Apple", "Apple", "same name"),
        ("J. Roe", "Jane Roe", "shared alias `roe`"),
    ];
    for (from, into, reason) in expect {
        assert!(
            pairs
                .iter()
                .any(|(f, i, r)| f == from && i == into && r.contains(reason)),
            "{from} -> {into} ({reason}) not among {pairs:#?}"
        );
    }
    assert_eq!(found.len(), expect.len(), "a false pair among {pairs:#?}");
    // Shared neighbours raise a pair the names proposed.
    let fox = found.iter().find(|c| c.from == "Fox").unwrap();
    let activision = found.iter().find(|c| c.from == "Activision").unwrap();
    assert!(fox
        .reasons
        .iter()
        .any(|r| r.starts_with("same neighbours: 2")));
    assert!(fox.score > activision.score);
    // Every candidate feeds `merge` as it stands, and the merge can be undone.
    let before = dump(&g);
    for c in &found {
        g.merge(c.from_id, c.into_id).unwrap();
    }
    clean(&g);
    assert!(g
        .duplicates(&relgraph::duplicates::DuplicateOptions::default())
        .unwrap()
        .is_empty());
    for m in g.merges().unwrap().iter().rev() {
        g.unmerge(m.seq).unwrap();
    }
    assert_eq!(dump(&g), before);
}
