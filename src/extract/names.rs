//! Stage 2: proper names. Runs of capitalized words (with name particles) become names;
//! titles and roles are cut off them ("Attorney General Merrick Garland" is Merrick
//! Garland, "Moderna Chief Legal Officer Shannon Thyme Klinger" is two names around a role);
//! bylines, credits and datelines are recognized as such; each name gets a kind from its
//! own words, the name data (given names, places) and the words around it; names of one
//! entity (a surname, an acronym, a short company name) are grouped into one cluster.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::known;
use super::lexicon::Lexicon;
use super::text::{fold, Sentence, Sentences, Token};
use crate::model::EntityKind;

/// A name in a sentence: tokens `start..end`, one entity of the document.
#[derive(Debug, Clone, Copy)]
pub struct Name {
    pub start: usize,
    pub end: usize,
    pub cluster: usize,
}

/// One entity of the document, as its names tell it.
#[derive(Debug, Clone)]
pub struct Cluster {
    pub name: String,
    pub kind: EntityKind,
    /// The kind came from a cue (a suffix, a title, a given name, a descriptor), not a guess.
    pub kind_sure: bool,
    /// Proper-name surface forms.
    pub forms: Vec<String>,
    /// Descriptors resolved to it by the reference stage ("le milliardaire").
    pub descriptors: Vec<String>,
    /// Names, descriptors and pronouns that refer to it.
    pub mentions: usize,
    /// Byte offset of the first mention.
    pub first_offset: usize,
    /// Named only in bylines and credits: an author or an agency, not a news actor.
    pub credit_only: bool,
    /// An unnamed group the text acts with ("environmental groups", "15 states"), named by
    /// its words; an entity only when an edge needs it.
    pub unnamed: bool,
}

/// What a line of the article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Text,
    Heading,
    /// "By Stephen Nellis and Jane Lanhee Lee", "by AFP Staff Writers".
    Byline,
    /// "© Martin BUREAU / AFP", "REUTERS/Brendan McDermid/File Photo".
    Credit,
}

#[derive(Debug, Default)]
pub struct Names {
    pub clusters: Vec<Cluster>,
    /// The names of every sentence, one after the other (`of` gives a sentence's).
    names: Vec<PackedName>,
    /// Where each sentence's names start in `names`.
    names_from: Vec<u32>,
    pub lines: Vec<LineKind>,
    /// Tokens of a dateline opening the sentence ("SAN FRANCISCO (Reuters) -"): running
    /// text starts after them.
    pub text_start: Vec<u16>,
}

/// A [`Name`] as the document holds it: token indexes of a sentence are below
/// MAX_SENTENCE_TOKENS.
#[derive(Debug, Clone, Copy)]
struct PackedName {
    start: u16,
    end: u16,
    cluster: u32,
}

const _: () = assert!(super::text::MAX_SENTENCE_TOKENS < u16::MAX as usize);

impl Names {
    /// The names of sentence `si`, into `out`.
    pub fn of(&self, si: usize, out: &mut Vec<Name>) {
        let from = self.names_from[si] as usize;
        let to = self
            .names_from
            .get(si + 1)
            .map_or(self.names.len(), |&x| x as usize);
        out.clear();
        out.extend(self.names[from..to].iter().map(|n| Name {
            start: n.start as usize,
            end: n.end as usize,
            cluster: n.cluster as usize,
        }));
    }
}

/// A name span of a sentence with what the clusters need of its tokens, read while the
/// sentence's tokens are at hand.
#[derive(Debug, Clone, Copy)]
struct Span {
    /// Tokens `a..b` of the sentence.
    a: u16,
    b: u16,
    /// Byte span of its surface form.
    start: u32,
    end: u32,
    kind: EntityKind,
    sure: bool,
    /// The token after it is "(", or ")".
    open_after: bool,
    close_after: bool,
    /// A company's own body ("Conseil d'administration"), named alone.
    organ: bool,
}

/// Words that join capitalized words into one name ("Banque de France", "Ursula von der
/// Leyen", "Procter & Gamble").
const PARTICLES: &[&str] = &[
    "de", "du", "des", "d'", "van", "von", "der", "den", "da", "di", "del", "della", "le", "la",
    "al", "bin", "ben", "&", "of", "and", "y", "el", "e",
];

/// Title words that only modify a title after them ("Senior", "Federal", "Interim"): they
/// never make a name into a title on their own.
const TITLE_MODIFIERS: &[&str] = &[
    "senior",
    "independent",
    "federal",
    "district",
    "deputy",
    "interim",
    "acting",
    "former",
    "executive",
    "vice",
    "chief",
    "managing",
    "legal",
    "us",
    "u.s",
    "u.s.",
    "state",
    "home",
    "foreign",
    "business",
    "general",
    "non-executive",
    "assistant",
    "associate",
    // French modifiers after the head ("Directeur Financier Adjoint", "Directeur Général
    // Délégué"), accents folded.
    "adjoint",
    "adjointe",
    "delegue",
    "deleguee",
    "generale",
    "financier",
    "financiere",
    "executif",
];

struct Ctx<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    /// Words seen in lowercase somewhere in the document.
    common: HashSet<&'a str>,
    /// Words seen capitalized inside running text (not first in a sentence, not in a
    /// heading): a title-case headline trusts only these.
    body_caps: HashSet<&'a str>,
    /// Of those, the words written with only their first capital ("Oil", not "OIL").
    body_titled: HashSet<&'a str>,
    /// Headline words seen opening a name inside a sentence ("... sued Credit Suisse").
    name_openers: HashSet<&'a str>,
    lowercase_count: HashMap<&'a str, usize>,
    body_caps_count: HashMap<&'a str, usize>,
    /// Words that are a whole name on their own somewhere in the document ("Textor").
    alone: HashSet<String>,
}

fn raw<'a>(text: &'a str, t: &Token) -> &'a str {
    &text[t.start..t.end]
}

fn is_all_caps(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| c.is_uppercase())
}

impl Ctx<'_> {
    /// Seen in lowercase at least as often as capitalized inside sentences.
    fn common_majority(&self, low: &str) -> bool {
        self.lowercase_count.get(low).copied().unwrap_or(0)
            >= self.body_caps_count.get(low).copied().unwrap_or(0)
    }

    fn stop(&self, low: &str) -> bool {
        self.lex.has("stop", low)
    }

    /// A word ("oil", "guaranteed", "beautiful") that no name of the document spells with
    /// only its first capital, nor any table as a place. The frequency lists count acronyms
    /// too ("afp", "edf"): a short one counts only when the document writes it in lowercase.
    fn shouted_word(&self, low: &str) -> bool {
        let word = self.common.contains(low)
            || known::is_common_word(low) && low.chars().count() >= 6
            || known::given_name(low).is_some_and(|g| g.also_word && !g.is_common());
        word && !self.body_titled.contains(low) && known::place(low).is_none()
    }

    /// A title or role word ("President", "Chief Legal Officer"): the longest match at `i`.
    fn title_at(&self, toks: &[Token], i: usize) -> Option<usize> {
        let words = |k: usize| toks.get(i + k).map(|t| t.low.as_str());
        let t = self.lex.section("titles").match_at(words).map(|m| m.1);
        let r = self
            .lex
            .section("nouns")
            .match_at(words)
            .and_then(|(tag, n)| {
                let tag = tag.map(|t| self.lex.tag_name(t))?;
                tag.starts_with("role_").then_some(n)
            });
        t.max(r)
    }

    /// A block of title words holds a real title: several words ("Chief Executive"), or one
    /// that is more than a modifier ("President", not "Senior").
    fn core_title(&self, toks: &[Token], i: usize, n: usize) -> bool {
        n >= 2
            || toks[i..i + n]
                .iter()
                .any(|t| !TITLE_MODIFIERS.contains(&t.low.as_str()))
    }

    /// Can token `i` be part of a proper name?
    fn name_word(&self, toks: &[Token], i: usize, title_case_line: bool) -> bool {
        let t = &toks[i];
        let r = raw(self.text, t);
        // "xAI", "eBay", "iPhone": lowercase, then capitals.
        let camel = !t.cap
            && r.chars().next().is_some_and(|c| c.is_lowercase())
            && r.chars().skip(1).any(|c| c.is_uppercase());
        // "Jan Koum", "Will Smith": a stop word that is a given name before a name.
        let function_word = || is_function_word(self.lex, &t.low);
        let given_before_name = t.cap
            && t.low.len() >= 3
            && !function_word()
            && known::is_given_name(&t.low)
            && toks
                .get(i + 1)
                .is_some_and(|n| n.cap && n.is_word && !self.stop(&n.low));
        // "US Justice Department": an acronym before a name is no pronoun.
        let caps_before_name = is_all_caps(r)
            && r.chars().count() >= 2
            && toks
                .get(i + 1)
                .is_some_and(|n| n.cap && n.is_word && !self.stop(&n.low));
        // "New York", "New Jersey": a stop word opening a place name.
        let place_start = t.cap
            && toks.get(i + 1).is_some_and(|n| n.cap)
            && known::longest_place(&[r, raw(self.text, &toks[i + 1])])
                .is_some_and(|(n, _)| n == 2);
        // "Credit Suisse", "Check Point", "Live Nation": a headline or credit word that opens a
        // name inside a sentence (or one the document capitalizes inside sentences).
        let stop_word_opening_name = t.cap
            && !function_word()
            && (inside_sentence(self.text, toks, i) || self.name_openers.contains(t.low.as_str()))
            && self.title_at(toks, i).is_none()
            && {
                let name_at = |k: usize| {
                    toks.get(k).is_some_and(|n| {
                        n.cap && n.is_word && !self.stop(&n.low) && self.title_at(toks, k).is_none()
                    })
                };
                // "avec Crédit du Nord": a particle between the two.
                name_at(i + 1)
                    || toks
                        .get(i + 1)
                        .is_some_and(|n| matches!(n.low.as_str(), "de" | "du" | "des" | "d'"))
                        && name_at(i + 2)
            };
        if !t.is_word
            || !(t.cap || camel)
            || self.stop(&t.low)
                && !given_before_name
                && !caps_before_name
                && !place_start
                && !stop_word_opening_name
        {
            return false;
        }
        if t.low
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            return false;
        }
        // "Via un message", "Via the Associated Press": a preposition or another function
        // word opening the sentence, before no name.
        if !given_before_name
            && !caps_before_name
            && !place_start
            && !stop_word_opening_name
            && !inside_sentence(self.text, toks, i)
            && function_word()
        {
            return false;
        }
        // "flat-panel TVs", "Most VCs", "interim co-CEOs": the plural of an acronym is a
        // common noun.
        let stem = r.rsplit('-').next().unwrap_or(r);
        if stem.len() >= 3
            && stem.ends_with('s')
            && is_all_caps(&stem[..stem.len() - 1])
            && stem[..stem.len() - 1].chars().count() >= 2
        {
            return false;
        }
        // "OIL AND GAS", "WOW:", "/ SOURCE": a common word in capitals is shouted, not an
        // acronym, unless the document also capitalizes it inside a sentence.
        if is_all_caps(r)
            && r.chars().count() >= 3
            && self.shouted_word(&t.low)
            && !toks
                .get(i + 1)
                .is_some_and(|n| n.cap && n.is_word && !is_all_caps(raw(self.text, n)))
        {
            return false;
        }
        if is_place_modifier(&t.low) {
            return false;
        }
        // "Akio Toyoda (L) and Kazuhiro Tsuga (R)": a photo caption's position marker.
        let bracketed =
            |k: usize, mark: &str| toks.get(k).is_some_and(|n| raw(self.text, n) == mark);
        if r.chars().count() == 1 && i > 0 && bracketed(i - 1, "(") && bracketed(i + 1, ")") {
            return false;
        }
        // "OpenAI", "McDonald": a capital inside a word ("Co-Founder" has none).
        let inner_cap = r
            .split('-')
            .any(|part| part.chars().skip(1).any(|c| c.is_uppercase()));
        // "l'ONG", "the NGO", "le PDG": an acronym that is a common noun.
        if is_all_caps(r)
            && self
                .lex
                .section("nouns")
                .match_at(|k| toks.get(i + k).map(|t| t.low.as_str()))
                .is_some_and(|(_, n)| n == 1)
        {
            return false;
        }
        let first = i == 0
            || (i == 1 && toks[0].is_word && toks[0].low.ends_with('\''))
            || matches!(
                raw(self.text, &toks[i - 1]),
                "«" | "\"" | "“" | ":" | "(" | "-" | "–" | "—" | "•" | "|" | "‘" | "'"
            );
        // A word that also appears in lowercase, capitalized only because it opens the
        // sentence or the headline, is a common word.
        let named_elsewhere = self.body_caps.contains(t.low.as_str());
        if (first || title_case_line)
            && !inner_cap
            && self.common.contains(t.low.as_str())
            && !known::is_given_name(&t.low)
            && (!named_elsewhere || self.common_majority(&t.low))
        {
            return false;
        }
        // "Pressure on the company...", "Changement de tête": a frequent word alone at the
        // start, never capitalized inside a sentence of the document.
        // After a colon too ("Orange : Réaction sanguine"), and after an opening quote when
        // a sentence follows («Parler d'innovation», "“Overall, ..."), not a title ("“Panorama”").
        let quoted_sentence = i > 0
            && matches!(raw(self.text, &toks[i - 1]), "«" | "“" | "\"")
            && toks
                .get(i + 1)
                .is_some_and(|n| n.is_word && !n.cap || matches!(raw(self.text, n), "," | ";"));
        let opens = quoted_sentence
            || i == 0
            || matches!(raw(self.text, &toks[i - 1]), "-" | "–" | "—" | "•" | ":");
        if (opens || title_case_line)
            && !inner_cap
            && !is_all_caps(r)
            && !named_elsewhere
            && !toks.get(i + 1).is_some_and(|n| n.cap && n.is_word)
            && known::is_common_word(&t.low)
            && !known::is_given_name(&t.low)
        {
            return false;
        }
        if title_case_line
            && !inner_cap
            && !is_all_caps(r)
            && !self.body_caps.contains(t.low.as_str())
            && !known::is_given_name(&t.low)
        {
            return false;
        }
        // A common noun of the lexicon opening the sentence ("Investors backed...").
        if first
            && !inner_cap
            && !named_elsewhere
            && self
                .lex
                .section("nouns")
                .match_at(|k| toks.get(i + k).map(|t| t.low.as_str()))
                .is_some()
            && self.title_at(toks, i).is_none()
        {
            return false;
        }
        // "le ministre de l'Industrie": a ministry's portfolio is no entity of its own; in
        // "the Department of Justice", "Ministère de l'Économie" it ends the ministry's name.
        let institution_before = || {
            let mut k = i - 1;
            if matches!(toks[k].low.as_str(), "l'" | "la") && k > 0 && toks[k - 1].low == "de" {
                k -= 1;
            }
            k > 0 && toks[k - 1].cap && {
                let head = toks[k - 1].low.as_str();
                self.lex.has("org_suffixes", head) || self.lex.has("institution_heads", head)
            }
        };
        if self.lex.has("portfolios", &t.low)
            && i > 0
            && matches!(
                toks[i - 1].low.as_str(),
                "l'" | "du" | "de" | "des" | "of" | "la"
            )
            && !institution_before()
        {
            return false;
        }
        // "Fondée en 2011 par", "Backed by": a verb of the lexicon opening the sentence.
        if first
            && !inner_cap
            && !named_elsewhere
            && self
                .lex
                .section("verbs")
                .match_at(|k| toks.get(i + k).map(|t| t.low.as_str()))
                .is_some()
            && !known::is_given_name(&t.low)
        {
            return false;
        }
        // "Presiding over the hearing is ...": a gerund opening the sentence, when its stem is
        // a word ("Boeing", "Beijing" and "Reading" the town are names).
        if first
            && !inner_cap
            && !named_elsewhere
            && t.low.len() > 5
            && t.low.ends_with("ing")
            && is_gerund(&t.low)
            && known::place(r).is_none()
        {
            return false;
        }
        // "Separately, ...": a sentence adverb before a comma.
        if i == 0
            && r.len() > 5
            && (t.low.ends_with("ly") || t.low.ends_with("ment"))
            && toks.get(1).is_some_and(|n| raw(self.text, n) == ",")
        {
            return false;
        }
        // Demonyms and nationalities are adjectives here ("British court", "les Américains").
        if is_demonym(&t.low) && !is_all_caps(r) {
            let next_cap = toks.get(i + 1).is_some_and(|n| n.cap && n.is_word);
            // "Credit Suisse", "Banca Italiana": a demonym closing a name.
            let closes_name = i > 0
                && toks[i - 1].cap
                && toks[i - 1].is_word
                && !self.lex.has("determiners", &toks[i - 1].low)
                && known::demonym(&toks[i - 1].low).is_none()
                && self.title_at(toks, i - 1).is_none()
                && t.cap;
            if !next_cap && !closes_name {
                return false;
            }
            // "le Tchèque Daniel Kretinsky": a nationality before a person's name describes him.
            let after_determiner = i > 0 && self.lex.has("determiners", &toks[i - 1].low);
            if after_determiner
                && toks
                    .get(i + 1)
                    .is_some_and(|n| known::is_given_name(&n.low))
            {
                return false;
            }
        }
        true
    }

    /// Runs of name words joined by particles, then cut around titles and roles.
    fn spans(&self, s: &Sentence, from: usize, title_case_line: bool) -> Vec<(usize, usize)> {
        let toks = &s.tokens;
        let mut out = Vec::new();
        let mut i = from;
        while i < toks.len() {
            // A capitalized article in mid-sentence opens a title: "le quotidien Le Monde".
            let title_article = i > 0
                && toks[i].cap
                && matches!(toks[i].low.as_str(), "le" | "la" | "les" | "l'" | "the")
                && toks[i - 1].is_word
                && !toks[i - 1].cap
                && i + 1 < toks.len()
                && self.name_word(toks, i + 1, false)
                // "Les Echos", "Le Parisien" anywhere: a French article before a
                // newspaper's word is its title's first word.
                || toks[i].cap
                    && matches!(toks[i].low.as_str(), "le" | "la" | "les" | "l'")
                    && toks.get(i + 1).is_some_and(|n| {
                        n.cap && n.is_word && self.lex.has("media_words", &n.low)
                    })
                    && self.name_word(toks, i + 1, title_case_line);
            if !title_article && !self.name_word(toks, i, title_case_line) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            loop {
                if end < toks.len()
                    && (self.name_word(toks, end, title_case_line)
                        || self.continues_name(toks, end))
                {
                    end += 1;
                } else if end < toks.len()
                    && raw(self.text, &toks[end]) == "+"
                    && toks[end - 1].end == toks[end].start
                    || end < toks.len()
                        && raw(self.text, &toks[end]) == "+"
                        && (end + 1 == toks.len() || !toks[end + 1].is_word || !toks[end + 1].cap)
                {
                    // "Canal+", "Disney+".
                    end += 1;
                    break;
                } else if let Some(n) = self.for_complement(toks, end, title_case_line) {
                    // "Office for National Statistics", "Court for the District of X".
                    end += n;
                } else if end + 1 < toks.len()
                    && PARTICLES.contains(&toks[end].low.as_str())
                    // "Bruno Le Maire", "Marine Le Pen": a capitalized particle after a first name.
                    && (!toks[end].cap || matches!(toks[end].low.as_str(), "le" | "la" | "de" | "van" | "von" | "del" | "da" | "di" | "du") && known::is_given_name(&toks[end - 1].low))
                    && self.name_word(toks, end + 1, title_case_line)
                    && !self.common.contains(toks[end + 1].low.as_str())
                {
                    // "and", "&", "of", "y" join only company names ("Procter & Gamble",
                    // "Bank of America"), not "Musk and Altman".
                    if matches!(toks[end].low.as_str(), "and" | "of" | "y" | "e" | "&") {
                        // "Reuters and Bloomberg" are two names; "Smith and Partners" one.
                        let tail = self.lex.has("org_suffixes", &toks[end + 1].low)
                            && !self.lex.has("media_words", &toks[end + 1].low)
                            && !self.lex.has("media_words", &toks[end - 1].low);
                        let ampersand = toks[end].low == "&";
                        // "Call of Duty", "Bank of America", "District of Columbia"; not after a
                        // title ("the President of France" is a title and a place).
                        // A first name after "of" starts a person's name, except after an
                        // institution's head ("Department of Justice").
                        let of_name = toks[end].low == "of"
                            && self.title_at(toks, end - 1).is_none()
                            && (!known::is_given_name(&toks[end + 1].low)
                                || self.lex.has("org_suffixes", &toks[end - 1].low));
                        let of_place = of_name
                            || toks[end].low == "of"
                                && known::longest_place(
                                    &toks[end + 1..]
                                        .iter()
                                        .take(4)
                                        .map(|t| raw(self.text, t))
                                        .collect::<Vec<_>>(),
                                )
                                .is_some();
                        if !tail && !ampersand && !of_place {
                            break;
                        }
                    }
                    end += 2;
                } else {
                    break;
                }
            }
            if end == start + 1 && self.lex.has("institution_heads", &toks[start].low) {
                end = self.institution_tail(toks, end);
            }
            // "the Biden administration", "the Trump campaign": a noun that makes the name an
            // organization's.
            if toks
                .get(end)
                .is_some_and(|t| t.is_word && !t.cap && self.lex.has("name_heads", &t.low))
                && end > start
            {
                end += 1;
            }
            // "San Francisco-based": the words before the modifier name a place.
            if toks
                .get(end)
                .is_some_and(|t| t.cap && is_place_modifier(&t.low))
            {
                i = end + 1;
                continue;
            }
            // "Directeur Financier du Groupe": modifiers right after a title (here a stop
            // word, so outside the run) are the title's.
            let mut start = start;
            let after_title = |k: usize| {
                (k.saturating_sub(3)..k).any(|j| self.title_at(toks, j).is_some_and(|n| j + n >= k))
            };
            while start < end
                && TITLE_MODIFIERS.contains(&toks[start].low.as_str())
                && after_title(start)
            {
                start += 1;
            }
            if start == end {
                i = end;
                continue;
            }
            // "«I want to break Free»" in a French text: the English pronoun is no name.
            if end == start + 1
                && raw(self.text, &toks[start]) == "I"
                && toks.get(end).is_some_and(|t| t.is_word && !t.cap)
            {
                i = end;
                continue;
            }
            // "l'AG", "© LTD": a legal form in capitals names no company on its own.
            if end == start + 1
                && is_all_caps(raw(self.text, &toks[start]))
                && self.lex.has("org_suffixes", &toks[start].low)
                && !self.lex.has("media_words", &toks[start].low)
            {
                i = end;
                continue;
            }
            if let Some(from) = self.organ(toks, start, end) {
                if from < end {
                    self.split_titles(toks, from, end, &mut out);
                    i = end;
                    continue;
                }
                // The body stands for the company: `cluster` gives it to the main one, unless
                // another company follows ("Comité exécutif du Groupe Orange").
                let of_other = toks
                    .get(end)
                    .is_some_and(|t| matches!(t.low.as_str(), "du" | "de" | "d'" | "of"))
                    && toks.get(end + 1).is_some_and(|t| t.cap && t.is_word);
                if !of_other {
                    out.push((start, end));
                }
                i = end;
                continue;
            }
            // "SEATTLE Starbucks Corp. said": a dateline's city in capitals, no dash after it.
            let caps = (start..end)
                .take_while(|&k| is_all_caps(raw(self.text, &toks[k])))
                .count();
            if start == 0 && caps >= 1 && caps < end - start {
                let words: Vec<&str> = (0..caps).map(|k| raw(self.text, &toks[k])).collect();
                let letters: usize = words.iter().map(|w| w.chars().count()).sum();
                if letters >= 4 && known::longest_place(&words).is_some_and(|(n, _)| n == caps) {
                    out.push((0, caps));
                    self.split_titles(toks, caps, end, &mut out);
                    i = end;
                    continue;
                }
            }
            let before = out.len();
            self.split_titles(toks, start, end, &mut out);
            // "Toyota Motor Akio Toyoda (L)": before a caption's position marker, the last
            // two words are the person, the words before them another name.
            if out.len() == before + 1 && position_marker(self.text, toks, end) {
                let (a, b) = out[before];
                if b - a >= 3 && b == end && !PARTICLES.contains(&toks[b - 2].low.as_str()) {
                    out[before] = (a, b - 2);
                    out.push((b - 2, b));
                }
            }
            i = end;
        }
        out
    }

    /// "Autorité de la concurrence", "Assemblée nationale", "Fédération nationale de la presse
    /// spécialisée", "Cour d'appel de Paris": a French institution capitalizes only its first
    /// word; its adjectives and "de" complements follow in lowercase. Returns the name's end.
    fn institution_tail(&self, toks: &[Token], mut end: usize) -> usize {
        let lex = self.lex;
        let function = |w: &str| is_function_word(lex, w) || lex.has("subordinators", w);
        let plain = |i: usize| {
            toks.get(i).is_some_and(|t| {
                t.is_word && !t.cap && t.low.chars().count() >= 3 && !function(&t.low)
            })
        };
        // A participle is an adjective here ("presse spécialisée").
        let participle = |w: &str| ["é", "ée", "és", "ées"].iter().any(|e| w.ends_with(e));
        let adjective = |i: usize| {
            let surface = || raw(self.text, &toks[i]).to_lowercase();
            plain(i)
                && (participle(&surface()) || !lex.has("verbs", &toks[i].low))
                && [
                    "al", "ale", "aux", "ales", "el", "elle", "ien", "ienne", "aire", "ique", "if",
                    "ive", "é", "ée", "ais", "aise", "ain", "aine", "éen", "éenne", "ier", "ière",
                    "ial", "iale", "ant", "ante", "ent", "ente",
                ]
                .iter()
                .any(|e| surface().ends_with(e))
        };
        let mut steps = 0;
        while steps < 4 {
            steps += 1;
            if adjective(end) {
                end += 1;
                continue;
            }
            let article = matches!(toks.get(end + 1).map(|t| t.low.as_str()), Some("la" | "l'"));
            let after_de = match toks.get(end).map(|t| t.low.as_str()) {
                Some("de") if article => end + 2,
                Some("de" | "du" | "des" | "d'") => end + 1,
                _ => break,
            };
            // After an article only a noun comes ("de la concurrence").
            let noun = article && toks[end].low == "de" || !lex.has("verbs", &toks[after_de].low);
            if plain(after_de) && noun {
                end = after_de + 1;
            } else if toks.get(after_de).is_some_and(|t| t.cap && t.is_word)
                && known::longest_place(&[raw(self.text, &toks[after_de])]).is_some()
            {
                // "Tribunal de commerce de Lyon": the seat closes the name.
                return after_de + 1;
            } else {
                break;
            }
        }
        end
    }

    /// After an institution's head word ("Office", "Court", "Commission"), "for" and a
    /// capitalized word continue the name: the number of tokens it adds.
    fn for_complement(&self, toks: &[Token], end: usize, title_case_line: bool) -> Option<usize> {
        let prev = toks.get(end.checked_sub(1)?)?;
        if toks.get(end)?.low != "for" || !prev.cap || !self.lex.has("org_suffixes", &prev.low) {
            return None;
        }
        let article = toks.get(end + 1).is_some_and(|t| t.low == "the");
        let word = end + 1 + usize::from(article);
        (word < toks.len() && self.name_word(toks, word, title_case_line)).then_some(word + 1 - end)
    }

    /// "Conseil d'administration (du groupe)", "Assemblée générale": a company's own body,
    /// which the text names as a common noun even with a capital.
    /// Returns where the name after it starts ("Conseil d'administration d'Orange" names
    /// Orange), `b` when none does.
    fn organ(&self, toks: &[Token], a: usize, b: usize) -> Option<usize> {
        let (_, n) = self.lex.section("organs").match_at(|k| {
            toks.get(a + k)
                .filter(|_| a + k < b)
                .map(|t| t.low.as_str())
        })?;
        let rest = &toks[a + n..b];
        let of = |t: &Token| matches!(t.low.as_str(), "du" | "de" | "d'" | "of");
        if rest.is_empty()
            || rest.len() == 2
                && of(&rest[0])
                && matches!(
                    rest[1].low.as_str(),
                    "groupe" | "societe" | "company" | "group"
                )
        {
            return Some(b);
        }
        (of(&rest[0]) && rest.len() >= 2 && rest[1].cap).then_some(a + n + 1)
    }

    /// A place by its shape, before company words can claim it: a country whose name holds
    /// one ("United States"), a geographic head ("Black Sea", "Gulf of Mexico", "Mer du
    /// Nord"), a direction before a known place ("Central Florida"). `Some(sure)`.
    fn geographic(&self, toks: &[Token], a: usize, b: usize, words: &[&str]) -> Option<bool> {
        let lex = self.lex;
        if b - a < 2 {
            return None;
        }
        if known::longest_place(words)
            .is_some_and(|(n, p)| n == words.len() && p.kind == known::PlaceKind::Country)
        {
            return Some(true);
        }
        let of = |t: &Token| matches!(t.low.as_str(), "of" | "de" | "du" | "des" | "d'");
        if lex.has("place_heads", &toks[b - 1].low) && toks[b - 1].cap
            || lex.has("place_heads", &toks[a].low) && of(&toks[a + 1])
        {
            return Some(true);
        }
        if lex.has("place_directions", &toks[a].low)
            && known::longest_place(&words[1..]).is_some_and(|(n, _)| n == words.len() - 1)
        {
            return Some(true);
        }
        None
    }

    /// A capitalized stop word inside a run continues it ("Apple Watch", "Fox News"), unless
    /// it is a function word.
    fn continues_name(&self, toks: &[Token], i: usize) -> bool {
        let t = &toks[i];
        let lex = self.lex;
        // "Mistral AI" but "Dravik AI chips": a company suffix before a noun qualifies it.
        if lex.has("org_suffixes", &t.low)
            && toks.get(i + 1).is_some_and(|n| {
                n.is_word
                    && !n.cap
                    && !lex.has("stop", &n.low)
                    && !lex.has("verbs", &n.low)
                    && !lex.has("aux", &n.low)
            })
        {
            return false;
        }
        // "Thomson Reuters Aug 31": a word before a number opens a date.
        let before_number = toks
            .get(i + 1)
            .is_some_and(|n| n.low.starts_with(|c: char| c.is_ascii_digit()));
        t.is_word
            && t.cap
            && self.stop(&t.low)
            && !before_number
            && !is_function_word(lex, &t.low)
            && !["subordinators", "time_words", "titles"]
                .iter()
                .any(|s| lex.has(s, &t.low))
            && !t.low.chars().all(|c| c.is_ascii_digit())
    }

    /// Cuts a run around its title words: "Attorney General Merrick Garland" keeps Merrick
    /// Garland; "Moderna Chief Legal Officer Shannon Thyme Klinger" gives Moderna and
    /// Shannon Thyme Klinger; a run that is only a title ("Senior Independent Director")
    /// is no name.
    fn split_titles(
        &self,
        toks: &[Token],
        start: usize,
        end: usize,
        out: &mut Vec<(usize, usize)>,
    ) {
        let mut k = start;
        let mut left_end = start;
        let mut block: Option<(usize, usize)> = None;
        while k < end {
            match self.title_at(toks, k) {
                Some(n) if k + n <= end => {
                    // Extend a block of consecutive titles.
                    match block {
                        Some((bs, be)) if be == k => block = Some((bs, k + n)),
                        _ => {
                            block = Some((k, k + n));
                            left_end = k;
                        }
                    }
                    k += n;
                }
                _ => {
                    if block.is_some_and(|(_, be)| be == k) {
                        break;
                    }
                    k += 1;
                }
            }
        }
        let Some((bs, be)) = block else {
            self.split_given_name(toks, start, end, out);
            return;
        };
        // Take the modifiers before the core title into the block ("Senior Independent").
        let (mut bs, mut be) = (bs, be);
        while bs > start && TITLE_MODIFIERS.contains(&toks[bs - 1].low.as_str()) {
            bs -= 1;
        }
        // "Directeur Financier Adjoint": modifiers after the head belong to the title.
        while be < end && TITLE_MODIFIERS.contains(&toks[be].low.as_str()) {
            be += 1;
        }
        let _ = left_end;
        if !self.core_title(toks, bs, be - bs) {
            self.split_given_name(toks, start, end, out);
            return;
        }
        let rest_is_name = be < end && {
            let rest = &toks[be..end];
            let org_tail = rest.iter().any(|t| {
                self.lex.has("org_suffixes", &t.low) || self.lex.has("media_words", &t.low)
            });
            !org_tail || known::is_given_name(&rest[0].low)
        };
        // A title word ending a run belongs to the name ("Bruno Le Maire").
        if be == end && bs > start {
            self.split_given_name(toks, start, end, out);
            return;
        }
        if be == end || rest_is_name {
            if bs > start {
                self.split_given_name(toks, start, bs, out);
            }
            if be < end {
                out.push((be, end));
            }
        } else {
            self.split_given_name(toks, start, end, out);
        }
    }

    /// "Économie Bruno Le Maire": a common given name after capitalized words that are no
    /// given names starts a new name.
    fn split_given_name(
        &self,
        toks: &[Token],
        start: usize,
        end: usize,
        out: &mut Vec<(usize, usize)>,
    ) {
        if end - start >= 3 {
            let given = |t: &Token| {
                known::given_name(&t.low).is_some_and(|g| g.is_common() && !g.also_word)
            };
            let org = toks[start..end].iter().any(|t| {
                self.lex.has("org_suffixes", &t.low) || self.lex.has("media_words", &t.low)
            });
            // "Paris Saint-Germain Nasser Al-Khelaïfi": a place opening it is no first name.
            if !org
                && (!given(&toks[start]) || known::place(raw(self.text, &toks[start])).is_some())
                && !matches!(
                    toks[start].low.as_str(),
                    "saint" | "sainte" | "san" | "santa" | "st" | "sao"
                )
            {
                if let Some(k) = (start + 1..end - 1).find(|&k| given(&toks[k]) && toks[k + 1].cap)
                {
                    out.push((start, trim_particles(toks, start, k)));
                    out.push((k, end));
                    return;
                }
            }
            // "le propriétaire de l'OM Frank McCourt", "le président du Paris Saint-Germain
            // Nasser Al-Khelaïfi": after a role's "of", an organization then its holder. The
            // holder is a first name and one or two more words closing the run.
            if self.after_role_of(toks, start) {
                let holder = (start + 1..end - 1).rev().find(|&k| {
                    end - k <= 3
                        && toks[k].cap
                        && !PARTICLES.contains(&toks[k].low.as_str())
                        && known::is_given_name(&toks[k].low)
                        && (given(&toks[k]) || known::is_surname(&toks[end - 1].low))
                        && toks[k + 1].cap
                        && !is_all_caps(raw(self.text, &toks[k]))
                });
                if let Some(k) = holder {
                    out.push((start, trim_particles(toks, start, k)));
                    out.push((k, end));
                    return;
                }
            }
        }
        out.push((start, end));
    }

    /// Whether the name at `start` follows a role and its "of": "le président du", "the
    /// owner of", "la directrice générale de l'".
    fn after_role_of(&self, toks: &[Token], start: usize) -> bool {
        let mut j = start;
        if j > 0 && matches!(toks[j - 1].low.as_str(), "l'" | "la" | "le" | "the") {
            j -= 1;
        }
        if j == 0 || !matches!(toks[j - 1].low.as_str(), "de" | "du" | "d'" | "of" | "des") {
            return false;
        }
        let of = j - 1;
        (of.saturating_sub(3)..of).any(|p| {
            self.lex
                .section("nouns")
                .match_at(|k| {
                    toks.get(p + k)
                        .filter(|_| p + k < of)
                        .map(|t| t.low.as_str())
                })
                .is_some_and(|(tag, n)| {
                    p + n == of && tag.is_some_and(|t| self.lex.tag_name(t).starts_with("role_"))
                })
        })
    }

    /// The kind of a name from its words and the words before it; `true` when sure.
    fn kind(&self, s: &Sentence, a: usize, b: usize) -> (EntityKind, bool) {
        let toks = &s.tokens;
        let lex = self.lex;
        let words: Vec<&str> = toks[a..b].iter().map(|t| raw(self.text, t)).collect();
        let last = &toks[b - 1].low;
        // "Fédération nationale de la presse": an institution, whatever it deals with.
        if b - a >= 2 && lex.has("institution_heads", &toks[a].low) && !toks[a + 1].cap {
            return (EntityKind::Organization, true);
        }
        if b - a >= 2 && toks[a..b].iter().any(|t| lex.has("media_words", &t.low)) {
            return (EntityKind::Media, true);
        }
        if b - a == 1 && lex.has("media_words", last) && is_all_caps(words[0]) {
            return (EntityKind::Media, true);
        }
        if let Some(sure) = self.geographic(toks, a, b, &words) {
            return (EntityKind::Place, sure);
        }
        // "Barnes & Noble", "Procter & Gamble": names joined by an ampersand are a firm's.
        if b - a >= 3 && toks[a + 1..b - 1].iter().any(|t| t.low == "&") {
            return (EntityKind::Organization, true);
        }
        if b - a >= 2 && lex.has("name_heads", last) && !toks[b - 1].cap {
            return (EntityKind::Organization, true);
        }
        if b - a >= 2 && (lex.has("org_suffixes", last) || lex.has("org_suffixes", &toks[a].low)) {
            return (EntityKind::Organization, true);
        }
        // "l'italien Aruba", "le chinois Tencent": a lowercase nationality between a
        // determiner and the name stands for "the Italian company" (a person's nationality
        // is a capitalized noun in French: "l'Américain Elon Musk").
        if a >= 2
            && !toks[a - 1].cap
            && known::demonym(&toks[a - 1].low).is_some()
            && lex.has("determiners", &toks[a - 2].low)
        {
            return (EntityKind::Organization, true);
        }
        // "son moteur de recherche Safari", "the search engine X": a descriptor of several
        // words ending right before the name (the walk below stops at its "de").
        for k in 2..=4.min(a) {
            let Some((Some(tag), n)) = lex
                .section("nouns")
                .match_at(|m| toks.get(a - k + m).map(|t| t.low.as_str()))
            else {
                continue;
            };
            if n != k {
                continue;
            }
            match lex.tag_name(tag) {
                "media" => return (EntityKind::Media, true),
                "product" => return (EntityKind::Product, true),
                _ => {}
            }
        }
        // The words before: a title, a descriptor noun.
        let mut j = a;
        let mut seen = 0;
        while j > 0 && seen < 4 {
            j -= 1;
            seen += 1;
            let low = toks[j].low.as_str();
            if raw(self.text, &toks[j]) == "," || !toks[j].is_word {
                break;
            }
            if matches!(
                low,
                "de" | "d'" | "du" | "des" | "of" | "chez" | "at" | "for"
            ) {
                break;
            }
            // Only the noun group's own words cue: a verb, a preposition or a conjunction ends it.
            let function = [
                "verbs",
                "prepositions",
                "conjunctions",
                "aux",
                "relatives",
                "subordinators",
            ]
            .iter()
            .any(|sec| lex.has(sec, low));
            if function && !lex.has("determiners", low) {
                break;
            }
            if lex.has("titles", low) && !TITLE_MODIFIERS.contains(&low) {
                return (EntityKind::Person, true);
            }
            if let Some((Some(tag), _)) = lex
                .section("nouns")
                .match_at(|k| toks.get(j + k).map(|t| t.low.as_str()))
            {
                match lex.tag_name(tag) {
                    t if t.starts_with("role_") || t == "person" => {
                        return (EntityKind::Person, true)
                    }
                    "media" => return (EntityKind::Media, true),
                    "product" => return (EntityKind::Product, true),
                    "org" | "rival" | "partner" | "parent" | "subsidiary" => {
                        return (EntityKind::Organization, true)
                    }
                    "place" => return (EntityKind::Place, true),
                    _ => {}
                }
            }
            if toks[j].cap {
                break;
            }
        }
        // The name data ("U.S" is "US"), before the product cue: "Taiwan chip designer X".
        let undotted: Vec<String> = words.iter().map(|w| w.replace('.', "")).collect();
        if b - a == 1 && is_all_caps(words[0]) && known::place(&undotted[0]).is_some() {
            return (EntityKind::Place, true);
        }
        if let Some(p) = known::longest_place(&words)
            .filter(|(n, _)| *n == words.len())
            .map(|(_, p)| p)
        {
            let sure = !p.also_word
                && matches!(
                    p.kind,
                    known::PlaceKind::Country | known::PlaceKind::Area | known::PlaceKind::Region
                )
                || p.population > 1_000_000
                // "District of Columbia": a name of several words that is a place's whole name.
                || words.len() >= 2 && !p.also_word;
            return (EntityKind::Place, sure);
        }
        // A product noun right after: "the ChatGPT chatbot".
        if let Some((Some(tag), _)) = lex
            .section("nouns")
            .match_at(|k| toks.get(b + k).map(|t| t.low.as_str()))
        {
            if lex.tag_name(tag) == "product"
                && !matches!(
                    toks.get(b + 1).map(|t| t.low.as_str()),
                    Some("de" | "d'" | "of")
                )
            {
                return (EntityKind::Product, false);
            }
        }
        // "Barnes & Noble", "Johnson and Johnson": names joined inside one name are a firm's.
        if b - a >= 3
            && toks[a + 1..b - 1]
                .iter()
                .any(|t| matches!(t.low.as_str(), "&" | "and"))
        {
            return (EntityKind::Organization, true);
        }
        let first_given = known::given_name(&toks[a].low);
        let plain = words
            .iter()
            .filter(|w| !PARTICLES.contains(&fold(w).as_str()))
            .all(|w| w.split('-').all(name_shaped));
        // Compound first names too ("Gérald-Brice").
        let first_given = first_given.or_else(|| given_of(&toks[a].low));
        // "Kwon Oh-hyun", "Yun Jong-yong": a Korean given name, its second syllable in
        // lowercase after a hyphen (European compounds capitalize both: "Jean-Baptiste").
        if b - a == 2 && name_shaped(words[0]) && {
            let w = words[1];
            w.split_once('-').is_some_and(|(x, y)| {
                name_shaped(x)
                    && !y.is_empty()
                    && y.chars().all(|c| c.is_lowercase())
                    && x.chars().count() <= 6
                    && y.chars().count() <= 6
            })
        } {
            return (EntityKind::Person, true);
        }
        if b - a >= 2 && plain && position_marker(self.text, toks, b) {
            return (EntityKind::Person, true);
        }
        // "John Textor" ... "Textor said": the document names it by its last word alone and
        // never by its first, as news names people ("Meta Platforms" is "Meta").
        let company_word = toks[a..b]
            .iter()
            .any(|t| lex.has("org_suffixes", &t.low) || lex.has("media_words", &t.low));
        if (2..=3).contains(&(b - a))
            && plain
            && !company_word
            && self.alone.contains(toks[b - 1].low.as_str())
            && !self.alone.contains(toks[a].low.as_str())
            && !known::is_common_word(&toks[b - 1].low)
            && known::place(&toks[b - 1].low).is_none()
            // "Accrington Stanley" ... "Stanley": a first name closing a name is a club's
            // unless a first name opens it too ("John Coleman").
            && (first_given.is_some()
                || !known::given_name(&toks[b - 1].low).is_some_and(|g| g.is_common()))
            && (first_given.is_some() || !known::is_common_word(&toks[a].low))
            && known::longest_place(&words).is_none()
        {
            return (EntityKind::Person, true);
        }
        if b - a >= 2 && first_given.is_some() && (plain || is_all_caps(words[b - a - 1])) {
            let strong = first_given.is_some_and(|g| g.is_common() && !g.also_word);
            // "Apple Watch", "Meta Platforms": a first name that is also a word needs a
            // known surname ("Elon Musk" needs none).
            let plain_name = first_given.is_some_and(|g| !g.also_word);
            let surname = known::is_surname(words[b - a - 1]);
            // "John Cena", "Jack Derwin": a common first name that is also a word, before a
            // word that is none, is a person's too.
            let last_is_word =
                known::is_common_word(last) || known::place(words[b - a - 1]).is_some();
            // Not "Paris Saint-Germain": a first name that is also a city.
            let common =
                first_given.is_some_and(|g| g.is_common()) && known::place(words[0]).is_none();
            if strong || plain_name || surname || common && !last_is_word {
                // "Orion Data": a common first name before a common word stays open to what
                // the relations say; before an unknown one ("Patrick Drahi") it is a person.
                return (EntityKind::Person, strong && (surname || !last_is_word));
            }
        }
        (EntityKind::Organization, false)
    }
}

/// A nationality word, also compound ("Franco-Polonais", "Anglo-Russian") or a noun of one
/// ("Frenchman", "Englishwomen").
fn is_demonym(low: &str) -> bool {
    if known::demonym(low).is_some() {
        return true;
    }
    if let Some((head, last)) = low.rsplit_once('-') {
        if known::demonym(last).is_some()
            && head.split('-').all(|p| p.len() >= 3 && p.ends_with('o'))
        {
            return true;
        }
    }
    ["man", "men", "woman", "women"].iter().any(|suffix| {
        low.strip_suffix(suffix)
            .is_some_and(|stem| stem.len() >= 4 && known::demonym(stem).is_some())
    })
}

/// The first name of a word, a compound of first names included ("Gérald-Brice").
fn given_of(low: &str) -> Option<known::GivenName> {
    known::given_name(low).or_else(|| {
        let mut parts = low.split('-');
        let first = known::given_name(parts.next()?)?;
        let mut rest = parts.peekable();
        rest.peek()?;
        rest.all(|p| known::given_name(p).is_some())
            .then_some(first)
    })
}

/// Shaped like a part of a person's name: one capital then lowercase ("Musk"), or a
/// surname prefix before a capital ("McBride", "DeChambeau", "O'Brien", "MacArthur").
fn name_shaped(part: &str) -> bool {
    let plain = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(|c| c.is_uppercase())
            && cs.all(|c| c.is_lowercase() || c == '\'' || c == '.')
    };
    plain(part)
        || [
            "Mc", "Mac", "O'", "D'", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von",
        ]
        .iter()
        .any(|p| {
            part.strip_prefix(p)
                .is_some_and(|rest| rest.chars().count() >= 2 && plain(rest))
        })
}

/// "Akio Toyoda (L)", "Kazuhiro Tsuga (R)": a photo caption's position marker after token
/// `end - 1`; only people stand in a photo at a position.
fn position_marker(text: &str, toks: &[Token], end: usize) -> bool {
    let at = |k: usize, w: &str| toks.get(k).is_some_and(|t| &text[t.start..t.end] == w);
    at(end, "(")
        && at(end + 2, ")")
        && toks.get(end + 1).is_some_and(|t| {
            let w = &text[t.start..t.end];
            w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase())
        })
}

/// "Paris-based", "German-born", "Microsoft-backed": a modifier, not part of a name.
pub fn is_place_modifier(low: &str) -> bool {
    [
        "-based",
        "-born",
        "-backed",
        "-owned",
        "-headquartered",
        "-listed",
        "-led",
        "-funded",
    ]
    .iter()
    .any(|s| low.ends_with(s))
}

/// The line kind of a sentence, and where its running text starts.
fn line_kind(ctx: &Ctx, s: &Sentence) -> (LineKind, usize) {
    let toks = &s.tokens;
    let text = ctx.text;
    let Some(first) = toks.first() else {
        return (LineKind::Text, 0);
    };
    // " date 2022-08-26 Moderna said ...": a scraped date field before the text.
    if first.low == "date"
        && toks
            .get(1)
            .is_some_and(|t| t.low.starts_with(|c: char| c.is_ascii_digit()))
    {
        let mut e = 1;
        while e < toks.len()
            && (toks[e].low.chars().all(|c| c.is_ascii_digit()) || raw(text, &toks[e]) == "-")
            && e < 8
        {
            e += 1;
        }
        return (LineKind::Text, e);
    }
    let has = |w: &str| toks.iter().any(|t| raw(text, t) == w);
    // "By X and Y", "Par X", "by AFP Staff Writers"; short, and names follow.
    let byline_start =
        matches!(first.low.as_str(), "by" | "par" | "avec") && toks.get(1).is_some_and(|t| t.cap);
    if byline_start
        && toks.len() <= 16
        && !toks.iter().any(|t| {
            ctx.lex
                .section("verbs")
                .match_at(|_| Some(t.low.as_str()))
                .is_some()
                && !t.cap
        })
    {
        return (LineKind::Byline, 0);
    }
    let credit = has("©")
        || toks.len() <= 12
            && toks
                .windows(2)
                .any(|w| raw(text, &w[0]) == "/" || raw(text, &w[1]) == "/")
            && toks.iter().any(|t| ctx.lex.has("byline_words", &t.low))
        || toks.len() <= 8
            && matches!(
                first.low.as_str(),
                "credit" | "credits" | "credit photo" | "photo" | "photos" | "copyright"
            );
    if credit {
        return (LineKind::Credit, 0);
    }
    // "SAN FRANCISCO (Reuters) -", "London (AFP) July 25, 2023", "PARIS (Reuters) -".
    for k in 1..toks.len().min(8) {
        if raw(text, &toks[k]) == "("
            && toks.get(k + 2).is_some_and(|t| raw(text, t) == ")")
            && ctx.lex.has("media_words", &toks[k + 1].low)
        {
            let mut e = k + 3;
            while e < toks.len()
                && e < k + 10
                && (raw(text, &toks[e]) == "-"
                    || raw(text, &toks[e]) == "–"
                    || raw(text, &toks[e]) == "—"
                    || raw(text, &toks[e]) == ","
                    || ctx.lex.has("stop", &toks[e].low)
                        && !ctx.lex.has("determiners", &toks[e].low)
                    || toks[e].low.chars().all(|c| c.is_ascii_digit()))
            {
                e += 1;
            }
            return (LineKind::Text, e);
        }
        if !toks[k].is_word && raw(text, &toks[k]) != "." {
            break;
        }
    }
    if s.heading {
        return (LineKind::Heading, 0);
    }
    (LineKind::Text, 0)
}

/// Is a heading in title case (most words capitalized)? Its capitals say nothing then.
fn title_case(text: &str, s: &Sentence, lex: &Lexicon) -> bool {
    let words: Vec<&Token> = s
        .tokens
        .iter()
        .filter(|t| t.is_word && t.low.len() > 3)
        .collect();
    if words.len() < 3 {
        return false;
    }
    // "- Ben Geman, author of Axios Generate": a lowercase content word, which a title-case
    // headline would capitalize, says the capitals are names.
    if words.iter().any(|t| {
        !t.cap
            && text[t.start..t.end].chars().all(|c| !c.is_uppercase())
            && !is_function_word(lex, &t.low)
            && !lex.has("stop", &t.low)
            && !lex.has("subordinators", &t.low)
    }) {
        return false;
    }
    let caps = words
        .iter()
        .filter(|t| t.cap || is_all_caps(raw(text, t)))
        .count();
    caps * 10 >= words.len() * 7
}

/// Token `i` follows a word or a comma: it does not open the sentence or a quote.
fn inside_sentence(text: &str, toks: &[Token], i: usize) -> bool {
    i > 0 && (toks[i - 1].is_word || matches!(raw(text, &toks[i - 1]), "," | ";"))
}

/// Finds the names of every sentence and groups them into clusters.
pub fn find(text: &str, sentences: &Sentences, lex: &Lexicon) -> Names {
    let mut common = HashSet::default();
    let mut body_caps = HashSet::default();
    let mut body_titled = HashSet::default();
    let mut name_openers = HashSet::default();
    // Borrowed from the document's words: a copy of every word was a tenth of this stage.
    let mut lowercase_count: HashMap<&str, usize> = HashMap::default();
    let mut body_caps_count: HashMap<&str, usize> = HashMap::default();
    for si in 0..sentences.len() {
        let heading = sentences.heading(si);
        let mut toks = sentences.tokens(si).peekable();
        let mut prev: Option<super::text::TokenRef> = None;
        while let Some(t) = toks.next() {
            let next = toks.peek();
            if t.is_word && !t.cap && text[t.start..].starts_with(|c: char| c.is_lowercase()) {
                common.insert(t.low);
                *lowercase_count.entry(t.low).or_default() += 1;
            }
            let after_word = prev.is_some_and(|p| p.is_word);
            if t.is_word && t.cap && !heading && after_word {
                body_caps.insert(t.low);
                if !is_all_caps(&text[t.start..t.end]) {
                    body_titled.insert(t.low);
                }
                *body_caps_count.entry(t.low).or_default() += 1;
            }
            // Inside a sentence: after a word or a comma (`inside_sentence`).
            let inside =
                prev.is_some_and(|p| p.is_word || matches!(&text[p.start..p.end], "," | ";"));
            if t.cap
                && !heading
                && lex.has("stop", t.low)
                && inside
                && next.is_some_and(|n| n.cap && n.is_word && !lex.has("stop", n.low))
            {
                name_openers.insert(t.low);
            }
            prev = Some(t);
        }
    }
    let mut ctx = Ctx {
        text,
        lex,
        common,
        body_caps,
        body_titled,
        name_openers,
        lowercase_count,
        body_caps_count,
        alone: HashSet::default(),
    };
    let mut names = Names::default();
    // Each sentence's names, their kinds and what the clusters need of the tokens around
    // them, so that clustering reads no token.
    let mut spans: Vec<Span> = Vec::new();
    let mut spans_from: Vec<u32> = Vec::with_capacity(sentences.len() + 1);
    let mut s = Sentence::default();
    // The name spans first: a name's kind hears of the words named alone anywhere ("Textor").
    let mut spans_per: Vec<Vec<(usize, usize)>> = Vec::with_capacity(sentences.len());
    let mut alone: HashSet<String> = HashSet::default();
    for si in 0..sentences.len() {
        sentences.read(si, &mut s);
        let (kind, from) = line_kind(&ctx, &s);
        names.lines.push(kind);
        names.text_start.push(from as u16);
        let tc = kind == LineKind::Heading && title_case(text, &s, lex);
        // A scraped field before the text ("date 2022-08-26") holds no name.
        let skip = if s.tokens.first().is_some_and(|t| t.low == "date") {
            from
        } else {
            0
        };
        let found = ctx.spans(&s, skip, tc);
        for &(a, b) in &found {
            if b == a + 1 {
                alone.insert(s.tokens[a].low.to_string());
            }
        }
        spans_per.push(found);
    }
    ctx.alone = alone;
    for (si, found) in spans_per.iter().enumerate() {
        sentences.read(si, &mut s);
        spans_from.push(spans.len() as u32);
        let toks = &s.tokens;
        let is = |k: usize, mark: &str| toks.get(k).is_some_and(|t| raw(text, t) == mark);
        for &(a, b) in found {
            let (kind, sure) = ctx.kind(&s, a, b);
            spans.push(Span {
                a: a as u16,
                b: b as u16,
                start: toks[a].start as u32,
                end: toks[b - 1].end as u32,
                kind,
                sure,
                open_after: is(b, "("),
                close_after: is(b, ")"),
                organ: ctx.organ(toks, a, b) == Some(b),
            });
        }
    }
    spans_from.push(spans.len() as u32);
    cluster(&ctx, &spans, &spans_from, &mut names);
    names
}

/// Groups names into clusters: the same folded form, a surname or first name of a person
/// named in full, a short company name ("Nuvia" for "Nuvia Inc"), an acronym and its
/// expansion ("FTC", "Federal Trade Commission").
fn cluster(ctx: &Ctx, spans: &[Span], spans_from: &[u32], out: &mut Names) {
    let text = ctx.text;
    let of = |si: usize| &spans[spans_from[si] as usize..spans_from[si + 1] as usize];
    let sentences = spans_from.len() - 1;
    let form = |sp: &Span| text[sp.start as usize..sp.end as usize].to_string();
    let mut by_key: HashMap<String, usize> = HashMap::default();
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut redirect: Vec<usize> = Vec::new();
    // Clusters named by a company's body ("le Conseil d'administration").
    let mut organs: HashSet<usize> = HashSet::default();
    let new_cluster =
        |clusters: &mut Vec<Cluster>, name: String, kind: EntityKind, sure: bool, offset: usize| {
            clusters.push(Cluster {
                name: name.clone(),
                kind,
                kind_sure: sure,
                forms: vec![name],
                descriptors: Vec::new(),
                mentions: 0,
                first_offset: offset,
                credit_only: true,
                unnamed: false,
            });
            clusters.len() - 1
        };
    // Multi-word names first, so that a surname met before the full name still joins it.
    for sp in spans {
        if sp.b - sp.a < 2 {
            continue;
        }
        let f = form(sp);
        let key = fold_name(&f);
        let (kind, sure) = (sp.kind, sp.sure);
        if let Some(&c) = by_key.get(&key) {
            if sure && !clusters[c].kind_sure {
                clusters[c].kind = kind;
                clusters[c].kind_sure = true;
            }
            continue;
        }
        let c = new_cluster(&mut clusters, f, kind, sure, sp.start as usize);
        redirect.push(c);
        by_key.insert(key, c);
        if sp.organ {
            organs.insert(c);
        }
    }
    // Then every name in order; single words join what they abbreviate.
    let mut recent: Vec<usize> = Vec::new();
    let mut here = Vec::new();
    for si in 0..sentences {
        let line = out.lines[si];
        here.clear();
        for sp in of(si) {
            let (a, b) = (sp.a as usize, sp.b as usize);
            let f = form(sp);
            let key = fold_name(&f);
            let (kind, sure) = (sp.kind, sp.sure);
            let c = match by_key.get(&key) {
                Some(&c) => c,
                None => {
                    let joined = if b - a == 1 {
                        join_single(ctx, &clusters, &recent, &key, &f)
                    } else {
                        None
                    };
                    let c = joined.unwrap_or_else(|| {
                        let c =
                            new_cluster(&mut clusters, f.clone(), kind, sure, sp.start as usize);
                        redirect.push(c);
                        if sp.organ {
                            organs.insert(c);
                        }
                        c
                    });
                    by_key.insert(key, c);
                    c
                }
            };
            let cl = &mut clusters[c];
            if sure && !cl.kind_sure {
                cl.kind = kind;
                cl.kind_sure = true;
            }
            if !cl.forms.contains(&f) {
                cl.forms.push(f);
            }
            cl.first_offset = cl.first_offset.min(sp.start as usize);
            cl.mentions += 1;
            if matches!(line, LineKind::Text | LineKind::Heading)
                && a >= out.text_start[si] as usize
            {
                cl.credit_only = false;
            }
            recent.retain(|&x| x != c);
            recent.push(c);
            here.push((*sp, c));
        }
        // "Federal Trade Commission (FTC)", "WWF (World Wrestling Federation)": a name and
        // its acronym in brackets are one entity.
        for w in here.windows(2) {
            let ((x, xc), (y, yc)) = (w[0], w[1]);
            let bracketed = y.a == x.b + 1 && x.open_after && y.close_after;
            // "Barnes & Noble (BKS)", "Staples (SPLS)": capitals in brackets after a company
            // are its ticker, unless they name an agency or a place ("(AFP)", "(UK)").
            let ticker = || {
                let sym = &clusters[yc].name;
                y.b == y.a + 1
                    && matches!(
                        clusters[xc].kind,
                        EntityKind::Organization | EntityKind::Media
                    )
                    && is_all_caps(sym)
                    && sym.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !ctx.lex.has("media_words", &fold(&form(&y)))
                    && known::place(sym).is_none()
            };
            if bracketed
                && xc != yc
                && (is_acronym_of(&clusters[yc].name, &clusters[xc].name)
                    || is_acronym_of(&clusters[xc].name, &clusters[yc].name)
                    || ticker())
            {
                merge_into(&mut clusters, &mut redirect, &mut by_key, yc, xc);
            }
        }
        out.names_from.push(out.names.len() as u32);
        out.names.extend(here.iter().map(|(sp, c)| PackedName {
            start: sp.a,
            end: sp.b,
            cluster: *c as u32,
        }));
    }
    // An acronym whose letters are the initials of exactly one other name.
    let n = clusters.len();
    for c in 0..n {
        let name = clusters[c].name.clone();
        if name.len() < 2 || name.len() > 8 || !is_all_caps(&name) || name.contains(' ') {
            continue;
        }
        if redirect[c] != c {
            continue;
        }
        let expansions: Vec<usize> = (0..n)
            .filter(|&d| {
                d != c
                    && redirect[d] == d
                    && clusters[d]
                        .forms
                        .iter()
                        .any(|f| f.contains(' ') && is_acronym_of(&name, f))
            })
            .collect();
        if let [d] = expansions[..] {
            merge_into(&mut clusters, &mut redirect, &mut by_key, c, d);
        }
    }
    for nm in out.names.iter_mut() {
        nm.cluster = resolve(&redirect, nm.cluster as usize) as u32;
    }
    // "membre du Conseil d'administration", "l'Assemblée générale (AG)": a company's body
    // names the company the document is about (the answer keys read it so); with no such
    // company it names nothing.
    let main = main_organization_where(&clusters, |c| organs.contains(&c) || redirect[c] != c);
    for &c in &organs {
        let c = resolve(&redirect, c);
        if !organs.contains(&c) {
            continue;
        }
        match main {
            Some(m) => merge_into(&mut clusters, &mut redirect, &mut by_key, c, m),
            None => {
                clusters[c].forms.clear();
                clusters[c].mentions = 0;
            }
        }
    }
    for nm in out.names.iter_mut() {
        nm.cluster = resolve(&redirect, nm.cluster as usize) as u32;
    }
    // A person is named by the longest form of the name.
    for c in &mut clusters {
        if c.kind == EntityKind::Person {
            if let Some(l) = c
                .forms
                .iter()
                .max_by_key(|f| (f.split_whitespace().count(), f.len()))
                .cloned()
            {
                c.name = l;
            }
        }
    }
    out.clusters = clusters;
}

/// Moves cluster `from` into `into`; `redirect` remembers it so names pointing at `from`
/// can follow.
fn merge_into(
    clusters: &mut [Cluster],
    redirect: &mut [usize],
    by_key: &mut HashMap<String, usize>,
    from: usize,
    into: usize,
) {
    let (from, into) = (resolve(redirect, from), resolve(redirect, into));
    if from == into {
        return;
    }
    let moved = std::mem::take(&mut clusters[from].forms);
    let mentions = std::mem::take(&mut clusters[from].mentions);
    let credit_only = clusters[from].credit_only;
    let kind_from = (clusters[from].kind, clusters[from].kind_sure);
    let offset = clusters[from].first_offset;
    let into_c = &mut clusters[into];
    for f in moved {
        if !into_c.forms.contains(&f) {
            into_c.forms.push(f);
        }
    }
    into_c.mentions += mentions;
    into_c.credit_only &= credit_only;
    into_c.first_offset = into_c.first_offset.min(offset);
    if !into_c.kind_sure && kind_from.1 {
        into_c.kind = kind_from.0;
        into_c.kind_sure = true;
    }
    for v in by_key.values_mut() {
        if *v == from {
            *v = into;
        }
    }
    redirect[from] = into;
}

fn resolve(redirect: &[usize], mut c: usize) -> usize {
    while redirect[c] != c {
        c = redirect[c];
    }
    c
}

/// Does `acronym` spell the initials of `long`? Acronym words count by all their letters
/// ("OL Groupe" → OLG), particles are skipped ("Cloud Infrastructure Services Providers in
/// Europe" → CISPE).
pub fn is_acronym_of(acronym: &str, long: &str) -> bool {
    let a: String = acronym
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(|c| c.to_uppercase())
        .collect();
    if a.len() < 2 || !is_all_caps(acronym) {
        return false;
    }
    let skip = [
        "de", "du", "des", "d", "la", "le", "les", "l", "of", "the", "and", "et", "in", "for",
        "en", "&", "à", "a", "au", "aux",
    ];
    let mut initials = String::new();
    for w in long.split(|c: char| c.is_whitespace() || c == '-' || c == '\'' || c == ',') {
        if w.is_empty() || skip.contains(&fold(w).as_str()) {
            continue;
        }
        if is_all_caps(w) && w.chars().filter(|c| c.is_alphabetic()).count() <= 4 && w.len() > 1 {
            initials.extend(
                w.chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(|c| c.to_uppercase()),
            );
        } else if let Some(c) = w.chars().next() {
            initials.extend(c.to_uppercase());
        }
    }
    initials.len() >= 2 && initials == a
}

/// The folded form names are compared by: accents, case, dots and spaces around "+" and
/// "-" do not matter ("Canal +" is "Canal+").
pub fn fold_name(s: &str) -> String {
    let f = fold(s);
    let mut out = String::with_capacity(f.len());
    for w in f.split_whitespace() {
        if !out.is_empty() && w != "+" {
            out.push(' ');
        }
        out.push_str(w.trim_end_matches('.'));
    }
    out
}

/// A single word joins the most recent person whose name ends or starts with it, or an
/// organization named by it and company words ("Nuvia" for "Nuvia Inc", "Sony" for "Sony
/// Interactive Entertainment").
fn join_single(
    ctx: &Ctx,
    clusters: &[Cluster],
    recent: &[usize],
    key: &str,
    surface: &str,
) -> Option<usize> {
    let lex = ctx.lex;
    let matches = |c: &Cluster| {
        !c.forms.is_empty()
            && c.forms.iter().any(|f| {
                // "Gerard Williams III", "Martin Luther King Jr.": the surname before the
                // generation.
                let mut words: Vec<String> = f.split_whitespace().map(fold).collect();
                let mut article = 0;
                // "Parisien" for "Le Parisien": a title's article does not count.
                if c.kind != EntityKind::Person
                    && words.len() >= 2
                    && matches!(words[0].as_str(), "le" | "la" | "les" | "l'" | "the")
                {
                    words.remove(0);
                    article = 1;
                    if words.len() == 1 {
                        return words[0] == key;
                    }
                }
                while words.len() > 2
                    && matches!(
                        words.last().map(|w| w.trim_end_matches('.')),
                        Some("jr" | "sr" | "ii" | "iii" | "iv")
                    )
                {
                    words.pop();
                }
                if words.len() < 2 {
                    return false;
                }
                // Places in capitals ("USA") are known only in capitals.
                let surfaces: Vec<&str> = f.split_whitespace().skip(article).collect();
                let company_word =
                    |w: &str| lex.has("org_suffixes", w) || lex.has("media_words", w);
                let company_tail = || {
                    words[1..].iter().zip(&surfaces[1..]).all(|(w, raw)| {
                        company_word(w) || known::place(raw).is_some() && !known::is_given_name(w)
                    })
                };
                // "Walt Disney Co." is "Disney": a company named after a person goes by the
                // surname.
                let founder_surname = || {
                    let core = words.iter().take_while(|w| !company_word(w)).count();
                    core == 2
                        && core < words.len()
                        && words[core..].iter().all(|w| company_word(w))
                        && words[1] == key
                        && known::is_given_name(&words[0])
                };
                (c.kind == EntityKind::Person
                    && (words.last().is_some_and(|w| w == key)
                        || words[0] == key && known::is_given_name(key)))
                    || (c.kind != EntityKind::Person
                        && words[0] == key
                        && (company_tail() || c.mentions > 0 && c.kind != EntityKind::Place))
                    || (matches!(c.kind, EntityKind::Organization | EntityKind::Media)
                        && founder_surname())
                    || (c.kind != EntityKind::Person
                        && is_all_caps(surface)
                        && is_acronym_of(surface, f))
            })
    };
    recent
        .iter()
        .rev()
        .copied()
        .find(|&c| matches(&clusters[c]))
        .or_else(|| {
            clusters.iter().position(|c| {
                matches!(
                    c.kind,
                    EntityKind::Person | EntityKind::Organization | EntityKind::Media
                ) && matches(c)
            })
        })
}

/// The end of a name cut before `end`, without the particles that joined it to what followed
/// ("NextRadioTV d'" of "NextRadioTV d'Alain Weill").
fn trim_particles(toks: &[Token], start: usize, mut end: usize) -> usize {
    while end > start + 1 && PARTICLES.contains(&toks[end - 1].low.as_str()) {
        end -= 1;
    }
    end
}

/// "presiding" (preside), "running" (run), "backing" (back): an -ing form whose stem is a
/// frequent word.
fn is_gerund(low: &str) -> bool {
    let Some(stem) = low.strip_suffix("ing") else {
        return false;
    };
    let undoubled = stem
        .char_indices()
        .last()
        .filter(|&(i, c)| stem[..i].ends_with(c))
        .map(|(i, _)| &stem[..i]);
    known::is_common_word(stem)
        || known::is_common_word(&format!("{stem}e"))
        || undoubled.is_some_and(known::is_common_word)
}

/// A word of a closed class: determiner, preposition, conjunction, pronoun, auxiliary, relative.
fn is_function_word(lex: &Lexicon, w: &str) -> bool {
    [
        "determiners",
        "prepositions",
        "conjunctions",
        "pronouns",
        "aux",
        "relatives",
    ]
    .iter()
    .any(|sec| lex.has(sec, w))
}

/// The organization a document is about: the one named most often, at least three times and
/// more often than any other.
pub fn main_organization(clusters: &[Cluster]) -> Option<usize> {
    main_organization_where(clusters, |_| false)
}

/// `main_organization` among the clusters `skip` leaves.
fn main_organization_where(clusters: &[Cluster], skip: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    let mut second = 0;
    for (i, c) in clusters.iter().enumerate() {
        if skip(i) || !matches!(c.kind, EntityKind::Organization | EntityKind::Media) {
            continue;
        }
        match best {
            Some((_, m)) if c.mentions <= m => second = second.max(c.mentions),
            _ => {
                second = best.map_or(second, |(_, m)| second.max(m));
                best = Some((i, c.mentions));
            }
        }
    }
    best.filter(|&(_, m)| m >= 3 && m > second).map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon;
    use crate::extract::text::{normalize, sentences};

    fn names_of(t: &str, lex: &Lexicon) -> Vec<(String, EntityKind)> {
        let t = normalize(t);
        let ss = sentences(&t);
        let n = find(&t, &ss, lex);
        n.clusters
            .iter()
            .filter(|c| c.mentions > 0)
            .map(|c| (c.name.clone(), c.kind))
            .collect()
    }

    #[test]
    fn titles_are_cut_off_names() {
        let got = names_of("Attorney General Merrick Garland said Moderna Chief Legal Officer Shannon Thyme Klinger was wrong.", lexicon::english());
        let mut names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        names.sort();
        assert_eq!(
            names,
            ["Merrick Garland", "Moderna", "Shannon Thyme Klinger"]
        );
        assert!(
            got.iter()
                .all(|(n, k)| (*k == EntityKind::Person) == (n != "Moderna")),
            "{got:?}"
        );
    }

    #[test]
    fn acronyms_join_their_expansion() {
        let got = names_of(
            "The Federal Trade Commission sued Acme. The FTC said so.",
            lexicon::english(),
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(is_acronym_of(
            "CISPE",
            "Cloud Infrastructure Services Providers in Europe"
        ));
        assert!(is_acronym_of("OLG", "OL Groupe"));
        assert!(!is_acronym_of("FTC", "Fox News"));
    }

    #[test]
    fn bylines_and_datelines_are_not_running_text() {
        let t = normalize("By Stephen Nellis and Jane Lanhee Lee\nSAN FRANCISCO (Reuters) - Arm Ltd sued Qualcomm Inc.");
        let ss = sentences(&t);
        let n = find(&t, &ss, lexicon::english());
        assert_eq!(n.lines[0], LineKind::Byline);
        assert_eq!(n.text_start[1], 6);
        let authors: Vec<&str> = n
            .clusters
            .iter()
            .filter(|c| c.credit_only && c.mentions > 0)
            .map(|c| c.name.as_str())
            .collect();
        assert!(
            authors.contains(&"Stephen Nellis") && authors.contains(&"Jane Lanhee Lee"),
            "{authors:?}"
        );
    }

    #[test]
    fn captions_tickers_and_shouted_words() {
        let got = names_of(
            "President of Toyota Motor Akio Toyoda (L) and President of Panasonic Kazuhiro Tsuga (R) met.\nOIL AND GAS\nFormer Barnes & Noble (BKS) CEO Demos Parneros sued. Via the Associated Press, oil and gas firms reacted.",
            lexicon::english(),
        );
        let kind_of = |n: &str| got.iter().find(|(m, _)| m == n).map(|(_, k)| *k);
        assert_eq!(kind_of("Akio Toyoda"), Some(EntityKind::Person), "{got:?}");
        assert_eq!(
            kind_of("Kazuhiro Tsuga"),
            Some(EntityKind::Person),
            "{got:?}"
        );
        assert!(
            kind_of("Toyota Motor").is_some() && kind_of("Panasonic").is_some(),
            "{got:?}"
        );
        assert_eq!(kind_of("Barnes & Noble"), Some(EntityKind::Organization));
        for junk in ["BKS", "OIL AND GAS", "OIL", "Via"] {
            assert_eq!(kind_of(junk), None, "{junk}: {got:?}");
        }
    }

    #[test]
    fn a_surname_used_alone_makes_a_person() {
        let got = names_of(
            "Bob Chapek took over from Bob Iger. Chapek said the company would grow, and Iger left.",
            lexicon::english(),
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|(_, k)| *k == EntityKind::Person), "{got:?}");
    }

    #[test]
    fn company_bodies_and_places_by_shape() {
        let fr = names_of(
            "Le Conseil d'administration d'Orange a réuni l'Assemblée générale. Le Franco-Polonais a parlé.",
            lexicon::french(),
        );
        let names: Vec<&str> = fr.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Orange"], "{fr:?}");
        let en = names_of(
            "Exxon drilled in the Black Sea and the United States; the Office for National Statistics and the Department of Justice disagreed.",
            lexicon::english(),
        );
        let kind_of = |n: &str| en.iter().find(|(m, _)| m == n).map(|(_, k)| *k);
        assert_eq!(kind_of("Black Sea"), Some(EntityKind::Place), "{en:?}");
        assert_eq!(kind_of("United States"), Some(EntityKind::Place), "{en:?}");
        assert!(
            kind_of("Office for National Statistics").is_some(),
            "{en:?}"
        );
        assert!(kind_of("Department of Justice").is_some(), "{en:?}");
    }

    #[test]
    fn surnames_and_short_company_names_join() {
        let got = names_of(
            "Nuvia Inc hired Gerard Williams. Williams left Nuvia.",
            lexicon::english(),
        );
        assert_eq!(got.len(), 2, "{got:?}");
    }
}
