//! Text → typed, evidence-backed edges, in a cascade of stages, each reading the structures
//! of the one before (see ARCHITECTURE.md):
//!
//! 1. `text`: normalization, sentences, tokens with byte offsets;
//! 2. `names`: proper names, their kinds, bylines and datelines, names of one entity grouped;
//! 3. `phrases`: noun groups and verb groups;
//! 4. `clauses`: clauses with their roles, appositions, coordination, quotes and speakers;
//!    `reference`: what each noun group stands for, sentence after sentence;
//! 5. `patterns`: relation patterns (data files in `patterns/`) over roles and classes;
//! 6. `document`: kinds, dates, confidence, evidence.
//!
//! The words of each language are data (`lexicon/`, `patterns/`); the code holds no name,
//! company or phrase of any article. Knows nothing of the store.
//!
//! ```
//! use relgraph::extract::{extract_text, ExtractOptions};
//! let ex = extract_text(
//!     "Jane Porter a fondé Acme Robotics en 2015. La société a racheté Zenith Labs.",
//!     &ExtractOptions::default(),
//! ).unwrap();
//! let triples: Vec<String> = ex.unique_edges().iter().map(|e| ex.describe(e)).collect();
//! assert!(triples.contains(&"Jane Porter -founded-> Acme Robotics".to_string()));
//! assert!(triples.contains(&"Acme Robotics -acquired-> Zenith Labs".to_string()));
//! ```

mod clauses;
pub mod dates;
mod document;
pub mod explain;
mod gazetteer;
pub mod known;
pub mod lexicon;
mod names;
mod patterns;
mod phrases;
mod reference;
pub mod text;
mod title;

use std::collections::HashMap;

pub use gazetteer::{Gazetteer, GazetteerEntry};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::{
    doc_id_for, Date, DateSource, DocId, EntityKind, Evidence, Polarity, RelationKind,
};
use crate::store::{DocumentInput, NewEdge, NewEntity};

pub use text::DEFAULT_MAX_DOC_BYTES;

/// The two languages the lexicons cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    fn lexicon(self) -> &'static lexicon::Lexicon {
        match self {
            Lang::Fr => lexicon::french(),
            Lang::En => lexicon::english(),
        }
    }

    fn patterns(self) -> &'static patterns::Patterns {
        match self {
            Lang::Fr => patterns::french(self.lexicon()),
            Lang::En => patterns::english(self.lexicon()),
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = Error;
    fn from_str(s: &str) -> Result<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "fr" | "french" | "fra" => Ok(Lang::Fr),
            "en" | "english" | "eng" => Ok(Lang::En),
            other => Err(Error::Invalid(format!(
                "unknown language `{other}`; use fr, en or auto"
            ))),
        }
    }
}

/// How to extract.
#[derive(Debug, Clone)]
pub struct ExtractOptions {
    /// `None`: detect from the text.
    pub lang: Option<Lang>,
    pub max_doc_bytes: u64,
    pub gazetteer: Gazetteer,
    /// The document date when the caller knows it (`ingest --date`); `None`: read it from
    /// the article's metadata or dateline.
    pub date: Option<Date>,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            lang: None,
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
            gazetteer: Gazetteer::default(),
            date: None,
        }
    }
}

/// An entity of one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtractedEntity {
    pub name: String,
    pub kind: EntityKind,
    /// Other proper-name forms seen ("Musk" for "Elon Musk").
    pub aliases: Vec<String>,
    /// Descriptors resolved to it ("le milliardaire"); kept with the document only.
    pub descriptors: Vec<String>,
    /// How many times the document refers to it (names, descriptors and pronouns).
    pub mentions: usize,
    /// Byte offset of its first mention in `Extraction::text`.
    pub first_offset: u32,
}

/// An edge with its evidence; `source` and `target` index `Extraction::entities`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtractedEdge {
    pub source: usize,
    pub relation: RelationKind,
    pub target: usize,
    pub evidence: Evidence,
}

/// What one document yields.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extraction {
    pub doc_id: DocId,
    pub lang: Lang,
    pub title: String,
    /// When the article was written, and where that was read; relative dates of its
    /// sentences ("l'an dernier", "mardi") are resolved against it.
    pub date: Option<Date>,
    pub date_source: Option<DateSource>,
    /// The normalized text the evidence spans point into.
    #[serde(skip)]
    pub text: String,
    pub entities: Vec<ExtractedEntity>,
    /// Every piece of evidence, several per triple when the text repeats itself.
    pub edges: Vec<ExtractedEdge>,
    /// Counter-evidence: what the text denies or negates ("n'a jamais fondé", "denied that
    /// it had sued"), polarity `Denied`; never an edge of its own.
    pub denials: Vec<ExtractedEdge>,
}

impl Extraction {
    /// One edge per (source, relation, target), the most confident evidence first seen.
    pub fn unique_edges(&self) -> Vec<&ExtractedEdge> {
        let mut best: HashMap<(usize, RelationKind, usize), usize> = HashMap::new();
        let mut order = Vec::new();
        for (i, e) in self.edges.iter().enumerate() {
            let (s, t) = if e.relation.is_symmetric() && e.target < e.source {
                (e.target, e.source)
            } else {
                (e.source, e.target)
            };
            match best.get(&(s, e.relation, t)) {
                Some(&j) if self.edges[j].evidence.confidence >= e.evidence.confidence => {}
                Some(_) => {
                    best.insert((s, e.relation, t), i);
                }
                None => {
                    best.insert((s, e.relation, t), i);
                    order.push((s, e.relation, t));
                }
            }
        }
        order.iter().map(|k| &self.edges[best[k]]).collect()
    }

    /// "Source -relation-> Target", for messages and tests.
    pub fn describe(&self, e: &ExtractedEdge) -> String {
        format!(
            "{} -{}-> {}",
            self.entities[e.source].name, e.relation, self.entities[e.target].name
        )
    }

    /// The document as the store takes it.
    pub fn to_document_input(&self, source: &str) -> DocumentInput {
        DocumentInput {
            id: self.doc_id,
            title: self.title.clone(),
            source: source.to_string(),
            lang: self.lang.code().to_string(),
            date: self.date,
            date_source: self.date_source,
            entities: self
                .entities
                .iter()
                .map(|e| NewEntity {
                    name: e.name.clone(),
                    kind: e.kind,
                    aliases: e.aliases.clone(),
                    mentions: e.mentions.min(u32::MAX as usize) as u32,
                })
                .collect(),
            edges: new_edges(&self.edges),
            denials: new_edges(&self.denials),
        }
    }
}

/// Edges and denials go to the store in the same form.
fn new_edges(edges: &[ExtractedEdge]) -> Vec<NewEdge> {
    edges
        .iter()
        .map(|e| NewEdge {
            source: e.source,
            relation: e.relation,
            target: e.target,
            evidence: e.evidence.clone(),
        })
        .collect()
}

/// Extracts from raw bytes (a file's content): checks them, strips HTML, then extracts.
pub fn extract_bytes(bytes: &[u8], what: &str, opts: &ExtractOptions) -> Result<Extraction> {
    let raw = text::decode_input(bytes, what, opts.max_doc_bytes)?;
    extract_text(raw, opts)
}

/// `explain_text` from raw bytes, with the checks of `extract_bytes`.
pub fn explain_bytes(
    bytes: &[u8],
    what: &str,
    opts: &ExtractOptions,
) -> Result<(Extraction, explain::Explanation)> {
    let raw = text::decode_input(bytes, what, opts.max_doc_bytes)?;
    explain_text(raw, opts)
}

/// Extracts from text already in memory.
pub fn extract_text(raw: &str, opts: &ExtractOptions) -> Result<Extraction> {
    run(raw, opts, false).map(|(ex, _)| ex)
}

/// Extracts and keeps what every stage saw, sentence by sentence (`extract --explain`).
pub fn explain_text(
    raw: &str,
    opts: &ExtractOptions,
) -> Result<(Extraction, explain::Explanation)> {
    run(raw, opts, true).map(|(ex, e)| (ex, e.unwrap_or_default()))
}

fn run(
    raw: &str,
    opts: &ExtractOptions,
    keep: bool,
) -> Result<(Extraction, Option<explain::Explanation>)> {
    if raw.len() as u64 > opts.max_doc_bytes {
        return Err(Error::TooLarge {
            what: "the text".into(),
            size: raw.len() as u64,
            limit: opts.max_doc_bytes,
        });
    }
    let plain: std::borrow::Cow<str> = if text::looks_like_html(raw) {
        text::strip_html(raw).into()
    } else {
        raw.into()
    };
    let normalized = text::normalize(&plain);
    if normalized.trim().is_empty() {
        return Err(Error::Empty {
            what: "the text".into(),
        });
    }
    // Offsets are 32-bit from here on (tokens, evidence spans).
    if normalized.len() > text::MAX_TEXT_BYTES {
        return Err(Error::TooLarge {
            what: "the text".into(),
            size: normalized.len() as u64,
            limit: text::MAX_TEXT_BYTES as u64,
        });
    }
    let mut sentences = text::sentences(&normalized);
    let lang = opts.lang.unwrap_or_else(|| detect_language(&sentences));
    let lex = lang.lexicon();
    let pats = lang.patterns();
    let tags = phrases::Tags::new(lex);

    // Stage 2: names.
    let mut nm = names::find(&normalized, &sentences, lex);
    opts.gazetteer.apply(&mut nm.clusters);

    let main_org = names::main_organization(&nm.clusters);

    // Stages 3 to 5, sentence by sentence; the discourse carries from one to the next.
    let mut discourse = reference::Discourse::default();
    let mut quote_open = false;
    let mut raw_edges = Vec::new();
    // The opening adverbials of the sentences that have one ("En 2018, ..."), in sentence
    // order: the date of their edges that state none, kept instead of the sentences' tokens.
    let mut frames: Vec<(usize, dates::Stated)> = Vec::new();
    // Per cluster, rebuilt for each sentence in the same buffers.
    let (mut place, mut actor, mut kinds, mut org_like) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut name_clusters = Vec::new();
    let hedges = lex.section("hedges");
    let mut explanation = keep.then(explain::Explanation::default);
    // One sentence's tokens and names at a time, in reused buffers.
    let mut sentence = text::Sentence::default();
    let mut sent_names = Vec::new();
    for si in 0..sentences.len() {
        sentences.read(si, &mut sentence);
        let s = &sentence;
        nm.of(si, &mut sent_names);
        let sent_names = &sent_names;
        let p = phrases::chunk(&normalized, s, lex, tags, sent_names);
        let st = clauses::analyze(&s.tokens, &p, lex, tags, quote_open);
        quote_open = st.quote_open_at_end;
        let carried = discourse.open_quote_speaker.clone();
        let refs = discourse.resolve(
            &normalized,
            &s.tokens,
            &p,
            &st,
            sent_names,
            &mut nm.clusters,
            lex,
            lang == Lang::Fr,
        );
        for (n, r) in refs.iter().enumerate() {
            if p.nouns[n].name.is_none() && p.nouns[n].pronoun != Some(phrases::Pronoun::Relative) {
                for &c in r {
                    nm.clusters[c].mentions += 1;
                }
            }
        }
        name_clusters.clear();
        name_clusters.extend(sent_names.iter().map(|x| x.cluster));
        kinds.clear();
        kinds.extend(nm.clusters.iter().map(|c| c.kind));
        place.clear();
        place.extend(
            nm.clusters
                .iter()
                .map(|c| c.kind == EntityKind::Place && c.kind_sure),
        );
        actor.clear();
        actor.extend(kinds.iter().map(|&k| reference::is_actor(k)));
        org_like.clear();
        org_like.extend(
            kinds
                .iter()
                .map(|k| matches!(k, EntityKind::Organization | EntityKind::Media)),
        );
        let sent = patterns::Sentence {
            tokens: &s.tokens,
            p: &p,
            st: &st,
            refs: &refs,
            lex,
            tags,
            carried_speaker: &carried,
            name_clusters: &name_clusters,
            place: &place,
            actor: &actor,
            org_like: &org_like,
            kinds: &kinds,
            main_org,
        };
        let mut ms = Vec::new();
        let mut misses = Vec::new();
        if matches!(
            nm.lines[si],
            names::LineKind::Text | names::LineKind::Heading
        ) {
            patterns::run(pats, &sent, &mut ms, &mut misses);
        }
        discourse.learn(
            ms.iter()
                .filter(|m| !m.negated && !m.unrealized)
                .map(|m| (m.relation, m.source, m.target)),
        );
        // Only a sentence that gives edges needs its hedges and clause spans.
        let hedged = !ms.is_empty()
            && (0..s.tokens.len()).any(|i| {
                hedges
                    .match_at(|k| s.tokens.get(i + k).map(|t| t.low.as_str()))
                    .is_some()
            });
        let spans: Vec<(usize, usize)> = st
            .clauses
            .iter()
            .take(if ms.is_empty() { 0 } else { usize::MAX })
            .map(|c| {
                let a = p.chunks.get(c.chunks.0).map(|x| x.start).unwrap_or(0);
                let b = p
                    .chunks
                    .get(c.chunks.1.saturating_sub(1))
                    .map(|x| x.end)
                    .unwrap_or(s.tokens.len());
                let first_subject = c.subject.first().map(|&n| p.nouns[n].start).unwrap_or(a);
                (a.min(first_subject), b.max(p.verbs[c.verb].end))
            })
            .collect();
        if let Some(e) = explanation.as_mut() {
            e.push_sentence(
                &normalized,
                s,
                nm.lines[si],
                &p,
                &st,
                &refs,
                &nm.clusters,
                lex,
                pats,
                &ms,
                &misses,
            );
        }
        document::sentence_edges(
            &normalized,
            &s.tokens,
            nm.lines[si],
            si,
            &ms,
            hedged,
            &spans,
            pats,
            &mut raw_edges,
        );
        // Only a comma can close an opening adverbial.
        let comma = s.tokens.iter().any(|t| &normalized[t.start..t.end] == ",");
        if let Some(frame) = comma
            .then(|| dates::sentence_frame(&normalized, &s.tokens))
            .flatten()
        {
            frames.push((si, frame));
        }
    }
    sentences.drop_tokens();
    let frame_of = |si: usize| {
        frames
            .binary_search_by_key(&si, |f| f.0)
            .ok()
            .map(|k| frames[k].1)
    };

    // Stage 6: the document.
    document::finish(&mut raw_edges, &mut nm);
    for (owner, owned) in document::owned_by_prefix(&nm.clusters, lex) {
        let si = (0..sentences.len())
            .position(|i| sentences.span(i).1 > nm.clusters[owned].first_offset)
            .unwrap_or(0);
        raw_edges.push(document::RawEdge {
            source: owner,
            relation: RelationKind::Owns,
            target: owned,
            sentence: si,
            rule: document::Rule::NamePrefix,
            confidence: 0.6,
            date: None,
            negated: false,
        });
    }
    let doc_id = doc_id_for(&normalized);
    let (date, date_source) = match opts.date {
        Some(d) => (Some(d), Some(DateSource::Given)),
        None => match dates::document_date(raw, &normalized, lang) {
            Some((d, source)) => (Some(d), Some(source)),
            None => (None, None),
        },
    };
    let title = title::choose(&plain);

    let mut index = vec![usize::MAX; nm.clusters.len()];
    let mut entities = Vec::new();
    // Entities in the order the text first names them.
    let mut order: Vec<usize> = (0..nm.clusters.len()).collect();
    order.sort_by_key(|&i| nm.clusters[i].first_offset);
    // Which clusters an affirmed edge names, in one pass over the edges.
    let mut in_edges = vec![false; nm.clusters.len()];
    for e in raw_edges.iter().filter(|e| !e.negated) {
        in_edges[e.source] = true;
        in_edges[e.target] = true;
    }
    for i in order {
        let c = &nm.clusters[i];
        let in_edge = in_edges[i];
        if c.forms.is_empty() || c.mentions == 0 && !in_edge || c.unnamed && !in_edge {
            continue;
        }
        index[i] = entities.len();
        let aliases = c.forms.iter().filter(|f| **f != c.name).cloned().collect();
        entities.push(ExtractedEntity {
            name: c.name.clone(),
            kind: c.kind,
            aliases,
            descriptors: c.descriptors.clone(),
            mentions: c.mentions,
            first_offset: c.first_offset.min(u32::MAX as usize) as u32,
        });
    }
    // The edges of a sentence follow one another: they share its text.
    let mut shared: Option<(usize, std::sync::Arc<str>)> = None;
    let mut evidence_of = |e: document::RawEdge, polarity: Polarity| {
        let (start, end) = sentences.span(e.sentence);
        let sentence = match &shared {
            Some((i, text)) if *i == e.sentence => text.clone(),
            _ => {
                let text: std::sync::Arc<str> = normalized[start..end].into();
                shared = Some((e.sentence, text.clone()));
                text
            }
        };
        let stated = e
            .date
            .or(frame_of(e.sentence))
            .and_then(|x| x.resolve(date));
        Evidence {
            doc: doc_id,
            sentence,
            start: start as u32,
            end: end as u32,
            date: stated,
            rule: e.rule.text(lang.code()),
            confidence: e.confidence,
            reported: date,
            polarity,
        }
    };
    // One pass, moving each edge: no second list of the document's edges. The lists are
    // made to size: grown by doubling, they held up to twice the room they needed.
    let kept =
        |e: &document::RawEdge| index[e.source] != usize::MAX && index[e.target] != usize::MAX;
    let denied = raw_edges.iter().filter(|e| e.negated && kept(e)).count();
    let affirmed = raw_edges.iter().filter(|e| !e.negated && kept(e)).count();
    let (mut edges, mut denials) = (Vec::with_capacity(affirmed), Vec::with_capacity(denied));
    for e in raw_edges {
        if !kept(&e) {
            continue;
        }
        if e.negated {
            denials.push(ExtractedEdge {
                source: index[e.source],
                relation: e.relation,
                target: index[e.target],
                evidence: evidence_of(e, Polarity::Denied),
            });
            continue;
        }
        // Symmetric relations are stated first-named first.
        let (src, tgt) = if e.relation.is_symmetric() && index[e.target] < index[e.source] {
            (e.target, e.source)
        } else {
            (e.source, e.target)
        };
        if let Some(x) = explanation.as_mut() {
            let name = |c: usize| nm.clusters[c].name.clone();
            let rule = e.rule.text(lang.code());
            x.note_document_edge(e.sentence, name(src), e.relation, name(tgt), &rule);
        }
        // A rule that found no date of its own takes the sentence's opening adverbial
        // (in `evidence_of`).
        edges.push(ExtractedEdge {
            source: index[src],
            relation: e.relation,
            target: index[tgt],
            evidence: evidence_of(e, Polarity::Affirmed),
        });
    }
    if let Some(e) = explanation.as_mut() {
        e.lang = lang.code().to_string();
    }
    Ok((
        Extraction {
            doc_id,
            lang,
            title,
            date,
            date_source,
            text: normalized,
            entities,
            edges,
            denials,
        },
        explanation,
    ))
}

/// French or English, by counting each language's most frequent words; accents break a tie.
pub fn detect_language(sentences: &text::Sentences) -> Lang {
    const FR: &[&str] = &[
        "le", "la", "les", "des", "est", "une", "dans", "pour", "que", "qui", "du", "et", "pas",
        "avec", "sur", "au", "aux", "d'", "l'", "qu'", "n'", "il", "elle", "ont", "sont", "ete",
        "ses", "son", "cette", "mais", "par", "selon", "lui",
    ];
    const EN: &[&str] = &[
        "the", "and", "of", "is", "to", "in", "that", "for", "with", "was", "on", "by", "as",
        "his", "her", "has", "have", "it", "said", "are", "its", "at", "from", "were", "an", "who",
        "which", "this", "after", "their", "he", "she", "they",
    ];
    let (mut fr, mut en, mut accents) = (0usize, 0usize, 0usize);
    for t in (0..sentences.len())
        .flat_map(|i| sentences.tokens(i))
        .take(5000)
    {
        if FR.contains(&t.low) {
            fr += 1;
        }
        if EN.contains(&t.low) {
            en += 1;
        }
    }
    if fr == en {
        for i in 0..sentences.len().min(50) {
            for t in sentences.tokens(i) {
                if t.low.len() != t.end - t.start {
                    accents += 1;
                }
            }
        }
        return if accents > 0 { Lang::Fr } else { Lang::En };
    }
    if fr > en {
        Lang::Fr
    } else {
        Lang::En
    }
}
