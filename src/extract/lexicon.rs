//! Per-language word lists, parsed from the data files beside this module.
//!
//! A file is made of `[section]`s; a section holds comma-separated phrases, optionally under a
//! tag (`tag = phrase, phrase`): the tag names the class its phrases belong to ("sue",
//! "role_lead", "against"), which the stages and the patterns refer to. A phrase is words
//! separated by spaces; `word*` matches any word starting with `word`, `*` any one word.
//! Words are compared folded (lowercase, no accents).

use std::sync::atomic::{AtomicUsize, Ordering};

use rustc_hash::FxHashMap as HashMap;

use super::text::fold;
use crate::model::RelationKind;

/// A class name of the lexicon, interned.
pub type Tag = u16;

/// One word of a phrase: an exact folded form, a prefix (`word*`), or any word (`*`).
#[derive(Debug, Clone, PartialEq)]
pub enum Pat {
    Exact(String),
    Prefix(String),
    Any,
}

impl Pat {
    pub fn matches(&self, low: &str) -> bool {
        match self {
            Pat::Exact(w) => w == low,
            Pat::Prefix(p) => low.starts_with(p.as_str()),
            Pat::Any => true,
        }
    }
}

/// A phrase: the words that must follow one another.
pub type Phrase = Vec<Pat>;

/// A section: phrases with their tags, indexed by first word so a lookup is a hash probe.
#[derive(Debug, Clone, Default)]
pub struct Section {
    phrases: Vec<(Option<Tag>, Phrase)>,
    /// Single-word exact entries and their tag.
    words: HashMap<String, Option<Tag>>,
    /// Single-word prefix entries (`word*`).
    prefixes: Vec<(String, Option<Tag>)>,
    /// First exact word → phrases starting with it (longest first).
    by_first: HashMap<String, Vec<usize>>,
    /// Phrases whose first word is a prefix or a wildcard.
    open_first: Vec<usize>,
}

impl Section {
    fn index(&mut self) {
        self.phrases.sort_by_key(|p| std::cmp::Reverse(p.1.len()));
        self.by_first.clear();
        self.open_first.clear();
        self.prefixes.clear();
        for (i, (tag, p)) in self.phrases.iter().enumerate() {
            match &p[0] {
                Pat::Exact(w) => self.by_first.entry(w.clone()).or_default().push(i),
                Pat::Prefix(w) => {
                    self.open_first.push(i);
                    if p.len() == 1 {
                        self.prefixes.push((w.clone(), *tag));
                    }
                }
                Pat::Any => self.open_first.push(i),
            }
        }
    }

    fn candidates(&self, first: &str) -> impl Iterator<Item = &(Option<Tag>, Phrase)> {
        self.by_first
            .get(first)
            .map(|v| v.as_slice())
            .unwrap_or(&[])
            .iter()
            .chain(self.open_first.iter())
            .map(|&i| &self.phrases[i])
    }

    /// The longest phrase starting at `words(0)`: (tag, length in words).
    pub fn match_at<'a>(
        &self,
        words: impl Fn(usize) -> Option<&'a str>,
    ) -> Option<(Option<Tag>, usize)> {
        let first = words(0)?;
        let mut best: Option<(Option<Tag>, usize)> = None;
        for (tag, phrase) in self.candidates(first) {
            if best.is_some_and(|(_, n)| n >= phrase.len()) {
                continue;
            }
            if phrase
                .iter()
                .enumerate()
                .all(|(k, p)| words(k).is_some_and(|w| p.matches(w)))
            {
                best = Some((*tag, phrase.len()));
            }
        }
        best
    }

    /// Every phrase starting at `words(0)`: (tag, length), longest first.
    pub fn all_matches_at<'a>(
        &self,
        words: impl Fn(usize) -> Option<&'a str>,
    ) -> Vec<(Option<Tag>, usize)> {
        let Some(first) = words(0) else {
            return Vec::new();
        };
        let mut found: Vec<(Option<Tag>, usize)> = self
            .candidates(first)
            .filter(|(_, p)| {
                p.iter()
                    .enumerate()
                    .all(|(k, pat)| words(k).is_some_and(|w| pat.matches(w)))
            })
            .map(|(t, p)| (*t, p.len()))
            .collect();
        found.sort_by_key(|m| std::cmp::Reverse(m.1));
        found
    }

    /// Is this single folded word an entry?
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains_key(word)
            || self
                .prefixes
                .iter()
                .any(|(p, _)| word.starts_with(p.as_str()))
    }

    /// The tag of a single-word entry.
    pub fn tag_of(&self, word: &str) -> Option<Option<Tag>> {
        self.words.get(word).copied().or_else(|| {
            self.prefixes
                .iter()
                .find(|(p, _)| word.starts_with(p.as_str()))
                .map(|(_, t)| *t)
        })
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }
}

/// Everything one language contributes to extraction.
#[derive(Debug, Default)]
pub struct Lexicon {
    sections: Vec<(String, Section)>,
    by_name: HashMap<String, usize>,
    tags: Vec<String>,
    tag_ids: HashMap<String, Tag>,
    empty: Section,
    /// The stages ask for sections by name millions of times (a tenth of extraction went to
    /// hashing the names): the last section found for a name's address, checked against the
    /// name itself, so a reused address can never return another section.
    recent: SectionCache,
}

const CACHE_SLOTS: usize = 64;

/// Slots holding a section's index plus one, chosen by the name's address; zero is empty.
/// Relaxed atomics: a slot is only a hint, verified by the name on every hit.
struct SectionCache([AtomicUsize; CACHE_SLOTS]);

impl Default for SectionCache {
    fn default() -> Self {
        SectionCache(std::array::from_fn(|_| AtomicUsize::new(0)))
    }
}

impl std::fmt::Debug for SectionCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SectionCache")
    }
}

impl Lexicon {
    pub fn parse(source: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        let mut current = String::new();
        for raw in source.lines() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with('[') && line.ends_with(']') {
                current = line[1..line.len() - 1].to_string();
                lex.section_mut(&current);
                continue;
            }
            let (tag, list) = match line.split_once(" = ") {
                Some((t, l)) => (Some(lex.intern(t.trim())), l),
                None => (None, line),
            };
            let section = lex.section_mut(&current);
            for item in list.split(", ") {
                let item = item.trim().trim_end_matches(',');
                if item.is_empty() {
                    continue;
                }
                let phrase: Phrase = split_phrase(item)
                    .into_iter()
                    .map(|w| {
                        if w == "*" {
                            Pat::Any
                        } else if let Some(p) = w.strip_suffix('*') {
                            Pat::Prefix(fold(p))
                        } else {
                            Pat::Exact(fold(&w))
                        }
                    })
                    .collect();
                if let [Pat::Exact(w)] = phrase.as_slice() {
                    section.words.entry(w.clone()).or_insert(tag);
                }
                section.phrases.push((tag, phrase));
            }
        }
        for (_, s) in lex.sections.iter_mut() {
            s.index();
        }
        lex
    }

    fn intern(&mut self, name: &str) -> Tag {
        if let Some(&t) = self.tag_ids.get(name) {
            return t;
        }
        let t = self.tags.len() as Tag;
        self.tags.push(name.to_string());
        self.tag_ids.insert(name.to_string(), t);
        t
    }

    fn section_mut(&mut self, name: &str) -> &mut Section {
        let i = match self.by_name.get(name) {
            Some(&i) => i,
            None => {
                self.sections.push((name.to_string(), Section::default()));
                self.by_name
                    .insert(name.to_string(), self.sections.len() - 1);
                self.sections.len() - 1
            }
        };
        &mut self.sections[i].1
    }

    pub fn section(&self, name: &str) -> &Section {
        // Callers name sections with literals, so an address stands for a name.
        let slot = &self.recent.0[(name.as_ptr() as usize >> 2) % CACHE_SLOTS];
        let hint = slot.load(Ordering::Relaxed);
        if let Some((n, s)) = hint.checked_sub(1).and_then(|i| self.sections.get(i)) {
            if n == name {
                return s;
            }
        }
        match self.by_name.get(name) {
            Some(&i) => {
                slot.store(i + 1, Ordering::Relaxed);
                &self.sections[i].1
            }
            None => &self.empty,
        }
    }

    pub fn has(&self, section: &str, word: &str) -> bool {
        self.section(section).contains(word)
    }

    /// The tag of a single word in a section (`None` when absent or untagged).
    pub fn tag_in(&self, section: &str, word: &str) -> Option<Tag> {
        self.section(section).tag_of(word).flatten()
    }

    /// The id of a class name, if any phrase carries it.
    pub fn tag(&self, name: &str) -> Option<Tag> {
        self.tag_ids.get(name).copied()
    }

    pub fn tag_name(&self, tag: Tag) -> &str {
        self.tags
            .get(tag as usize)
            .map(|s| s.as_str())
            .unwrap_or("")
    }

    /// A tag that names a relation ("sued", "leads").
    pub fn relation(&self, tag: Tag) -> Option<RelationKind> {
        self.tag_name(tag).parse().ok()
    }
}

/// Splits a phrase the way the tokenizer splits text: elisions ("l'", "d'") end a word.
fn split_phrase(item: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in item.split_whitespace() {
        // The tokenizer keeps these whole.
        if matches!(w.to_lowercase().as_str(), "quelqu'un" | "quelqu'une") {
            out.push(w.to_string());
            continue;
        }
        // English contractions are tokens of their own: "'ve", "'ll", "n't".
        if w.starts_with('\'') || w.eq_ignore_ascii_case("n't") {
            out.push(w.to_string());
            continue;
        }
        let mut rest = w;
        while let Some(p) = rest.find('\'') {
            let (head, tail) = rest.split_at(p + 1);
            if tail.is_empty() || head.len() > 8 {
                break;
            }
            out.push(head.to_string());
            rest = tail;
        }
        if !rest.is_empty() {
            out.push(rest.to_string());
        }
    }
    out
}

pub fn french() -> &'static Lexicon {
    static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(|| Lexicon::parse(include_str!("lexicon/fr.lex")))
}

pub fn english() -> &'static Lexicon {
    static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(|| Lexicon::parse(include_str!("lexicon/en.lex")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_parse_with_tags_and_prefixes() {
        let lex = Lexicon::parse("[verbs]\nsue = porté plainte, assign*\n[neg]\nne, n'\n");
        let verbs = lex.section("verbs");
        let words = ["porté", "plainte", "contre"].map(fold);
        let (tag, n) = verbs
            .match_at(|i| words.get(i).map(|s| s.as_str()))
            .unwrap();
        assert_eq!((lex.tag_name(tag.unwrap()), n), ("sue", 2));
        assert_eq!(
            lex.tag_in("verbs", "assigne").map(|t| lex.tag_name(t)),
            Some("sue")
        );
        assert!(lex.has("neg", "n'"));
        assert!(!lex.has("neg", "pas"));
    }

    #[test]
    fn both_languages_load_their_classes() {
        for lex in [french(), english()] {
            for class in ["sue", "role_lead", "against", "say"] {
                assert!(lex.tag(class).is_some(), "class {class} missing");
            }
        }
    }
}
