//! relgraph: an embedded, persistent graph of people and organizations, fed by news.
//!
//! The [`Graph`] facade opens a store, ingests articles (extracting typed edges with their
//! evidence), imports triples, and answers queries. Everything is a library call; the
//! `relgraph` binary is a thin shell over it (cargo feature `cli`).

pub mod error;
pub mod extract;
pub mod model;
pub mod store;

pub use error::{Error, Result};
