//! Benchmarks (`cargo bench`): extraction throughput, import, ingest into one busy entity,
//! neighbor lookup (indexes and
//! snapshot), shortest path, two-hop and DOT export, on a generated graph.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use relgraph::export::{dot_text, DotOptions};
use relgraph::extract::{extract_text, ExtractOptions};
use relgraph::import::ImportFormat;
use relgraph::query::{Direction, PathQuery, Scratch};
use relgraph::Graph;

const ENTITIES: u64 = 20_000;
const EDGES: u64 = 100_000;
const RELATIONS: [&str; 6] = [
    "founded",
    "sued",
    "partnered",
    "criticized",
    "member_of",
    "owns",
];

/// A deterministic graph with a few hubs (preferential-ish attachment by squaring).
fn generated_csv() -> String {
    let mut s = String::from("source,relation,target,source_kind,target_kind\n");
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..EDGES {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let a = (x % ENTITIES) * (x % ENTITIES) / ENTITIES;
        let b = (x >> 20) % ENTITIES;
        if a == b {
            continue;
        }
        s.push_str(&format!(
            "Entity {a},{},Entity {b},organization,organization\n",
            RELATIONS[(i % 6) as usize]
        ));
    }
    s
}

/// Short articles that all name one company: each adds an edge to the same entity, the case
/// where rewriting a whole adjacency row per article turned quadratic.
fn hub_articles(n: usize) -> Vec<String> {
    const SYLLABLES: [&str; 12] = [
        "bor", "vex", "tal", "min", "quo", "rad", "sel", "tun", "pex", "lor", "gan", "dri",
    ];
    (0..n)
        .map(|i| {
            let name: String = [i % 12, i / 12 % 12, i / 144 % 12]
                .iter()
                .map(|&k| SYLLABLES[k])
                .collect();
            let mut chars = name.chars();
            let first = chars.next().unwrap().to_ascii_uppercase();
            format!(
                "Hubco Group has acquired {first}{} Systems, the company said on Monday.",
                chars.as_str()
            )
        })
        .collect()
}

fn bench_extraction(c: &mut Criterion) {
    let seed = include_str!("../examples/seed-fr-musk-altman.txt");
    let text: String = std::iter::repeat_n(seed, 50)
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("seed x50", |b| {
        b.iter(|| extract_text(black_box(&text), &ExtractOptions::default()).unwrap())
    });
    // The real articles one by one, as ingest reads them: short texts, so per-document
    // costs (names, data lookups) show.
    let news: Vec<String> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/news"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
    g.throughput(Throughput::Bytes(news.iter().map(|t| t.len() as u64).sum()));
    g.bench_function("real news, 28 articles", |b| {
        b.iter(|| {
            for t in &news {
                black_box(extract_text(t, &ExtractOptions::default()).unwrap());
            }
        })
    });
    g.finish();
}

fn bench_graph(c: &mut Criterion) {
    let csv = generated_csv();
    let mut g = c.benchmark_group("store");
    g.sample_size(10);
    g.bench_function(BenchmarkId::new("import", EDGES), |b| {
        b.iter(|| {
            let dir = tempfile::tempdir().unwrap();
            let graph = Graph::open(dir.path()).unwrap();
            graph
                .import_reader(csv.as_bytes(), ImportFormat::Csv, "gen.csv", &mut |_, _| {})
                .unwrap();
        })
    });
    let articles = hub_articles(1_000);
    g.bench_function(
        BenchmarkId::new("ingest articles naming one company", articles.len()),
        |b| {
            b.iter(|| {
                let dir = tempfile::tempdir().unwrap();
                let graph = Graph::open(dir.path()).unwrap();
                for (i, text) in articles.iter().enumerate() {
                    graph.ingest_text(text, &format!("a{i}"), None).unwrap();
                }
            })
        },
    );
    g.finish();

    let dir = tempfile::tempdir().unwrap();
    let graph = Graph::open(dir.path()).unwrap();
    graph
        .import_reader(csv.as_bytes(), ImportFormat::Csv, "gen.csv", &mut |_, _| {})
        .unwrap();
    let ids: Vec<u64> = (0..200)
        .map(|i| {
            graph
                .resolve(&format!("Entity {}", i * 97 % ENTITIES))
                .map(|e| e.id)
                .unwrap_or(1)
        })
        .collect();
    let snap = graph.snapshot().unwrap();
    let mut q = c.benchmark_group("query");
    let mut i = 0usize;
    q.bench_function("neighbors (indexes)", |b| {
        b.iter(|| {
            i = (i + 1) % ids.len();
            black_box(graph.adjacent(ids[i], Direction::Both, &[]).unwrap())
        })
    });
    q.bench_function("neighbors (snapshot)", |b| {
        b.iter(|| {
            i = (i + 1) % ids.len();
            black_box(snap.distinct_neighbors(snap.node(ids[i]).unwrap()))
        })
    });
    q.bench_function("shortest path (indexes)", |b| {
        b.iter(|| {
            i = (i + 1) % (ids.len() - 1);
            black_box(
                graph
                    .shortest_path_ids(&PathQuery::new(ids[i], ids[i + 1], 6, &[]))
                    .unwrap(),
            )
        })
    });
    let mut scratch = Scratch::default();
    q.bench_function("shortest path (snapshot)", |b| {
        b.iter(|| {
            i = (i + 1) % (ids.len() - 1);
            black_box(snap.path_length(
                snap.node(ids[i]).unwrap(),
                snap.node(ids[i + 1]).unwrap(),
                6,
                &mut scratch,
            ))
        })
    });
    let mut seen = Vec::new();
    let mut stamp = 0u32;
    q.bench_function("two-hop (snapshot)", |b| {
        b.iter(|| {
            i = (i + 1) % ids.len();
            stamp += 1;
            black_box(snap.two_hop_count(snap.node(ids[i]).unwrap(), &mut seen, stamp))
        })
    });
    q.sample_size(20);
    q.bench_function("DOT export, focus depth 1", |b| {
        b.iter(|| {
            let sub = graph.subgraph(&ids[..3], 1, &[], 5_000).unwrap();
            black_box(dot_text(&sub, &DotOptions::default()))
        })
    });
    q.finish();
}

criterion_group!(benches, bench_extraction, bench_graph);
criterion_main!(benches);
