//! What a name is, from built-in data: given names, surnames, places and demonyms.
//!
//! The tables live in `data/` (sorted text, rebuilt by `scripts/build_known_data.py` from
//! registry packages: US SSA and INSEE first names, US Census and INSEE surnames, GeoNames
//! cities, Unicode CLDR country and subdivision names, nationality adjectives; see
//! `data/README.md` for sources, thresholds and licences). They are compiled into the binary
//! and indexed once a process, on first use (about 30 ms: hash maps of `&'static str` into
//! the text, FxHash as in the lexicons); every lookup is then one hash probe, without
//! allocation for ASCII words of up to 48 bytes (a binary search over the sorted files was
//! measured at ~350 ns a word, about three times slower).
//!
//! All lookups fold case and accents and treat hyphens as spaces, so "Saint-Étienne",
//! "saint etienne" and "SAINT ETIENNE" are one key. Acronyms ("US", "UK", "USA") are the
//! exception: they match only when written in capitals, so the pronoun "us" is no country.
//!
//! The data says what a word *can* be, not what it is in a sentence. Many words have several
//! readings, and the caller weighs them with the context:
//! - given names that are also words or companies: "Will", "Mark", "Rose" (flagged
//!   [`GivenName::also_word`] from an English word list), "Apple", "Orange" (rare names,
//!   see [`GivenName::us_births`]); French common words are not flagged ("Pierre");
//! - places that are also people, companies or words: "Paris Hilton", "Orange" (the French
//!   town and the operator), "Nice", "Split" ([`Place::also_word`]), "Vienne" (the French
//!   name of Vienna, a French town and a French département: [`places`] gives all three);
//! - surnames that are also given names, words or places: "Martin", "Smith", "Paris";
//! - demonyms that are also languages or given names: "English", "français", "Dutch".
//!
//! ```
//! use relgraph::extract::known::{self, PlaceKind};
//! assert!(known::is_given_name("Françoise"));
//! let london = known::place("Londres").unwrap();
//! assert_eq!((london.kind, london.country, london.name), (PlaceKind::City, "GB", "London"));
//! assert_eq!(known::demonym("allemandes").unwrap().country, "DE");
//! ```

use std::sync::OnceLock;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use rustc_hash::{FxHashMap, FxHashSet};

use super::Lang;

const GIVEN_NAMES: &str = include_str!("../../data/given_names.tsv");
const SURNAMES: &str = include_str!("../../data/surnames.tsv");
const PLACES: &str = include_str!("../../data/places.tsv");
const PLACE_NAMES: &str = include_str!("../../data/place_names.tsv");
const DEMONYMS: &str = include_str!("../../data/demonyms.tsv");
const COMMON_WORDS: &str = include_str!("../../data/common_words.tsv");

/// US births from which a name counts as common (about 27 per million births since 1880:
/// "Elon" has 3,540, "Mark" 1.4 million).
const COMMON_US_BIRTHS: u32 = 10_000;
/// INSEE's top band: given more than 500 times in France between 1900 and 2018.
const COMMON_FR_BAND: u8 = 3;
/// Longest place name [`longest_place`] tries, in words ("Saint-Martin-d'Hères" is one).
const MAX_PLACE_WORDS: usize = 6;

/// A first name and how common it is, in the United States (SSA, 1880–2024) and in France
/// (INSEE, 1900–2018).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GivenName {
    /// Births with this name in the US (0 when fewer than 100: below that the lists are
    /// mostly surnames and spellings given once).
    pub us_births: u32,
    /// Percent of those US births that were girls.
    pub us_female_percent: u8,
    /// INSEE's class in France: 0 absent (or very rare), 1 given more than 50 times,
    /// 2 more than 100, 3 more than 500.
    pub fr_band: u8,
    /// Rank among French girls' names (1 is "Marie"), 0 when absent.
    pub fr_girls_rank: u32,
    /// Rank among French boys' names (1 is "Jean"), 0 when absent.
    pub fr_boys_rank: u32,
    /// Also an English common word ("will", "mark", "rose"): weak evidence of a person.
    pub also_word: bool,
}

impl GivenName {
    /// Common in either country: 10,000 US births or INSEE's top band. Rare names
    /// ("Apple", "Orange", "British") pass [`is_given_name`] but not this.
    pub fn is_common(&self) -> bool {
        self.us_births >= COMMON_US_BIRTHS || self.fr_band >= COMMON_FR_BAND
    }

    /// Whether the name is mostly a girl's name, judged by the statistics of the text's
    /// language first ("Jean" is a boy in France, mostly a girl in the US), `None` when
    /// both are common or nothing is known.
    pub fn likely_female(&self, lang: Lang) -> Option<bool> {
        let french = || match (self.fr_girls_rank, self.fr_boys_rank) {
            (0, 0) => None,
            (_, 0) => Some(true),
            (0, _) => Some(false),
            // A rank four times better is a clear majority (ranks follow a Zipf curve).
            (g, b) if g.saturating_mul(4) <= b => Some(true),
            (g, b) if b.saturating_mul(4) <= g => Some(false),
            _ => None,
        };
        let american = || match (self.us_births, self.us_female_percent) {
            (0, _) => None,
            (_, p) if p >= 80 => Some(true),
            (_, p) if p <= 20 => Some(false),
            _ => None,
        };
        let (first, second) = match lang {
            Lang::Fr => (french(), american()),
            Lang::En => (american(), french()),
        };
        match (
            first,
            self.fr_girls_rank + self.fr_boys_rank,
            self.us_births,
        ) {
            (Some(v), _, _) => Some(v),
            // Known in the first country but balanced there: do not overrule it.
            (None, fr, _) if lang == Lang::Fr && fr > 0 => None,
            (None, _, us) if lang == Lang::En && us > 0 => None,
            _ => second,
        }
    }
}

/// A family name and how common it is: its rank in the US 1990 census (borne by at least
/// 0.001% of people) and among the surnames of French births 1891–2000 (given more than 500
/// times). Both lists are full of words and places too ("Martin", "Petit", "Paris").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Surname {
    /// 1 is "Smith"; 0 when absent.
    pub us_rank: u32,
    /// 1 is "Martin"; 0 when absent.
    pub fr_rank: u32,
    /// Also an English common word ("smith", "baker", "rose").
    pub also_word: bool,
}

/// What kind of place a name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A country or territory with an ISO 3166-1 code ("Germany", "Hong Kong").
    Country,
    /// An ISO 3166-2 subdivision: state, province, region, département ("Bavaria",
    /// "Seine-Saint-Denis").
    Region,
    /// A city of at least 100,000 people, a capital, or a town of at least 30,000 in
    /// France, Belgium, Switzerland, Luxembourg or Monaco.
    City,
    /// A continent or a group of countries in CLDR ("Europe", "Amérique latine").
    Area,
}

/// One reading of a place name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of the country ("" for an area).
    pub country: &'static str,
    /// GeoNames population of a city or country (0 for regions and areas).
    pub population: u32,
    /// The English name ("London" for "Londres", "Munich" for "München").
    pub name: &'static str,
    /// The name is also an English common word ("Nice", "Split", "Orange", "Mobile").
    pub also_word: bool,
}

/// A nationality adjective or noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Demonym {
    /// ISO 3166-1 alpha-2 code of the country.
    pub country: &'static str,
    pub lang: Lang,
    /// A plural form: "Americans", "allemands", "chinoises".
    pub plural: bool,
    /// A French feminine form: "allemande", "chinoises".
    pub feminine: bool,
}

/// Whether `word` is a known first name ("Marie", "Mohammed", "Jean-Pierre", "Hélène").
pub fn is_given_name(word: &str) -> bool {
    given_name(word).is_some()
}

/// The statistics of a first name, case- and accent-insensitively.
pub fn given_name(word: &str) -> Option<GivenName> {
    tables().given.get(fold(word).as_str()).copied()
}

/// A frequent English or French word that is no known name ("pressure", "changement",
/// "board"): capitalized only because it opens a sentence, it names nothing.
pub fn is_common_word(word: &str) -> bool {
    tables().common_words.contains(fold(word).as_str())
}

/// Whether `word` is a known family name ("Dupont", "Nguyen", "O'Brien", "Hilton").
pub fn is_surname(word: &str) -> bool {
    surname(word).is_some()
}

/// The ranks of a family name, case- and accent-insensitively; the census spells names
/// without apostrophes, so "O'Brien" is also tried as "OBrien".
pub fn surname(word: &str) -> Option<Surname> {
    let t = tables();
    let key = fold(word);
    let found = t.surnames.get(key.as_str()).copied();
    if found.is_none() && key.as_str().contains('\'') {
        return t
            .surnames
            .get(key.as_str().replace('\'', "").as_str())
            .copied();
    }
    found
}

/// The most prominent reading of a place name: a country before a city, a city before a
/// region, a bigger city before a smaller one ("Georgia" is the country, "New York" the
/// city, "Vienne" Vienna). Multi-word names are given whole ("Saint-Étienne", "New York").
pub fn place(name: &str) -> Option<Place> {
    places(name).next()
}

/// Every reading of a place name, most prominent first.
pub fn places(name: &str) -> impl Iterator<Item = Place> {
    let key = fold(name);
    let t = tables();
    let ids: &[u32] = match t.place_names.get(key.as_str()) {
        Some(n) if !n.acronym || is_capitals(name) => t.ids(n),
        _ => &[],
    };
    ids.iter().map(move |&id| t.places[id as usize])
}

/// The longest run of words at the start of `words` that names a place, with its length in
/// words: `["New", "York", "Times"]` gives 2 and New York. Tokens that fold to nothing
/// (a lone "-") are skipped inside a name.
pub fn longest_place(words: &[&str]) -> Option<(usize, Place)> {
    let t = tables();
    let mut key = String::new();
    let mut best = None;
    for (i, word) in words.iter().take(MAX_PLACE_WORDS).enumerate() {
        let part = fold(word);
        if part.as_str().is_empty() {
            if i == 0 {
                return None;
            }
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(part.as_str());
        if let Some(name) = t.place_names.get(key.as_str()) {
            if !name.acronym || words[..=i].iter().all(|w| is_capitals(w)) {
                best = Some((i + 1, t.places[t.ids(name)[0] as usize]));
            }
        }
        // Stop as soon as no longer name starts with these words.
        if !t.place_prefixes.contains(key.as_str()) {
            break;
        }
    }
    best
}

/// The country a nationality word refers to ("British", "chinois", "allemande",
/// "Américains", "Sud-Coréens"), in the form it has.
pub fn demonym(word: &str) -> Option<Demonym> {
    tables().demonyms.get(fold(word).as_str()).copied()
}

/// Folds like the rebuild script: lowercase, accents and marks dropped, a few letters
/// spelled out (ß, ø, ł, æ, œ...), apostrophes unified, dashes and runs of white space as
/// one space, none at the ends.
pub fn fold(word: &str) -> Folded {
    let bytes = word.as_bytes();
    if word.is_ascii() && bytes.len() <= INLINE {
        let mut buf = [0u8; INLINE];
        let mut len = 0;
        let mut space = false;
        for &b in bytes {
            match b {
                b'-' | b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => {
                    space = len > 0;
                    continue;
                }
                _ => {}
            }
            if space {
                buf[len] = b' ';
                len += 1;
                space = false;
            }
            buf[len] = if b == b'`' {
                b'\''
            } else {
                b.to_ascii_lowercase()
            };
            len += 1;
        }
        return Folded(Repr::Inline(buf, len as u8));
    }
    Folded(Repr::Heap(fold_unicode(word)))
}

/// Decomposes char by char: NFKD's canonical reordering only moves combining marks, which
/// are dropped anyway, and its buffering was most of the cost of folding accented words.
fn fold_unicode(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut space = false;
    for c in word.chars() {
        decompose_compatible(c, |c| push_folded(&mut out, &mut space, c));
    }
    out
}

fn push_folded(out: &mut String, space: &mut bool, c: char) {
    if is_combining_mark(c) {
        return;
    }
    if is_dash(c) || c.is_whitespace() {
        *space = !out.is_empty();
        return;
    }
    if *space {
        out.push(' ');
        *space = false;
    }
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{02bc}' | '`' => {
            out.push('\'')
        }
        'ß' => out.push_str("ss"),
        'ø' | 'Ø' => out.push('o'),
        'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
        'ł' | 'Ł' => out.push('l'),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'ı' => out.push('i'),
        'þ' | 'Þ' => out.push_str("th"),
        c => out.extend(c.to_lowercase()),
    }
}

const INLINE: usize = 48;

/// A folded key ([`fold`]); short ASCII words stay on the stack.
pub struct Folded(Repr);

enum Repr {
    Inline([u8; INLINE], u8),
    Heap(String),
}

impl Folded {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Only ASCII bytes are ever written inline.
            Repr::Inline(buf, len) => std::str::from_utf8(&buf[..*len as usize]).unwrap_or(""),
            Repr::Heap(s) => s,
        }
    }
}

impl std::fmt::Debug for Folded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
    )
}

/// An acronym written as one: every letter a capital ("US", "U.S." is not in the data).
fn is_capitals(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

struct PlaceName {
    start: u32,
    len: u8,
    acronym: bool,
}

struct Tables {
    given: FxHashMap<&'static str, GivenName>,
    surnames: FxHashMap<&'static str, Surname>,
    places: Vec<Place>,
    place_names: FxHashMap<&'static str, PlaceName>,
    /// The place ids of every name, each name's ids contiguous, best reading first.
    place_ids: Vec<u32>,
    /// Every run of leading words of a longer place name: "new", "new york" (for "new york
    /// city"), "rio", "rio de"; lets [`longest_place`] stop early.
    place_prefixes: FxHashSet<&'static str>,
    /// The most populous country of each word (the files list it first).
    demonyms: FxHashMap<&'static str, Demonym>,
    /// Frequent English and French words that no name table knows.
    common_words: FxHashSet<&'static str>,
}

impl Tables {
    fn ids(&self, name: &PlaceName) -> &[u32] {
        &self.place_ids[name.start as usize..name.start as usize + usize::from(name.len)]
    }
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(load)
}

/// Indexes the built-in files; a malformed line is skipped (a unit test checks there is none).
fn load() -> Tables {
    let places: Vec<Place> = rows(PLACES).filter_map(parse_place).collect();
    let mut place_names = FxHashMap::default();
    let mut place_ids = Vec::new();
    let mut place_prefixes = FxHashSet::default();
    for cols in rows(PLACE_NAMES) {
        let [key, ids, ref rest @ ..] = cols[..] else {
            continue;
        };
        let start = place_ids.len();
        place_ids.extend(
            ids.split(',')
                .filter_map(|id| id.parse::<u32>().ok())
                .filter(|&id| (id as usize) < places.len()),
        );
        let len = place_ids.len() - start;
        if len == 0 || len > usize::from(u8::MAX) {
            place_ids.truncate(start);
            continue;
        }
        for (at, _) in key.match_indices(' ') {
            place_prefixes.insert(&key[..at]);
        }
        place_names.insert(
            key,
            PlaceName {
                start: start as u32,
                len: len as u8,
                acronym: rest.first() == Some(&"A"),
            },
        );
    }
    let mut demonyms = FxHashMap::default();
    for (key, demonym) in rows(DEMONYMS).filter_map(parse_demonym) {
        demonyms.entry(key).or_insert(demonym);
    }
    Tables {
        given: rows(GIVEN_NAMES).filter_map(parse_given).collect(),
        surnames: rows(SURNAMES).filter_map(parse_surname).collect(),
        places,
        place_names,
        place_ids,
        place_prefixes,
        demonyms,
        common_words: rows(COMMON_WORDS)
            .filter_map(|c| c.first().copied())
            .collect(),
    }
}

/// The columns of one row, without a heap vector: the tables hold 200,000 rows, read at
/// every start. No table has more than 7 columns; a longer row keeps 8, which no exact
/// pattern matches, as before.
struct Cols {
    cols: [&'static str; 8],
    len: usize,
}

impl std::ops::Deref for Cols {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        &self.cols[..self.len]
    }
}

/// The data lines of a table: comment lines start with '#'.
fn rows(text: &'static str) -> impl Iterator<Item = Cols> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut c = Cols {
                cols: [""; 8],
                len: 0,
            };
            for (slot, col) in c.cols.iter_mut().zip(l.split('\t')) {
                *slot = col;
                c.len += 1;
            }
            c
        })
}

fn parse_given(cols: Cols) -> Option<(&'static str, GivenName)> {
    let [key, us, female, band, girls, boys, flags] = cols[..] else {
        return None;
    };
    Some((
        key,
        GivenName {
            us_births: us.parse().ok()?,
            us_female_percent: female.parse().ok()?,
            fr_band: band.parse().ok()?,
            fr_girls_rank: girls.parse().ok()?,
            fr_boys_rank: boys.parse().ok()?,
            also_word: flags.contains('w'),
        },
    ))
}

fn parse_surname(cols: Cols) -> Option<(&'static str, Surname)> {
    let [key, us, fr, flags] = cols[..] else {
        return None;
    };
    Some((
        key,
        Surname {
            us_rank: us.parse().ok()?,
            fr_rank: fr.parse().ok()?,
            also_word: flags.contains('w'),
        },
    ))
}

fn parse_place(cols: Cols) -> Option<Place> {
    let [kind, country, population, name, flags] = cols[..] else {
        return None;
    };
    let kind = match kind {
        "country" => PlaceKind::Country,
        "region" => PlaceKind::Region,
        "city" => PlaceKind::City,
        "area" => PlaceKind::Area,
        _ => return None,
    };
    Some(Place {
        kind,
        country,
        population: population.parse().ok()?,
        name,
        also_word: flags.contains('w'),
    })
}

fn parse_demonym(cols: Cols) -> Option<(&'static str, Demonym)> {
    let [key, country, lang, form] = cols[..] else {
        return None;
    };
    let lang = match lang {
        "en" => Lang::En,
        "fr" => Lang::Fr,
        _ => return None,
    };
    let (plural, feminine) = match form {
        "a" | "m" => (false, false),
        "p" | "mp" => (true, false),
        "f" => (false, true),
        "fp" => (true, true),
        _ => return None,
    };
    Some((
        key,
        Demonym {
            country,
            lang,
            plural,
            feminine,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data_lines(text: &str) -> Vec<&str> {
        text.lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    }

    #[test]
    fn every_line_of_the_data_parses() {
        let t = tables();
        assert_eq!(t.given.len(), data_lines(GIVEN_NAMES).len());
        assert_eq!(t.surnames.len(), data_lines(SURNAMES).len());
        assert_eq!(t.places.len(), data_lines(PLACES).len());
        assert_eq!(t.place_names.len(), data_lines(PLACE_NAMES).len());
        let demonym_keys: FxHashSet<&str> = data_lines(DEMONYMS)
            .iter()
            .filter_map(|l| l.split('\t').next())
            .collect();
        assert_eq!(t.demonyms.len(), demonym_keys.len());
        assert!(t.given.len() > 30_000 && t.places.len() > 10_000);
    }

    #[test]
    fn keys_are_folded_and_unique() {
        let keys = |text: &str, unique: bool| {
            let keys: Vec<&str> = data_lines(text)
                .iter()
                .filter_map(|l| l.split('\t').next())
                .collect();
            for k in &keys {
                assert_eq!(
                    fold(k).as_str(),
                    *k,
                    "key not folded like the script: {k:?}"
                );
            }
            for pair in keys.windows(2) {
                let ok = if unique {
                    pair[0] < pair[1]
                } else {
                    pair[0] <= pair[1]
                };
                assert!(ok, "keys out of order or repeated: {pair:?}");
            }
        };
        keys(GIVEN_NAMES, true);
        keys(SURNAMES, true);
        keys(PLACE_NAMES, true);
        keys(DEMONYMS, false);
    }

    #[test]
    fn folding_drops_case_accents_and_dashes() {
        assert_eq!(fold("Saint-Étienne").as_str(), "saint etienne");
        assert_eq!(fold("  New   York ").as_str(), "new york");
        assert_eq!(fold("Łódź").as_str(), "lodz");
        assert_eq!(fold("Straße").as_str(), "strasse");
        assert_eq!(fold("L’Aquila").as_str(), "l'aquila");
        assert_eq!(fold("Bois–Colombes").as_str(), "bois colombes");
        assert_eq!(fold("ŒUVRE").as_str(), "oeuvre");
        assert_eq!(fold("-").as_str(), "");
    }

    /// The folding of the rebuild script, whole-string NFKD then the same mapping.
    fn fold_by_nfkd(word: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        let mut out = String::new();
        let mut space = false;
        for c in word.nfkd() {
            push_folded(&mut out, &mut space, c);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn char_by_char_decomposition_folds_like_nfkd(word in "\\PC{0,40}") {
            proptest::prop_assert_eq!(fold_unicode(&word), fold_by_nfkd(&word));
        }

        #[test]
        fn the_ascii_shortcut_folds_like_the_general_path(word in "[ -~\t\n]{0,60}") {
            let folded = fold(&word);
            proptest::prop_assert_eq!(folded.as_str(), fold_unicode(&word));
        }
    }

    #[test]
    fn given_names_of_both_languages_and_of_the_news() {
        for name in [
            "Marie",
            "Jean",
            "Françoise",
            "FRANÇOISE",
            "francoise",
            "Hélène",
            "Jean-Pierre",
            "Mohammed",
            "Fatima",
            "Priya",
            "Arjun",
            "Giuseppe",
            "Javier",
            "Vladimir",
            "Dmitri",
            "Kenji",
            "Akira",
            "Olaf",
            "Emmanuel",
            "Ngozi",
            "Elon",
            "Sam",
            "Satya",
        ] {
            assert!(is_given_name(name), "{name} should be a given name");
        }
        for word in [
            "Microsoft",
            "OpenAI",
            "Board",
            "Company",
            "Together",
            "Interim",
            "Zxqv",
        ] {
            assert!(!is_given_name(word), "{word} is no given name");
        }
    }

    #[test]
    fn given_names_say_how_common_and_whether_also_a_word() {
        let mark = given_name("Mark").unwrap();
        assert!(mark.is_common() && mark.also_word);
        let will = given_name("will").unwrap();
        assert!(will.also_word);
        let apple = given_name("Apple").unwrap();
        assert!(!apple.is_common(), "Apple is a rare name: {apple:?}");
        assert!(!given_name("Hélène").unwrap().also_word);
        let marie = given_name("Marie").unwrap();
        assert_eq!((marie.fr_band, marie.fr_girls_rank), (3, 1));
    }

    #[test]
    fn gender_follows_the_text_language_first() {
        let jean = given_name("Jean").unwrap();
        assert_eq!(jean.likely_female(Lang::Fr), Some(false));
        assert_eq!(jean.likely_female(Lang::En), Some(true));
        assert_eq!(
            given_name("Hélène").unwrap().likely_female(Lang::En),
            Some(true)
        );
        assert_eq!(
            given_name("Mohammed").unwrap().likely_female(Lang::Fr),
            Some(false)
        );
        let camille = given_name("Camille").unwrap();
        assert_eq!(camille.likely_female(Lang::Fr), None, "{camille:?}");
    }

    #[test]
    fn surnames_of_both_countries() {
        let smith = surname("SMITH").unwrap();
        assert_eq!(smith.us_rank, 1);
        assert!(smith.also_word);
        assert_eq!(surname("Martin").unwrap().fr_rank, 1);
        for name in [
            "Dupont",
            "Lefèvre",
            "Nguyen",
            "García",
            "O'Brien",
            "O’Brien",
            "Hilton",
        ] {
            assert!(is_surname(name), "{name} should be a surname");
        }
        for word in ["Microsoft", "Logistique", "Ventures", "Zxqv"] {
            assert!(!is_surname(word), "{word} is no surname");
        }
    }

    fn reading(name: &str) -> (PlaceKind, &'static str, &'static str) {
        let p = place(name).unwrap_or_else(|| panic!("{name} should be a place"));
        (p.kind, p.country, p.name)
    }

    #[test]
    fn countries_in_french_and_english() {
        use PlaceKind::Country;
        for (fr, en, code) in [
            ("Allemagne", "Germany", "DE"),
            ("Royaume-Uni", "United Kingdom", "GB"),
            ("États-Unis", "United States", "US"),
            ("Pays-Bas", "Netherlands", "NL"),
            ("Côte d’Ivoire", "Ivory Coast", "CI"),
            ("Corée du Sud", "South Korea", "KR"),
            ("Chine", "China", "CN"),
        ] {
            assert_eq!((reading(fr).0, reading(fr).1), (Country, code), "{fr}");
            assert_eq!((reading(en).0, reading(en).1), (Country, code), "{en}");
        }
        assert_eq!(reading("Etats Unis d'Amérique").1, "US");
        assert_eq!(reading("Taiwan").0, Country);
    }

    #[test]
    fn acronyms_match_only_in_capitals() {
        assert_eq!(reading("US").1, "US");
        assert_eq!(reading("USA").1, "US");
        assert_eq!(reading("UK").1, "GB");
        assert_eq!(place("us"), None);
        assert_eq!(place("Us"), None);
    }

    #[test]
    fn cities_in_french_and_english() {
        use PlaceKind::City;
        for (fr, en, code, name) in [
            ("Londres", "London", "GB", "London"),
            ("Pékin", "Beijing", "CN", "Beijing"),
            ("Varsovie", "Warsaw", "PL", "Warsaw"),
            ("Le Caire", "Cairo", "EG", "Cairo"),
            ("La Haye", "The Hague", "NL", "The Hague"),
            ("Munich", "München", "DE", "Munich"),
            ("Saint-Étienne", "Saint Etienne", "FR", "Saint-Étienne"),
            ("Düsseldorf", "Dusseldorf", "DE", "Düsseldorf"),
        ] {
            assert_eq!(reading(fr), (City, code, name), "{fr}");
            assert_eq!(reading(en), (City, code, name), "{en}");
        }
        let ny = place("New York").unwrap();
        assert_eq!((ny.kind, ny.country), (City, "US"));
        assert!(ny.population > 8_000_000);
        assert_eq!(reading("Cannes"), (City, "FR", "Cannes"));
    }

    #[test]
    fn regions_and_areas() {
        use PlaceKind::{Area, Region};
        assert_eq!(
            reading("Seine-Saint-Denis"),
            (Region, "FR", "Seine-Saint-Denis")
        );
        assert_eq!(reading("Bavaria").0, Region);
        assert_eq!(reading("California"), (Region, "US", "California"));
        assert_eq!(reading("Écosse"), (Region, "GB", "Scotland"));
        assert_eq!(reading("Europe").0, Area);
        assert_eq!(reading("Afrique").0, Area);
        // Names shared by the subdivisions of many countries say nothing.
        assert_eq!(place("Central"), None);
        assert_eq!(place("Northern"), None);
    }

    #[test]
    fn ambiguous_names_list_every_reading_best_first() {
        let georgia: Vec<_> = places("Georgia").map(|p| (p.kind, p.country)).collect();
        assert_eq!(georgia[0], (PlaceKind::Country, "GE"));
        assert!(georgia.contains(&(PlaceKind::Region, "US")));
        let vienne: Vec<_> = places("Vienne").map(|p| (p.kind, p.country)).collect();
        assert_eq!(vienne[0], (PlaceKind::City, "AT"));
        assert!(vienne.contains(&(PlaceKind::City, "FR")));
        assert!(place("Nice").unwrap().also_word);
        assert!(places("Orange").any(|p| p.country == "FR"));
        assert_eq!(places("Microsoft").count(), 0);
    }

    #[test]
    fn the_longest_place_at_the_start_of_some_words() {
        let (n, p) = longest_place(&["New", "York", "Times"]).unwrap();
        assert_eq!((n, p.name), (2, "New York City"));
        let (n, p) = longest_place(&["Rio", "de", "Janeiro", "est"]).unwrap();
        assert_eq!((n, p.country), (3, "BR"));
        let (n, p) = longest_place(&["Paris", "Hilton"]).unwrap();
        assert_eq!((n, p.country), (1, "FR"));
        assert_eq!(longest_place(&["Elon", "Musk"]), None);
        assert_eq!(longest_place(&[]), None);
        assert_eq!(longest_place(&["us", "and"]), None);
    }

    #[test]
    fn demonyms_in_both_languages_and_their_forms() {
        let d = |w: &str| demonym(w).unwrap_or_else(|| panic!("{w} should be a demonym"));
        assert_eq!((d("British").country, d("British").lang), ("GB", Lang::En));
        assert_eq!(d("Dutch").country, "NL");
        assert_eq!(d("Americans").country, "US");
        assert!(d("Americans").plural);
        assert_eq!(d("chinois").country, "CN");
        let allemande = d("allemande");
        assert_eq!(
            (allemande.country, allemande.feminine, allemande.plural),
            ("DE", true, false)
        );
        let americains = d("Américains");
        assert_eq!((americains.country, americains.lang), ("US", Lang::Fr));
        assert!(americains.plural && !americains.feminine);
        assert_eq!(d("Sud-Coréens").country, "KR");
        assert_eq!(demonym("Microsoft"), None);
    }
}
