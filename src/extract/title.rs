//! A document's title, read from the structure of its first lines: the headline is a short
//! line near the top that is neither a byline, a dateline, a section label, a site name nor
//! a photo credit. A text without one is named by the start of its first sentence.

/// How many of the first non-empty lines can hold the headline.
const HEAD_LINES: usize = 8;
/// A title made from the body is cut at a word near this many characters.
const BODY_TITLE_CHARS: usize = 110;

/// The title of a plain text (HTML already stripped).
pub fn choose(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(|l| strip_date_marker(l.trim()))
        .filter(|l| !l.is_empty())
        .take(HEAD_LINES)
        .collect();
    for line in &lines {
        if is_body(line) {
            break;
        }
        if is_headline(line) {
            return line.to_string();
        }
    }
    lines
        .iter()
        .find(|l| !is_boilerplate(l))
        .map(|l| from_body(l))
        .unwrap_or_default()
}

/// The corpus marks a document date on its first line ("date 2023-02 ..."): not a title.
fn strip_date_marker(line: &str) -> &str {
    let Some(rest) = line.strip_prefix("date ") else {
        return line;
    };
    let (date, after) = rest.split_once(' ').unwrap_or((rest, ""));
    let is_date = !date.is_empty()
        && date.len() <= 10
        && date.starts_with(|c: char| c.is_ascii_digit())
        && date.chars().all(|c| c.is_ascii_digit() || c == '-');
    if is_date {
        after.trim()
    } else {
        line
    }
}

fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

/// A paragraph of running text: the headline, if any, came before it.
fn is_body(line: &str) -> bool {
    let sentence_ends = line
        .match_indices(['.', '!', '?'])
        .filter(|(i, _)| {
            line[i + 1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_whitespace())
        })
        .count();
    line.len() > 220
        || sentence_ends >= 1 && words(line) > 12
        || line.ends_with('.') && words(line) > 16
}

fn is_headline(line: &str) -> bool {
    let n = words(line);
    (3..=30).contains(&n) && !line.ends_with('.') && !line.ends_with(':') && !is_boilerplate(line)
}

const MONTHS: &[&str] = &[
    "jan", "feb", "fév", "mar", "apr", "avr", "may", "mai", "jun", "juin", "jul", "juil", "aug",
    "août", "sep", "oct", "nov", "dec", "déc",
];

/// Bylines, datelines, section labels, site names, credits, "read more" links.
fn is_boilerplate(line: &str) -> bool {
    // The prefixes are read from the line's lowercased head, and the line itself is read in
    // place: its lowercase copy and its letters as chars (four bytes each) were five times
    // a document on one line.
    let lower = line.chars().take(64).collect::<String>().to_lowercase();
    let mut letters = line.chars().filter(|c| c.is_alphabetic()).peekable();
    let shouting = letters.peek().is_some() && letters.all(|c| c.is_uppercase());
    let byline = ["by ", "par ", "from ", "de notre "]
        .iter()
        .any(|p| lower.starts_with(p));
    let credit = line.contains('©')
        || lower.starts_with("crédit")
        || lower.starts_with("photo")
        || lower.starts_with("image")
        || line.contains(" / ") && words(line) <= 4;
    let link = line.starts_with('(') || lower.starts_with("read more") || lower.starts_with("lire");
    let dateline = lower.starts_with("publié")
        || lower.starts_with("published")
        || lower.starts_with("updated")
        || lower.starts_with("mis à jour")
        || words(line) <= 10 && {
            let lower = line.to_lowercase();
            has_year(&lower)
                && MONTHS.iter().any(|m| {
                    lower
                        .split(|c: char| !c.is_alphabetic())
                        .any(|w| w.starts_with(m))
                })
        };
    // "GPS News", "Top News": a site or section name is a couple of capitalized words.
    let label = words(line) <= 2;
    shouting || byline || credit || link || dateline || label
}

fn has_year(lower: &str) -> bool {
    lower
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")))
}

/// The start of a body paragraph, as a title: its first sentence, cut at a word.
fn from_body(line: &str) -> String {
    let first = line
        .match_indices(['.', '!', '?'])
        .find(|(i, _)| {
            line[i + 1..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace())
        })
        .map(|(i, _)| &line[..i])
        .unwrap_or(line);
    if first.chars().count() <= BODY_TITLE_CHARS {
        return first.to_string();
    }
    let mut cut = String::new();
    for w in first.split_whitespace() {
        if cut.chars().count() + w.chars().count() + 1 > BODY_TITLE_CHARS {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(w);
    }
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The real news excerpts and their answer keys' titles.
    fn corpus() -> Vec<(String, String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/news");
        let mut out = Vec::new();
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return out;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "txt") {
                let text = std::fs::read_to_string(&p).unwrap();
                let key: serde_json::Value = serde_json::from_str(
                    &std::fs::read_to_string(p.with_extension("json")).unwrap(),
                )
                .unwrap();
                let title = key["title"].as_str().unwrap().to_string();
                out.push((p.display().to_string(), text, title));
            }
        }
        out.sort();
        out
    }

    #[test]
    fn the_headline_of_real_news_when_the_text_has_one() {
        let corpus = corpus();
        if corpus.is_empty() {
            assert!(
                std::env::var_os("CI").is_none(),
                "../shared/eval/news is missing"
            );
            eprintln!("note: ../shared/eval/news not found; title test skipped");
            return;
        }
        let (mut with_headline, mut right) = (0, 0);
        for (file, text, title) in &corpus {
            let chosen = choose(text);
            let has_headline = text
                .lines()
                .any(|l| strip_date_marker(l.trim()) == title.trim());
            if has_headline {
                with_headline += 1;
                assert_eq!(&chosen, title, "{file}");
                right += 1;
            } else {
                // No headline in the excerpt: the start of its first paragraph, never a
                // credit, byline or label.
                assert!(!is_boilerplate(&chosen), "{file}: {chosen}");
                assert!(words(&chosen) >= 3, "{file}: {chosen}");
                let start = chosen.trim_end_matches('…');
                assert!(
                    text.lines()
                        .any(|l| strip_date_marker(l.trim()).starts_with(start)),
                    "{file}: {chosen}"
                );
            }
        }
        eprintln!(
            "titles: {right} of {with_headline} headlines found, {} texts without one",
            corpus.len() - with_headline
        );
        assert!(with_headline >= 10);
    }

    #[test]
    fn site_names_links_and_last_lines_are_never_titles() {
        let page = "Top News\nBUSINESS\nBy Jane Doe\nMarch 3, 2024 | 9:00 AM\n\n\
            Acme sues Globex over rocket patents\n\nAcme Corp said on Monday it had sued \
            Globex. The case was filed in Delaware.\n\n(Read more about Acme)\n";
        assert_eq!(choose(page), "Acme sues Globex over rocket patents");
        let no_head = "Acme Corp said on Monday that it had sued its longtime rival Globex \
            Inc over a set of rocket engine patents it says were copied. More follows.\n\
            (Read more)\n";
        assert_eq!(
            choose(no_head),
            "Acme Corp said on Monday that it had sued its longtime rival Globex Inc over a set of rocket engine patents it…"
        );
        assert_eq!(
            choose("date 2023-02 Accord Airbus-Qatar Airways\n\nCrédit photo © Reuters\n"),
            "Accord Airbus-Qatar Airways"
        );
    }
}
