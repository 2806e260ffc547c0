//! Per-language trigger lexicons, parsed from the data files beside this module.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::text::fold;
use crate::model::RelationKind;

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

/// A lexicon section: phrases, optionally tagged with the relation they signal, indexed by
/// their first word so that a lookup costs a hash probe, not a scan.
#[derive(Debug, Clone, Default)]
pub struct Section {
    pub phrases: Vec<(Option<RelationKind>, Phrase)>,
    /// Single-word exact entries, for O(1) membership tests.
    words: HashSet<String>,
    /// Single-word prefix entries (`word*`).
    prefixes: Vec<String>,
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
        for (i, (_, p)) in self.phrases.iter().enumerate() {
            match &p[0] {
                Pat::Exact(w) => self.by_first.entry(w.clone()).or_default().push(i),
                Pat::Prefix(w) => {
                    self.open_first.push(i);
                    if p.len() == 1 {
                        self.prefixes.push(w.clone());
                    }
                }
                Pat::Any => self.open_first.push(i),
            }
        }
    }

    /// The longest phrase starting at `words(0)`: (relation, length).
    pub fn match_at<'a>(
        &self,
        words: impl Fn(usize) -> Option<&'a str>,
    ) -> Option<(Option<RelationKind>, usize)> {
        let first = words(0)?;
        let exact = self
            .by_first
            .get(first)
            .map(|v| v.as_slice())
            .unwrap_or(&[]);
        let mut best: Option<(Option<RelationKind>, usize)> = None;
        for &i in exact.iter().chain(self.open_first.iter()) {
            let (rel, phrase) = &self.phrases[i];
            if best.is_some_and(|(_, n)| n >= phrase.len()) {
                continue;
            }
            if phrase
                .iter()
                .enumerate()
                .all(|(k, p)| words(k).is_some_and(|w| p.matches(w)))
            {
                best = Some((*rel, phrase.len()));
            }
        }
        best
    }

    /// Every phrase starting at `words(0)`: (relation, length), longest first.
    pub fn all_matches_at<'a>(
        &self,
        words: impl Fn(usize) -> Option<&'a str>,
    ) -> Vec<(Option<RelationKind>, usize)> {
        let Some(first) = words(0) else {
            return Vec::new();
        };
        let exact = self
            .by_first
            .get(first)
            .map(|v| v.as_slice())
            .unwrap_or(&[]);
        let mut found: Vec<(Option<RelationKind>, usize)> = exact
            .iter()
            .chain(self.open_first.iter())
            .map(|&i| &self.phrases[i])
            .filter(|(_, p)| {
                p.iter()
                    .enumerate()
                    .all(|(k, pat)| words(k).is_some_and(|w| pat.matches(w)))
            })
            .map(|(r, p)| (*r, p.len()))
            .collect();
        found.sort_by_key(|m| std::cmp::Reverse(m.1));
        found
    }

    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word) || self.prefixes.iter().any(|p| word.starts_with(p.as_str()))
    }
}

/// Everything one language contributes to extraction.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    sections: HashMap<String, Section>,
    empty: Section,
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
                lex.sections.entry(current.clone()).or_default();
                continue;
            }
            let (rel, list) = match line.split_once(" = ") {
                Some((r, l)) => (r.trim().parse::<RelationKind>().ok(), l),
                None => (None, line),
            };
            let section = lex.sections.entry(current.clone()).or_default();
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
                    section.words.insert(w.clone());
                }
                section.phrases.push((rel, phrase));
            }
        }
        for s in lex.sections.values_mut() {
            s.index();
        }
        lex
    }

    pub fn section(&self, name: &str) -> &Section {
        self.sections.get(name).unwrap_or(&self.empty)
    }

    pub fn has(&self, section: &str, word: &str) -> bool {
        self.section(section).contains(word)
    }
}

/// Splits a phrase the way the tokenizer splits text: elisions ("l'", "d'") end a word.
fn split_phrase(item: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in item.split_whitespace() {
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
    fn phrases_parse_with_relations_and_prefixes() {
        let lex = french();
        let verbs = lex.section("verbs");
        let words = ["a", "porté", "plainte", "contre"].map(fold);
        assert_eq!(
            verbs.match_at(|i| words.get(i + 1).map(|s| s.as_str())),
            Some((Some(RelationKind::Sued), 3))
        );
        assert!(lex.has("negation", "n'"));
        assert!(english().has("verbs", "sued"));
        assert!(lex
            .section("verbs")
            .phrases
            .iter()
            .all(|(r, _)| r.is_some()));
    }
}
