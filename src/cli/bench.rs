//! `relgraph bench`: the workload of ../shared/bench (neighbors, path, khop2) run in-process,
//! timed per query, with results in the shape bench_peers.py compares.

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Instant;

use serde::Serialize;

use relgraph::query::{Direction, PathQuery};
use relgraph::{Error, Graph};

use super::output::{print_rows, Format};
use super::FOUND;

const MAX_DEPTH: usize = 6;

/// A query's answer before it is digested for comparison.
enum Answer {
    Nodes(Vec<u32>),
    Names(Vec<String>),
    Value(serde_json::Value),
}

#[derive(Serialize)]
struct TypeRow {
    query: String,
    mode: String,
    count: usize,
    median_us: u64,
    p95_us: u64,
    total_s: f64,
}

fn pct(xs: &mut [f64], p: f64) -> u64 {
    xs.sort_by(f64::total_cmp);
    if xs.is_empty() {
        return 0;
    }
    xs[((p / 100.0 * (xs.len() - 1) as f64).round() as usize).min(xs.len() - 1)].round() as u64
}

fn digest(mut names: Vec<String>) -> serde_json::Value {
    names.sort();
    let h = sha1_smol::Sha1::from(names.join("\n")).digest().to_string();
    serde_json::json!([names.len(), &h[..12]])
}

/// Runs the workload; `snapshot` answers from the in-memory adjacency snapshot, otherwise
/// every query reads the sled indexes.
#[derive(clap::Args)]
pub struct BenchArgs {
    #[arg(long)]
    workload: PathBuf,
    #[arg(long)]
    results: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Read the sled indexes for every query instead of the in-memory snapshot.
    #[arg(long)]
    no_snapshot: bool,
    /// The import time to record in the results (seconds), for the side-by-side table.
    #[arg(long)]
    load_s: Option<f64>,
}

pub fn bench(graph: &Graph, a: BenchArgs) -> Result<i32, Error> {
    let (workload, results, format, snapshot, load_s) = (
        a.workload.as_path(),
        a.results.as_deref(),
        a.format,
        !a.no_snapshot,
        a.load_s,
    );
    let text = std::fs::read_to_string(workload).map_err(|e| Error::Io {
        path: workload.to_path_buf(),
        source: e,
    })?;
    let queries: Vec<Vec<String>> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    let warm = Instant::now();
    let snap = if snapshot {
        Some(graph.snapshot()?)
    } else {
        None
    };
    let warmup_s = warm.elapsed().as_secs_f64();
    let id_of = |name: &str| -> Result<u64, Error> {
        graph
            .ids_for_name(name)?
            .first()
            .copied()
            .ok_or_else(|| Error::NotFound {
                name: name.to_string(),
                suggestions: vec![],
            })
    };
    let mut lat: std::collections::BTreeMap<String, Vec<f64>> = Default::default();
    let mut out_results = Vec::with_capacity(queries.len());
    let mut seen = Vec::new();
    let mut scratch = relgraph::query::Scratch::default();
    let node_of = |s: &relgraph::query::Snapshot, name: &str| {
        s.node_by_name(name).ok_or_else(|| Error::NotFound {
            name: name.to_string(),
            suggestions: vec![],
        })
    };
    for (qi, q) in queries.iter().enumerate() {
        let t = Instant::now();
        let res = match (q[0].as_str(), &snap) {
            ("neighbors", Some(s)) => {
                let n = node_of(s, &q[1])?;
                let found = s.distinct_neighbors(n);
                Answer::Nodes(found)
            }
            ("neighbors", None) => {
                let id = id_of(&q[1])?;
                let mut ids: Vec<u64> = graph
                    .adjacent(id, Direction::Both, &[])?
                    .into_iter()
                    .map(|(o, _, _)| o)
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                let mut names = Vec::with_capacity(ids.len());
                for i in ids {
                    names.push(graph.entity(i)?.map(|e| e.name).unwrap_or_default());
                }
                Answer::Names(names)
            }
            ("path", Some(s)) => {
                let (a, b) = (node_of(s, &q[1])?, node_of(s, &q[2])?);
                Answer::Value(serde_json::json!(s.path_length(
                    a,
                    b,
                    MAX_DEPTH,
                    &mut scratch
                )))
            }
            ("path", None) => {
                let p = graph.shortest_path_ids(&PathQuery::new(
                    id_of(&q[1])?,
                    id_of(&q[2])?,
                    MAX_DEPTH,
                    &[],
                ))?;
                Answer::Value(serde_json::json!(p.map(|h| h.len())))
            }
            ("khop2", Some(s)) => {
                let n = node_of(s, &q[1])?;
                Answer::Value(serde_json::json!(s.two_hop_count(
                    n,
                    &mut seen,
                    qi as u32 + 1
                )))
            }
            ("khop2", None) => {
                let id = id_of(&q[1])?;
                let mut set: HashSet<u64> = HashSet::new();
                let first: Vec<u64> = graph
                    .adjacent(id, Direction::Both, &[])?
                    .into_iter()
                    .map(|(o, _, _)| o)
                    .collect();
                for &f in &first {
                    set.insert(f);
                    for (o, _, _) in graph.adjacent(f, Direction::Both, &[])? {
                        set.insert(o);
                    }
                }
                set.remove(&id);
                Answer::Value(serde_json::json!(set.len()))
            }
            (other, _) => {
                return Err(Error::Invalid(format!(
                    "{}: line {}: unknown query `{other}`",
                    workload.display(),
                    qi + 1
                )))
            }
        };
        // As in bench_peers.py: the clock stops before the answer is digested.
        lat.entry(q[0].clone())
            .or_default()
            .push(t.elapsed().as_secs_f64() * 1e6);
        out_results.push(match res {
            Answer::Nodes(nodes) => {
                let s = snap.as_ref().expect("nodes come from the snapshot");
                digest(nodes.into_iter().map(|m| s.name(m).to_string()).collect())
            }
            Answer::Names(names) => digest(names),
            Answer::Value(v) => v,
        });
    }
    let mode = if snapshot { "snapshot" } else { "indexes" };
    let mut rows = Vec::new();
    let mut per_type = serde_json::Map::new();
    let total_query_s: f64 = lat.values().flatten().sum::<f64>() / 1e6;
    for k in ["neighbors", "path", "khop2"] {
        let mut xs = lat.remove(k).unwrap_or_default();
        let total: f64 = xs.iter().sum::<f64>() / 1e6;
        let (median, p95) = (pct(&mut xs, 50.0), pct(&mut xs, 95.0));
        per_type.insert(k.into(), serde_json::json!({"count": xs.len(), "median_us": median, "p95_us": p95, "total_s": (total * 1000.0).round() / 1000.0}));
        rows.push(TypeRow {
            query: k.into(),
            mode: mode.into(),
            count: xs.len(),
            median_us: median,
            p95_us: p95,
            total_s: (total * 1000.0).round() / 1000.0,
        });
    }
    print_rows(&rows, format)?;
    eprintln!(
        "snapshot build: {warmup_s:.3} s; store on disk: {:.1} MiB",
        graph.size_on_disk()? as f64 / 1048576.0
    );
    if let Some(path) = results {
        let summary = serde_json::json!({
            "engine": format!("relgraph-{mode}"),
            "version": env!("CARGO_PKG_VERSION"),
            "load_s": load_s,
            "warmup_s": (warmup_s * 1000.0).round() / 1000.0,
            "store_bytes": graph.size_on_disk()?,
            "peak_rss_mb": peak_rss_mb(),
            "stopped_over_budget": false,
            "queries_run": queries.len(),
            "queries_total": queries.len(),
            "total_query_s": (total_query_s * 1000.0).round() / 1000.0,
            "per_type": per_type,
        });
        let body =
            serde_json::json!({"summary": summary, "queries": queries, "results": out_results});
        std::fs::write(
            path,
            serde_json::to_vec(&body).map_err(|e| Error::Invalid(e.to_string()))?,
        )
        .map_err(|e| Error::write(path, e))?;
    }
    Ok(FOUND)
}

/// Peak resident memory of this process (Linux), in MiB.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some((kb / 1024.0 * 10.0).round() / 10.0)
}
