//! Helpers of the server tests: a store built from the seed article, `relgraph serve` run
//! as a child process on a free loopback port, and a small HTTP client.
#![allow(dead_code)] // each test file uses its own part

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use relgraph::store::server_file::ServerInfo;
use relgraph::Graph;
use serde_json::Value;

pub const SEED: &str = include_str!("../../examples/seed-fr-musk-altman.txt");

pub fn relgraph(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_relgraph"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("RELGRAPH_TOKEN")
        .output()
        .unwrap()
}

/// A running `relgraph serve`, stopped (SIGTERM) when dropped.
pub struct Served {
    pub child: Child,
    pub url: String,
    pub db: PathBuf,
}

impl Served {
    pub fn start(db: &Path, args: &[&str]) -> Served {
        let mut child = Command::new(env!("CARGO_BIN_EXE_relgraph"))
            .arg("--db")
            .arg(db)
            .args(["serve", "--bind", "127.0.0.1:0"])
            .args(args)
            .env_remove("RELGRAPH_TOKEN")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let started = Instant::now();
        loop {
            if let Some(info) = ServerInfo::read(db).filter(|i| i.pid == child.id()) {
                return Served {
                    child,
                    url: info.url,
                    db: db.to_path_buf(),
                };
            }
            if let Some(status) = child.try_wait().unwrap() {
                let mut err = String::new();
                std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
                panic!("serve exited with {status}: {err}");
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "no server file"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// SIGTERM, then the exit status and what it wrote on stderr.
    pub fn stop(mut self) -> (std::process::ExitStatus, String) {
        terminate(&self.child);
        let status = self.child.wait().unwrap();
        let mut err = String::new();
        std::io::Read::read_to_string(self.child.stderr.as_mut().unwrap(), &mut err).unwrap();
        (status, err)
    }

    pub fn get(&self, path_and_query: &str) -> (u16, Value) {
        call(agent().get(format!("{}{path_and_query}", self.url)))
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            terminate(&self.child);
            let _ = self.child.wait();
        }
    }
}

pub fn terminate(child: &Child) {
    // SAFETY: sends SIGTERM to our own child, which has not been reaped.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGTERM);
    }
}

pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into()
}

pub fn call(req: ureq::RequestBuilder<ureq::typestate::WithoutBody>) -> (u16, Value) {
    let mut resp = req.call().unwrap();
    let status = resp.status().as_u16();
    let text = resp.body_mut().read_to_string().unwrap();
    let json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
    (status, json)
}

pub fn post(url: &str, body: &[u8], headers: &[(&str, &str)]) -> (u16, Value) {
    let mut req = agent().post(url);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let mut resp = req.send(body).unwrap();
    let status = resp.status().as_u16();
    let text = resp.body_mut().read_to_string().unwrap();
    (status, serde_json::from_str(&text).unwrap())
}

pub fn seed_store(dir: &Path) -> PathBuf {
    let db = dir.join("seed");
    let g = Graph::open(&db).unwrap();
    g.ingest_text(SEED, "seed-fr-musk-altman.txt", None)
        .unwrap();
    db
}
