//! Printing rows as tables, JSON, JSON lines or CSV. JSON, JSON lines and CSV carry every
//! field; a table shows a command's main columns, fitted to the terminal (`--wide`: all).

use std::io::{IsTerminal, Write};

use clap::ValueEnum;
use serde::Serialize;
use serde_json::Value;

use relgraph::Error;

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum Format {
    Table,
    Json,
    Jsonl,
    Csv,
}

/// Orders of a listing.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum Sort {
    /// Most confident first.
    Confidence,
    /// Most evidence sentences first.
    Evidence,
    /// Oldest stated date first (undated last).
    Date,
    /// By name.
    Name,
}

/// What every listing command takes.
#[derive(clap::Args, Clone, Debug)]
pub struct Listing {
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// At most N rows.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    #[arg(long, value_enum)]
    pub sort: Option<Sort>,
    /// Tables show every column at full width.
    #[arg(long)]
    pub wide: bool,
}

impl Listing {
    pub fn of(format: Format) -> Listing {
        Listing {
            format,
            limit: None,
            sort: None,
            wide: false,
        }
    }
}

fn colors() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}

/// A table cell: floats with two decimals, lists joined, long text cut at `max` characters.
fn table_cell(v: &Value, max: usize) -> String {
    let s = match v {
        Value::Number(n) if n.is_f64() => format!("{:.2}", n.as_f64().unwrap_or_default()),
        other => csv_cell(other),
    };
    let s = visible(s);
    if s.chars().count() > max {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    } else {
        s
    }
}

/// Control characters shown as escapes (`\u{1b}`), never sent to the terminal raw: a name
/// from an old store or a hostile file must not drive the terminal. Line breaks stay (a
/// cell may have several lines).
fn visible(s: String) -> String {
    if !s.chars().any(|c| c.is_control() && c != '\n') {
        return s;
    }
    s.chars()
        .map(|c| match c {
            '\n' => "\n".to_string(),
            c if c.is_control() => c.escape_default().to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// A CSV cell: lists joined with `|`, the one list separator of every CSV relgraph writes
/// and reads (import, gazetteer, exports).
fn csv_cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(a) => a
            .iter()
            .map(csv_cell)
            .collect::<Vec<_>>()
            .join(relgraph::export::formats::ALIAS_SEPARATOR),
        other => other.to_string(),
    }
}

/// A `Value` holds numbers as f64, so an f32 confidence of 0.8 would print as
/// 0.800000011920929: write back every float that is an f32 in its shortest f32 form.
fn shortest_floats(v: Value) -> Value {
    match v {
        Value::Number(n) if n.is_f64() => {
            let x = n.as_f64().unwrap_or_default();
            let f = x as f32;
            match f.to_string().parse::<f64>() {
                Ok(short) if f64::from(f) == x => serde_json::Number::from_f64(short)
                    .map(Value::Number)
                    .unwrap_or(Value::Number(n)),
                _ => Value::Number(n),
            }
        }
        Value::Array(a) => Value::Array(a.into_iter().map(shortest_floats).collect()),
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| (k, shortest_floats(v)))
                .collect(),
        ),
        other => other,
    }
}

fn field<'v>(v: &'v Value, keys: &[&str]) -> Option<&'v Value> {
    keys.iter().find_map(|k| v.get(*k).filter(|x| !x.is_null()))
}

fn sort_values(values: &mut [Value], sort: Sort) {
    let num = |v: &Value, keys: &[&str]| field(v, keys).and_then(Value::as_f64);
    let text =
        |v: &Value, keys: &[&str]| field(v, keys).and_then(Value::as_str).map(str::to_string);
    match sort {
        Sort::Confidence => values.sort_by(|a, b| {
            let (x, y) = (num(a, &["confidence"]), num(b, &["confidence"]));
            y.unwrap_or(f64::MIN).total_cmp(&x.unwrap_or(f64::MIN))
        }),
        Sort::Evidence => {
            let keys = ["evidence_count", "evidence"];
            values.sort_by(|a, b| {
                let (x, y) = (num(a, &keys), num(b, &keys));
                y.unwrap_or(f64::MIN).total_cmp(&x.unwrap_or(f64::MIN))
            })
        }
        Sort::Date => {
            let keys = ["first_date", "date"];
            values.sort_by(|a, b| match (text(a, &keys), text(b, &keys)) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
        }
        Sort::Name => {
            let keys = ["name", "source", "from"];
            values.sort_by_key(|v| text(v, &keys).map(|s| relgraph::model::name_key(&s)))
        }
    }
}

/// The width tables must fit: the terminal's, else `COLUMNS`, else none (a pipe or a file
/// gets whole rows).
fn table_width() -> Option<u16> {
    if std::io::stdout().is_terminal() {
        // comfy-table asks the terminal when no width was set.
        if let Some(w) = comfy_table::Table::new().width() {
            return Some(w);
        }
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .filter(|w: &u16| *w >= 20)
}

/// Prints rows with a listing's options; a table shows `columns` (every field when empty or
/// with `--wide`).
pub fn print_listing<T: Serialize>(
    rows: &[T],
    listing: &Listing,
    columns: &[&str],
) -> Result<(), Error> {
    let mut values: Vec<Value> = rows
        .iter()
        .map(|r| {
            serde_json::to_value(r)
                .map(shortest_floats)
                .map_err(|e| Error::Invalid(e.to_string()))
        })
        .collect::<Result<_, _>>()?;
    if let Some(sort) = listing.sort {
        sort_values(&mut values, sort);
    }
    if let Some(n) = listing.limit {
        values.truncate(n);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let io = |e: std::io::Error| Error::write("standard output", e);
    let json_err = |e: serde_json::Error| match e.io_error_kind() {
        Some(kind) => io(std::io::Error::new(kind, e)),
        None => Error::Invalid(e.to_string()),
    };
    match listing.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &values).map_err(json_err)?;
            writeln!(out).map_err(io)?;
        }
        Format::Jsonl => {
            for v in &values {
                serde_json::to_writer(&mut out, v).map_err(json_err)?;
                writeln!(out).map_err(io)?;
            }
        }
        Format::Csv => {
            let csv_err = |e: csv::Error| match e.into_kind() {
                csv::ErrorKind::Io(e) => io(e),
                other => Error::Invalid(format!("{other:?}")),
            };
            let mut w = csv::Writer::from_writer(&mut out);
            if let Some(Value::Object(first)) = values.first() {
                w.write_record(first.keys()).map_err(csv_err)?;
                for v in &values {
                    if let Value::Object(m) = v {
                        w.write_record(m.values().map(csv_cell)).map_err(csv_err)?;
                    }
                }
            }
            w.flush().map_err(io)?;
        }
        Format::Table => {
            let Some(Value::Object(first)) = values.first() else {
                return Ok(());
            };
            let keys: Vec<&String> = first
                .keys()
                .filter(|k| listing.wide || columns.is_empty() || columns.contains(&k.as_str()))
                .collect();
            let mut t = comfy_table::Table::new();
            t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED);
            if !std::io::stdout().is_terminal() {
                t.load_style(comfy_table::presets::ASCII_MARKDOWN);
            }
            let width = if listing.wide { None } else { table_width() };
            if let Some(w) = width {
                t.set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
                t.set_width(w);
            }
            let header: Vec<comfy_table::Cell> = keys
                .iter()
                .map(|k| {
                    let c = comfy_table::Cell::new(k);
                    if colors() {
                        c.add_attribute(comfy_table::Attribute::Bold)
                    } else {
                        c
                    }
                })
                .collect();
            t.set_header(header);
            let max = if listing.wide { usize::MAX } else { 90 };
            for v in &values {
                t.add_row(
                    keys.iter()
                        .map(|k| table_cell(&v[k.as_str()], max))
                        .collect::<Vec<_>>(),
                );
            }
            writeln!(out, "{t}").map_err(io)?;
            let hidden = first.len() - keys.len();
            if hidden > 0 && std::io::stderr().is_terminal() {
                eprintln!("({hidden} more fields: --wide or --format json shows them)");
            }
        }
    }
    out.flush().map_err(io)
}

/// Prints rows in the chosen format, every field.
pub fn print_rows<T: Serialize>(rows: &[T], format: Format) -> Result<(), Error> {
    print_listing(rows, &Listing::of(format), &[])
}
