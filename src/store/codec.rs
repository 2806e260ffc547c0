//! Value encoding (a version byte, then bincode) and key layouts (big-endian, so that a
//! prefix scan walks one entity's edges in order).

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::model::{EdgeKey, EntityId, RelationKind};

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

/// `out` tree key: source, relation, target.
pub fn out_key(k: &EdgeKey) -> [u8; EDGE_KEY_LEN] {
    triple(k.source, k.relation, k.target)
}

/// `in` tree key: target, relation, source.
pub fn in_key(k: &EdgeKey) -> [u8; EDGE_KEY_LEN] {
    triple(k.target, k.relation, k.source)
}

fn triple(a: EntityId, r: RelationKind, b: EntityId) -> [u8; EDGE_KEY_LEN] {
    let mut key = [0u8; EDGE_KEY_LEN];
    key[..8].copy_from_slice(&a.to_be_bytes());
    key[8] = r.code();
    key[9..].copy_from_slice(&b.to_be_bytes());
    key
}

/// Splits a 17-byte adjacency key into (first id, relation, second id).
pub fn split_triple(key: &[u8]) -> Option<(EntityId, RelationKind, EntityId)> {
    if key.len() != EDGE_KEY_LEN {
        return None;
    }
    let a = read_u64(&key[..8])?;
    let r = RelationKind::from_code(key[8])?;
    let b = read_u64(&key[9..])?;
    Some((a, r, b))
}

pub fn edge_from_out_key(key: &[u8]) -> Option<EdgeKey> {
    let (source, relation, target) = split_triple(key)?;
    Some(EdgeKey {
        source,
        relation,
        target,
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
}
