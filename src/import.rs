//! Parsing of bulk-import files: CSV with the header
//! `source,relation,target,source_kind,target_kind`, or JSON lines with the same keys.
//! A line that also carries `doc` and `evidence` (what `relgraph extract` prints) is an
//! extraction line: the lines of one document become that document, evidence and all, so
//! that extraction sharded over machines and imported gives the store `ingest` would.
//! Every row is checked before anything is written; errors name the line.

use std::io::BufRead;

use crate::error::{Error, Result};
use crate::model::{DocId, EntityKind, Evidence, RelationKind};
use crate::store::{DocumentInput, ImportRow, NewEdge, NewEntity};

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

    /// From the first bytes of a nameless input (standard input): JSON lines open with `{`.
    pub fn sniff(head: &[u8]) -> ImportFormat {
        let first = head
            .iter()
            .copied()
            .find(|b| !b.is_ascii_whitespace() && *b != 0xef && *b != 0xbb && *b != 0xbf);
        if first == Some(b'{') {
            ImportFormat::Jsonl
        } else {
            ImportFormat::Csv
        }
    }
}

fn optional_kind(s: &str) -> Result<Option<EntityKind>> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        s.parse().map(Some)
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

/// What an import file holds: asserted triples, and the documents of extraction lines
/// (lines that carry a `doc` and its `evidence`, as `relgraph extract` prints them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportData {
    pub triples: Vec<ImportRow>,
    pub documents: Vec<DocumentInput>,
    /// CSV columns the importer does not read, so that a user knows they were left out.
    pub ignored_columns: Vec<String>,
}

/// Parses a whole import file.
pub fn parse(reader: impl BufRead, format: ImportFormat, source: &str) -> Result<ImportData> {
    match format {
        ImportFormat::Csv => parse_csv(reader, source),
        ImportFormat::Jsonl => parse_jsonl(reader, source),
    }
}

/// Parses a file of triples only (extraction lines count as their triple).
pub fn parse_rows(
    reader: impl BufRead,
    format: ImportFormat,
    source: &str,
) -> Result<Vec<ImportRow>> {
    let data = parse(reader, format, source)?;
    let mut rows = data.triples;
    for d in &data.documents {
        for e in &d.edges {
            let (s, t) = (&d.entities[e.source], &d.entities[e.target]);
            rows.push(ImportRow {
                source: s.name.clone(),
                relation: e.relation,
                target: t.name.clone(),
                source_kind: Some(s.kind),
                target_kind: Some(t.kind),
            });
        }
    }
    Ok(rows)
}

/// One line of either format, before it is checked.
#[derive(serde::Deserialize, Default)]
struct Line {
    source: String,
    relation: String,
    target: String,
    #[serde(default)]
    source_kind: Option<String>,
    #[serde(default)]
    target_kind: Option<String>,
    #[serde(default)]
    source_aliases: Vec<String>,
    #[serde(default)]
    target_aliases: Vec<String>,
    /// The document id, in hex as `relgraph extract` prints it: present on extraction lines.
    #[serde(default)]
    doc: Option<String>,
    #[serde(default)]
    evidence: Option<String>,
    #[serde(default)]
    confidence: Option<f32>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    rule: Option<String>,
    #[serde(default)]
    start: Option<u32>,
    #[serde(default)]
    end: Option<u32>,
    #[serde(default)]
    doc_title: Option<String>,
    #[serde(default)]
    doc_source: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    /// The document date and where it was read (`extract` prints them).
    #[serde(default)]
    doc_date: Option<String>,
    #[serde(default)]
    doc_date_source: Option<String>,
}

/// Columns a CSV line may have; any other is reported as ignored.
const CSV_COLUMNS: &[&str] = &[
    "source",
    "relation",
    "target",
    "source_kind",
    "target_kind",
    "source_aliases",
    "target_aliases",
    "doc",
    "evidence",
    "confidence",
    "date",
    "rule",
    "start",
    "end",
    "doc_title",
    "doc_source",
    "lang",
    "doc_date",
    "doc_date_source",
];

/// The figures `export --format csv` adds: the store recomputes them, so they are not news.
const DERIVED_COLUMNS: &[&str] = &["evidence_count", "documents", "first_date", "last_date"];

/// Gathers checked lines: triples as they come, extraction lines into their documents.
struct Collector {
    data: ImportData,
    doc_index: std::collections::HashMap<DocId, usize>,
    entity_index: Vec<std::collections::HashMap<(String, EntityKind), usize>>,
}

impl Collector {
    fn new() -> Collector {
        Collector {
            data: ImportData::default(),
            doc_index: Default::default(),
            entity_index: Vec::new(),
        }
    }

    fn add(&mut self, mut l: Line, source: &str) -> std::result::Result<(), String> {
        use crate::model::clean_name;
        l.source = clean_name(&l.source);
        l.target = clean_name(&l.target);
        for a in l
            .source_aliases
            .iter_mut()
            .chain(l.target_aliases.iter_mut())
        {
            *a = clean_name(a);
        }
        check_name(&l.source)?;
        check_name(&l.target)?;
        let relation: RelationKind = l.relation.parse().map_err(|e: Error| e.to_string())?;
        let source_kind =
            optional_kind(l.source_kind.as_deref().unwrap_or("")).map_err(|e| e.to_string())?;
        let target_kind =
            optional_kind(l.target_kind.as_deref().unwrap_or("")).map_err(|e| e.to_string())?;
        let Some(doc) = l.doc.as_deref().filter(|d| !d.trim().is_empty()) else {
            self.data.triples.push(ImportRow {
                source: l.source,
                relation,
                target: l.target,
                source_kind,
                target_kind,
            });
            return Ok(());
        };
        let doc = crate::model::parse_doc_id(doc)?;
        let sentence = l
            .evidence
            .filter(|s| !s.trim().is_empty())
            .ok_or("an extraction line (with `doc`) needs its `evidence` sentence")?;
        let confidence = l.confidence.unwrap_or(1.0);
        if !(0.0..=1.0).contains(&confidence) {
            return Err(format!("confidence {confidence} is not between 0 and 1"));
        }
        let doc_date = l
            .doc_date
            .as_deref()
            .filter(|d| !d.trim().is_empty())
            .map(|d| d.parse::<crate::model::Date>().map_err(|e| e.to_string()))
            .transpose()?;
        use crate::model::DateSource;
        let date_source = match l.doc_date_source.as_deref().map(str::trim) {
            Some("flag") => Some(DateSource::Given),
            Some("dateline") => Some(DateSource::Dateline),
            // A date from elsewhere is the document's own metadata.
            _ => Some(DateSource::Metadata),
        };
        let slot = *self.doc_index.entry(doc).or_insert_with(|| {
            self.data.documents.push(DocumentInput {
                id: doc,
                title: l.doc_title.clone().unwrap_or_default(),
                source: l.doc_source.clone().unwrap_or_else(|| source.to_string()),
                lang: l.lang.clone().unwrap_or_default(),
                date: doc_date,
                date_source: doc_date.and(date_source),
                entities: Vec::new(),
                edges: Vec::new(),
                denials: Vec::new(),
            });
            self.entity_index.push(Default::default());
            self.data.documents.len() - 1
        });
        let (d, index) = (&mut self.data.documents[slot], &mut self.entity_index[slot]);
        let mut entity = |name: String, kind: Option<EntityKind>, aliases: Vec<String>| {
            let kind = kind.unwrap_or(EntityKind::Organization);
            let i = *index.entry((name.clone(), kind)).or_insert_with(|| {
                d.entities.push(NewEntity {
                    name,
                    kind,
                    aliases: Vec::new(),
                    mentions: 1,
                });
                d.entities.len() - 1
            });
            for a in aliases {
                if !a.trim().is_empty() && !d.entities[i].aliases.contains(&a) {
                    d.entities[i].aliases.push(a);
                }
            }
            i
        };
        let s = entity(l.source, source_kind, l.source_aliases);
        let t = entity(l.target, target_kind, l.target_aliases);
        d.edges.push(NewEdge {
            source: s,
            relation,
            target: t,
            evidence: Evidence {
                doc,
                sentence: sentence.into(),
                start: l.start.unwrap_or(0),
                end: l.end.unwrap_or(0),
                date: l
                    .date
                    .filter(|d| !d.trim().is_empty())
                    .map(|d| d.parse::<crate::model::Date>().map_err(|e| e.to_string()))
                    .transpose()?,
                rule: l.rule.unwrap_or_else(|| "imported".into()),
                confidence,
                reported: doc_date,
                polarity: crate::model::Polarity::Affirmed,
            },
        });
        Ok(())
    }
}

/// A reader that remembers how many bytes it gave and the last one that was not
/// white space: the CSV parser does not say whether the input ended inside a quote.
struct Tail<R> {
    inner: R,
    read: u64,
    last: Option<u8>,
}

impl<R: std::io::Read> std::io::Read for Tail<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if let Some(&b) = buf[..n].iter().rev().find(|b| !b.is_ascii_whitespace()) {
            self.last = Some(b);
        }
        Ok(n)
    }
}

/// True when `rec` is a field opened by a quote that never closed: its last field runs
/// over lines to the very end of the input, which does not end with a quote.
fn unclosed_quote<R: std::io::Read>(rec: &csv::StringRecord, rdr: &csv::Reader<Tail<R>>) -> bool {
    let tail = rdr.get_ref();
    rec.iter().next_back().is_some_and(|f| f.contains('\n'))
        && rdr.position().byte() == tail.read
        && tail.last != Some(b'"')
}

fn parse_csv(reader: impl BufRead, source: &str) -> Result<ImportData> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(Tail {
            inner: reader,
            read: 0,
            last: None,
        });
    let err = |line: usize, message: String| Error::Parse {
        file: source.to_string(),
        line,
        message,
    };
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| err(1, e.to_string()))?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_string())
        .collect();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(s), Some(r), Some(t)) = (col("source"), col("relation"), col("target")) else {
        return Err(err(
            1,
            "the header must name source,relation,target (and source_kind,target_kind)".into(),
        ));
    };
    let mut out = Collector::new();
    out.data.ignored_columns = headers
        .iter()
        .filter(|h| !CSV_COLUMNS.contains(&h.as_str()) && !DERIVED_COLUMNS.contains(&h.as_str()))
        .cloned()
        .collect();
    let cols: Vec<Option<usize>> = CSV_COLUMNS.iter().map(|c| col(c)).collect();
    let at = |name: &str| {
        cols[CSV_COLUMNS
            .iter()
            .position(|c| *c == name)
            .expect("a known column")]
    };
    let (sk, tk, sa, ta) = (
        at("source_kind"),
        at("target_kind"),
        at("source_aliases"),
        at("target_aliases"),
    );
    let (doc, ev, conf, date, rule) = (
        at("doc"),
        at("evidence"),
        at("confidence"),
        at("date"),
        at("rule"),
    );
    let (start, end, title, doc_source, lang) = (
        at("start"),
        at("end"),
        at("doc_title"),
        at("doc_source"),
        at("lang"),
    );
    let (doc_date, doc_date_source) = (at("doc_date"), at("doc_date_source"));
    let mut rec = csv::StringRecord::new();
    loop {
        let more = rdr.read_record(&mut rec).map_err(|e| {
            err(
                e.position().map(|p| p.line() as usize).unwrap_or(0),
                e.to_string(),
            )
        })?;
        if !more {
            break;
        }
        let line = rec.position().map(|p| p.line() as usize).unwrap_or(0);
        if unclosed_quote(&rec, &rdr) {
            return Err(err(
                line,
                "a quote (\") opened on this line is never closed: the field runs to the end of the file; close it, or double a quote meant inside a field (\"\")".into(),
            ));
        }
        let field = |i: Option<usize>| i.and_then(|i| rec.get(i)).unwrap_or("");
        if rec.len() == 1 && field(Some(0)).trim().is_empty() {
            continue;
        }
        let text = |i: Option<usize>| Some(field(i).to_string()).filter(|v| !v.is_empty());
        let number = |i: Option<usize>, what: &str| -> Result<Option<f64>> {
            match field(i).trim() {
                "" => Ok(None),
                v => v
                    .parse()
                    .map(Some)
                    .map_err(|_| err(line, format!("{what} `{v}` is not a number"))),
            }
        };
        let list = |i: Option<usize>| -> Vec<String> {
            field(i)
                .split('|')
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect()
        };
        let l = Line {
            source: field(Some(s)).to_string(),
            relation: field(Some(r)).to_string(),
            target: field(Some(t)).to_string(),
            source_kind: text(sk),
            target_kind: text(tk),
            source_aliases: list(sa),
            target_aliases: list(ta),
            doc: text(doc),
            evidence: text(ev),
            confidence: number(conf, "confidence")?.map(|c| c as f32),
            date: text(date),
            rule: text(rule),
            start: number(start, "start")?.map(|v| v as u32),
            end: number(end, "end")?.map(|v| v as u32),
            doc_title: text(title),
            doc_source: text(doc_source),
            lang: text(lang),
            doc_date: text(doc_date),
            doc_date_source: text(doc_date_source),
        };
        out.add(l, source).map_err(|m| err(line, m))?;
    }
    Ok(out.data)
}

fn parse_jsonl(reader: impl BufRead, source: &str) -> Result<ImportData> {
    let mut out = Collector::new();
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
        let l: Line = serde_json::from_str(&line).map_err(|e| err(e.to_string()))?;
        out.add(l, source).map_err(err)?;
    }
    Ok(out.data)
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
    fn an_unclosed_quote_is_reported_with_its_line() {
        for data in [
            "source,relation,target\nA,founded,B\n\"C,sued,D\nE,sued,F\n",
            "source,relation,target\nA,founded,B\nC,sued,\"D\nE,sued,F",
        ] {
            match parse_rows(data.as_bytes(), ImportFormat::Csv, "t.csv") {
                Err(Error::Parse { line, message, .. }) => {
                    assert_eq!(line, 3, "{data:?}");
                    assert!(message.contains("never closed"), "{message}");
                }
                other => panic!("{data:?}: expected a parse error, got {other:?}"),
            }
        }
        // A quoted field over two lines, closed, is a name with a line break.
        let data = "source,relation,target\nA,sued,\"B\nC\"\n";
        let rows = parse_rows(data.as_bytes(), ImportFormat::Csv, "t.csv").unwrap();
        assert_eq!(rows[0].target, "B\nC");
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
