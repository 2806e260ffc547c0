//! The one error type of the library: every fallible public function returns [`Result`].

use std::path::PathBuf;

/// What can go wrong; each variant carries what a user needs to act on it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "the store at {path} is in use by another process; close it there or use another --db"
    )]
    StoreLocked { path: PathBuf },
    #[error("the store at {path} is held by `relgraph serve` (process {pid}) at {url}: query it there (JSON API under {url}api/, articles by POST {url}api/ingest where the server allows it), or stop that server first")]
    StoreServed {
        path: PathBuf,
        pid: u32,
        url: String,
    },
    #[error("the store at {path} has schema version {found}, this relgraph reads version {expected}; dump it with the matching relgraph and restore it here")]
    SchemaMismatch {
        path: PathBuf,
        found: u32,
        expected: u32,
    },
    /// `detail` says what is wrong and what to do: the advice depends on whether the store
    /// could be opened at all.
    #[error("the store at {path} is damaged: {detail}")]
    Corrupt { path: PathBuf, detail: String },
    #[error("store error: {0}")]
    Store(String),
    /// The store's own files could not be written or read (a full disk, a failing device).
    #[error("{}", store_io_text(.path, .source))]
    StoreIo {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot read {path}: {}", io_text(.source))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {path}: {}", io_text(.source))]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{what} is not UTF-8 text (invalid byte at offset {offset}); convert it to UTF-8 first"
    )]
    NotUtf8 { what: String, offset: usize },
    #[error("{what} looks like binary data, not text")]
    Binary { what: String },
    #[error("{what} looks like UTF-16 text; convert it to UTF-8 first (e.g. iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8)")]
    Utf16 { what: String },
    #[error("{what} is empty: there is no text to read")]
    Empty { what: String },
    #[error(
        "{what} is {size} bytes, over the limit of {limit} bytes (raise it with --max-doc-bytes)"
    )]
    TooLarge { what: String, size: u64, limit: u64 },
    #[error("{file}:{line}: {message}")]
    Parse {
        file: String,
        line: usize,
        message: String,
    },
    #[error("unknown relation `{0}`; known: founded, left, sued, partnered, praised, criticized, leads, member_of, invested_in, acquired, owns, competes_with")]
    UnknownRelation(String),
    #[error(
        "unknown entity kind `{0}`; known: person, organization, product, media, place, group"
    )]
    UnknownKind(String),
    #[error("no entity named `{name}`{}", did_you_mean(.suggestions))]
    NotFound {
        name: String,
        suggestions: Vec<String>,
    },
    #[error("`{name}` is ambiguous: it may be {}; name one as `#ID` or `NAME (kind)`", .candidates.join(", "))]
    Ambiguous {
        name: String,
        candidates: Vec<String>,
    },
    #[error("no document with id {0}")]
    NoSuchDocument(String),
    #[error("invalid input: {0}")]
    Invalid(String),
    #[error("`{text}` is not a date{detail}; use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2018, 2018-03 or 2018-03-01)")]
    BadDate { text: String, detail: String },
    #[error("rendering failed: {0}")]
    Render(String),
}

/// An I/O error as a user reads it: a full disk says so and what to do. Never the debug
/// form (`Os { code: 28, kind: StorageFull, .. }`).
fn io_text(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::StorageFull => {
            "no space left on device (the disk is full); free some space and run the command again"
                .into()
        }
        std::io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => match e.raw_os_error() {
            // The OS's own sentence, without Rust's "(os error N)" suffix.
            Some(_) => e
                .to_string()
                .split(" (os error")
                .next()
                .unwrap_or_default()
                .to_string(),
            None => e.to_string(),
        },
    }
}

/// A failed access to the store's own files: when the kind of error shows that a write
/// failed, say "cannot write", not "written or read".
fn store_io_text(path: &std::path::Path, e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let path = path.display();
    match e.kind() {
        StorageFull | ReadOnlyFilesystem | QuotaExceeded | FileTooLarge => {
            format!("cannot write the store at {path}: {}", io_text(e))
        }
        _ => format!(
            "the store at {path} could not be written or read: {}",
            io_text(e)
        ),
    }
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

impl Error {
    /// A failed write to `path`.
    pub fn write(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Write {
            path: path.into(),
            source,
        }
    }

    /// True when the reader of our output went away (`relgraph ... | head`): not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Write { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// Shorthand used throughout the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// True when the error comes from the user's input rather than the store or the machine.
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            Error::NotUtf8 { .. }
                | Error::Binary { .. }
                | Error::Utf16 { .. }
                | Error::Empty { .. }
                | Error::TooLarge { .. }
                | Error::Parse { .. }
                | Error::UnknownRelation(_)
                | Error::UnknownKind(_)
                | Error::Invalid(_)
                | Error::BadDate { .. }
                | Error::Io { .. }
                | Error::Write { .. }
        )
    }
}
