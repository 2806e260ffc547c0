//! Name shapes the identity rules reason with: surnames, initials, a company's core name, and
//! whether two names can name one entity. Pure functions of the text of names (folded with
//! [`name_key`]); the store and `duplicates` decide what to do with the answers.

use crate::model::{name_key, EntityKind};

/// How two names can denote the same entity, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Likeness {
    /// The same folded name.
    Same,
    /// Two forms of one person's name: the same surname and compatible given names
    /// ("Jacqueline Scott Corley", "Jacqueline Corley"; "E. Musk", "Elon Musk").
    FullerName,
    /// The same organization name but for a legal suffix or a leading article
    /// ("Qualcomm Inc", "Qualcomm"; "Le Parisien", "Parisien").
    CoreName,
    /// An acronym and the initials of a longer name ("FTC", "Federal Trade Commission").
    Initials,
    /// A person's surname alone ("Musk", "Elon Musk").
    Surname,
    /// A person's given name alone ("Elon", "Elon Musk").
    GivenName,
    /// The first words of a longer organization name ("Activision", "Activision Blizzard").
    /// Weak: "Air" begins both "Air France" and "Air Liquide".
    Prefix,
}

impl Likeness {
    pub fn as_str(self) -> &'static str {
        match self {
            Likeness::Same => "same name",
            Likeness::FullerName => "fuller name",
            Likeness::CoreName => "core name",
            Likeness::Initials => "acronym",
            Likeness::Surname => "surname",
            Likeness::GivenName => "given name",
            Likeness::Prefix => "short form",
        }
    }
}

/// Words skipped when initials are taken ("Office for National Statistics" is ONS,
/// "Direction générale de la concurrence..." is DGC...).
const FUNCTION_WORDS: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "at", "to", "&", "de", "du", "des", "la", "le", "les",
    "et", "en", "a", "au", "aux", "pour", "sur", "y", "del", "della", "der", "und", "für",
];

/// Trailing words that mark a company's legal form or corporate group, not its name.
const LEGAL_SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "corp",
    "corporation",
    "co",
    "company",
    "plc",
    "llc",
    "llp",
    "lp",
    "sa",
    "sas",
    "sarl",
    "se",
    "ag",
    "gmbh",
    "nv",
    "bv",
    "spa",
    "ab",
    "asa",
    "oyj",
    "kgaa",
    "group",
    "groupe",
    "holding",
    "holdings",
    "international",
];

/// Leading words that are no part of the name ("Le Parisien", "Groupe Renault").
const LEADING_ARTICLES: &[&str] = &["the", "le", "la", "les", "l", "groupe", "group"];

/// Titles and honorifics before a person's name.
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "m", "mme", "mlle", "me",
    "prof",
];

/// Generational suffixes after a person's name.
const GENERATIONAL: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Particles that belong to a surname ("de Castries", "Le Maire", "van Gogh").
const SURNAME_PARTICLES: &[&str] = &[
    "de", "du", "des", "d", "le", "la", "van", "von", "der", "den", "di", "da", "del", "dos",
];

/// A word of a folded name without the punctuation around it ("inc." → "inc", "d'etat" →
/// "etat" where the elided article goes).
fn bare(word: &str) -> &str {
    let w = word.trim_matches(|c: char| c.is_ascii_punctuation() && c != '&' && c != '+');
    match w.split_once('\'') {
        Some(("l" | "d", tail)) if !tail.is_empty() => tail,
        _ => w,
    }
}

fn words(key: &str) -> Vec<&str> {
    key.split(' ').map(bare).filter(|w| !w.is_empty()).collect()
}

/// A person's name words without honorifics before or generational suffixes after.
fn person_words(key: &str) -> Vec<&str> {
    let mut w = words(key);
    while w.len() > 1 && HONORIFICS.contains(&w[0]) {
        w.remove(0);
    }
    while w.len() > 1 && GENERATIONAL.contains(w.last().expect("non-empty")) {
        w.pop();
    }
    w
}

/// The surname forms of a person's full name: the last word, and with its particles when it
/// has some ("Henri de Castries" → "castries", "de castries"). None for a one-word name.
pub fn surnames(name: &str) -> Vec<String> {
    let key = name_key(name);
    let w = person_words(&key);
    if w.len() < 2 {
        return Vec::new();
    }
    let last = w.len() - 1;
    let mut out = vec![w[last].to_string()];
    let mut start = last;
    while start > 1 && SURNAME_PARTICLES.contains(&w[start - 1]) {
        start -= 1;
    }
    if start < last {
        out.push(w[start..].join(" "));
    }
    out
}

/// True when the surface form is written as an acronym: two to eight capital letters,
/// dots allowed ("FTC", "F.T.C.", "LVMH"), no lowercase letter, no digit.
pub fn is_acronym(surface: &str) -> bool {
    let s = surface.trim();
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&letters)
        && s.chars()
            .all(|c| (c.is_alphabetic() && c.is_uppercase()) || c == '.' || c == '&')
}

/// The folded letters of an acronym ("F.T.C." → "ftc").
pub fn acronym_key(surface: &str) -> String {
    name_key(surface)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The initials of a name of two or more content words ("Federal Trade Commission" →
/// "ftc"); None for shorter names.
pub fn initials(name: &str) -> Option<String> {
    let key = name_key(name);
    let content: Vec<&str> = words(&key)
        .into_iter()
        .filter(|w| !FUNCTION_WORDS.contains(w))
        .collect();
    if content.len() < 2 {
        return None;
    }
    let out: String = content.iter().filter_map(|w| w.chars().next()).collect();
    out.chars().all(|c| c.is_alphabetic()).then_some(out)
}

/// An organization's name without legal suffixes and leading articles ("Softbank Group
/// Corp" → "softbank"; "Le Parisien" → "parisien"), when that leaves something different.
pub fn core_name(name: &str) -> Option<String> {
    let key = name_key(name);
    let mut w = words(&key);
    let before = w.len();
    while w.len() > 1 && LEADING_ARTICLES.contains(&w[0]) {
        w.remove(0);
    }
    while w.len() > 1 && LEGAL_SUFFIXES.contains(w.last().expect("non-empty")) {
        w.pop();
    }
    (w.len() < before).then(|| w.join(" "))
}

/// The weak forms under which the store finds a name it has not seen whole: surnames (for
/// persons), initials and core names (for organizations). The kind is checked by whoever
/// uses a match, so the forms depend on the name alone.
pub fn derived_forms(name: &str) -> Vec<(FormKind, String)> {
    let mut out: Vec<(FormKind, String)> = surnames(name)
        .into_iter()
        .map(|s| (FormKind::Surname, s))
        .collect();
    // Two-letter initials are shared by too many names to find anything by.
    if let Some(i) = initials(name).filter(|i| i.chars().count() >= 3) {
        out.push((FormKind::Initials, i));
    }
    if let Some(c) = core_name(name) {
        out.push((FormKind::Core, c));
    }
    out
}

/// Which rule derived a form, so that a lookup asks only for the forms that fit its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FormKind {
    Surname,
    Initials,
    Core,
}

impl FormKind {
    pub const ALL: [FormKind; 3] = [FormKind::Surname, FormKind::Initials, FormKind::Core];

    pub fn code(self) -> u8 {
        match self {
            FormKind::Surname => b's',
            FormKind::Initials => b'i',
            FormKind::Core => b'c',
        }
    }
}

/// Kinds that may name one entity when a name is only partly shared: the same kind, or
/// organization and media (a newspaper is a company too).
pub fn kinds_compatible(a: EntityKind, b: EntityKind) -> bool {
    use EntityKind::*;
    a == b || matches!((a, b), (Organization, Media) | (Media, Organization))
}

/// How names `a` and `b` may denote one entity of kind `kind` (person rules for persons,
/// organization rules otherwise); None when they cannot.
pub fn likeness(a: &str, b: &str, kind: EntityKind) -> Option<Likeness> {
    let (ka, kb) = (name_key(a), name_key(b));
    if ka.is_empty() || kb.is_empty() {
        return None;
    }
    if ka == kb {
        return Some(Likeness::Same);
    }
    if kind == EntityKind::Person {
        return person_likeness(&ka, &kb);
    }
    let (ca, cb) = (
        core_name(a).unwrap_or_else(|| ka.clone()),
        core_name(b).unwrap_or_else(|| kb.clone()),
    );
    if ca == cb {
        return Some(Likeness::CoreName);
    }
    let initials_of = |short: &str, long: &str| {
        is_acronym(short) && initials(long).is_some_and(|i| i == acronym_key(short))
    };
    if initials_of(a, b) || initials_of(b, a) {
        return Some(Likeness::Initials);
    }
    let (wa, wb) = (words(&ca), words(&cb));
    let (short, long) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    let distinctive = short
        .iter()
        .any(|w| !FUNCTION_WORDS.contains(w) && w.len() >= 2);
    if distinctive && short.len() < long.len() && long[..short.len()] == short[..] {
        return Some(Likeness::Prefix);
    }
    None
}

fn person_likeness(ka: &str, kb: &str) -> Option<Likeness> {
    let (wa, wb) = (person_words(ka), person_words(kb));
    if wa == wb {
        return Some(Likeness::FullerName);
    }
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    if short.is_empty() {
        return None;
    }
    if short.len() == 1 {
        let s = short[0];
        if long.len() >= 2 {
            if surnames(&long.join(" ")).iter().any(|x| x == s) {
                return Some(Likeness::Surname);
            }
            if long[0] == s {
                return Some(Likeness::GivenName);
            }
        }
        return None;
    }
    // Both have a given name and a surname: the surnames must agree, and the given names
    // (an initial stands for any given name with that letter).
    if short.last() != long.last() {
        return None;
    }
    let given_agree = |x: &str, y: &str| {
        x == y
            || (x.chars().count() == 1 && y.starts_with(x))
            || (y.chars().count() == 1 && x.starts_with(y))
    };
    given_agree(short[0], long[0]).then_some(Likeness::FullerName)
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    #[test]
    fn surnames_skip_titles_and_keep_particles() {
        assert_eq!(surnames("Elon Musk"), vec!["musk"]);
        assert_eq!(surnames("Gerard Williams III"), vec!["williams"]);
        assert_eq!(
            surnames("Henri de Castries"),
            vec!["castries", "de castries"]
        );
        assert_eq!(surnames("Mr. Giuliani"), Vec::<String>::new());
        assert!(surnames("Musk").is_empty());
    }

    #[test]
    fn initials_and_acronyms() {
        assert_eq!(initials("Federal Trade Commission").as_deref(), Some("ftc"));
        assert_eq!(
            initials("Office for National Statistics").as_deref(),
            Some("ons")
        );
        assert_eq!(
            initials("Cloud Infrastructure Services Providers in Europe").as_deref(),
            Some("cispe")
        );
        assert_eq!(initials("Apple"), None);
        assert!(is_acronym("FTC") && is_acronym("F.T.C.") && !is_acronym("Ftc"));
        assert!(!is_acronym("TF1") && !is_acronym("A"));
    }

    #[test]
    fn core_names_drop_legal_suffixes_and_articles() {
        assert_eq!(core_name("Qualcomm Inc").as_deref(), Some("qualcomm"));
        assert_eq!(
            core_name("Softbank Group Corp").as_deref(),
            Some("softbank")
        );
        assert_eq!(core_name("Apple, Inc.").as_deref(), Some("apple"));
        assert_eq!(core_name("Le Parisien").as_deref(), Some("parisien"));
        assert_eq!(core_name("Qualcomm"), None);
    }

    #[test]
    fn likeness_of_people() {
        let l = |a, b| likeness(a, b, Person);
        assert_eq!(l("Musk", "Elon Musk"), Some(Likeness::Surname));
        assert_eq!(l("Elon", "Elon Musk"), Some(Likeness::GivenName));
        assert_eq!(l("E. Musk", "Elon Musk"), Some(Likeness::FullerName));
        assert_eq!(
            l("Jacqueline Scott Corley", "Jacqueline Corley"),
            Some(Likeness::FullerName)
        );
        assert_eq!(l("Mr. Giuliani", "Giuliani"), Some(Likeness::FullerName));
        assert_eq!(l("Kimbal Musk", "Elon Musk"), None);
        assert_eq!(l("Castries", "Henri de Castries"), Some(Likeness::Surname));
    }

    #[test]
    fn likeness_of_organizations() {
        let l = |a, b| likeness(a, b, Organization);
        assert_eq!(l("Qualcomm Inc", "Qualcomm"), Some(Likeness::CoreName));
        assert_eq!(
            l("FTC", "Federal Trade Commission"),
            Some(Likeness::Initials)
        );
        assert_eq!(
            l("Activision", "Activision Blizzard"),
            Some(Likeness::Prefix)
        );
        assert_eq!(l("Air France", "Air Liquide"), None);
        assert_eq!(l("Ftc", "Federal Trade Commission"), None);
    }
}
