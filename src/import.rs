//! Parsing of bulk-import files: CSV with the header
//! `source,relation,target,source_kind,target_kind`, or JSON lines with the same keys.
//! Every row is checked before anything is written; errors name the line.

use std::io::BufRead;

use crate::error::{Error, Result};
use crate::model::{EntityKind, RelationKind};
use crate::store::ImportRow;

/// The two import formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    Csv,
    Jsonl,
}

impl ImportFormat {
    /// From a file name: `.jsonl`/`.ndjson`/`.json` → JSON lines, anything else → CSV.
    pub fn from_path(path: &std::path::Path) -> ImportFormat {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("jsonl" | "ndjson" | "json") => ImportFormat::Jsonl,
            _ => ImportFormat::Csv,
        }
    }
}

fn kind_or_default(s: &str) -> Result<EntityKind> {
    if s.trim().is_empty() {
        Ok(EntityKind::Organization)
    } else {
        s.parse()
    }
}

fn check_name(name: &str) -> std::result::Result<(), String> {
    // A letter or digit always survives folding; only a name without one needs the fold.
    if !name.chars().any(char::is_alphanumeric) && crate::model::name_key(name).is_empty() {
        return Err(format!("empty entity name `{}`", name.escape_debug()));
    }
    if name.len() > 4096 {
        return Err(format!(
            "entity name of {} bytes (at most 4096)",
            name.len()
        ));
    }
    if name.contains('\0') {
        return Err("entity name contains a NUL byte".into());
    }
    Ok(())
}

/// Parses a whole import file.
pub fn parse_rows(
    reader: impl BufRead,
    format: ImportFormat,
    source: &str,
) -> Result<Vec<ImportRow>> {
    match format {
        ImportFormat::Csv => parse_csv(reader, source),
        ImportFormat::Jsonl => parse_jsonl(reader, source),
    }
}

fn parse_csv(reader: impl BufRead, source: &str) -> Result<Vec<ImportRow>> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(reader);
    let err = |line: usize, message: String| Error::Parse {
        file: source.to_string(),
        line,
        message,
    };
    let headers = rdr.headers().map_err(|e| err(1, e.to_string()))?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().trim_start_matches('\u{feff}') == name)
    };
    let (Some(s), Some(r), Some(t)) = (col("source"), col("relation"), col("target")) else {
        return Err(err(
            1,
            "the header must name source,relation,target (and source_kind,target_kind)".into(),
        ));
    };
    let (sk, tk) = (col("source_kind"), col("target_kind"));
    let mut rows = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            err(
                e.position().map(|p| p.line() as usize).unwrap_or(0),
                e.to_string(),
            )
        })?;
        let line = rec.position().map(|p| p.line() as usize).unwrap_or(0);
        let field = |i: Option<usize>| i.and_then(|i| rec.get(i)).unwrap_or("");
        if rec.len() == 1 && field(Some(0)).trim().is_empty() {
            continue;
        }
        let row = ImportRow {
            source: field(Some(s)).to_string(),
            relation: field(Some(r))
                .parse::<RelationKind>()
                .map_err(|e| err(line, e.to_string()))?,
            target: field(Some(t)).to_string(),
            source_kind: kind_or_default(field(sk)).map_err(|e| err(line, e.to_string()))?,
            target_kind: kind_or_default(field(tk)).map_err(|e| err(line, e.to_string()))?,
        };
        check_name(&row.source)
            .and_then(|_| check_name(&row.target))
            .map_err(|m| err(line, m))?;
        rows.push(row);
    }
    Ok(rows)
}

#[derive(serde::Deserialize)]
struct JsonRow {
    source: String,
    relation: String,
    target: String,
    #[serde(default)]
    source_kind: Option<String>,
    #[serde(default)]
    target_kind: Option<String>,
}

fn parse_jsonl(reader: impl BufRead, source: &str) -> Result<Vec<ImportRow>> {
    let mut rows = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line_no = i + 1;
        let err = |message: String| Error::Parse {
            file: source.to_string(),
            line: line_no,
            message,
        };
        let line = line.map_err(|e| err(format!("not UTF-8 text ({e})")))?;
        if line.trim().is_empty() {
            continue;
        }
        let j: JsonRow = serde_json::from_str(&line).map_err(|e| err(e.to_string()))?;
        let row = ImportRow {
            relation: j.relation.parse().map_err(|e: Error| err(e.to_string()))?,
            source_kind: kind_or_default(j.source_kind.as_deref().unwrap_or(""))
                .map_err(|e| err(e.to_string()))?,
            target_kind: kind_or_default(j.target_kind.as_deref().unwrap_or(""))
                .map_err(|e| err(e.to_string()))?,
            source: j.source,
            target: j.target,
        };
        check_name(&row.source)
            .and_then(|_| check_name(&row.target))
            .map_err(err)?;
        rows.push(row);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_errors_name_their_line() {
        let data = "source,relation,target,source_kind,target_kind\nA,founded,B,person,organization\nC,likes,D,person,person\n";
        match parse_rows(data.as_bytes(), ImportFormat::Csv, "t.csv") {
            Err(Error::Parse { line, message, .. }) => {
                assert_eq!(line, 3);
                assert!(message.contains("likes"));
            }
            other => panic!("expected a parse error, got {other:?}"),
        }
    }

    #[test]
    fn quoted_fields_with_commas_and_newlines_survive() {
        let data = "source,relation,target,source_kind,target_kind\n\"Smith, \"\"Jr\"\"\nII\",sued,\"Acme, Inc\",person,organization\n";
        let rows = parse_rows(data.as_bytes(), ImportFormat::Csv, "t.csv").unwrap();
        assert_eq!(rows[0].source, "Smith, \"Jr\"\nII");
        assert_eq!(rows[0].target, "Acme, Inc");
    }

    #[test]
    fn jsonl_rows_parse_and_fail_with_line_numbers() {
        let data =
            "{\"source\":\"A\",\"relation\":\"sued\",\"target\":\"B\"}\n\n{\"source\":\"A\"}\n";
        match parse_rows(data.as_bytes(), ImportFormat::Jsonl, "t.jsonl") {
            Err(Error::Parse { line, .. }) => assert_eq!(line, 3),
            other => panic!("expected a parse error, got {other:?}"),
        }
    }
}

#[cfg(test)]
mod property_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        /// Arbitrary bytes never panic the parsers: rows or an error with a line number.
        #[test]
        fn import_parsers_never_panic(body in proptest::collection::vec(any::<u8>(), 0..600)) {
            let mut csv = b"source,relation,target,source_kind,target_kind\n".to_vec();
            csv.extend_from_slice(&body);
            match parse_rows(csv.as_slice(), ImportFormat::Csv, "fuzz.csv") {
                Ok(rows) => prop_assert!(rows.iter().all(|r| !crate::model::name_key(&r.source).is_empty())),
                Err(Error::Parse { line, .. }) => prop_assert!(line <= body.len() + 2),
                Err(e) => prop_assert!(false, "unexpected error kind {e}"),
            }
            let _ = parse_rows(body.as_slice(), ImportFormat::Jsonl, "fuzz.jsonl");
        }

        /// Rows built from arbitrary names survive a CSV round trip through the parser.
        #[test]
        fn csv_rows_round_trip(a in "\\PC{1,30}", b in "\\PC{1,30}") {
            prop_assume!(!crate::model::name_key(&a).is_empty() && !crate::model::name_key(&b).is_empty());
            let mut w = ::csv::Writer::from_writer(Vec::new());
            w.write_record(["source", "relation", "target", "source_kind", "target_kind"]).unwrap();
            w.write_record([a.as_str(), "owns", b.as_str(), "organization", "product"]).unwrap();
            let bytes = w.into_inner().unwrap();
            let rows = parse_rows(bytes.as_slice(), ImportFormat::Csv, "t.csv").unwrap();
            prop_assert_eq!(&rows[0].source, &a);
            prop_assert_eq!(&rows[0].target, &b);
        }
    }
}
