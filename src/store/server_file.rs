//! The file `relgraph serve` keeps beside the store it holds (`relgraph.serve`): sled gives a
//! store to one process, so another command that finds the store locked reads this file to
//! say where the server is, instead of only "in use".
//!
//! A file is believed only while it is consistent with the lock: it is read only when the
//! store is locked, and its process must be alive. A server that died without removing it
//! leaves a stale file, which the next server to open the store replaces.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The name of the file inside the store directory.
pub const SERVER_FILE: &str = "relgraph.serve";

/// What a running server says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerInfo {
    pub pid: u32,
    /// The socket address it listens on, e.g. `127.0.0.1:7878`.
    pub address: String,
    /// The URL of its page, e.g. `http://127.0.0.1:7878/`.
    pub url: String,
    /// Unix seconds.
    pub started: u64,
    pub token_required: bool,
    pub ingest_allowed: bool,
}

impl ServerInfo {
    /// The server file of the store in `store_dir`, if there is a readable one (stale or not).
    pub fn read(store_dir: &Path) -> Option<ServerInfo> {
        let bytes = std::fs::read(store_dir.join(SERVER_FILE)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// True while the process that wrote the file runs.
    pub fn is_alive(&self) -> bool {
        self.pid == std::process::id() || process_alive(self.pid)
    }
}

/// The live server holding the store in `store_dir`, if its file says there is one.
pub fn live_server(store_dir: &Path) -> Option<ServerInfo> {
    ServerInfo::read(store_dir).filter(ServerInfo::is_alive)
}

/// The error for a store found locked: the server's address when a live one holds it.
pub(crate) fn locked_error(store_dir: &Path) -> Error {
    match live_server(store_dir) {
        Some(info) => Error::StoreServed {
            path: store_dir.to_path_buf(),
            pid: info.pid,
            url: info.url,
        },
        None => Error::StoreLocked {
            path: store_dir.to_path_buf(),
        },
    }
}

/// The server file of a running server: written when it starts listening, removed when
/// dropped (a server killed outright leaves it behind, stale, as described above).
#[derive(Debug)]
pub struct ServerFile {
    path: PathBuf,
    pid: u32,
    /// The file found there when this one was written: left by a server that died.
    pub replaced_stale: Option<ServerInfo>,
}

impl ServerFile {
    /// Writes `info` into the store directory (atomically: a reader never sees half a file).
    /// Call it only while holding the store open, which proves any file there stale.
    pub fn create(store_dir: &Path, info: &ServerInfo) -> Result<ServerFile> {
        let path = store_dir.join(SERVER_FILE);
        let replaced_stale = ServerInfo::read(store_dir).filter(|old| old.pid != info.pid);
        let tmp = store_dir.join(format!("{SERVER_FILE}.tmp"));
        let io = |e| Error::write(path.clone(), e);
        let json = serde_json::to_vec_pretty(info).map_err(|e| Error::Invalid(e.to_string()))?;
        std::fs::write(&tmp, json).map_err(io)?;
        std::fs::rename(&tmp, &path).map_err(io)?;
        Ok(ServerFile {
            path,
            pid: info.pid,
            replaced_stale,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for ServerFile {
    fn drop(&mut self) {
        // Only our own file: never one a later server wrote.
        let ours = std::fs::read(&self.path)
            .ok()
            .and_then(|b| serde_json::from_slice::<ServerInfo>(&b).ok())
            .is_some_and(|i| i.pid == self.pid);
        if ours {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // SAFETY: signal 0 sends nothing; it only asks whether the process exists.
    let r = unsafe { libc::kill(pid, 0) };
    // EPERM: it exists but belongs to another user.
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn process_alive(_pid: u32) -> bool {
    // No cheap check here: trust the file, which is read only while the store is locked.
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(pid: u32) -> ServerInfo {
        ServerInfo {
            pid,
            address: "127.0.0.1:7878".into(),
            url: "http://127.0.0.1:7878/".into(),
            started: 0,
            token_required: false,
            ingest_allowed: false,
        }
    }

    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    }

    #[test]
    fn a_file_is_removed_when_its_server_stops_and_a_dead_ones_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        let me = std::process::id();
        {
            let f = ServerFile::create(dir.path(), &info(me)).unwrap();
            assert!(f.replaced_stale.is_none());
            assert_eq!(live_server(dir.path()), Some(info(me)));
        }
        assert!(!dir.path().join(SERVER_FILE).exists());

        let dead = dead_pid();
        std::fs::write(
            dir.path().join(SERVER_FILE),
            serde_json::to_vec(&info(dead)).unwrap(),
        )
        .unwrap();
        assert_eq!(ServerInfo::read(dir.path()), Some(info(dead)));
        assert_eq!(live_server(dir.path()), None);
        assert!(matches!(
            locked_error(dir.path()),
            Error::StoreLocked { .. }
        ));
        let f = ServerFile::create(dir.path(), &info(me)).unwrap();
        assert_eq!(f.replaced_stale, Some(info(dead)));
        assert!(matches!(
            locked_error(dir.path()),
            Error::StoreServed { pid, .. } if pid == me
        ));
    }
}
