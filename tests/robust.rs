//! Nothing lost, nothing unbounded: each test here reproduces a way relgraph lost data,
//! hung or ran out of memory (issue 17), and shows it no longer does.

use std::path::Path;
use std::process::Stdio;

use relgraph::{Error, Graph};

const ARTICLE_A: &str = "Greenfield Capital a porté plainte contre Marlow Foods. Priya Raman a fondé Oakline Systems en 2011.";
const ARTICLE_B: &str =
    "Priya Raman a vivement critiqué Marlow Foods. Oakline Systems a racheté Zenith Labs.";

fn two_articles(db: &Path) -> Graph {
    let g = Graph::open(db).unwrap();
    g.ingest_text(ARTICLE_A, "a.txt", None).unwrap();
    g.ingest_text(ARTICLE_B, "b.txt", None).unwrap();
    g
}

// ---- 4. the commit record beside the store -------------------------------------------

/// sled writes a merge or a removal to disk on its own within half a second; a process that
/// dies before its flush used to leave a record claiming more than the files held.
#[test]
fn a_crash_after_a_merge_or_a_removal_is_not_taken_for_data_loss() {
    let dir = tempfile::tempdir().unwrap();
    {
        let g = two_articles(dir.path());
        let a = g.resolve("Priya Raman").unwrap();
        let b = g.resolve("Greenfield Capital").unwrap();
        g.merge(a.id, b.id).unwrap();
        // Dropped without a flush of ours: sled writes its log, the record is not rewritten.
    }
    let g = Graph::open(dir.path()).expect("a merge that reached the disk is not a loss");
    assert!(g.check().unwrap().problems.is_empty());
    let doc = g.all_documents().next().unwrap().unwrap().id;
    drop(g);
    {
        let g = Graph::open(dir.path()).unwrap();
        assert!(g.remove_document(doc).unwrap());
    }
    let g = Graph::open(dir.path()).expect("a removal that reached the disk is not a loss");
    assert_eq!(g.counts().unwrap().documents, 1);
    assert!(g.check().unwrap().problems.is_empty());
}

/// A record that cannot be read no longer switches the loss check off in silence.
#[test]
fn an_unreadable_commit_record_is_reported_not_ignored() {
    let dir = tempfile::tempdir().unwrap();
    drop(two_articles(dir.path()));
    let record = dir.path().join("relgraph.committed");
    assert!(
        std::fs::read_to_string(&record)
            .unwrap()
            .split_whitespace()
            .count()
            == 3
    );
    std::fs::write(&record, "").unwrap();
    match Graph::open(dir.path()) {
        Err(Error::Corrupt { detail, .. }) => assert!(detail.contains("repair"), "{detail}"),
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => panic!("an empty commit record was ignored"),
    }
    let g = Graph::open_accepting_loss(dir.path()).unwrap();
    assert_eq!(g.counts().unwrap().documents, 2);
    drop(g);
    Graph::open(dir.path()).expect("repair writes a good record");
}

// ---- 2. restore validates the dump ----------------------------------------------------

fn dump_lines(g: &Graph) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    g.dump(&mut out).unwrap();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn restore_refuses_hostile_dumps_with_their_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = dump_lines(&two_articles(&dir.path().join("source")));
    let kind = |v: &serde_json::Value| v["type"].as_str().unwrap().to_string();
    let first = |t: &str| good.iter().position(|v| kind(v) == t).unwrap();
    let (entity, edge) = (first("entity"), first("edge"));
    let edge_ends =
        |v: &serde_json::Value| (v["key"]["source"].clone(), v["key"]["target"].clone());
    let mut hostile: Vec<(&str, Vec<serde_json::Value>)> = Vec::new();
    let mut edit = |what: &'static str, f: &dyn Fn(&mut Vec<serde_json::Value>)| {
        let mut d = good.clone();
        f(&mut d);
        hostile.push((what, d));
    };
    edit("an edge to a missing entity", &|d| {
        let (s, _) = edge_ends(&d[edge]);
        d.retain(|v| !(kind(v) == "entity" && v["id"] == s));
    });
    edit("a duplicate entity id", &|d| {
        let mut twin = d[entity].clone();
        twin["name"] = "Someone Else".into();
        d.insert(entity + 1, twin);
    });
    edit("a self-loop", &|d| {
        let (s, _) = edge_ends(&d[edge]);
        d[edge]["key"]["target"] = s;
    });
    edit("a wrong evidence count", &|d| {
        d[edge]["data"]["evidence"] = 7.into();
    });
    edit("an id that wraps the next id", &|d| {
        d[entity]["id"] = u64::MAX.into();
    });
    edit("evidence from a missing document", &|d| {
        d.retain(|v| kind(v) != "document");
    });
    edit("a duplicate edge", &|d| {
        let twin = d[edge].clone();
        d.insert(edge + 1, twin);
    });
    for (what, lines) in hostile {
        let text: String = lines.iter().map(|v| format!("{v}\n")).collect();
        let db = dir
            .path()
            .join(format!("restored-{}", what.replace(' ', "-")));
        let g = Graph::open(&db).unwrap();
        match g.restore(text.as_bytes(), "hostile.jsonl") {
            Err(Error::Parse { line, .. }) => {
                assert!(line >= 1 && line <= lines.len(), "{what}: line {line}")
            }
            other => panic!("{what}: restore gave {other:?}"),
        }
        assert!(g.store().is_empty(), "{what}: a refused restore wrote data");
        assert!(g.check().unwrap().problems.is_empty());
    }
    // The good dump still restores.
    let g = Graph::open(dir.path().join("restored-good")).unwrap();
    let text: String = good.iter().map(|v| format!("{v}\n")).collect();
    g.restore(text.as_bytes(), "good.jsonl").unwrap();
    assert!(g.check().unwrap().problems.is_empty());
}

// ---- 6, 7. bounded reading, folders walked once ---------------------------------------

/// Runs the binary; a run that outlives `secs` is killed and fails the test.
fn run_within(
    secs: u64,
    db: &Path,
    args: &[&str],
    stdin: std::process::Stdio,
) -> std::process::Output {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_relgraph"))
        .arg("--db")
        .arg(db)
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed().as_secs() > secs {
            child.kill().ok();
            child.wait().ok();
            panic!(
                "`relgraph {}` did not finish within {secs} s",
                args.join(" ")
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn endless_standard_input_is_cut_at_the_document_limit() {
    let dir = tempfile::tempdir().unwrap();
    let zero = std::fs::File::open("/dev/zero").unwrap();
    let o = run_within(
        20,
        &dir.path().join("db"),
        &["ingest", "-", "--max-doc-bytes", "100000"],
        zero.into(),
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("over the limit of 100000 bytes"), "{err}");
}

#[test]
fn pipes_devices_and_link_loops_in_folders_neither_hang_nor_repeat() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    let sub = articles.join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(sub.join("a.txt"), ARTICLE_A).unwrap();
    std::os::unix::fs::symlink("..", sub.join("up")).unwrap();
    std::os::unix::fs::symlink(&articles, sub.join("top")).unwrap();
    std::os::unix::fs::symlink(sub.join("a.txt"), articles.join("same-as-a.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", articles.join("zero.txt")).unwrap();
    let fifo = articles.join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo failed");
    let o = run_within(
        30,
        &dir.path().join("db"),
        &["ingest", articles.to_str().unwrap()],
        std::process::Stdio::null(),
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("documents: 1 new, 0 already known, 2 failed"),
        "{err}"
    );
    assert!(
        err.contains("pipe.txt: invalid input: a named pipe, not a file; skipped"),
        "{err}"
    );
    assert!(
        err.contains("zero.txt: invalid input: a device, not a file; skipped"),
        "{err}"
    );
}

// ---- 5. read-only opens ---------------------------------------------------------------

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn reading_a_folder_that_is_not_a_store_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a store").unwrap();
    for cmd in [&["stats"][..], &["edges"], &["check"], &["dump"]] {
        let o = run_within(20, dir.path(), cmd, std::process::Stdio::null());
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{cmd:?}: {err}");
        assert!(err.contains("is not a relgraph store"), "{cmd:?}: {err}");
        assert_eq!(
            listing(dir.path()),
            ["notes.txt"],
            "{cmd:?} wrote into the folder"
        );
    }
    // An empty folder reads as an empty store, and stays empty.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let o = run_within(
        20,
        &empty,
        &["stats", "--format", "json"],
        std::process::Stdio::null(),
    );
    assert!(o.status.success());
    assert!(listing(&empty).is_empty());
}
// ---- 3. outputs never overwrite a store ------------------------------------------------

fn imported(db: &Path) {
    let csv = db.with_extension("csv");
    std::fs::write(
        &csv,
        "source,relation,target\nAda Byron,founded,Engine Works\n",
    )
    .unwrap();
    let o = run_within(
        30,
        db,
        &["import", csv.to_str().unwrap()],
        std::process::Stdio::null(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn intact(db: &Path) {
    let g = Graph::open(db).expect("the store still opens");
    assert!(g.check().unwrap().problems.is_empty());
    assert_eq!(g.counts().unwrap().edges, 1);
}

#[test]
fn outputs_aimed_at_a_store_are_refused_and_the_store_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store");
    imported(&db);
    let inside = db.join("db");
    let cases: Vec<Vec<String>> = vec![
        vec!["dump".into(), "-o".into(), inside.display().to_string()],
        vec!["export".into(), "-o".into(), inside.display().to_string()],
        vec![
            "export".into(),
            "--format".into(),
            "neo4j".into(),
            "-o".into(),
            db.display().to_string(),
        ],
        vec![
            "render".into(),
            "-o".into(),
            db.join("picture.svg").display().to_string(),
        ],
    ];
    for args in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = run_within(30, &db, &args, std::process::Stdio::null());
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("the store at"), "{args:?}: {err}");
        intact(&db);
    }
    // `demo --out .` next to a user's store named `store`: the store is not demo's to clear.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_relgraph"))
        .args(["demo", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    intact(&db);
    // Its own store it makes again.
    let out = dir.path().join("demo");
    for _ in 0..2 {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_relgraph"))
            .args(["demo", "--out"])
            .arg(&out)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
}

/// A process killed while sled wrote a snapshot leaves `snap.N.generating` behind, which
/// sled 0.34 then read as its newest snapshot (a SIGKILL loop during `remove-doc` found it).
#[test]
fn a_half_written_snapshot_does_not_make_the_store_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    drop(two_articles(dir.path()));
    std::fs::write(
        dir.path().join("snap.FFFFFFFFFFFFFFFF.generating"),
        b"half a snapshot",
    )
    .unwrap();
    let g = Graph::open(dir.path()).expect("a leftover temporary snapshot is no damage");
    assert_eq!(g.counts().unwrap().documents, 2);
}

// ---- 10. damaged files and a closed output: no panic text ---------------------------

/// What a user reads about a damaged store: which store, that it is damaged, what to do;
/// never sled's debug text or a panic.
fn assert_plain_damage(what: &str, o: &std::process::Output) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(3), "{what}: {err}");
    assert!(
        err.contains("is damaged") && err.contains("restore"),
        "{what}: {err}"
    );
    for bad in [
        "panicked",
        "backtrace",
        "Read corrupted",
        "Os {",
        "RUST_BACKTRACE",
    ] {
        assert!(!err.contains(bad), "{what} printed `{bad}`: {err}");
    }
}

/// A CSV of `rows` people, each a member of one of `orgs` organizations.
fn write_member_rows(path: &Path, rows: usize, orgs: usize) {
    let mut text = String::from("source,relation,target\n");
    for j in 0..rows {
        text.push_str(&format!(
            "Person{j} Amsel,member_of,Newco{} Partners\n",
            j % orgs
        ));
    }
    std::fs::write(path, text).unwrap();
}

/// The files of the store `from`, copied into a new folder `to`.
fn copy_store(from: &Path, to: &Path) -> std::path::PathBuf {
    std::fs::create_dir(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
    to.to_path_buf()
}

/// Cuts sled's data and snapshot files to a few bytes, as a copy cut short would.
fn truncate_data_files(db: &Path) {
    for e in std::fs::read_dir(db).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name == "db" || name.starts_with("snap.") {
            std::fs::OpenOptions::new()
                .write(true)
                .open(&p)
                .unwrap()
                .set_len(10)
                .unwrap();
        }
    }
}

/// sled 0.34 panics (serialization.rs), instead of returning an error, when it opens a log
/// of several segments with a run of zeroed bytes in the middle (a disk or a copy that lost
/// a block). The store's wrapper turns that real panic into a damaged-store error, at every
/// kind of open. Where the damage lands is not the same from run to run (sled's flusher
/// writes on its own clock), so several places are damaged, each in its own copy, and sled
/// is asked directly first: the test fails if none of them makes sled panic any more.
#[test]
fn a_panic_of_sled_on_a_damaged_file_becomes_a_damaged_store_error() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good");
    let csv = dir.path().join("rows.csv");
    write_member_rows(&csv, 40_000, 4_000);
    Graph::open(&good)
        .unwrap()
        .import_path(&csv, &mut |_, _| {})
        .unwrap();
    let len = std::fs::metadata(good.join("db")).unwrap().len() as usize;
    assert!(
        len > 2 << 20,
        "one segment only ({len} bytes): no damage would make sled panic"
    );
    let damaged = |name: String, at: usize| {
        let to = copy_store(&good, &dir.path().join(name));
        let mut bytes = std::fs::read(to.join("db")).unwrap();
        bytes[at..(at + 5000).min(len)].fill(0);
        std::fs::write(to.join("db"), bytes).unwrap();
        to
    };
    type Open = fn(&Path) -> relgraph::Result<Graph>;
    let opens: [(&str, Open); 3] = [
        ("open", |p| Graph::open(p)),
        ("open_read_only", |p| Graph::open_read_only(p)),
        ("open_accepting_loss", |p| Graph::open_accepting_loss(p)),
    ];
    let mut panics = 0;
    for tenth in 3..10 {
        let at = len * tenth / 10;
        let probe = damaged(format!("probe{tenth}"), at);
        if std::panic::catch_unwind(|| sled::Config::new().path(&probe).open()).is_ok() {
            continue;
        }
        panics += 1;
        for (how, open) in opens {
            let db = damaged(format!("{how}{tenth}"), at);
            match open(&db) {
                Err(Error::Corrupt { detail, .. }) => {
                    assert!(
                        detail.contains("truncated or overwritten"),
                        "{how}: {detail}"
                    )
                }
                Err(e) => panic!("{how}: another error: {e}"),
                Ok(_) => panic!("{how}: a store that sled panics on opened"),
            }
        }
    }
    assert!(
        panics > 0,
        "sled no longer panics on any of these damages: find another that reaches the wrapper"
    );
    eprintln!("sled panicked on {panics} of 7 damaged copies");
}

#[test]
fn a_truncated_or_missing_data_file_is_reported_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good");
    drop(two_articles(&good));
    let dump = dir.path().join("dump.jsonl");
    let o = run_within(
        20,
        &good,
        &["dump", "-o", dump.to_str().unwrap()],
        Stdio::null(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let copy = |name: &str| copy_store(&good, &dir.path().join(name));
    let truncated = copy("truncated");
    truncate_data_files(&truncated);
    let missing = copy("missing");
    std::fs::remove_file(missing.join("db")).unwrap();
    for (db, damage) in [(&truncated, "truncated"), (&missing, "missing db")] {
        let runs: [&[&str]; 5] = [
            &["stats"],
            &["check"],
            &["repair"],
            &["edges"],
            &["alias", "Priya Raman", "P. Raman"],
        ];
        for args in runs {
            let o = run_within(20, db, args, Stdio::null());
            assert_plain_damage(&format!("{args:?} on a store with a {damage} file"), &o);
        }
    }
    // What the message suggests works on it: the earlier dump restores into a new store.
    let fresh = dir.path().join("fresh");
    let o = run_within(
        20,
        &fresh,
        &["restore", dump.to_str().unwrap()],
        Stdio::null(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(document_ids(&fresh).len(), 2);
}

/// Standard output whose reader has gone before the first byte (`relgraph check | true`).
fn closed_stdout() -> Stdio {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    writer.into()
}

#[test]
fn a_closed_standard_output_ends_every_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store");
    drop(two_articles(&db));
    let out = dir.path().join("demo");
    let out = out.to_str().unwrap();
    let runs: [&[&str]; 7] = [
        &["check"],
        &["repair"],
        &["demo", "--out", out],
        &["completions", "bash"],
        &["stats"],
        &["dump"],
        &["edges", "--format", "jsonl"],
    ];
    for args in runs {
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_relgraph"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .stdout(closed_stdout())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&child.stderr);
        assert_eq!(child.status.code(), Some(0), "{args:?}: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe"),
            "{args:?}: {err}"
        );
    }
}

// ---- 11, 5. a full disk, read-only media ---------------------------------------------

/// A small tmpfs mounted for one test, unmounted when dropped.
struct Tmpfs(std::path::PathBuf);

impl Tmpfs {
    /// `None`, with a note, where this machine cannot mount; but where `.ci/run` found that
    /// it can (it sets `RELGRAPH_TEST_MOUNTS`), failing to mount fails the test.
    fn mount(at: &Path, mib: u64) -> Option<Tmpfs> {
        std::fs::create_dir_all(at).unwrap();
        let tried = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={mib}m"), "tmpfs"])
            .arg(at)
            .output();
        match tried {
            Ok(o) if o.status.success() => Some(Tmpfs(at.to_path_buf())),
            other => {
                let why = match other {
                    Ok(o) => String::from_utf8_lossy(&o.stderr).trim().to_string(),
                    Err(e) => e.to_string(),
                };
                assert!(
                    std::env::var_os("RELGRAPH_TEST_MOUNTS").is_none(),
                    "cannot mount a tmpfs, although .ci/run could: {why}"
                );
                eprintln!("note: test skipped: it needs to mount a small tmpfs ({why})");
                None
            }
        }
    }

    fn remount(&self, options: &str) {
        let o = std::process::Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(&self.0)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.0)
            .status();
    }
}

/// Fills the file system of `dir` but for about `free` bytes; delete the file to free it.
fn fill_but(dir: &Path, free: u64) -> std::path::PathBuf {
    use std::io::Write;
    let filler = dir.join("filler");
    let mut f = std::fs::File::create(&filler).unwrap();
    let block = vec![0x55u8; 64 * 1024];
    let mut written = 0u64;
    while let Ok(n @ 1..) = f.write(&block) {
        written += n as u64;
    }
    f.set_len(written.saturating_sub(free)).unwrap();
    filler
}

fn generated_article(i: usize) -> String {
    format!(
        "Mirela Stanek{i} a fondé Vantor{i} Labs en {}. Vantor{i} Labs a porté plainte contre Quillon{i} Systems.\n\n\
         Le partenariat entre Vantor{i} Labs et Orsay{i} Capital a été annoncé mardi. Mirela Stanek{i} a vivement critiqué Quillon{i} Systems.\n",
        2000 + i % 20
    )
}

fn document_ids(db: &Path) -> std::collections::BTreeSet<u64> {
    let g = Graph::open(db).unwrap_or_else(|e| panic!("the store does not open: {e}"));
    let rep = g.check().unwrap();
    assert!(rep.problems.is_empty(), "{:?}", rep.problems);
    g.all_documents().map(|d| d.unwrap().id).collect()
}

/// What a user reads when the disk fills: one clear sentence, no panic, no Rust debug text.
fn assert_reports_full_disk(what: &str, o: &std::process::Output) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(3), "{what}: {err}");
    assert!(
        err.contains("cannot write") && err.contains("no space left on device"),
        "{what}: {err}"
    );
    assert!(!err.contains("written or read"), "{what}: {err}");
    for bad in ["panicked", "Os {", "StorageFull", "backtrace"] {
        assert!(!err.contains(bad), "{what} printed `{bad}`: {err}");
    }
    eprintln!("{what} on a full disk: {}", err.trim());
}

#[test]
fn a_full_disk_during_ingest_or_import_is_reported_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let Some(fs) = Tmpfs::mount(&dir.path().join("fs"), 64) else {
        return;
    };
    let db = fs.0.join("store");
    let (base, more) = (dir.path().join("base"), dir.path().join("more"));
    for (folder, range) in [(&base, 0..20), (&more, 20..600)] {
        std::fs::create_dir(folder).unwrap();
        for i in range {
            std::fs::write(folder.join(format!("a{i:04}.txt")), generated_article(i)).unwrap();
        }
    }
    let o = run_within(60, &db, &["ingest", base.to_str().unwrap()], Stdio::null());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let before = document_ids(&db);
    assert_eq!(before.len(), 20);

    // Ingest: what was committed before the disk filled stays, whole.
    let filler = fill_but(&fs.0, 128 * 1024);
    let o = run_within(60, &db, &["ingest", more.to_str().unwrap()], Stdio::null());
    assert_reports_full_disk("ingest", &o);
    // The cause once, then one line of what was not stored; not a line per file left.
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("earlier write"), "{err}");
    assert_eq!(err.matches("no space left").count(), 1, "{err}");
    let summary = err
        .lines()
        .find(|l| l.starts_with("documents: "))
        .unwrap_or_else(|| panic!("no summary: {err}"));
    let figure = |what: &str| -> usize {
        let before = summary.split(what).next().unwrap();
        before.rsplit(' ').next().unwrap().parse().unwrap()
    };
    let (new, not_stored) = (figure(" new"), figure(" not stored"));
    assert!(not_stored > 0, "{summary}");
    assert_eq!(new + not_stored, 580, "{summary}");
    assert!(err.lines().count() <= 3, "{err}");
    std::fs::remove_file(&filler).unwrap();
    let now = document_ids(&db);
    assert!(now.is_superset(&before), "ingest lost documents");
    assert!(now.len() < 600, "the disk never filled");
    let o = run_within(60, &db, &["ingest", more.to_str().unwrap()], Stdio::null());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(document_ids(&db).len(), 600);

    // Import: all or nothing.
    let csv = dir.path().join("rows.csv");
    write_member_rows(&csv, 30_000, 3_000);
    let counts = |db: &Path| {
        let g = Graph::open(db).unwrap();
        let c = g.counts().unwrap();
        (c.entities, c.edges, c.documents)
    };
    let before = counts(&db);
    let filler = fill_but(&fs.0, 128 * 1024);
    let o = run_within(60, &db, &["import", csv.to_str().unwrap()], Stdio::null());
    assert_reports_full_disk("import", &o);
    std::fs::remove_file(&filler).unwrap();
    document_ids(&db); // opens (a cut-short load is taken back out) and passes check
    assert_eq!(counts(&db), before, "a failed import left part of itself");
    let o = run_within(60, &db, &["import", csv.to_str().unwrap()], Stdio::null());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(counts(&db).1, before.1 + 30_000);
    document_ids(&db);

    // An output file on the full disk is named in the message.
    let dump = fs.0.join("dump.jsonl");
    let filler = fill_but(&fs.0, 0);
    let o = run_within(
        60,
        &db,
        &["dump", "-o", dump.to_str().unwrap()],
        Stdio::null(),
    );
    std::fs::remove_file(&filler).unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!(
            "cannot write {}: no space left on device",
            dump.display()
        )),
        "{err}"
    );
}

/// Damage found while opening is not sent to `check`, which opens the store the same way.
#[test]
fn damage_found_at_open_names_advice_that_works() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store");
    drop(two_articles(&db));
    {
        let sled = sled::open(&db).unwrap();
        let meta = sled.open_tree("meta").unwrap();
        meta.insert("schema", &b"?"[..]).unwrap();
        sled.flush().unwrap();
    }
    for cmd in ["stats", "check", "repair"] {
        let o = run_within(20, &db, &[cmd], Stdio::null());
        let err = String::from_utf8_lossy(&o.stderr);
        assert_plain_damage(cmd, &o);
        assert!(!err.contains("check` lists"), "{cmd}: {err}");
    }
}

#[test]
fn an_unclosed_csv_quote_and_utf16_text_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store");
    let csv = dir.path().join("rows.csv");
    std::fs::write(
        &csv,
        "source,relation,target\nAda Byron,founded,Loom Co\n\"Mary Byron,sued,Loom Co\nEve Kay,leads,Loom Co\n",
    )
    .unwrap();
    let o = run_within(20, &db, &["import", csv.to_str().unwrap()], Stdio::null());
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("rows.csv:3:") && err.contains("never closed"),
        "{err}"
    );
    assert!(!err.contains("unknown relation"), "{err}");

    let utf16 = |text: &str| -> Vec<u8> {
        let mut b = vec![0xff, 0xfe];
        b.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        b
    };
    let article = dir.path().join("a.txt");
    std::fs::write(&article, utf16(ARTICLE_A)).unwrap();
    let rows = dir.path().join("u16.csv");
    std::fs::write(&rows, utf16("source,relation,target\nA B,sued,C D\n")).unwrap();
    let runs: [&[&str]; 4] = [
        &["ingest", article.to_str().unwrap()],
        &["extract", article.to_str().unwrap()],
        &["extract", "--explain", article.to_str().unwrap()],
        &["import", rows.to_str().unwrap()],
    ];
    for args in runs {
        let o = run_within(20, &db, args, Stdio::null());
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("looks like UTF-16") && err.contains("iconv -f UTF-16 -t UTF-8"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_store_on_read_only_media_is_read_and_writes_say_why_they_fail() {
    let dir = tempfile::tempdir().unwrap();
    let Some(fs) = Tmpfs::mount(&dir.path().join("fs"), 16) else {
        return;
    };
    let db = fs.0.join("store");
    drop(two_articles(&db));
    fs.remount("ro");
    let o = run_within(20, &db, &["stats", "--format", "json"], Stdio::null());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stats: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let documents = stats
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["what"] == "total" && r["name"] == "documents")
        .map(|r| r["count"].clone());
    assert_eq!(documents, Some(2.into()), "{stats}");
    let o = run_within(
        20,
        &db,
        &["edges", "--from", "Priya Raman", "--format", "csv"],
        Stdio::null(),
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("Oakline Systems"));
    let article = dir.path().join("c.txt");
    std::fs::write(&article, "Zenith Labs a racheté Marlow Foods.").unwrap();
    let o = run_within(
        20,
        &db,
        &["ingest", article.to_str().unwrap()],
        Stdio::null(),
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert!(err.contains("read-only"), "{err}");
    assert!(!err.contains("panicked") && !err.contains("Os {"), "{err}");
}
