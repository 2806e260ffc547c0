//! Interchange formats of a subgraph: JSON, CSV, GraphML, Cypher and Neo4j bulk-import CSV.

use std::path::Path;

use crate::error::{Error, Result};
use crate::query::Subgraph;

pub fn json(_g: &Subgraph) -> Result<String> {
    Err(Error::Invalid("json export is not available yet".into()))
}
pub fn csv(_g: &Subgraph) -> Result<String> {
    Err(Error::Invalid("csv export is not available yet".into()))
}
pub fn graphml(_g: &Subgraph) -> String {
    String::new()
}
pub fn cypher(_g: &Subgraph) -> String {
    String::new()
}
pub fn neo4j(_g: &Subgraph, _dir: &Path) -> Result<()> {
    Err(Error::Invalid("neo4j export is not available yet".into()))
}
