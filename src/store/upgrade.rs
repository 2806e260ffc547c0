//! Opening stores written by older versions: schema 1 and 2 kept documents without their
//! date and evidence (in documents and in merge records) without the document date and
//! polarity; schema 3 kept documents without the list of the entities they named without
//! an edge (left `None`: unknown). Their values are rewritten in place, once, before
//! anything else reads them.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::codec::{decode, encode};
use super::identity::{KindVotes, PREFIX_MERGES};
use super::merge_log::{LoggedEdge, MergeRecord};
use super::{Store, META_SCHEMA, SCHEMA_VERSION};
use crate::error::Result;
use crate::model::{
    Date, DateSource, DocId, Document, EdgeData, EdgeKey, Entity, Evidence, Polarity,
};

/// A document as schema 2 stored it.
#[derive(Deserialize)]
struct DocumentV2 {
    id: DocId,
    title: String,
    source: String,
    lang: String,
    ingested_at: u64,
    edges: Vec<EdgeKey>,
}

/// A document as schema 3 stored it: schema 2's fields, then three more (bincode writes a
/// nested struct as its fields in order, so the bytes are the same as one flat struct's).
#[derive(Deserialize)]
struct DocumentV3 {
    v2: DocumentV2,
    date: Option<Date>,
    date_source: Option<DateSource>,
    denied: Vec<EdgeKey>,
}

impl From<DocumentV3> for Document {
    fn from(old: DocumentV3) -> Document {
        let v2 = old.v2;
        Document {
            id: v2.id,
            title: v2.title,
            source: v2.source,
            lang: v2.lang,
            ingested_at: v2.ingested_at,
            edges: v2.edges,
            date: old.date,
            date_source: old.date_source,
            denied: old.denied,
            edgeless: None,
        }
    }
}

/// Evidence as schema 2 stored it.
#[derive(Deserialize)]
struct EvidenceV2 {
    doc: DocId,
    sentence: String,
    start: u32,
    end: u32,
    date: Option<Date>,
    rule: String,
    confidence: f32,
}

impl From<EvidenceV2> for Evidence {
    fn from(old: EvidenceV2) -> Evidence {
        Evidence {
            doc: old.doc,
            sentence: old.sentence.into(),
            start: old.start,
            end: old.end,
            date: old.date,
            rule: old.rule,
            confidence: old.confidence,
            reported: None,
            polarity: Polarity::Affirmed,
        }
    }
}

/// Merge records hold evidence too.
#[derive(Deserialize)]
struct LoggedEdgeV2 {
    key: EdgeKey,
    data: EdgeData,
    evidence: Vec<(u32, EvidenceV2)>,
}

impl From<LoggedEdgeV2> for LoggedEdge {
    fn from(old: LoggedEdgeV2) -> LoggedEdge {
        LoggedEdge {
            key: old.key,
            data: old.data,
            evidence: old
                .evidence
                .into_iter()
                .map(|(n, e)| (n, e.into()))
                .collect(),
        }
    }
}

#[derive(Deserialize)]
struct MergeRecordV2 {
    seq: u64,
    at: u64,
    from: Entity,
    from_votes: Option<KindVotes>,
    into_before: Entity,
    into_votes_before: Option<KindVotes>,
    into_after: Entity,
    into_votes_after: KindVotes,
    from_edges: Vec<LoggedEdgeV2>,
    targets: Vec<(EdgeKey, Option<LoggedEdgeV2>)>,
}

impl From<MergeRecordV2> for MergeRecord {
    fn from(old: MergeRecordV2) -> MergeRecord {
        MergeRecord {
            seq: old.seq,
            at: old.at,
            from: old.from,
            from_votes: old.from_votes,
            into_before: old.into_before,
            into_votes_before: old.into_votes_before,
            into_after: old.into_after,
            into_votes_after: old.into_votes_after,
            from_edges: old.from_edges.into_iter().map(Into::into).collect(),
            targets: old
                .targets
                .into_iter()
                .map(|(k, e)| (k, e.map(Into::into)))
                .collect(),
        }
    }
}

impl From<DocumentV2> for Document {
    fn from(v2: DocumentV2) -> Document {
        Document::from(DocumentV3 {
            v2,
            date: None,
            date_source: None,
            denied: Vec::new(),
        })
    }
}

impl Store {
    /// Rewrites the values a store of schema `found` (1 to 3) kept in an older form, then
    /// records the current version. A value already in the new form (an upgrade cut short)
    /// is left as it is, so running it again is harmless.
    pub(super) fn upgrade_from(&self, found: u32) -> Result<()> {
        self.rewrite_old(&self.docs, &[], |v| match decode::<DocumentV3>(v) {
            Ok(d) => Ok(Document::from(d)),
            Err(_) => Ok(Document::from(self.decode::<DocumentV2>("document", v)?)),
        })?;
        if found < 3 {
            self.rewrite_old(&self.evidence, &[], |v| {
                Ok(Evidence::from(self.decode::<EvidenceV2>("evidence", v)?))
            })?;
            self.rewrite_old(&self.identity, &[PREFIX_MERGES], |v| {
                Ok(MergeRecord::from(
                    self.decode::<MergeRecordV2>("merge record", v)?,
                ))
            })?;
        }
        self.meta
            .insert(META_SCHEMA, &SCHEMA_VERSION.to_be_bytes())
            .map_err(|e| self.sled_err(e))?;
        self.db.flush().map_err(|e| self.sled_err(e))?;
        Ok(())
    }

    /// Rewrites in one batch each value of `tree` under `prefix` that does not read as
    /// `New`, by `upgrade` from its old bytes.
    fn rewrite_old<New: DeserializeOwned + Serialize>(
        &self,
        tree: &sled::Tree,
        prefix: &[u8],
        upgrade: impl Fn(&[u8]) -> Result<New>,
    ) -> Result<()> {
        let mut batch = sled::Batch::default();
        for item in tree.scan_prefix(prefix) {
            let (k, v) = item.map_err(|e| self.sled_err(e))?;
            if decode::<New>(&v).is_ok() {
                continue;
            }
            batch.insert(k, encode(&upgrade(&v)?));
        }
        tree.apply_batch(batch).map_err(|e| self.sled_err(e))
    }
}
