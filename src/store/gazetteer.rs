//! Where the remembered gazetteer lives: its own tree, in chunks of entries encoded by the
//! caller, keyed by chunk number (u32 BE) so that they read back in order.
//!
//! It used to be one JSON value in `meta`; but every ingested document updates counters in
//! `meta`, and sled rewrites a tree's node with the values it holds, so a 200,000-entry
//! gazetteer (10 MB) was written again and again: 10,000 articles took twelve times as long
//! and the store grew sixfold. A store written that way is still read, and moved on the next
//! write.

use sled::Batch;

use super::Store;
use crate::error::Result;

const TREE: &str = "gazetteer";
const LEGACY_META_KEY: &[u8] = b"gazetteer";

impl Store {
    /// The stored chunks in order; a store from before the tree gives its single `meta`
    /// value as one chunk.
    pub(crate) fn gazetteer_chunks(&self) -> Result<Vec<Vec<u8>>> {
        // A store without the tree is read without creating it (read-only opens).
        let has_tree = self
            .db
            .tree_names()
            .iter()
            .any(|n| n.as_ref() == TREE.as_bytes());
        if has_tree {
            let tree = self.db.open_tree(TREE).map_err(|e| self.sled_err(e))?;
            let chunks = tree
                .iter()
                .values()
                .map(|v| v.map(|v| v.to_vec()).map_err(|e| self.sled_err(e)))
                .collect::<Result<Vec<_>>>()?;
            if !chunks.is_empty() {
                return Ok(chunks);
            }
        }
        Ok(self.meta_get(LEGACY_META_KEY)?.into_iter().collect())
    }

    /// Replaces the stored chunks, all at once; not flushed.
    pub(crate) fn put_gazetteer_chunks(&self, chunks: &[Vec<u8>]) -> Result<()> {
        let gate = self.write_gate()?;
        let tree = self.db.open_tree(TREE).map_err(|e| self.sled_err(e))?;
        let mut batch = Batch::default();
        for key in tree.iter().keys() {
            batch.remove(key.map_err(|e| self.sled_err(e))?);
        }
        for (i, chunk) in chunks.iter().enumerate() {
            batch.insert(&(i as u32).to_be_bytes(), chunk.as_slice());
        }
        tree.apply_batch(batch).map_err(|e| self.sled_err(e))?;
        // The tree is read first, so a crash before this removal leaves only a dead value.
        self.meta
            .remove(LEGACY_META_KEY)
            .map_err(|e| self.sled_err(e))?;
        drop(gate);
        Ok(())
    }
}
