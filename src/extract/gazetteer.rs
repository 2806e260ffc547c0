//! Known entities given by the user (`ingest --gazetteer`): their names, kinds and aliases
//! win over the extractor's guesses.
//!
//! A gazetteer may hold hundreds of thousands of entries and is consulted for every cluster of
//! every document, so it is indexed once, when it is built, and shared: cloning one (each
//! `ExtractOptions` holds one) copies a pointer.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::{name_key, EntityKind};

use super::names::Cluster;

/// Known entities, indexed by the folded form of every name and alias.
#[derive(Clone, Default)]
pub struct Gazetteer(Arc<Index>);

#[derive(Default)]
struct Index {
    entries: Vec<GazetteerEntry>,
    /// Folded name or alias → entry; a form given twice belongs to the later entry.
    by_form: FxHashMap<String, usize>,
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize, Serialize)]
pub struct GazetteerEntry {
    pub name: String,
    pub kind: EntityKind,
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.0.entries.len())
            .finish()
    }
}

impl PartialEq for Gazetteer {
    fn eq(&self, other: &Self) -> bool {
        self.0.entries == other.0.entries
    }
}

impl Gazetteer {
    /// Indexes `entries` (linear in their number).
    pub fn new(entries: Vec<GazetteerEntry>) -> Gazetteer {
        let mut by_form = FxHashMap::default();
        by_form.reserve(entries.len());
        for (i, e) in entries.iter().enumerate() {
            for form in std::iter::once(&e.name).chain(&e.aliases) {
                by_form.insert(name_key(form), i);
            }
        }
        Gazetteer(Arc::new(Index { entries, by_form }))
    }

    pub fn entries(&self) -> &[GazetteerEntry] {
        &self.0.entries
    }

    pub fn len(&self) -> usize {
        self.0.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.entries.is_empty()
    }

    /// The entry one of whose names or aliases folds as `form` does.
    pub fn lookup(&self, form: &str) -> Option<&GazetteerEntry> {
        if self.is_empty() {
            return None;
        }
        self.0
            .by_form
            .get(&name_key(form))
            .map(|&i| &self.0.entries[i])
    }

    /// This gazetteer with `other`'s entries added: an entry of the same (folded) name
    /// replaces the one held, and within `other` the last entry of a name wins. Linear.
    pub fn merged_with(&self, other: &Gazetteer) -> Gazetteer {
        let mut last_of: FxHashMap<String, usize> = FxHashMap::default();
        for (i, e) in other.entries().iter().enumerate() {
            last_of.insert(name_key(&e.name), i);
        }
        let replaced: FxHashSet<&str> = last_of.keys().map(String::as_str).collect();
        let mut entries: Vec<GazetteerEntry> = self
            .entries()
            .iter()
            .filter(|e| !replaced.contains(name_key(&e.name).as_str()))
            .cloned()
            .collect();
        entries.extend(
            other
                .entries()
                .iter()
                .enumerate()
                .filter(|(i, e)| last_of[&name_key(&e.name)] == *i)
                .map(|(_, e)| e.clone()),
        );
        Gazetteer::new(entries)
    }

    /// Reads a gazetteer: JSON lines (`{"name":..,"kind":..,"aliases":[..]}`) or CSV lines
    /// `name,kind,alias|alias` (a header line is allowed).
    pub fn parse(text: &str, source: &str) -> Result<Gazetteer> {
        let mut entries = Vec::new();
        let mut splitter = CsvLine::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty()
                || line.starts_with('#')
                || (i == 0 && line.to_ascii_lowercase().starts_with("name,"))
            {
                continue;
            }
            let err = |message: String| Error::Parse {
                file: source.to_string(),
                line: i + 1,
                message,
            };
            let entry = if line.starts_with('{') {
                serde_json::from_str::<GazetteerEntry>(line).map_err(|e| err(e.to_string()))?
            } else {
                csv_entry(&mut splitter, line).map_err(err)?
            };
            if name_key(&entry.name).is_empty() {
                return Err(err("the name is empty".into()));
            }
            entries.push(entry);
        }
        Ok(Gazetteer::new(entries))
    }

    /// Gives each cluster named by an entry the entry's name and kind; the cluster's own
    /// name stays among its forms.
    pub(super) fn apply(&self, clusters: &mut [Cluster]) {
        if self.is_empty() {
            return;
        }
        for c in clusters.iter_mut() {
            let hit = std::iter::once(&c.name)
                .chain(c.forms.iter())
                .find_map(|f| self.lookup(f));
            if let Some(e) = hit {
                if !c.forms.contains(&c.name) {
                    c.forms.push(c.name.clone());
                }
                c.name = e.name.clone();
                c.kind = e.kind;
                c.kind_sure = true;
            }
        }
    }
}

/// Splits single CSV lines (JSON lines may be mixed in, so a file is not one CSV document).
/// One parser serves every line: building one costs some forty times what parsing a line
/// does, which made a 200,000-line gazetteer take 9 s to read.
struct CsvLine {
    reader: csv_core::Reader,
    input: Vec<u8>,
    output: Vec<u8>,
    ends: Vec<usize>,
}

impl CsvLine {
    fn new() -> CsvLine {
        CsvLine {
            reader: csv_core::Reader::new(),
            input: Vec::new(),
            output: Vec::new(),
            ends: Vec::new(),
        }
    }

    fn fields(&mut self, line: &str) -> std::result::Result<Vec<String>, String> {
        // Quotes in a field are doubled, and a quote inside an unquoted field stands for
        // itself: an odd count leaves a quoted field open.
        if line.bytes().filter(|&b| b == b'"').count() % 2 == 1 {
            return Err("unbalanced quote: a field opened with \" is not closed".into());
        }
        self.input.clear();
        self.input.extend_from_slice(line.as_bytes());
        self.input.push(b'\n');
        self.output.resize(self.input.len(), 0);
        self.ends.resize(self.input.len() + 1, 0);
        self.reader.reset();
        let (result, _, _, n_ends) =
            self.reader
                .read_record(&self.input, &mut self.output, &mut self.ends);
        if result != csv_core::ReadRecordResult::Record {
            return Err("not a CSV line".into());
        }
        let mut start = 0;
        Ok(self.ends[..n_ends]
            .iter()
            .map(|&end| {
                let field = String::from_utf8_lossy(&self.output[start..end]).into_owned();
                start = end;
                field
            })
            .collect())
    }
}

fn csv_entry(splitter: &mut CsvLine, line: &str) -> std::result::Result<GazetteerEntry, String> {
    let fields = splitter.fields(line)?;
    let field = |i: usize| fields.get(i).map(String::as_str);
    let name = field(0).unwrap_or("").trim().to_string();
    let kind = field(1)
        .unwrap_or("organization")
        .parse()
        .map_err(|e: Error| e.to_string())?;
    let aliases = field(2)
        .map(|a| {
            a.split('|')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default();
    Ok(GazetteerEntry {
        name,
        kind,
        aliases,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, kind: EntityKind, aliases: &[&str]) -> GazetteerEntry {
        GazetteerEntry {
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        }
    }

    #[test]
    fn forms_are_found_folded_and_a_later_entry_of_a_name_replaces_the_earlier() {
        let held = Gazetteer::new(vec![
            entry("Acme Corporation", EntityKind::Organization, &["Acme"]),
            entry("Rosa Vega", EntityKind::Person, &[]),
        ]);
        assert_eq!(held.lookup("ACME").unwrap().name, "Acme Corporation");
        assert_eq!(held.lookup("rosa véga").unwrap().kind, EntityKind::Person);
        assert!(held.lookup("Zenith").is_none());

        let incoming = Gazetteer::new(vec![
            entry("acme corporation", EntityKind::Product, &[]),
            entry("Zenith Labs", EntityKind::Organization, &["Zenith"]),
            entry("ACME CORPORATION", EntityKind::Media, &["AC"]),
        ]);
        let merged = held.merged_with(&incoming);
        let names: Vec<(&str, EntityKind)> = merged
            .entries()
            .iter()
            .map(|e| (e.name.as_str(), e.kind))
            .collect();
        assert_eq!(
            names,
            [
                ("Rosa Vega", EntityKind::Person),
                ("Zenith Labs", EntityKind::Organization),
                ("ACME CORPORATION", EntityKind::Media),
            ]
        );
        // The replaced entry's aliases went with it.
        assert!(merged.lookup("Acme").is_none());
        assert_eq!(merged.lookup("ac").unwrap().kind, EntityKind::Media);
        assert_eq!(merged.lookup("zenith").unwrap().name, "Zenith Labs");
    }

    #[test]
    fn csv_lines_keep_quoted_commas_and_an_open_quote_names_its_line() {
        let g = Gazetteer::parse(
            "name,kind,aliases\n\"Vega, Rosa\",person,\"Rosa \"\"R\"\" Vega\"|RV\n{\"name\":\"Zenith Labs\",\"kind\":\"organization\"}\nAcme,organization\n",
            "known.csv",
        )
        .unwrap();
        let got: Vec<(&str, &[String])> = g
            .entries()
            .iter()
            .map(|e| (e.name.as_str(), e.aliases.as_slice()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Vega, Rosa",
                    &["Rosa \"R\" Vega".to_string(), "RV".to_string()][..]
                ),
                ("Zenith Labs", &[][..]),
                ("Acme", &[][..]),
            ]
        );
        let e = Gazetteer::parse("Acme,organization\n\"Vega, Rosa,person\n", "k.csv").unwrap_err();
        assert!(
            e.to_string().starts_with("k.csv:2: unbalanced quote"),
            "{e}"
        );
    }
}
