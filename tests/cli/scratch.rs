//! The opening the CLI tests share: a scratch folder, files written into it, and stores
//! imported there.

use std::path::{Path, PathBuf};

use super::{relgraph, stderr};

/// A temporary folder, removed when dropped.
pub struct Scratch(tempfile::TempDir);

impl Scratch {
    pub fn new() -> Scratch {
        Scratch(tempfile::tempdir().unwrap())
    }

    pub fn path(&self) -> &Path {
        self.0.path()
    }

    /// The store the tests use, `db` in the folder.
    pub fn db(&self) -> PathBuf {
        self.path().join("db")
    }

    /// Writes `name` into the folder; returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path().join(name);
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// Writes `contents` as the file `name` and imports it into `db`, which must succeed;
    /// returns what the import said.
    pub fn import(&self, db: &Path, name: &str, contents: &str) -> String {
        let file = self.write(name, contents);
        let o = relgraph(db, &["import", file.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        stderr(&o)
    }
}

/// A scratch folder whose `db` holds what `csv` imports.
pub fn csv_store(csv: &str) -> Scratch {
    let dir = Scratch::new();
    dir.import(&dir.db(), "edges.csv", csv);
    dir
}
