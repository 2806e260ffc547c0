//! Reading articles: the files and folders named on a command line, and standard input,
//! always within the document size limit, so that a pipe, a device or a link loop can
//! neither hang a command nor fill its memory.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Article files a folder walk takes.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// Reads at most `limit` bytes: one more is a [`Error::TooLarge`], whatever the source
/// claims its size to be (a pipe, a device and standard input claim none).
pub fn read_bounded(reader: impl Read, what: &str, limit: u64) -> Result<Vec<u8>> {
    read_bounded_into(reader, what, limit, Vec::new())
}

/// `read_bounded` into `buf`, whose capacity may already hold the whole input.
fn read_bounded_into(
    reader: impl Read,
    what: &str,
    limit: u64,
    mut buf: Vec<u8>,
) -> Result<Vec<u8>> {
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| Error::Io {
            path: what.into(),
            source: e,
        })?;
    if buf.len() as u64 > limit {
        return Err(Error::TooLarge {
            what: what.to_string(),
            size: buf.len() as u64,
            limit,
        });
    }
    Ok(buf)
}

/// Reads one file within the limit; a regular file over it is refused before reading.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let io = |e: std::io::Error| Error::Io {
        path: path.to_path_buf(),
        source: e,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(Error::Invalid(format!(
            "{} is a folder; give it to `ingest`, which reads the articles inside",
            path.display()
        )));
    }
    if meta.is_file() && meta.len() > limit {
        return Err(Error::TooLarge {
            what: path.display().to_string(),
            size: meta.len(),
            limit,
        });
    }
    // A buffer of the file's size: grown by doubling, it could take twice the document.
    let room = if meta.is_file() {
        meta.len() as usize + 1
    } else {
        0
    };
    read_bounded_into(
        file,
        &path.display().to_string(),
        limit,
        Vec::with_capacity(room),
    )
}

/// The kind of a file that is not a regular one, for the message that skips it.
#[cfg(unix)]
fn special_kind(t: &std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        Some("a named pipe")
    } else if t.is_char_device() || t.is_block_device() {
        Some("a device")
    } else if t.is_socket() {
        Some("a socket")
    } else {
        None
    }
}

#[cfg(not(unix))]
fn special_kind(t: &std::fs::FileType) -> Option<&'static str> {
    (!t.is_file()).then_some("not a regular file")
}

/// What a file or folder is, whatever links lead to it.
fn identity(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Expands inputs into the files to read: a file or `-` as given, a folder recursively
/// (its .txt .md .html .htm files, in name order). Symbolic links are followed, but each
/// folder and each file is taken once, so a link back up ends the walk instead of looping;
/// pipes, devices and sockets met in a folder are skipped with a message.
pub fn expand_inputs(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<(String, Error)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut seen_dirs: HashSet<PathBuf> = HashSet::new();
    let mut seen_files: HashSet<PathBuf> = HashSet::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            files.push(p.clone());
            continue;
        }
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                errors.push((
                    p.display().to_string(),
                    Error::Io {
                        path: p.clone(),
                        source: std::io::Error::new(e.kind(), "no such file or folder"),
                    },
                ));
                continue;
            }
            Err(e) => {
                errors.push((
                    p.display().to_string(),
                    Error::Io {
                        path: p.clone(),
                        source: e,
                    },
                ));
                continue;
            }
        };
        if !meta.is_dir() {
            // Named explicitly, even a pipe is read (within the size limit).
            if seen_files.insert(identity(p)) {
                files.push(p.clone());
            }
            continue;
        }
        let mut stack = vec![p.clone()];
        while let Some(d) = stack.pop() {
            if !seen_dirs.insert(identity(&d)) {
                continue;
            }
            let Ok(rd) = std::fs::read_dir(&d) else {
                errors.push((
                    d.display().to_string(),
                    Error::Invalid("cannot list this folder".into()),
                ));
                continue;
            };
            let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
            entries.sort();
            // Pushed in reverse so that the walk visits subfolders in name order.
            let mut subdirs = Vec::new();
            for e in entries {
                let Ok(m) = std::fs::metadata(&e) else {
                    errors.push((
                        e.display().to_string(),
                        Error::Invalid("a broken link or an unreadable entry; skipped".into()),
                    ));
                    continue;
                };
                if m.is_dir() {
                    subdirs.push(e);
                    continue;
                }
                let is_article = e
                    .extension()
                    .and_then(|x| x.to_str())
                    .map(|x| x.to_ascii_lowercase())
                    .is_some_and(|x| ARTICLE_EXTENSIONS.contains(&x.as_str()));
                if !is_article {
                    continue;
                }
                if let Some(kind) = special_kind(&m.file_type()) {
                    errors.push((
                        e.display().to_string(),
                        Error::Invalid(format!(
                            "{kind}, not a file; skipped (name it alone to read it)"
                        )),
                    ));
                    continue;
                }
                if seen_files.insert(identity(&e)) {
                    files.push(e);
                }
            }
            stack.extend(subdirs.into_iter().rev());
        }
    }
    (files, errors)
}

/// True when `bytes` look like UTF-16 text, as Windows tools write it: a byte-order mark,
/// or (without one) a NUL in every other byte of the start, and in either case a start
/// that decodes to text (no control characters, some white space), so that binary data
/// which happens to begin with FF FE is still called binary.
pub fn looks_like_utf16(bytes: &[u8]) -> bool {
    let (body, little) = match bytes {
        [0xff, 0xfe, rest @ ..] => (rest, Some(true)),
        [0xfe, 0xff, rest @ ..] => (rest, Some(false)),
        _ => (bytes, None),
    };
    let head = &body[..body.len().min(1024) & !1];
    if head.len() < 8 {
        return false;
    }
    let pairs = head.len() / 2;
    let nul_at = |i: usize| head.chunks(2).filter(|p| p[i] == 0).count();
    let little = match little {
        Some(l) => l,
        // ASCII letters in UTF-16: nearly every pair has its NUL on the same side.
        None if nul_at(1) * 10 >= pairs * 9 && nul_at(0) * 10 <= pairs => true,
        None if nul_at(0) * 10 >= pairs * 9 && nul_at(1) * 10 <= pairs => false,
        None => return false,
    };
    let units = head.chunks(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    let mut spaces = 0;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) if c.is_whitespace() => spaces += 1,
            Ok(c) if c.is_control() => return false,
            Ok(_) => {}
            // An unpaired surrogate: not UTF-16 text.
            Err(_) => return false,
        }
    }
    spaces > 0
}

/// Turns "binary data" about bytes that are UTF-16 text into advice on converting them.
pub fn utf16_hint(e: Error, bytes: &[u8]) -> Error {
    match e {
        Error::Binary { what } | Error::NotUtf8 { what, .. } if looks_like_utf16(bytes) => {
            Error::Utf16 { what }
        }
        other => other,
    }
}

/// Refuses UTF-16 input up front (where the reader would otherwise call it something else).
pub fn refuse_utf16(head: &[u8], what: &str) -> Result<()> {
    if looks_like_utf16(head) {
        return Err(Error::Utf16 {
            what: what.to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod utf16_tests {
    use super::looks_like_utf16;

    #[test]
    fn utf16_is_told_from_utf8_and_binary() {
        let le: Vec<u8> = "Ada a fondé Loom."
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let be: Vec<u8> = "Ada a fondé Loom."
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert!(looks_like_utf16(&le) && looks_like_utf16(&be));
        assert!(looks_like_utf16(&[&[0xff, 0xfe][..], &le].concat()));
        assert!(!looks_like_utf16("Ada a fondé Loom.".as_bytes()));
        assert!(!looks_like_utf16(&[0u8; 64]));
        assert!(!looks_like_utf16(b"\xff\xfe\x00\x01binary"));
    }
}
