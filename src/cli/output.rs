//! Printing rows as tables, JSON, JSON lines or CSV: every format shows the same fields.

use std::io::{IsTerminal, Write};

use clap::ValueEnum;
use serde::Serialize;

use relgraph::Error;

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum Format {
    Table,
    Json,
    Jsonl,
    Csv,
}

fn colors() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}

fn cell(v: &serde_json::Value, max: usize) -> String {
    let s = match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(a) => a
            .iter()
            .map(|x| cell(x, usize::MAX))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    };
    if s.chars().count() > max {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    } else {
        s
    }
}

/// A `Value` holds numbers as f64, so an f32 confidence of 0.8 would print as
/// 0.800000011920929: write back every float that is an f32 in its shortest f32 form.
fn shortest_floats(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
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

/// Prints rows in the chosen format; every format shows the same fields.
pub fn print_rows<T: Serialize>(rows: &[T], format: Format) -> Result<(), Error> {
    let values: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            serde_json::to_value(r)
                .map(shortest_floats)
                .map_err(|e| Error::Invalid(e.to_string()))
        })
        .collect::<Result<_, _>>()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let io = |e: std::io::Error| Error::Io {
        path: "standard output".into(),
        source: e,
    };
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &values)
                .map_err(|e| Error::Invalid(e.to_string()))?;
            writeln!(out).map_err(io)?;
        }
        Format::Jsonl => {
            for v in &values {
                serde_json::to_writer(&mut out, v).map_err(|e| Error::Invalid(e.to_string()))?;
                writeln!(out).map_err(io)?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            if let Some(serde_json::Value::Object(first)) = values.first() {
                w.write_record(first.keys())
                    .map_err(|e| Error::Invalid(e.to_string()))?;
                for v in &values {
                    if let serde_json::Value::Object(m) = v {
                        w.write_record(m.values().map(|x| cell(x, usize::MAX)))
                            .map_err(|e| Error::Invalid(e.to_string()))?;
                    }
                }
            }
            w.flush().map_err(io)?;
        }
        Format::Table => {
            let Some(serde_json::Value::Object(first)) = values.first() else {
                return Ok(());
            };
            let mut t = comfy_table::Table::new();
            t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED);
            if !std::io::stdout().is_terminal() {
                t.load_style(comfy_table::presets::ASCII_MARKDOWN);
            }
            let header: Vec<comfy_table::Cell> = first
                .keys()
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
            for v in &values {
                if let serde_json::Value::Object(m) = v {
                    t.add_row(m.values().map(|x| cell(x, 90)).collect::<Vec<_>>());
                }
            }
            writeln!(out, "{t}").map_err(io)?;
        }
    }
    out.flush().map_err(io)
}
