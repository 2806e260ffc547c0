//! relgraph: an embedded, persistent graph of people and organizations, fed by news.
//!
//! The [`Graph`] facade opens a store, ingests articles (extracting typed edges with their
//! evidence), imports triples, and answers queries. Everything is a library call; the
//! `relgraph` binary is a thin shell over it (cargo feature `cli`).
//!
//! Data flows: text → [`extract`] → [`store`] (sled) → [`query`] → [`export`].

pub mod date;
pub mod duplicates;
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod import;
pub mod input;
pub mod model;
pub mod names;
pub mod query;
#[cfg(feature = "serve")]
pub mod serve;
pub mod store;

pub use date::Date;
pub use error::{Error, Result};
pub use graph::Graph;
pub use model::{Document, EdgeData, EdgeKey, Entity, EntityKind, Evidence, RelationKind};
