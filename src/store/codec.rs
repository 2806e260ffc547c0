//! Value encoding (a version byte, then bincode) and key layouts (big-endian, so that a
//! prefix scan walks one entity's edges in order).

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::model::{Date, EdgeData, EdgeKey, EntityId, RelationKind};

/// Bumped when the layout of any stored value changes; older bytes are then refused.
pub const VALUE_VERSION: u8 = 1;

pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    let mut out = vec![VALUE_VERSION];
    // Encoding into a Vec cannot fail for our plain data types.
    let body = bincode::serde::encode_to_vec(value, bincode::config::standard())
        .expect("bincode encodes plain data into a Vec");
    out.extend_from_slice(&body);
    out
}

/// Decodes a stored value; `Err` carries a description of what is wrong with the bytes.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    match bytes.split_first() {
        None => Err("empty value".to_string()),
        Some((&VALUE_VERSION, body)) => {
            let (value, used) =
                bincode::serde::decode_from_slice(body, bincode::config::standard())
                    .map_err(|e| format!("undecodable value: {e}"))?;
            if used != body.len() {
                return Err(format!("{} trailing bytes after value", body.len() - used));
            }
            Ok(value)
        }
        Some((v, _)) => Err(format!("value version {v}, expected {VALUE_VERSION}")),
    }
}

pub fn id_key(id: u64) -> [u8; 8] {
    id.to_be_bytes()
}

pub fn read_u64(bytes: &[u8]) -> Option<u64> {
    Some(u64::from_be_bytes(bytes.get(..8)?.try_into().ok()?))
}

pub const EDGE_KEY_LEN: usize = 17;

/// The 17-byte form of an edge (source, relation, target): the prefix of its evidence keys.
pub fn out_key(k: &EdgeKey) -> [u8; EDGE_KEY_LEN] {
    let mut key = [0u8; EDGE_KEY_LEN];
    key[..8].copy_from_slice(&k.source.to_be_bytes());
    key[8] = k.relation.code();
    key[9..].copy_from_slice(&k.target.to_be_bytes());
    key
}

pub fn edge_from_out_key(key: &[u8]) -> Option<EdgeKey> {
    let (source, relation, target) = split_triple(key)?;
    Some(EdgeKey {
        source,
        relation,
        target,
    })
}

/// `in` tree key of an edge written on its own: target, relation, source.
pub fn in_key(k: &EdgeKey) -> [u8; EDGE_KEY_LEN] {
    out_key(&EdgeKey {
        source: k.target,
        relation: k.relation,
        target: k.source,
    })
}

pub fn edge_from_in_key(key: &[u8]) -> Option<EdgeKey> {
    let (target, relation, source) = split_triple(key)?;
    Some(EdgeKey {
        source,
        relation,
        target,
    })
}

fn split_triple(key: &[u8]) -> Option<(EntityId, RelationKind, EntityId)> {
    if key.len() != EDGE_KEY_LEN {
        return None;
    }
    Some((
        read_u64(&key[..8])?,
        RelationKind::from_code(key[8])?,
        read_u64(&key[9..])?,
    ))
}

/// What one entry of the `out` or `in` tree holds.
pub enum AdjacencyKey {
    /// An 8-byte key: the entity's row of bulk-loaded edges.
    Row(EntityId),
    /// A 17-byte key: one edge written by ingest, merge or document removal.
    Single(EdgeKey),
}

/// Reads an `out` (`incoming == false`) or `in` tree key.
pub fn adjacency_key(key: &[u8], incoming: bool) -> Option<AdjacencyKey> {
    match key.len() {
        8 => read_u64(key).map(AdjacencyKey::Row),
        EDGE_KEY_LEN if incoming => edge_from_in_key(key).map(AdjacencyKey::Single),
        EDGE_KEY_LEN => edge_from_out_key(key).map(AdjacencyKey::Single),
        _ => None,
    }
}

// ---- adjacency rows ---------------------------------------------------------------------
//
// Bulk loads (import, restore) write one value per entity and direction holding all its
// edges, sorted by (relation, other end). A key per edge cost sled about 180 bytes and 6 µs
// of import each; a row costs a few bytes per edge: the relation, the other end as a varint
// delta from the previous entry, and for outgoing edges a flags byte followed only by the
// figures that differ from an imported edge. Ingest writes one key per edge instead: growing
// a row by one edge per document would rewrite it whole each time (quadratic for an entity
// that every article mentions).

/// An outgoing edge in a row: relation, target, figures.
pub type OutEntry = (RelationKind, EntityId, EdgeData);
/// An incoming edge in a row: relation, source.
pub type InEntry = (RelationKind, EntityId);

const ROW_VERSION: u8 = 2;
const F_ASSERTED: u8 = 1;
const F_CONFIDENCE: u8 = 2;
const F_COUNTS: u8 = 4;
const F_FIRST_DATE: u8 = 8;
const F_LAST_DATE: u8 = 16;

/// Position of (relation, other end) in a sorted row: `Ok` when present.
pub fn row_position<T>(
    row: &[(RelationKind, EntityId, T)],
    relation: RelationKind,
    other: EntityId,
) -> std::result::Result<usize, usize> {
    row.binary_search_by(|e| (e.0, e.1).cmp(&(relation, other)))
}

pub fn in_row_position(
    row: &[InEntry],
    relation: RelationKind,
    other: EntityId,
) -> std::result::Result<usize, usize> {
    row.binary_search(&(relation, other))
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// Zigzag delta, so that a step back (a new relation restarts the order) stays short.
fn delta(prev: EntityId, next: EntityId) -> u64 {
    let d = next.wrapping_sub(prev) as i64;
    ((d << 1) ^ (d >> 63)) as u64
}

fn undelta(prev: EntityId, z: u64) -> EntityId {
    let d = ((z >> 1) as i64) ^ -((z & 1) as i64);
    prev.wrapping_add(d as u64)
}

pub fn encode_out_row(row: &[OutEntry]) -> Vec<u8> {
    let mut out = Vec::with_capacity(2 + row.len() * 6);
    out.push(ROW_VERSION);
    put_varint(&mut out, row.len() as u64);
    let mut prev = 0;
    for (relation, target, d) in row {
        out.push(relation.code());
        put_varint(&mut out, delta(prev, *target));
        prev = *target;
        let mut flags = 0;
        if d.asserted {
            flags |= F_ASSERTED;
        }
        if d.confidence != 1.0 {
            flags |= F_CONFIDENCE;
        }
        if d.documents != 0 || d.evidence != 0 {
            flags |= F_COUNTS;
        }
        if d.first_date.is_some() {
            flags |= F_FIRST_DATE;
        }
        if d.last_date.is_some() {
            flags |= F_LAST_DATE;
        }
        out.push(flags);
        if flags & F_CONFIDENCE != 0 {
            out.extend_from_slice(&d.confidence.to_le_bytes());
        }
        if flags & F_COUNTS != 0 {
            put_varint(&mut out, d.documents as u64);
            put_varint(&mut out, d.evidence as u64);
        }
        for date in [&d.first_date, &d.last_date].into_iter().flatten() {
            put_str(&mut out, &date.to_string());
        }
    }
    out
}

pub fn encode_in_row(row: &[InEntry]) -> Vec<u8> {
    let mut out = Vec::with_capacity(2 + row.len() * 4);
    out.push(ROW_VERSION);
    put_varint(&mut out, row.len() as u64);
    let mut prev = 0;
    for (relation, source) in row {
        out.push(relation.code());
        put_varint(&mut out, delta(prev, *source));
        prev = *source;
    }
    out
}

/// Reads a row's bytes, refusing anything truncated, unknown or out of order.
struct RowReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> RowReader<'a> {
    fn new(bytes: &'a [u8]) -> Result<(RowReader<'a>, usize), String> {
        match bytes.first() {
            Some(&ROW_VERSION) => {}
            Some(v) => return Err(format!("row version {v}, expected {ROW_VERSION}")),
            None => return Err("empty row".into()),
        }
        let mut r = RowReader { bytes, at: 1 };
        let n = r.varint()?;
        // Every entry takes at least two bytes: a count beyond that is damage, not a size hint.
        if n > bytes.len() as u64 {
            return Err(format!("row claims {n} entries in {} bytes", bytes.len()));
        }
        Ok((r, n as usize))
    }

    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or("truncated row")?;
        self.at += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("overlong varint in row".into())
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).ok_or("truncated row")?;
        let s = self.bytes.get(self.at..end).ok_or("truncated row")?;
        self.at = end;
        Ok(s)
    }

    fn date(&mut self) -> Result<Date, String> {
        let n = self.varint()? as usize;
        let s = self.take(n)?;
        std::str::from_utf8(s)
            .ok()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| "a date in a row is unreadable".to_string())
    }

    /// The next (relation, other end), checked to come after `prev` in row order.
    fn head(
        &mut self,
        prev: Option<(RelationKind, EntityId)>,
    ) -> Result<(RelationKind, EntityId), String> {
        let code = self.byte()?;
        let relation =
            RelationKind::from_code(code).ok_or(format!("unknown relation code {code}"))?;
        let other = undelta(prev.map_or(0, |p| p.1), self.varint()?);
        if prev.is_some_and(|p| p >= (relation, other)) {
            return Err("row entries out of order".into());
        }
        Ok((relation, other))
    }

    fn finish(self) -> Result<(), String> {
        match self.bytes.len() - self.at {
            0 => Ok(()),
            n => Err(format!("{n} trailing bytes after row")),
        }
    }
}

pub fn decode_out_row(bytes: &[u8]) -> Result<Vec<OutEntry>, String> {
    let (mut r, n) = RowReader::new(bytes)?;
    let mut row: Vec<OutEntry> = Vec::with_capacity(n);
    let mut prev = None;
    for _ in 0..n {
        let (relation, target) = r.head(prev)?;
        prev = Some((relation, target));
        let flags = r.byte()?;
        if flags & !(F_ASSERTED | F_CONFIDENCE | F_COUNTS | F_FIRST_DATE | F_LAST_DATE) != 0 {
            return Err(format!("unknown edge flags {flags:#x}"));
        }
        let mut d = EdgeData {
            asserted: flags & F_ASSERTED != 0,
            denials: 0,
            confidence: 1.0,
            ..Default::default()
        };
        if flags & F_CONFIDENCE != 0 {
            let b = r.take(4)?;
            d.confidence = f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        }
        if flags & F_COUNTS != 0 {
            d.documents = u32::try_from(r.varint()?).map_err(|_| "document count too large")?;
            d.evidence = u32::try_from(r.varint()?).map_err(|_| "evidence count too large")?;
        }
        if flags & F_FIRST_DATE != 0 {
            d.first_date = Some(r.date()?);
        }
        if flags & F_LAST_DATE != 0 {
            d.last_date = Some(r.date()?);
        }
        row.push((relation, target, d));
    }
    r.finish()?;
    Ok(row)
}

pub fn decode_in_row(bytes: &[u8]) -> Result<Vec<InEntry>, String> {
    let (mut r, n) = RowReader::new(bytes)?;
    let mut row = Vec::with_capacity(n);
    let mut prev = None;
    for _ in 0..n {
        let head = r.head(prev)?;
        prev = Some(head);
        row.push(head);
    }
    r.finish()?;
    Ok(row)
}

/// Calls `f` with each (relation, other end) of a row of either direction, without building
/// the figures: what walks need.
pub fn for_each_row_edge(
    bytes: &[u8],
    outgoing: bool,
    mut f: impl FnMut(RelationKind, EntityId),
) -> Result<(), String> {
    let (mut r, n) = RowReader::new(bytes)?;
    let mut prev = None;
    for _ in 0..n {
        let head = r.head(prev)?;
        prev = Some(head);
        if outgoing {
            let flags = r.byte()?;
            if flags & F_CONFIDENCE != 0 {
                r.take(4)?;
            }
            if flags & F_COUNTS != 0 {
                r.varint()?;
                r.varint()?;
            }
            for bit in [F_FIRST_DATE, F_LAST_DATE] {
                if flags & bit != 0 {
                    let len = r.varint()? as usize;
                    r.take(len)?;
                }
            }
        }
        f(head.0, head.1);
    }
    r.finish()
}

/// `evidence` tree key: the edge's out key, the document, a sequence number in that document.
pub fn evidence_key(k: &EdgeKey, doc: u64, n: u32) -> [u8; EDGE_KEY_LEN + 12] {
    let mut key = [0u8; EDGE_KEY_LEN + 12];
    key[..EDGE_KEY_LEN].copy_from_slice(&out_key(k));
    key[EDGE_KEY_LEN..EDGE_KEY_LEN + 8].copy_from_slice(&doc.to_be_bytes());
    key[EDGE_KEY_LEN + 8..].copy_from_slice(&n.to_be_bytes());
    key
}

/// Splits an evidence key into (edge, document, sequence number).
pub fn split_evidence_key(key: &[u8]) -> Option<(EdgeKey, u64, u32)> {
    if key.len() != EDGE_KEY_LEN + 12 {
        return None;
    }
    let edge = edge_from_out_key(&key[..EDGE_KEY_LEN])?;
    let doc = read_u64(&key[EDGE_KEY_LEN..])?;
    let n = u32::from_be_bytes(key[EDGE_KEY_LEN + 8..].try_into().ok()?);
    Some((edge, doc, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_carry_their_version() {
        let bytes = encode(&vec![1u64, 2, 3]);
        assert_eq!(bytes[0], VALUE_VERSION);
        assert_eq!(decode::<Vec<u64>>(&bytes).unwrap(), vec![1, 2, 3]);
        let mut other = bytes.clone();
        other[0] = 99;
        assert!(decode::<Vec<u64>>(&other)
            .unwrap_err()
            .contains("version 99"));
    }

    #[test]
    fn keys_round_trip_and_sort_by_source() {
        let k = EdgeKey::new(7, RelationKind::Sued, 300);
        assert_eq!(edge_from_out_key(&out_key(&k)), Some(k));
        assert_eq!(edge_from_in_key(&in_key(&k)), Some(k));
        let (e, d, n) = split_evidence_key(&evidence_key(&k, 42, 3)).unwrap();
        assert_eq!((e, d, n), (k, 42, 3));
        let lo = out_key(&EdgeKey::new(1, RelationKind::Sued, u64::MAX));
        let hi = out_key(&EdgeKey::new(2, RelationKind::Founded, 0));
        assert!(lo < hi);
    }

    fn sorted_out(mut row: Vec<OutEntry>) -> Vec<OutEntry> {
        row.sort_by_key(|e| (e.0, e.1));
        row.dedup_by(|a, b| (a.0, a.1) == (b.0, b.1));
        row
    }

    #[test]
    fn an_imported_edge_takes_a_few_bytes() {
        let imported = EdgeData {
            confidence: 1.0,
            asserted: true,
            denials: 0,
            ..Default::default()
        };
        let row: Vec<OutEntry> = (0..10)
            .map(|i| (RelationKind::Leads, 90_000 + i * 1_000, imported.clone()))
            .collect();
        let bytes = encode_out_row(&row);
        assert!(bytes.len() <= 2 + 10 * 6, "{} bytes", bytes.len());
        assert_eq!(decode_out_row(&bytes).unwrap(), row);
    }

    #[test]
    fn damaged_rows_are_refused() {
        let row = vec![(RelationKind::Sued, 5, EdgeData::default())];
        let bytes = encode_out_row(&row);
        assert!(decode_out_row(&bytes[..bytes.len() - 1]).is_err());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode_out_row(&longer).unwrap_err().contains("trailing"));
        let mut bad_rel = bytes.clone();
        bad_rel[2] = 77;
        assert!(decode_out_row(&bad_rel).unwrap_err().contains("relation"));
        let twice = encode_in_row(&[(RelationKind::Sued, 5), (RelationKind::Sued, 5)]);
        assert!(decode_in_row(&twice).unwrap_err().contains("order"));
    }

    proptest::proptest! {
        #[test]
        fn rows_round_trip(entries in proptest::collection::vec(
            (0u8..12, proptest::prelude::any::<u64>(), proptest::prelude::any::<bool>(),
             proptest::prelude::any::<u16>(), proptest::option::of((1u32..=9999, 0u32..=12, 1u32..=28))), 0..40)) {
            let row = sorted_out(entries.into_iter().map(|(r, id, asserted, n, date)| {
                (RelationKind::from_code(r).unwrap(), id, EdgeData {
                    documents: n as u32,
                    evidence: n as u32 * 2,
                    first_date: date.map(|(y, m, _)| Date::from_month(y as i64, m.max(1)).unwrap()),
                    last_date: date.map(|(y, m, d)| {
                        if m == 0 { Date::from_year(y as i64).unwrap() } else { Date::from_ymd(y as i64, m, d).unwrap() }
                    }),
                    confidence: if asserted { 1.0 } else { n as f32 / 7.0 },
                    asserted,
                    denials: 0,
                })
            }).collect());
            let back = decode_out_row(&encode_out_row(&row)).unwrap();
            proptest::prop_assert_eq!(&back, &row);
            let heads: Vec<InEntry> = row.iter().map(|e| (e.0, e.1)).collect();
            proptest::prop_assert_eq!(decode_in_row(&encode_in_row(&heads)).unwrap(), heads.clone());
            let mut walked = Vec::new();
            for_each_row_edge(&encode_out_row(&row), true, |r, id| walked.push((r, id))).unwrap();
            proptest::prop_assert_eq!(walked, heads);
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64)) {
            let _ = decode_out_row(&bytes);
            let _ = decode_in_row(&bytes);
            let _ = for_each_row_edge(&bytes, true, |_, _| {});
        }
    }
}
