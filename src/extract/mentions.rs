//! Mentions of entities and their resolution inside one document.
//!
//! A mention is a proper name (a run of capitalized words with name particles) or a
//! descriptor ("le milliardaire", "the company", "le PDG de Tesla") that stands for an
//! entity named elsewhere. Names are grouped into clusters (one per entity): a surname or
//! first name joins the full name it belongs to; a descriptor joins the entity it most
//! plausibly describes.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::lexicon::Lexicon;
use super::text::{Sentence, Token};
use crate::model::{EntityKind, RelationKind};

/// One entity of the document.
#[derive(Debug, Clone)]
pub struct Cluster {
    pub name: String,
    pub kind: EntityKind,
    /// Proper-name surface forms.
    pub forms: Vec<String>,
    /// Descriptors that were resolved to it ("le milliardaire").
    pub descriptors: Vec<String>,
    pub mentions: usize,
    /// The kind was given by a cue (suffix, title, descriptor) rather than guessed.
    pub kind_sure: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionForm {
    Name,
    Descriptor,
    /// "les dirigeants d'OpenAI": people speaking for the organization.
    Group,
}

/// A mention in a sentence: tokens `start..end`, resolved to `cluster`.
#[derive(Debug, Clone)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub cluster: usize,
    pub form: MentionForm,
    /// For descriptors built on a role ("le PDG de Tesla"): the role and the organization.
    pub role: Option<(RelationKind, usize)>,
    /// A second role coordinated with the first ("le cofondateur et PDG de Tesla").
    pub also: Option<RelationKind>,
    /// A second organization of the same role ("le patron de Tesla et de SpaceX").
    pub also_org: Option<usize>,
}

/// All mentions of a document, per sentence, and the clusters they point to.
#[derive(Debug, Default)]
pub struct Mentions {
    pub clusters: Vec<Cluster>,
    pub per_sentence: Vec<Vec<Mention>>,
}

const PARTICLES: &[&str] = &[
    "de", "du", "des", "d'", "van", "von", "der", "den", "da", "di", "del", "della", "le", "la",
    "al", "bin", "ben", "&", "of", "and", "y",
];

fn word<'a>(text: &'a str, t: &Token) -> &'a str {
    &text[t.start..t.end]
}

/// Lowercase words of the document: a capitalized word that also appears in lowercase is a
/// common word starting a sentence, not a name.
fn lowercase_vocabulary(text: &str, sentences: &[Sentence]) -> HashSet<String> {
    let mut v = HashSet::default();
    for s in sentences {
        for t in &s.tokens {
            if t.is_word && !t.cap && text[t.start..].starts_with(|c: char| c.is_lowercase()) {
                v.insert(t.low.clone());
            }
        }
    }
    v
}

struct Ctx<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    common: HashSet<String>,
}

impl Ctx<'_> {
    fn is_stop(&self, low: &str) -> bool {
        self.lex.has("stop", low)
    }

    /// "Mistral AI", "Scale AI": a capitalized company suffix that is no name on its own
    /// ends a name when what follows is not the noun it would qualify ("Nvidia AI chips"):
    /// punctuation, the end, another name, a function word or a verb.
    fn acronym_tail(&self, toks: &[Token], i: usize) -> bool {
        let t = &toks[i];
        let raw = word(self.text, t);
        if !t.is_word
            || raw.chars().count() < 2
            || !raw.chars().all(|c| c.is_uppercase())
            || !self.lex.has("org_suffixes", &t.low)
        {
            return false;
        }
        let Some(next) = toks.get(i + 1) else {
            return true;
        };
        // Function words ("in", "pour", "and") are listed as stop words.
        if !next.is_word || next.cap || self.is_stop(&next.low) {
            return true;
        }
        let words = |k: usize| toks.get(i + 1 + k).map(|t| t.low.as_str());
        ["aux", "passive_aux", "speech_verbs", "relative_subject"]
            .iter()
            .any(|section| self.lex.has(section, &next.low))
            || self.lex.section("verbs").match_at(words).is_some()
    }

    /// Can token `i` of `toks` be part of a proper name?
    fn name_word(&self, toks: &[Token], i: usize, heading: bool) -> bool {
        let t = &toks[i];
        let raw = word(self.text, t);
        // "xAI", "eBay", "iPhone": a lowercase letter, then capitals, is a name too.
        let camel = !t.cap
            && raw.chars().next().is_some_and(|c| c.is_lowercase())
            && raw.chars().skip(1).any(|c| c.is_uppercase());
        if !t.is_word || !(t.cap || camel) || self.is_stop(&t.low) {
            return false;
        }
        if t.low.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
        if is_place_modifier(&t.low) {
            return false;
        }
        // Acronyms of roles ("PDG", "CEO") and titles are not names.
        if self.lex.has("roles", &t.low) || self.lex.has("person_titles", &t.low) {
            return false;
        }
        let raw = word(self.text, t);
        let has_inner_cap = raw.chars().skip(1).any(|c| c.is_uppercase());
        let first_in_clause = i == 0
            || toks[i - 1].is_word && toks[i - 1].low.ends_with('\'') && i == 1
            || matches!(
                word(self.text, &toks[i - 1]),
                "«" | "\"" | "“" | ":" | "(" | "-" | "–" | "—"
            );
        if (first_in_clause || heading) && !has_inner_cap && self.common.contains(&t.low) {
            return false;
        }
        // "Investors backed...", "Fondée en 1998 par...": a common noun or a passive
        // trigger of the lexicon opening the sentence, capitalized for that reason only.
        if i == 0
            && !has_inner_cap
            && [
                "group_nouns",
                "person_descriptors",
                "org_descriptors",
                "product_nouns",
                "passive",
            ]
            .iter()
            .any(|sec| self.lex.has(sec, &t.low))
        {
            return false;
        }
        // "Separately, ...", "Finalement, ...": a sentence adverb before a comma, not a name.
        if i == 0
            && raw.len() > 5
            && (t.low.ends_with("ly") || t.low.ends_with("ment"))
            && toks
                .get(1)
                .is_some_and(|n| self.text[n.start..n.end] == *",")
        {
            return false;
        }
        true
    }
}

/// Finds mentions in every sentence and resolves them into clusters.
pub fn find(text: &str, sentences: &[Sentence], lex: &Lexicon) -> Mentions {
    let ctx = Ctx {
        text,
        lex,
        common: lowercase_vocabulary(text, sentences),
    };
    let mut m = Mentions::default();
    // Raw name spans per sentence.
    let spans: Vec<Vec<(usize, usize)>> = sentences.iter().map(|s| name_spans(&ctx, s)).collect();
    // First pass: multi-word person-like names become clusters, so a surname met before the
    // full name still joins it.
    let mut by_form: HashMap<String, usize> = HashMap::default();
    for (si, s) in sentences.iter().enumerate() {
        for &(a, b) in &spans[si] {
            if b - a >= 2 {
                let (kind, sure) = name_kind(&ctx, s, a, b);
                let form = span_text(text, s, a, b);
                let key = super::text::fold(&form);
                match by_form.entry(key) {
                    std::collections::hash_map::Entry::Vacant(v) => {
                        v.insert(m.clusters.len());
                        m.clusters.push(Cluster {
                            name: form.clone(),
                            kind,
                            forms: vec![form],
                            descriptors: vec![],
                            mentions: 0,
                            kind_sure: sure,
                        });
                    }
                    std::collections::hash_map::Entry::Occupied(o) if sure => {
                        let c = &mut m.clusters[*o.get()];
                        if !c.kind_sure {
                            c.kind = kind;
                            c.kind_sure = true;
                        }
                    }
                    std::collections::hash_map::Entry::Occupied(_) => {}
                }
            }
        }
    }
    let mut recent: Vec<usize> = Vec::new(); // clusters, most recent last
    let mut descriptor_memory: HashMap<String, usize> = HashMap::default();
    // Sentence where an organization descriptor was last read: a reading from the previous
    // sentence is still the topic ("criticized the company. X bought a stake in the company").
    let mut org_descriptor_seen: HashMap<String, usize> = HashMap::default();
    let mut last_seen: Vec<Option<usize>> = vec![None; m.clusters.len()];
    let mut prev_topic_org: Option<usize> = None;
    for (si, s) in sentences.iter().enumerate() {
        let mut ms: Vec<Mention> = Vec::new();
        for &(a, b) in &spans[si] {
            let form = span_text(text, s, a, b);
            let key = super::text::fold(&form);
            let (kind, sure) = name_kind(&ctx, s, a, b);
            let cluster = match by_form.get(&key) {
                Some(&c) => c,
                None => {
                    let found = if b - a == 1 {
                        join_single(&m.clusters, &recent, &key, lex)
                    } else {
                        None
                    };
                    match found {
                        Some(c) => {
                            by_form.insert(key, c);
                            c
                        }
                        None => {
                            let id = m.clusters.len();
                            m.clusters.push(Cluster {
                                name: form.clone(),
                                kind,
                                forms: vec![],
                                descriptors: vec![],
                                mentions: 0,
                                kind_sure: sure,
                            });
                            last_seen.push(None);
                            by_form.insert(key, id);
                            id
                        }
                    }
                }
            };
            let c = &mut m.clusters[cluster];
            if sure && !c.kind_sure {
                c.kind = kind;
                c.kind_sure = true;
            }
            if !c.forms.contains(&form) {
                c.forms.push(form);
            }
            ms.push(Mention {
                start: a,
                end: b,
                cluster,
                form: MentionForm::Name,
                role: None,
                also: None,
                also_org: None,
            });
        }
        // Descriptors, resolved against what came before.
        // The first name not after a preposition, passing over one that qualifies a role
        // ("Podwave co-founder Luis Ortega", "Streamly's chief executive").
        let qualifies_role = |x: &Mention| {
            let mut k = x.end;
            if s.tokens.get(k).is_some_and(|t| t.low == "'s") {
                k += 1;
            }
            ["roles", "group_nouns"].iter().any(|sec| {
                ctx.lex
                    .section(sec)
                    .match_at(|j| s.tokens.get(k + j).map(|t| t.low.as_str()))
                    .is_some()
            })
        };
        let subject = ms
            .iter()
            .find(|x| {
                (x.start == 0 || !is_preposition(&s.tokens[x.start - 1].low)) && !qualifies_role(x)
            })
            .map(|x| x.cluster);
        let descs = descriptor_spans(&ctx, s, &ms);
        for d in descs {
            let resolved = match d.kind {
                _ if d.apposition.is_some() => d.apposition,
                DescKind::Group(org) => Some(org),
                DescKind::Person => descriptor_memory
                    .get(&d.text_key)
                    .copied()
                    .filter(|c| m.clusters[*c].kind == EntityKind::Person)
                    .or_else(|| {
                        // The most talked-about person of the last few sentences who is not the
                        // clause's subject: writers use "le milliardaire" for someone named before.
                        let here: Vec<usize> = ms
                            .iter()
                            .filter(|x| x.end <= d.start)
                            .map(|x| x.cluster)
                            .collect();
                        let window = |c: usize| {
                            last_seen[c].is_some_and(|l| si - l <= 5) || here.contains(&c)
                        };
                        (0..m.clusters.len())
                            .filter(|&c| {
                                m.clusters[c].kind == EntityKind::Person
                                    && window(c)
                                    && Some(c) != subject
                                    && Some(c) != d.role.map(|r| r.1)
                            })
                            .max_by_key(|&c| {
                                (m.clusters[c].mentions, !here.contains(&c), last_seen[c])
                            })
                    }),
                // "Cette jeune pousse", "this company": the organization named last.
                DescKind::Org
                    if matches!(
                        s.tokens[d.start].low.as_str(),
                        "ce" | "cet" | "cette" | "ces" | "this" | "these"
                    ) =>
                {
                    ms.iter()
                        .rev()
                        .filter(|x| x.end <= d.start)
                        .map(|x| x.cluster)
                        .chain(recent.iter().rev().copied())
                        .find(|c| m.clusters[*c].kind == EntityKind::Organization)
                }
                // A definite description opening a sentence takes up the previous topic.
                DescKind::Org
                    if d.start == 0
                        && prev_topic_org.is_some()
                        && !descriptor_memory.contains_key(&d.text_key) =>
                {
                    prev_topic_org
                }
                // Elsewhere, "the company" is not the subject of its own clause (that would
                // be "itself"), unless it reports the subject's words ("Apple said the
                // company would..."). Otherwise it is an organization named earlier in the
                // sentence ("Podwave co-founder X left the company"), else the one the
                // same words meant in the previous sentence, else the organization the
                // previous sentence was about, else an older reading, else the nearest.
                DescKind::Org => {
                    let is_org = |c: usize| m.clusters[c].kind == EntityKind::Organization;
                    let reported =
                        (0..d.start).any(|k| ctx.lex.has("speech_verbs", &s.tokens[k].low));
                    let usable = |c: &usize| is_org(*c) && (reported || Some(*c) != subject);
                    let earlier_here = || {
                        ms.iter()
                            .rev()
                            .map(|x| x.cluster)
                            .zip(ms.iter().rev().map(|x| x.end))
                            .find(|(c, end)| *end <= d.start && usable(c))
                            .map(|(c, _)| c)
                    };
                    let remembered = descriptor_memory.get(&d.text_key).copied();
                    let fresh = org_descriptor_seen
                        .get(&d.text_key)
                        .is_some_and(|&seen| si <= seen + 1);
                    if reported {
                        subject.filter(|c| is_org(*c)).or(remembered.filter(usable))
                    } else if fresh {
                        earlier_here()
                            .or(remembered.filter(usable))
                            .or(prev_topic_org.filter(usable))
                    } else {
                        earlier_here()
                            .or(prev_topic_org.filter(usable))
                            .or(remembered.filter(usable))
                    }
                    .or_else(|| recent.iter().rev().copied().find(|c| usable(c)))
                }
                DescKind::Product => None,
            };
            let Some(cluster) = resolved else { continue };
            if d.apposition.is_none() {
                if d.kind == DescKind::Org {
                    descriptor_memory.insert(d.text_key.clone(), cluster);
                    org_descriptor_seen.insert(d.text_key.clone(), si);
                } else {
                    descriptor_memory
                        .entry(d.text_key.clone())
                        .or_insert(cluster);
                }
            }
            if let DescKind::Product = d.kind {
                let c = &mut m.clusters[cluster];
                if !c.kind_sure {
                    c.kind = EntityKind::Product;
                    c.kind_sure = true;
                }
            }
            if matches!(d.kind, DescKind::Person | DescKind::Org) && d.apposition.is_some() {
                let want = if matches!(d.kind, DescKind::Person) {
                    EntityKind::Person
                } else {
                    EntityKind::Organization
                };
                let c = &mut m.clusters[cluster];
                if !c.kind_sure {
                    c.kind = want;
                    c.kind_sure = true;
                }
            }
            if !matches!(d.kind, DescKind::Group(_)) {
                let c = &mut m.clusters[cluster];
                if !c.descriptors.contains(&d.surface) {
                    c.descriptors.push(d.surface.clone());
                }
            }
            // An apposition absorbs the name mention it describes.
            ms.retain(|x| !(x.start >= d.start && x.end <= d.end && x.cluster == cluster));
            let form = if matches!(d.kind, DescKind::Group(_)) {
                MentionForm::Group
            } else {
                MentionForm::Descriptor
            };
            ms.push(Mention {
                start: d.start,
                end: d.end,
                cluster,
                form,
                role: d.role,
                also: d.also,
                also_org: d.also_org,
            });
        }
        ms.sort_by_key(|x| (x.start, std::cmp::Reverse(x.end)));
        for x in &ms {
            m.clusters[x.cluster].mentions += 1;
            last_seen[x.cluster] = Some(si);
            if x.form != MentionForm::Group {
                recent.retain(|c| *c != x.cluster);
                recent.push(x.cluster);
            }
        }
        prev_topic_org = ms
            .iter()
            .find(|x| {
                x.form == MentionForm::Name
                    && m.clusters[x.cluster].kind == EntityKind::Organization
                    && (x.start == 0 || !is_preposition(&s.tokens[x.start - 1].low))
            })
            .map(|x| x.cluster);
        m.per_sentence.push(ms);
    }
    // A single word that is also a person's surname or first name was that person.
    for c in 0..m.clusters.len() {
        if m.clusters[c]
            .forms
            .iter()
            .any(|f| f.split_whitespace().count() > 1)
            && m.clusters[c].kind == EntityKind::Person
        {
            let longest = m.clusters[c]
                .forms
                .iter()
                .max_by_key(|f| (f.split_whitespace().count(), f.len()))
                .cloned();
            if let Some(l) = longest {
                m.clusters[c].name = l;
            }
        }
    }
    m
}

/// A single word joins the most recent person whose name ends (or starts) with it, any
/// multi-word cluster that contains it as its last word, or an organization named by it and
/// company words ("Pinecrest" for "Pinecrest Foods", "Orsenne" for "Orsenne Mobile").
fn join_single(clusters: &[Cluster], recent: &[usize], key: &str, lex: &Lexicon) -> Option<usize> {
    let matches = |c: &Cluster| {
        c.forms.iter().any(|f| {
            let words: Vec<String> = f.split_whitespace().map(super::text::fold).collect();
            let company_words = || {
                words[1..]
                    .iter()
                    .all(|w| lex.has("org_suffixes", w) || lex.has("media_words", w))
            };
            words.len() > 1
                && (words.last().is_some_and(|w| w == key)
                    || (c.kind == EntityKind::Person && words[0] == key)
                    || (c.kind == EntityKind::Organization && words[0] == key && company_words()))
        })
    };
    recent
        .iter()
        .rev()
        .copied()
        .find(|c| matches(&clusters[*c]))
        .or_else(|| {
            clusters.iter().position(|c| {
                matches!(c.kind, EntityKind::Person | EntityKind::Organization) && matches(c)
            })
        })
}

fn span_text(text: &str, s: &Sentence, a: usize, b: usize) -> String {
    text[s.tokens[a].start..s.tokens[b - 1].end].to_string()
}

/// Runs of name words joined by particles, with person titles dropped from the front.
fn name_spans(ctx: &Ctx, s: &Sentence) -> Vec<(usize, usize)> {
    let toks = &s.tokens;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // A capitalized article in mid-sentence opens a title: "le quotidien Le Monde".
        let title_article = i > 0
            && toks[i].cap
            && matches!(toks[i].low.as_str(), "le" | "la" | "les" | "l'" | "the")
            && toks[i - 1].is_word
            && !toks[i - 1].cap
            && i + 1 < toks.len()
            && ctx.name_word(toks, i + 1, false);
        if !title_article && !ctx.name_word(toks, i, s.heading) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < toks.len() && ctx.name_word(toks, end, false) {
                end += 1;
            } else if end < toks.len() && ctx.acronym_tail(toks, end) {
                end += 1;
                break;
            } else if end + 1 < toks.len()
                && PARTICLES.contains(&toks[end].low.as_str())
                && ctx.name_word(toks, end + 1, false)
                && !ctx.common.contains(&toks[end + 1].low)
                && !toks[end].cap
            {
                // "Banque de France", "Ursula von der Leyen", but not "Musk et Altman".
                if toks[end].low == "and"
                    || toks[end].low == "&"
                    || toks[end].low == "of"
                    || toks[end].low == "y"
                {
                    let is_org_tail = ctx.lex.has("org_suffixes", &toks[end + 1].low)
                        || ctx.lex.has("media_words", &toks[end + 1].low);
                    if !is_org_tail && toks[end].low != "&" {
                        break;
                    }
                }
                end += 2;
            } else {
                break;
            }
        }
        // "San Francisco-based": the words before the modifier name a place, not an entity.
        if toks
            .get(end)
            .is_some_and(|t| t.cap && is_place_modifier(&t.low))
        {
            i = end + 1;
            continue;
        }
        out.push((start, end));
        i = end;
    }
    out
}

/// The kind of a name from its own words and its left context; `true` when a cue said so.
fn name_kind(ctx: &Ctx, s: &Sentence, a: usize, b: usize) -> (EntityKind, bool) {
    let toks = &s.tokens;
    let lex = ctx.lex;
    let last = &toks[b - 1].low;
    if toks[a..b].iter().any(|t| lex.has("media_words", &t.low)) && b - a >= 2 {
        return (EntityKind::Media, true);
    }
    if (lex.has("org_suffixes", last) || lex.has("org_suffixes", &toks[a].low)) && b - a >= 2 {
        return (EntityKind::Organization, true);
    }
    // "the ChatGPT chatbot", "l'application TikTok" is handled below; a product noun right
    // after the name marks a product.
    if b < toks.len()
        && lex.has("product_nouns", &toks[b].low)
        && b + 1 < toks.len()
        && !matches!(toks[b + 1].low.as_str(), "de" | "d'" | "of")
    {
        return (EntityKind::Product, true);
    }
    // Left context: a title or a descriptor noun right before the name.
    let mut j = a;
    let mut seen = 0;
    let mut after_de = false;
    while j > 0 && seen < 3 {
        j -= 1;
        seen += 1;
        let low = &toks[j].low;
        if matches!(word(ctx.text, &toks[j]), ",") {
            continue;
        }
        if matches!(low.as_str(), "de" | "d'" | "du" | "of" | "chez" | "at") {
            after_de = true;
            continue;
        }
        // A capitalized word that is no title ("PDG", "Dr") belongs to another name
        // ("Halvorsen Capital, Skyra"): its words are no cue for this one.
        if toks[j].cap
            && j > 0
            && !["roles", "person_titles", "person_descriptors"]
                .iter()
                .any(|sec| lex.has(sec, low))
        {
            break;
        }
        if after_de {
            // "le PDG de Tesla", "CEO of Acme": the organization of a role.
            if lex.has("roles", low) || lex.has("person_descriptors", low) {
                return (EntityKind::Organization, true);
            }
            break;
        }
        if lex.has("person_titles", low) || lex.has("person_descriptors", low) {
            return (EntityKind::Person, true);
        }
        if lex.has("media_cues", low) {
            return (EntityKind::Media, true);
        }
        if lex.has("product_nouns", low) {
            return (EntityKind::Product, true);
        }
        if lex.has("org_descriptors", low) {
            return (EntityKind::Organization, true);
        }
        if lex.has("place_words", low) {
            return (EntityKind::Place, true);
        }
        if !lex.has("determiners", low) && !lex.has("skip", low) {
            break;
        }
    }
    let words_plain = toks[a..b].iter().all(|t| {
        // Each hyphen part capitalized, then lowercase: "Jean-Marc", "Saint-Exupéry".
        word(ctx.text, t).split('-').all(|part| {
            let mut cs = part.chars();
            cs.next().is_some_and(|c| c.is_uppercase()) && cs.all(|c| c.is_lowercase() || c == '\'')
        })
    });
    if b - a >= 2 && words_plain {
        (EntityKind::Person, false)
    } else {
        (EntityKind::Organization, false)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum DescKind {
    Person,
    Org,
    Product,
    Group(usize),
}

#[derive(Debug)]
struct Descriptor {
    start: usize,
    end: usize,
    kind: DescKind,
    text_key: String,
    surface: String,
    apposition: Option<usize>,
    role: Option<(RelationKind, usize)>,
    also: Option<RelationKind>,
    also_org: Option<usize>,
}

/// Determiner + descriptor noun (+ "de" + name, + adjectives), and its apposition to a name.
fn descriptor_spans(ctx: &Ctx, s: &Sentence, names: &[Mention]) -> Vec<Descriptor> {
    let toks = &s.tokens;
    let lex = ctx.lex;
    let low = |i: usize| toks.get(i).map(|t| t.low.as_str());
    let name_at = |i: usize| names.iter().find(|m| m.start == i);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !lex.has("determiners", &toks[i].low)
            || toks[i].cap
                && i > 0
                && !matches!(toks[i].low.as_str(), "le" | "la" | "l'" | "les" | "the")
        {
            i += 1;
            continue;
        }
        let det = i;
        let mut j = i + 1;
        // English: "the ChatGPT maker" / "the Tesla CEO": a name between determiner and noun.
        let mut pre_name: Option<&Mention> = None;
        if let Some(n) = name_at(j) {
            pre_name = Some(n);
            j = n.end;
        }
        // The longest descriptor wins ("le réseau social" is an organization, "le réseau" a
        // product), after at most two lowercase modifiers ("the software giant").
        let classify = |j: usize| {
            let from = |sec: &str| lex.section(sec).match_at(|k| low(j + k));
            let mut best: (Option<DescKind>, Option<RelationKind>, usize) = (None, None, 0);
            let candidates = [
                (from("group_nouns"), DescKind::Group(usize::MAX), false),
                (from("roles"), DescKind::Person, true),
                (from("person_descriptors"), DescKind::Person, false),
                (from("org_descriptors"), DescKind::Org, false),
                (from("product_nouns"), DescKind::Product, false),
            ];
            for (m, kind, is_role) in candidates {
                if let Some((r, n)) = m {
                    if n > best.2 {
                        best = (Some(kind), if is_role { r } else { None }, n);
                    }
                }
            }
            best
        };
        let (mut kind, mut role, mut n) = classify(j);
        if kind.is_none() && pre_name.is_none() {
            for skip in 1..=2 {
                let Some(t) = toks.get(j + skip - 1) else {
                    break;
                };
                let former = matches!(t.low.as_str(), "former" | "ancien" | "ancienne" | "ex");
                let modifier = former
                    || t.is_word
                        && !t.cap
                        && t.low.len() > 2
                        && !lex.has("stop", &t.low)
                        && !lex.has("determiners", &t.low)
                        && !lex.has("verbs", &t.low)
                        && !lex.has("aux", &t.low);
                if !modifier {
                    break;
                }
                let (k2, r2, n2) = classify(j + skip);
                if k2.is_some() {
                    (kind, role, n) = (k2, r2, n2);
                    j += skip;
                    break;
                }
            }
        }
        // In a compound the last noun is the head: "the software giant" is an organization.
        while kind.is_some() && toks.get(j + n).is_some_and(|t| t.is_word && !t.cap) {
            let (k2, r2, n2) = classify(j + n);
            if k2.is_none() {
                break;
            }
            j += n;
            (kind, role, n) = (k2, r2, n2);
        }
        let Some(mut kind) = kind else {
            i += 1;
            continue;
        };
        if n == 0 || toks[j].cap && j != det + 1 && pre_name.is_none() {
            i += 1;
            continue;
        }
        let mut end = j + n;
        // "le cofondateur et PDG de Tesla": both roles, one organization.
        let mut also = None;
        if role.is_some() && matches!(low(end), Some("et" | "and" | "&")) {
            if let Some((Some(r2), n2)) = lex.section("roles").match_at(|k| low(end + 1 + k)) {
                also = Some(r2);
                end += 1 + n2;
            }
        }
        // Adjectives after the noun ("son produit phare", "la société d'IA").
        let mut role_org: Option<usize> = None;
        let mut steps = 0;
        while end < toks.len() && steps < 3 {
            let t = &toks[end];
            if t.is_word
                && !t.cap
                && !lex.has("determiners", &t.low)
                && !lex.has("stop", &t.low)
                && !lex.has("verbs", &t.low)
                && !lex.has("aux", &t.low)
                && !lex.has("speech_verbs", &t.low)
                && !lex.has("relative_subject", &t.low)
                && !lex.has("relative_object", &t.low)
                && t.low.len() > 2
                && !t.low.ends_with("ment")
                && !t.low.ends_with("ly")
            {
                end += 1;
                steps += 1;
                continue;
            }
            break;
        }
        // "de"/"d'"/"of" + name: the organization of a role or a group; "d'IA" qualifies.
        // A department may come between: "le directeur de la communication de Kering".
        let is_of = |k: usize| matches!(low(k), Some("de" | "d'" | "du" | "of" | "at" | "chez"));
        if role.is_some() && is_of(end) && name_at(end + 1).is_none() {
            let qualifier_end = (end + 2..(end + 6).min(toks.len())).find(|&k| {
                is_of(k)
                    && name_at(k + 1).is_some()
                    && toks[end + 1..k]
                        .iter()
                        .all(|t| t.is_word && !t.cap && !lex.has("verbs", &t.low))
            });
            if let Some(k) = qualifier_end {
                end = k;
                // Heading a department is working at the company, not leading it.
                if role == Some(RelationKind::Leads) {
                    role = Some(RelationKind::MemberOf);
                }
            }
        }
        let mut also_org = None;
        if end + 1 < toks.len() && is_of(end) {
            if let Some(nm) = name_at(end + 1) {
                role_org = Some(nm.cluster);
                end = nm.end;
                // "le patron de Tesla et de SpaceX": one role, two organizations.
                if matches!(low(end), Some("et" | "and")) && is_of(end + 1) {
                    if let Some(second) = name_at(end + 2) {
                        also_org = Some(second.cluster);
                        end = second.end;
                    }
                }
            } else if toks[end + 1].cap && toks[end + 1].is_word && ctx.is_stop(&toks[end + 1].low)
            {
                end += 2;
            }
        }
        if let Some(pn) = pre_name {
            role_org = role_org.or(Some(pn.cluster));
        }
        if let DescKind::Group(_) = kind {
            match role_org {
                Some(org) => kind = DescKind::Group(org),
                None => {
                    i += 1;
                    continue;
                }
            }
        }
        // A role without an organization is just a person descriptor.
        let role = match (role, role_org) {
            (Some(r), Some(org)) if kind == DescKind::Person => Some((r, org)),
            _ => None,
        };
        let also = also.filter(|_| role.is_some());
        let also_org = also_org.filter(|_| role.is_some());
        // Apposition: "Satya Nadella, le PDG de Microsoft" / "le PDG de Microsoft, Satya Nadella" / "son produit phare, ChatGPT".
        let mut apposition = None;
        let mut span_end = end;
        let mut span_start = det;
        // "la maison de parfums Creed": a descriptor naming its kind, then the name.
        let named_after_kind = || {
            (matches!(low(end), Some("de" | "d'" | "of"))
                && toks.get(end + 1).is_some_and(|t| t.is_word && !t.cap))
            .then(|| name_at(end + 2))
            .flatten()
        };
        if let Some(nm) = name_at(end)
            .or_else(|| {
                if low(end) == Some(",") {
                    name_at(end + 1)
                } else {
                    None
                }
            })
            .or_else(named_after_kind)
        {
            if kind != DescKind::Group(usize::MAX)
                && !matches!(kind, DescKind::Group(_))
                && Some(nm.cluster) != role_org
            {
                apposition = Some(nm.cluster);
                span_end = nm.end;
            }
        } else if det >= 2 && low(det - 1) == Some(",") {
            if let Some(nm) = names.iter().find(|m| m.end == det - 1) {
                if !matches!(kind, DescKind::Group(_))
                    && Some(nm.cluster) != role_org
                    && kind != DescKind::Product
                {
                    apposition = Some(nm.cluster);
                    span_start = nm.start;
                }
            }
        }
        let indefinite = matches!(
            toks[det].low.as_str(),
            "un" | "une" | "des" | "a" | "an" | "de" | "d'"
        );
        if indefinite && apposition.is_none() && !matches!(kind, DescKind::Group(_)) {
            i += 1;
            continue;
        }
        let surface = ctx.text[toks[det].start..toks[end - 1].end].to_string();
        // The head noun (and its "de X" qualifier) names the descriptor; adjectives vary.
        let text_key: String = toks[j..j + n]
            .iter()
            .map(|t| t.low.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        out.push(Descriptor {
            start: span_start,
            end: span_end,
            kind,
            text_key,
            surface,
            apposition,
            role,
            also,
            also_org,
        });
        i = span_end.max(det + 1);
    }
    out
}

/// "Paris-based", "German-born", "Microsoft-backed": a modifier, not part of a name.
fn is_place_modifier(low: &str) -> bool {
    [
        "-based",
        "-born",
        "-backed",
        "-owned",
        "-headquartered",
        "-listed",
    ]
    .iter()
    .any(|suffix| low.ends_with(suffix))
}

/// Words after which a name is a complement, not a subject.
pub fn is_preposition(low: &str) -> bool {
    matches!(
        low,
        "de" | "d'"
            | "du"
            | "des"
            | "a"
            | "au"
            | "aux"
            | "avec"
            | "par"
            | "pour"
            | "sur"
            | "dans"
            | "entre"
            | "contre"
            | "chez"
            | "vers"
            | "envers"
            | "sans"
            | "selon"
            | "of"
            | "by"
            | "with"
            | "to"
            | "for"
            | "from"
            | "in"
            | "on"
            | "at"
            | "between"
            | "against"
            | "about"
            | "into"
            | "toward"
            | "towards"
            | "over"
            | "like"
            | "than"
    )
}
