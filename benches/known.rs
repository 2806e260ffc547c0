//! Lookups in the built-in name and place data (`src/extract/known.rs`), on the words of real
//! articles: the mention stage asks about every capitalized word, so these must stay a small
//! fraction of extraction time.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use relgraph::extract::known;

/// The words of the seed article and of the team's news-style articles, punctuation trimmed.
fn words() -> Vec<String> {
    let mut text = String::from(include_str!("../examples/seed-fr-musk-altman.txt"));
    for entry in std::fs::read_dir("tests/data/articles")
        .into_iter()
        .flatten()
        .flatten()
    {
        text.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
    }
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

fn bench_known(c: &mut Criterion) {
    let all = words();
    let capitalized: Vec<&str> = all
        .iter()
        .map(String::as_str)
        .filter(|w| w.starts_with(char::is_uppercase))
        .collect();
    // Load the tables outside the measurement.
    black_box(known::place("Paris"));
    let mut g = c.benchmark_group("known");
    g.throughput(Throughput::Elements(capitalized.len() as u64));
    g.bench_function("fold only, capitalized words", |b| {
        b.iter(|| {
            capitalized
                .iter()
                .map(|w| known::fold(w).as_str().len())
                .sum::<usize>()
        })
    });
    g.bench_function("given_name, capitalized words", |b| {
        b.iter(|| {
            capitalized
                .iter()
                .filter(|w| known::is_given_name(w))
                .count()
        })
    });
    g.bench_function("surname, capitalized words", |b| {
        b.iter(|| capitalized.iter().filter(|w| known::is_surname(w)).count())
    });
    g.bench_function("place, capitalized words", |b| {
        b.iter(|| {
            capitalized
                .iter()
                .filter(|w| known::place(w).is_some())
                .count()
        })
    });
    g.bench_function("demonym, capitalized words", |b| {
        b.iter(|| {
            capitalized
                .iter()
                .filter(|w| known::demonym(w).is_some())
                .count()
        })
    });
    g.bench_function("longest_place, from each capitalized word", |b| {
        let words: Vec<&str> = all.iter().map(String::as_str).collect();
        b.iter(|| {
            (0..words.len())
                .filter(|&i| words[i].starts_with(char::is_uppercase))
                .filter(|&i| known::longest_place(&words[i..]).is_some())
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, bench_known);
criterion_main!(benches);
