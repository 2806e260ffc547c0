//! Store maintenance: `dump`, `restore`, `check`, `repair`.

use std::io::Write;
use std::path::{Path, PathBuf};

use relgraph::{Error, Graph};

use super::{open_existing, FOUND, NOTHING};

#[derive(clap::Args)]
pub struct DumpArgs {
    #[arg(short, long)]
    output: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct RestoreArgs {
    file: PathBuf,
}

pub fn dump(db: &Path, a: DumpArgs) -> Result<i32, Error> {
    let graph = open_existing(db)?;
    match a.output {
        Some(p) => {
            relgraph::store::check_output_path(&p)?;
            let f = std::fs::File::create(&p).map_err(|e| Error::write(&p, e))?;
            let mut w = std::io::BufWriter::new(f);
            graph.dump(&mut w).map_err(|e| named(&p, e))?;
            w.flush().map_err(|e| Error::write(&p, e))?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            graph
                .dump(&mut w)
                .map_err(|e| named(Path::new("standard output"), e))?;
            w.flush().map_err(|e| Error::write("standard output", e))?;
        }
    }
    Ok(FOUND)
}

/// The library names its writer "the dump output": name the file instead.
fn named(path: &Path, e: Error) -> Error {
    match e {
        Error::Write { source, .. } => Error::write(path, source),
        other => other,
    }
}

pub fn restore(db: &Path, a: RestoreArgs) -> Result<i32, Error> {
    let f = std::fs::File::open(&a.file).map_err(|e| Error::Io {
        path: a.file.clone(),
        source: e,
    })?;
    // Read and checked whole before the store opens: a refused dump creates no store.
    let dump =
        relgraph::store::Dump::read(std::io::BufReader::new(f), &a.file.display().to_string())?;
    let n = Graph::open(db)?.restore_dump(dump)?;
    eprintln!("restored {n} records into {}", db.display());
    Ok(FOUND)
}

/// `check` and `repair` (which opened the store accepting the loss) print the same report.
pub fn check(graph: Graph) -> Result<i32, Error> {
    let rep = graph.check()?;
    say!(
        "{} entities, {} edges, {} evidence, {} documents, {} names",
        rep.entities,
        rep.edges,
        rep.evidence,
        rep.documents,
        rep.names
    );
    for p in &rep.problems {
        say!("problem: {p}");
    }
    if rep.problems.is_empty() {
        say!("ok");
        Ok(FOUND)
    } else {
        Ok(NOTHING)
    }
}
