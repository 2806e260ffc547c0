//! The data model: entities, typed relations, evidence and documents.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub use crate::date::{Date, Precision};
use crate::error::Error;

/// Entity identifier, assigned by the store in creation order.
pub type EntityId = u64;
/// Document identifier: a hash of the document's normalized text, so the same text maps to
/// the same id whatever file it came from.
pub type DocId = u64;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organization,
    Product,
    Media,
    Place,
    Group,
}

impl EntityKind {
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Product,
        EntityKind::Media,
        EntityKind::Place,
        EntityKind::Group,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Product => "product",
            EntityKind::Media => "media",
            EntityKind::Place => "place",
            EntityKind::Group => "group",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let t = s.trim().to_ascii_lowercase();
        let kind = match t.as_str() {
            "person" | "people" | "per" => EntityKind::Person,
            "organization" | "organisation" | "org" | "company" => EntityKind::Organization,
            "product" => EntityKind::Product,
            "media" => EntityKind::Media,
            "place" | "location" | "loc" => EntityKind::Place,
            "group" => EntityKind::Group,
            _ => return Err(Error::UnknownKind(s.to_string())),
        };
        Ok(kind)
    }
}

/// The twelve relation types: the core six, then the extended six.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[repr(u8)]
pub enum RelationKind {
    Founded = 0,
    Left = 1,
    Sued = 2,
    Partnered = 3,
    Praised = 4,
    Criticized = 5,
    Leads = 6,
    MemberOf = 7,
    InvestedIn = 8,
    Acquired = 9,
    Owns = 10,
    CompetesWith = 11,
}

impl RelationKind {
    pub const ALL: [RelationKind; 12] = [
        RelationKind::Founded,
        RelationKind::Left,
        RelationKind::Sued,
        RelationKind::Partnered,
        RelationKind::Praised,
        RelationKind::Criticized,
        RelationKind::Leads,
        RelationKind::MemberOf,
        RelationKind::InvestedIn,
        RelationKind::Acquired,
        RelationKind::Owns,
        RelationKind::CompetesWith,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Founded => "founded",
            RelationKind::Left => "left",
            RelationKind::Sued => "sued",
            RelationKind::Partnered => "partnered",
            RelationKind::Praised => "praised",
            RelationKind::Criticized => "criticized",
            RelationKind::Leads => "leads",
            RelationKind::MemberOf => "member_of",
            RelationKind::InvestedIn => "invested_in",
            RelationKind::Acquired => "acquired",
            RelationKind::Owns => "owns",
            RelationKind::CompetesWith => "competes_with",
        }
    }

    /// Symmetric relations are stored once (lower id first) and answered both ways.
    pub fn is_symmetric(self) -> bool {
        matches!(self, RelationKind::Partnered | RelationKind::CompetesWith)
    }

    pub fn is_core(self) -> bool {
        (self as u8) < 6
    }

    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn from_code(code: u8) -> Option<RelationKind> {
        RelationKind::ALL.get(code as usize).copied()
    }
}

impl fmt::Display for RelationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RelationKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let t = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        RelationKind::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == t)
            .ok_or_else(|| Error::UnknownRelation(s.to_string()))
    }
}

/// A person, organization, product, media outlet, place or group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: EntityId,
    pub name: String,
    pub kind: EntityKind,
    /// Every other surface form seen for this entity (the canonical name excluded).
    pub aliases: Vec<String>,
    /// Unix seconds of the first and last ingest that mentioned it.
    pub first_seen: u64,
    pub last_seen: u64,
}

/// The aggregate figures of one (source, relation, target) edge.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EdgeData {
    /// Number of distinct documents with evidence for the edge.
    pub documents: u32,
    /// Number of evidence sentences.
    pub evidence: u32,
    /// The earliest and latest dates the evidence states.
    pub first_date: Option<Date>,
    pub last_date: Option<Date>,
    /// How sure the evidence makes the edge: each document counts once (its most confident
    /// sentence; hedged sentences count less), and independent documents add up as
    /// `1 − Π(1 − c_doc)` (1.0 for imported edges). Queries lower it by the documents that
    /// deny the edge (`Store::add_doubt`).
    pub confidence: f32,
    /// Loaded by `import` or `restore` without evidence: such an edge outlives document removal.
    pub asserted: bool,
    /// Documents that deny the edge (its counter-evidence, kept apart in the store's `denials`
    /// tree): filled in by queries, never stored with the edge. An edge with some is contested.
    #[serde(skip)]
    pub denials: u32,
}

impl EdgeData {
    /// Stated somewhere and denied somewhere else.
    pub fn contested(&self) -> bool {
        self.denials > 0
    }
}

/// `1 − Π(1 − c)` over the most confident sentence of each document: several independent
/// documents make a claim surer than any one of them.
///
/// ```
/// use relgraph::model::{combined_confidence, Evidence, Polarity};
/// let ev = |doc, c| Evidence { doc, sentence: "s".into(), start: 0, end: 1, date: None,
///     rule: "r".into(), confidence: c, reported: None, polarity: Polarity::Affirmed };
/// let one = combined_confidence(&[ev(1, 0.8)]);
/// let three = combined_confidence(&[ev(1, 0.8), ev(2, 0.8), ev(3, 0.8)]);
/// assert!((one - 0.8).abs() < 1e-6 && three > 0.99);
/// // Two sentences of one document count once.
/// assert_eq!(combined_confidence(&[ev(1, 0.8), ev(1, 0.6)]), one);
/// ```
pub fn combined_confidence(evidence: &[Evidence]) -> f32 {
    let mut best: std::collections::BTreeMap<DocId, f32> = Default::default();
    for e in evidence {
        let c = best.entry(e.doc).or_insert(0.0);
        *c = c.max(e.confidence.clamp(0.0, 1.0));
    }
    1.0 - best.values().map(|c| 1.0 - c).product::<f32>()
}

/// One sentence that supports an edge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    #[serde(with = "doc_id_text")]
    pub doc: DocId,
    /// Shared by the edges of one sentence: a run-on sentence of 160 words giving 17
    /// edges was 17 copies of it.
    pub sentence: std::sync::Arc<str>,
    /// Byte span of the sentence in the document's normalized text.
    pub start: u32,
    pub end: u32,
    /// The date the sentence states for the relation (a year, a month or a day), if any.
    pub date: Option<Date>,
    /// The rule or pattern that fired.
    pub rule: String,
    pub confidence: f32,
    /// The date of the document the sentence comes from (when it was reported).
    #[serde(default)]
    pub reported: Option<Date>,
    /// Whether the sentence states the relation or denies it.
    #[serde(default)]
    pub polarity: Polarity,
}

/// Whether a sentence states a relation ("X a fondé Y") or denies it ("X a démenti tout
/// partenariat avec Y", "n'a jamais fondé"). A denial is counter-evidence: it never makes
/// an edge on its own, but an edge with both kinds is contested.
///
/// ```
/// use relgraph::model::Polarity;
/// assert_eq!(Polarity::default(), Polarity::Affirmed);
/// assert_eq!(serde_json::to_string(&Polarity::Denied).unwrap(), "\"denied\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    #[default]
    Affirmed,
    Denied,
}

impl Polarity {
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Affirmed => "affirmed",
            Polarity::Denied => "denied",
        }
    }
}

/// Where a document's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// Given by the user (`ingest --date`).
    #[serde(rename = "flag")]
    Given,
    /// The article's metadata: front matter, HTML meta tags, `<time datetime>`.
    Metadata,
    /// A dateline among the first lines of the text.
    Dateline,
}

impl DateSource {
    /// What `docs` prints: `flag`, `metadata`, `dateline`; `unknown` when there is no date.
    pub fn describe(source: Option<DateSource>) -> &'static str {
        match source {
            Some(DateSource::Given) => "flag",
            Some(DateSource::Metadata) => "metadata",
            Some(DateSource::Dateline) => "dateline",
            None => "unknown",
        }
    }
}

/// An ingested article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    #[serde(with = "doc_id_text")]
    pub id: DocId,
    pub title: String,
    pub source: String,
    pub lang: String,
    pub ingested_at: u64,
    /// The edges this document gave evidence for, so that removing it is exact.
    pub edges: Vec<EdgeKey>,
    /// When the article was written, and where that was read (`None`: unknown).
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub date_source: Option<DateSource>,
    /// The triples this document denies (their counter-evidence), so that removing it is exact.
    #[serde(default)]
    pub denied: Vec<EdgeKey>,
    /// The entities it named that none of its edges touch, so that removing it removes them
    /// too when nothing else names them. `None`: stored before schema 4 kept this list.
    #[serde(default)]
    pub edgeless: Option<Vec<EntityId>>,
}

/// The identity of an edge. Symmetric relations are kept with `source < target`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EdgeKey {
    pub source: EntityId,
    pub relation: RelationKind,
    pub target: EntityId,
}

impl EdgeKey {
    /// Builds the key in canonical order (symmetric relations: lower id first).
    pub fn new(source: EntityId, relation: RelationKind, target: EntityId) -> EdgeKey {
        if relation.is_symmetric() && target < source {
            EdgeKey {
                source: target,
                relation,
                target: source,
            }
        } else {
            EdgeKey {
                source,
                relation,
                target,
            }
        }
    }
}

/// The id of a text: FNV-1a over its normalized bytes. Stable across runs and machines.
pub fn doc_id_for(normalized_text: &str) -> DocId {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in normalized_text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A document id as users see it: 16 hex digits (`relgraph docs`, `extract`, `dump`).
pub fn doc_id_hex(id: DocId) -> String {
    format!("{id:016x}")
}

/// Document ids in serde: 16 hex digits in text formats (a dump says what `docs` says),
/// the plain integer in binary ones (the store's encoding is unchanged). Text also accepts
/// the integer, as dumps written before wrote it.
mod doc_id_text {
    use serde::{de, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(id: &u64, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.serialize_str(&super::doc_id_hex(*id))
        } else {
            s.serialize_u64(*id)
        }
    }

    struct IdVisitor;

    impl de::Visitor<'_> for IdVisitor {
        type Value = u64;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a document id (16 hex digits)")
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
            Ok(v)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<u64, E> {
            super::parse_doc_id(v).map_err(E::custom)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        if d.is_human_readable() {
            d.deserialize_any(IdVisitor)
        } else {
            d.deserialize_u64(IdVisitor)
        }
    }
}

/// Reads a document id written in hex (as `doc_id_hex` writes it); a `0x` prefix is allowed.
pub fn parse_doc_id(s: &str) -> Result<DocId, String> {
    let t = s.trim();
    let t = t.strip_prefix("0x").unwrap_or(t);
    if t.is_empty() || t.len() > 16 || !t.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(format!(
            "`{s}` is not a document id (16 hex digits, as `relgraph docs` prints them)"
        ));
    }
    u64::from_str_radix(t, 16).map_err(|e| e.to_string())
}

/// A name as it may be stored: control characters (ESC and the like, which would drive a
/// terminal that prints the name) and characters no XML may hold (U+FFFE, U+FFFF, the
/// other noncharacters) dropped; line breaks and tabs kept, as a CSV field may hold them.
/// Ingest gets the same from its text normalization; import, restore, `alias`, `rename`
/// and `add-edge` pass names through this.
pub fn clean_name(name: &str) -> String {
    let unwanted = |c: char| {
        (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            || (c as u32 & 0xfffe) == 0xfffe
            || ('\u{fdd0}'..='\u{fdef}').contains(&c)
    };
    if !name.contains(unwanted) {
        return name.to_string();
    }
    name.chars().filter(|c| !unwanted(*c)).collect()
}

/// The key under which a name is indexed: accents and case folded, apostrophes and quotes
/// unified, white space collapsed, surrounding punctuation dropped.
pub fn name_key(name: &str) -> String {
    // Most names are ASCII, where decomposition changes nothing: skip its machinery (it
    // was the largest cost of a million-row import).
    if name.is_ascii() {
        let mut out = String::with_capacity(name.len());
        for word in name
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
        {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        }
        let is_edge = |c: char| c.is_ascii_punctuation() || c.is_whitespace();
        return out.trim_matches(is_edge).to_string();
    }
    name_key_unicode(name)
}

fn name_key_unicode(name: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{02bc}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}' => '"',
            c => c,
        };
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        for l in c.to_lowercase() {
            out.push(l);
        }
    }
    let is_edge = |c: char| c.is_ascii_punctuation() || c.is_whitespace();
    out.trim_matches(is_edge).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_ascii_shortcut_folds_like_the_general_path(name in "[ -~\t\n\x0b\x0c\r]{0,24}") {
            proptest::prop_assert_eq!(name_key(&name), name_key_unicode(&name));
        }
    }

    #[test]
    fn relation_names_round_trip() {
        for r in RelationKind::ALL {
            assert_eq!(r.as_str().parse::<RelationKind>().unwrap(), r);
            assert_eq!(RelationKind::from_code(r.code()), Some(r));
        }
        assert_eq!(
            "Member-Of".parse::<RelationKind>().unwrap(),
            RelationKind::MemberOf
        );
        assert!("likes".parse::<RelationKind>().is_err());
    }

    #[test]
    fn symmetric_keys_are_canonical() {
        let a = EdgeKey::new(9, RelationKind::Partnered, 3);
        assert_eq!((a.source, a.target), (3, 9));
        let b = EdgeKey::new(9, RelationKind::Sued, 3);
        assert_eq!((b.source, b.target), (9, 3));
    }

    #[test]
    fn name_keys_fold_case_accents_and_quotes() {
        assert_eq!(name_key("  « Élon   MUSK » "), "elon musk");
        assert_eq!(name_key("la société d’IA"), name_key("La Societe d'ia"));
    }
}
