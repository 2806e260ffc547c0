//! Dates in articles: the document's own date (metadata, else a dateline), and the date a
//! sentence states for what it reports, in French and English, absolute ("en 2018", "le 1er
//! mars 2024", "on March 1, 2024") or relative to the document date ("l'an dernier", "last
//! year", "mardi", "on Thursday", "hier", "four years ago", "en mars").
//!
//! Finding a date and resolving it are apart: [`stated_near`] returns a [`Stated`]
//! expression, and [`Stated::resolve`] turns it into a [`Date`] once the document date is
//! known. A resolved date is never more precise than what the text and the document date
//! allow: "l'an dernier" is a year, "mardi" needs a document date known to the day.
//!
//! ```
//! use relgraph::date::Date;
//! use relgraph::extract::dates::{stated_near, Stated};
//! use relgraph::extract::text::tokenize;
//! let s = "Musk a quitté OpenAI l'an dernier.";
//! let tokens = tokenize(s, 0, s.len());
//! let stated = stated_near(s, &tokens, 2, 0..tokens.len(), |_| false).unwrap();
//! let reported: Date = "2024-03-07".parse().unwrap();
//! assert_eq!(stated.resolve(Some(reported)).unwrap().to_string(), "2023");
//! assert_eq!(stated.resolve(None), None);
//! ```

use std::ops::Range;

use super::text::{tokenize, Token};
use super::Lang;
use crate::date::{Date, Precision};
use crate::model::DateSource;

/// A date expression of a sentence, before it is resolved against the document date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stated {
    /// Given in full: "en 2018", "mars 2024", "March 1, 2024".
    Absolute(Date),
    /// `n` units before the document date: "l'an dernier" (1 year), "cette année" (0
    /// years), "hier" (1 day), "le mois dernier" (1 month), "l'an prochain" (-1 year).
    Before { unit: Precision, n: i32 },
    /// A weekday (0 = Monday) around the document date.
    Weekday { weekday: u8, toward: Toward },
    /// A month without its year ("en mars", "in March"): the latest such month up to the
    /// document date, or strictly before its month with "dernier" / "last".
    Month { month: u8, strictly_past: bool },
    /// A day without its year ("le 12 mars", "on March 12"): the latest such day up to the
    /// document date.
    DayOfMonth { month: u8, day: u8 },
}

/// Which occurrence of a weekday a sentence means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toward {
    /// "mardi", "on Tuesday", "ce mardi": the latest one, the document's day included.
    OnOrBefore,
    /// "mardi dernier", "last Tuesday".
    Before,
    /// "mardi prochain", "next Tuesday".
    After,
}

impl Stated {
    /// The date meant, given the document date; `None` when the document date is unknown
    /// or too coarse for the expression.
    pub fn resolve(self, document: Option<Date>) -> Option<Date> {
        if let Stated::Absolute(d) = self {
            return Some(d);
        }
        let doc = document?;
        match self {
            Stated::Absolute(d) => Some(d),
            Stated::Before { unit, n } => match unit {
                Precision::Year => Date::from_year(doc.year() - n as i64).ok(),
                Precision::Month => doc.add_months(-(n as i64)),
                Precision::Day => doc.add_days(-(n as i64)),
            },
            Stated::Weekday { weekday, toward } => {
                let today = doc.weekday()? as i64;
                let w = weekday as i64;
                let shift = match toward {
                    Toward::OnOrBefore => -((today - w).rem_euclid(7)),
                    Toward::Before => -(((today - w - 1).rem_euclid(7)) + 1),
                    Toward::After => ((w - today - 1).rem_euclid(7)) + 1,
                };
                doc.add_days(shift)
            }
            Stated::Month {
                month,
                strictly_past,
            } => {
                let month = month as u32;
                let year = match doc.month() {
                    None => doc.year(),
                    Some(m) if month < m || (month == m && !strictly_past) => doc.year(),
                    Some(_) => doc.year() - 1,
                };
                Date::from_month(year, month).ok()
            }
            Stated::DayOfMonth { month, day } => {
                let this_year = Date::from_ymd(doc.year(), month as u32, day as u32).ok();
                match (doc.month(), this_year) {
                    (Some(_), Some(d)) if d.first_day() > doc.last_day() => {
                        Date::from_ymd(doc.year() - 1, month as u32, day as u32).ok()
                    }
                    (_, d) => d,
                }
            }
        }
    }
}

/// A date expression found at tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub stated: Stated,
}

/// The date a sentence states for the trigger at token `trigger`: the expression nearest to
/// it among those that reach into `window`, leaving out tokens for which `other_clause` is
/// true (a relative clause or an apposition that does not hold the trigger: in "Musk, qui a
/// quitté OpenAI en 2018, a accusé la société", 2018 dates the leaving, not the accusing).
pub fn stated_near(
    text: &str,
    tokens: &[Token],
    trigger: usize,
    window: Range<usize>,
    other_clause: impl Fn(usize) -> bool,
) -> Option<Stated> {
    let lo = window.start.saturating_sub(4);
    let hi = window.end.min(tokens.len());
    expressions(text, tokens, lo..hi, None)
        .into_iter()
        .filter(|f| f.end > window.start && f.start < hi)
        .filter(|f| !(f.start..f.end).any(&other_clause))
        .min_by_key(|f| {
            if trigger < f.start {
                f.start - trigger
            } else {
                trigger.saturating_sub(f.end - 1)
            }
        })
        .map(|f| f.stated)
}

/// The time adverbial a sentence opens with ("Mardi, ...", "L'année dernière, ...", "In
/// 2019, ..."): it dates every relation of the sentence that states no nearer date.
pub fn sentence_frame(text: &str, tokens: &[Token]) -> Option<Stated> {
    expressions(text, tokens, 0..tokens.len().min(4), None)
        .into_iter()
        .find(|f| {
            f.start <= 2
                && tokens
                    .get(f.end)
                    .is_some_and(|t| &text[t.start..t.end] == ",")
        })
        .map(|f| f.stated)
}

/// The document date: the article's metadata (front matter `date:`, HTML
/// `article:published_time`, `datePublished`, `<time datetime>`), else a dateline among
/// its first lines ("Publié le 1er mars 2024 à 10h", "By Reuters Aug 31, 2022 | 1:38 PM",
/// "Friday, March 1, 2024"). `raw` is the input as read, `text` its normalized text.
pub fn document_date(raw: &str, text: &str, lang: Lang) -> Option<(Date, DateSource)> {
    if let Some(d) = metadata_date(raw) {
        return Some((d, DateSource::Metadata));
    }
    dateline_date(text, lang).map(|d| (d, DateSource::Dateline))
}

/// A date from front matter or HTML metadata.
pub fn metadata_date(raw: &str) -> Option<Date> {
    front_matter_date(raw).or_else(|| html_date(raw))
}

fn front_matter_date(raw: &str) -> Option<Date> {
    let mut lines = raw.lines();
    if lines.next()?.trim() != "---" {
        return None;
    }
    for line in lines.take(100) {
        let line = line.trim();
        if line == "---" || line == "..." {
            break;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        if matches!(
            key.trim().to_ascii_lowercase().as_str(),
            "date" | "published" | "pubdate" | "published_at" | "date_published"
        ) {
            return iso_prefix(value.trim().trim_matches(['"', '\'']));
        }
    }
    None
}

fn html_date(raw: &str) -> Option<Date> {
    // Metadata sits in the head: the first 256 KiB are plenty.
    let mut end = raw.len().min(256 * 1024);
    while !raw.is_char_boundary(end) {
        end -= 1;
    }
    let head = &raw[..end];
    let lower = head.to_ascii_lowercase();
    for key in [
        "article:published_time",
        "itemprop=\"datepublished\"",
        "name=\"date\"",
        "name=\"pubdate\"",
        "name=\"dc.date\"",
    ] {
        if let Some(at) = lower.find(key) {
            let tag_start = lower[..at].rfind('<').unwrap_or(0);
            let tag_end = lower[at..].find('>').map_or(lower.len(), |p| at + p);
            let tag = &head[tag_start..tag_end];
            for attr in ["content", "datetime"] {
                if let Some(d) = attribute(tag, attr).and_then(iso_prefix) {
                    return Some(d);
                }
            }
        }
    }
    // JSON-LD: "datePublished": "2024-03-01T10:00:00Z"
    if let Some(at) = lower.find("\"datepublished\"") {
        let rest = &head[at + "\"datepublished\"".len()..];
        let value = rest.trim_start().strip_prefix(':')?.trim_start();
        return iso_prefix(value.trim_start_matches('"'));
    }
    let at = lower.find("<time")?;
    let tag_end = lower[at..].find('>').map_or(lower.len(), |p| at + p);
    attribute(&head[at..tag_end], "datetime").and_then(iso_prefix)
}

/// The value of `name="..."` (or single-quoted) inside one tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find(name) {
        let at = from + p;
        from = at + name.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value_at = tag.len() - rest.len() + 1;
        let value = tag[value_at..].trim_start();
        let quote = value.chars().next()?;
        if quote == '"' || quote == '\'' {
            let inner = &value[1..];
            return inner.find(quote).map(|e| &inner[..e]);
        }
        return value.split_whitespace().next();
    }
    None
}

/// The date at the start of an ISO 8601 text: "2024-03-01T10:00:00+01:00" → 2024-03-01.
fn iso_prefix(s: &str) -> Option<Date> {
    let s = s.trim();
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == '-'))
        .unwrap_or(s.len());
    s[..end].trim_end_matches('-').parse().ok()
}

/// Words that introduce a dateline: a date after them is the document's even to the month.
const DATELINE_CUES: &[&str] = &[
    "date",
    "publie",
    "publiee",
    "published",
    "updated",
    "mis",
    "modifie",
    "posted",
];

fn dateline_date(text: &str, lang: Lang) -> Option<Date> {
    let mut start = 0;
    let mut lines_seen = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.trim_end().len();
        let (line_start, this) = (start, &text[start..end]);
        start += line.len();
        if this.trim().is_empty() {
            continue;
        }
        lines_seen += 1;
        if lines_seen > 10 {
            break;
        }
        // The cue is read from the line's first window: a document on one line was all
        // tokenized here once more, a second copy of its tokens.
        let head = super::text::window_end(text, line_start, end);
        let tokens = tokenize(text, line_start, head);
        let cue = tokens
            .first()
            .is_some_and(|t| DATELINE_CUES.contains(&t.low.as_str()));
        // A long line is running text: its dates are what it reports, not when.
        if this.chars().count() > 100 && !cue {
            continue;
        }
        let tokens = if head < end {
            tokenize(text, line_start, end)
        } else {
            tokens
        };
        let found = expressions(text, &tokens, 0..tokens.len(), Some(lang));
        let best = found.iter().find_map(|f| match f.stated {
            Stated::Absolute(d) if d.precision() == Precision::Day => Some(d),
            Stated::Absolute(d) if cue && d.precision() == Precision::Month => Some(d),
            _ => None,
        });
        if best.is_some() {
            return best;
        }
    }
    None
}

// ---- expressions ------------------------------------------------------------------------

fn month_name(low: &str) -> Option<u8> {
    Some(match low {
        "janvier" | "january" => 1,
        "fevrier" | "february" => 2,
        "mars" | "march" => 3,
        "avril" | "april" => 4,
        "mai" | "may" => 5,
        "juin" | "june" => 6,
        "juillet" | "july" => 7,
        "aout" | "august" => 8,
        "septembre" | "september" => 9,
        "octobre" | "october" => 10,
        "novembre" | "november" => 11,
        "decembre" | "december" => 12,
        _ => return None,
    })
}

fn month_abbreviation(low: &str) -> Option<u8> {
    Some(match low {
        "jan" | "janv" => 1,
        "feb" | "fev" | "fevr" => 2,
        "mar" => 3,
        "apr" | "avr" => 4,
        "jun" => 6,
        "jul" | "juil" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

const ENGLISH_MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn weekday_name(low: &str) -> Option<u8> {
    Some(match low {
        "lundi" | "monday" => 0,
        "mardi" | "tuesday" => 1,
        "mercredi" | "wednesday" => 2,
        "jeudi" | "thursday" => 3,
        "vendredi" | "friday" => 4,
        "samedi" | "saturday" => 5,
        "dimanche" | "sunday" => 6,
        _ => return None,
    })
}

fn small_number(low: &str) -> Option<i32> {
    if let Ok(n) = low.parse::<i32>() {
        return (0..=200).contains(&n).then_some(n);
    }
    Some(match low {
        "a" | "an" | "one" | "un" | "une" => 1,
        "two" | "deux" => 2,
        "three" | "trois" => 3,
        "four" | "quatre" => 4,
        "five" | "cinq" => 5,
        "six" => 6,
        "seven" | "sept" => 7,
        "eight" | "huit" => 8,
        "nine" | "neuf" => 9,
        "ten" | "dix" => 10,
        "fifteen" | "quinze" => 15,
        "twenty" | "vingt" => 20,
        _ => return None,
    })
}

/// Relative phrases: their words, and how far before the document date they point.
const RELATIVE: &[(&[&str], Precision, i32)] = &[
    (&["an", "dernier"], Precision::Year, 1),
    (&["annee", "derniere"], Precision::Year, 1),
    (&["an", "passe"], Precision::Year, 1),
    (&["annee", "passee"], Precision::Year, 1),
    (&["cette", "annee"], Precision::Year, 0),
    (&["an", "prochain"], Precision::Year, -1),
    (&["annee", "prochaine"], Precision::Year, -1),
    (&["last", "year"], Precision::Year, 1),
    (&["this", "year"], Precision::Year, 0),
    (&["next", "year"], Precision::Year, -1),
    (&["mois", "dernier"], Precision::Month, 1),
    (&["mois", "passe"], Precision::Month, 1),
    (&["ce", "mois-ci"], Precision::Month, 0),
    (&["mois", "prochain"], Precision::Month, -1),
    (&["last", "month"], Precision::Month, 1),
    (&["this", "month"], Precision::Month, 0),
    (&["next", "month"], Precision::Month, -1),
    (&["avant-hier"], Precision::Day, 2),
    (&["hier"], Precision::Day, 1),
    (&["aujourd'", "hui"], Precision::Day, 0),
    (&["ce", "matin"], Precision::Day, 0),
    (&["ce", "soir"], Precision::Day, 0),
    (&["cet", "apres-midi"], Precision::Day, 0),
    (&["demain"], Precision::Day, -1),
    (&["yesterday"], Precision::Day, 1),
    (&["today"], Precision::Day, 0),
    (&["this", "morning"], Precision::Day, 0),
    (&["this", "afternoon"], Precision::Day, 0),
    (&["this", "evening"], Precision::Day, 0),
    (&["tonight"], Precision::Day, 0),
    (&["tomorrow"], Precision::Day, -1),
];

/// Words before a month alone that make it a date ("en mars", "in March", "fin mars").
const MONTH_PREPOSITIONS: &[&str] = &[
    "en", "depuis", "des", "debut", "fin", "mi", "de", "d'", "jusqu'en", "in", "since", "by",
    "until", "early", "late", "mid", "of", "from", "through", "last", "this",
];

struct Reader<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lang: Option<Lang>,
}

impl Reader<'_> {
    fn low(&self, i: usize) -> Option<&str> {
        self.tokens.get(i).map(|t| t.low.as_str())
    }

    fn raw(&self, i: usize) -> Option<&str> {
        self.tokens.get(i).map(|t| &self.text[t.start..t.end])
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.low(i) == Some(w)
    }

    /// A month name at `i`. English ones must be capitalized ("may" is a verb, "march" too);
    /// abbreviations ("Aug", "janv") only when `abbreviated` is allowed (next to a number).
    fn month(&self, i: usize, abbreviated: bool) -> Option<u8> {
        let low = self.low(i)?;
        if let Some(m) = month_name(low) {
            if ENGLISH_MONTHS.contains(&low) && !self.tokens[i].cap {
                return None;
            }
            return Some(m);
        }
        if abbreviated {
            return month_abbreviation(low);
        }
        None
    }

    fn day(&self, i: usize) -> Option<u8> {
        let low = self.low(i)?;
        let digits = low.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &low[digits.len()..];
        if digits.is_empty()
            || digits.len() > 2
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || !matches!(suffix, "" | "er" | "st" | "nd" | "rd" | "th")
        {
            return None;
        }
        let d: u8 = digits.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    }

    fn year(&self, i: usize) -> Option<i64> {
        let low = self.low(i)?;
        if low.len() != 4 || !low.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let y: i64 = low.parse().ok()?;
        (1900..=2100).contains(&y).then_some(y)
    }

    fn comma(&self, i: usize) -> bool {
        self.raw(i) == Some(",")
    }

    /// The longest date expression starting at `i`, and where it ends.
    fn at(&self, i: usize) -> Option<(usize, Stated)> {
        let low = self.low(i)?;
        // 2024-03-01, 2024-03
        if low.len() >= 7 && low.as_bytes()[4] == b'-' && low.as_bytes()[0].is_ascii_digit() {
            if let Ok(d) = low.parse::<Date>() {
                return Some((i + 1, Stated::Absolute(d)));
            }
        }
        if let Some(found) = self.slashed(i) {
            return Some(found);
        }
        // "vendredi 1er mars 2024", "Friday, March 1, 2024": the weekday is part of the date.
        if let Some(wd) = weekday_name(low) {
            let next = if self.comma(i + 1) { i + 2 } else { i + 1 };
            if let Some((end, s @ Stated::Absolute(_) | s @ Stated::DayOfMonth { .. })) =
                self.calendar(next)
            {
                return Some((end, s));
            }
            return Some(self.weekday(i, wd));
        }
        if let Some(found) = self.calendar(i) {
            return Some(found);
        }
        for (words, unit, n) in RELATIVE {
            if words.iter().enumerate().all(|(k, w)| self.is(i + k, w)) {
                return Some((i + words.len(), Stated::Before { unit: *unit, n: *n }));
            }
        }
        // "il y a trois ans", "four years ago"
        if low == "il" && self.is(i + 1, "y") && self.is(i + 2, "a") {
            if let (Some(n), Some(unit)) = (
                self.low(i + 3).and_then(small_number),
                self.low(i + 4).and_then(unit_word),
            ) {
                return Some((i + 5, Stated::Before { unit, n }));
            }
        }
        if let (Some(n), Some(unit)) = (small_number(low), self.low(i + 1).and_then(unit_word)) {
            if self.is(i + 2, "ago") {
                return Some((i + 3, Stated::Before { unit, n }));
            }
        }
        // "last Tuesday", "next Friday"
        if matches!(low, "last" | "next") {
            if let Some(wd) = self.low(i + 1).and_then(weekday_name) {
                let toward = if low == "last" {
                    Toward::Before
                } else {
                    Toward::After
                };
                return Some((
                    i + 2,
                    Stated::Weekday {
                        weekday: wd,
                        toward,
                    },
                ));
            }
        }
        // "mi-mars", "mid-March": one token.
        if let Some(rest) = low.strip_prefix("mi-").or_else(|| low.strip_prefix("mid-")) {
            if let Some(month) = month_name(rest) {
                let strictly_past = false;
                return Some((
                    i + 1,
                    Stated::Month {
                        month,
                        strictly_past,
                    },
                ));
            }
        }
        // A month alone, after a preposition: "en mars (dernier)", "in March", "last March".
        if let Some(month) = self.month(i, false) {
            let before = i.checked_sub(1).and_then(|p| self.low(p));
            if before.is_some_and(|b| MONTH_PREPOSITIONS.contains(&b)) {
                let dernier = matches!(self.low(i + 1), Some("dernier" | "passe"));
                let strictly_past = dernier || before == Some("last");
                return Some((
                    i + 1 + usize::from(dernier),
                    Stated::Month {
                        month,
                        strictly_past,
                    },
                ));
            }
        }
        self.year(i)
            .and_then(|y| Date::from_year(y).ok())
            .map(|d| (i + 1, Stated::Absolute(d)))
    }

    /// "1er mars 2024", "12 mars", "March 1, 2024", "March 12", "mars 2024", "March 2024".
    fn calendar(&self, i: usize) -> Option<(usize, Stated)> {
        // day month [year]
        if let (Some(day), Some(month)) = (self.day(i), self.month(i + 1, true)) {
            let year_at = if self.comma(i + 2) { i + 3 } else { i + 2 };
            if let Some(y) = self.year(year_at) {
                // "31 avril 2024" does not exist: keep what is sure, the month.
                let d = Date::from_ymd(y, month as u32, day as u32)
                    .or_else(|_| Date::from_month(y, month as u32))
                    .ok()?;
                return Some((year_at + 1, Stated::Absolute(d)));
            }
            return Some((i + 2, Stated::DayOfMonth { month, day }));
        }
        let month = self.month(i, true)?;
        // month day[,] [year]
        let at_day = if self.raw(i + 1) == Some(".") {
            i + 2
        } else {
            i + 1
        };
        if let Some(day) = self.day(at_day) {
            let year_at = if self.comma(at_day + 1) {
                at_day + 2
            } else {
                at_day + 1
            };
            if let Some(y) = self.year(year_at) {
                if let Ok(d) = Date::from_ymd(y, month as u32, day as u32) {
                    return Some((year_at + 1, Stated::Absolute(d)));
                }
            }
            if self.month(i, false).is_some() {
                return Some((at_day + 1, Stated::DayOfMonth { month, day }));
            }
            return None;
        }
        // month year (a full month name only)
        self.month(i, false)?;
        let y = self.year(i + 1)?;
        let d = Date::from_month(y, month as u32).ok()?;
        Some((i + 2, Stated::Absolute(d)))
    }

    /// 01/03/2024: day first in French, month first in English; a part over 12 decides.
    fn slashed(&self, i: usize) -> Option<(usize, Stated)> {
        let num = |k: usize| {
            self.low(k)
                .filter(|w| (1..=2).contains(&w.len()))
                .and_then(|w| w.parse::<u32>().ok())
        };
        let (a, b) = (num(i)?, num(i + 2)?);
        if self.raw(i + 1) != Some("/") || self.raw(i + 3) != Some("/") {
            return None;
        }
        let y = self.year(i + 4)?;
        let (m, d) = match (a > 12, b > 12, self.lang) {
            (true, false, _) => (b, a),
            (false, true, _) => (a, b),
            (false, false, Some(Lang::Fr)) => (b, a),
            (false, false, Some(Lang::En)) => (a, b),
            _ => return None,
        };
        let date = Date::from_ymd(y, m, d).ok()?;
        Some((i + 5, Stated::Absolute(date)))
    }

    fn weekday(&self, i: usize, weekday: u8) -> (usize, Stated) {
        let (toward, end) = match self.low(i + 1) {
            Some("dernier") => (Toward::Before, i + 2),
            Some("prochain") => (Toward::After, i + 2),
            _ => (Toward::OnOrBefore, i + 1),
        };
        (end, Stated::Weekday { weekday, toward })
    }
}

fn unit_word(low: &str) -> Option<Precision> {
    match low {
        "an" | "ans" | "annee" | "annees" | "year" | "years" => Some(Precision::Year),
        "mois" | "month" | "months" => Some(Precision::Month),
        "jour" | "jours" | "day" | "days" => Some(Precision::Day),
        _ => None,
    }
}

/// Every date expression that starts in `range`, left to right, none overlapping. `lang`
/// orders the parts of a numeric date (01/03/2024); without it only unambiguous ones count.
pub fn expressions(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    lang: Option<Lang>,
) -> Vec<Found> {
    let r = Reader { text, tokens, lang };
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end.min(tokens.len()) {
        match r.at(i) {
            Some((end, stated)) => {
                out.push(Found {
                    start: i,
                    end,
                    stated,
                });
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// The resolved dates of every expression of `s`, against `doc`.
    fn dates_in(s: &str, doc: &str) -> Vec<String> {
        let tokens = tokenize(s, 0, s.len());
        expressions(s, &tokens, 0..tokens.len(), None)
            .into_iter()
            .map(|f| {
                f.stated
                    .resolve(Some(d(doc)))
                    .map(|x| x.to_string())
                    .unwrap_or_else(|| "?".into())
            })
            .collect()
    }

    #[test]
    fn absolute_dates_in_both_languages() {
        let doc = "2024-03-07";
        assert_eq!(dates_in("Musk a quitté OpenAI en 2018.", doc), ["2018"]);
        assert_eq!(dates_in("le 1er mars 2024 à Paris", doc), ["2024-03-01"]);
        assert_eq!(dates_in("annoncé en novembre 2019", doc), ["2019-11"]);
        assert_eq!(dates_in("on March 1, 2024, Musk", doc), ["2024-03-01"]);
        assert_eq!(dates_in("in March 2024", doc), ["2024-03"]);
        assert_eq!(dates_in("vendredi 1er mars 2024", doc), ["2024-03-01"]);
        assert_eq!(dates_in("Friday, March 1, 2024", doc), ["2024-03-01"]);
        assert_eq!(dates_in("Aug 31, 2022 | 1:38 PM", doc), ["2022-08-31"]);
        assert_eq!(dates_in("filed 2022-08-26 in Boston", doc), ["2022-08-26"]);
        assert_eq!(dates_in("le 31 avril 2024", doc), ["2024-04"]);
        assert_eq!(dates_in("mi-mars, fin juin", doc), ["2024-03", "2023-06"]);
    }

    #[test]
    fn relative_dates_resolve_against_the_document_date() {
        let doc = "2024-03-07"; // a Thursday
        assert_eq!(dates_in("l'an dernier", doc), ["2023"]);
        assert_eq!(dates_in("L'année dernière, Altman", doc), ["2023"]);
        assert_eq!(dates_in("last year", doc), ["2023"]);
        assert_eq!(dates_in("cette année", doc), ["2024"]);
        assert_eq!(dates_in("le mois dernier", doc), ["2024-02"]);
        assert_eq!(dates_in("hier", doc), ["2024-03-06"]);
        assert_eq!(dates_in("aujourd'hui", doc), ["2024-03-07"]);
        assert_eq!(dates_in("Mardi, des dirigeants", doc), ["2024-03-05"]);
        assert_eq!(dates_in("intenté vendredi", doc), ["2024-03-01"]);
        assert_eq!(dates_in("said on Thursday", doc), ["2024-03-07"]);
        assert_eq!(dates_in("jeudi dernier", doc), ["2024-02-29"]);
        assert_eq!(dates_in("next Monday", doc), ["2024-03-11"]);
        assert_eq!(dates_in("four years ago", doc), ["2020"]);
        assert_eq!(dates_in("il y a 15 ans", doc), ["2009"]);
        assert_eq!(dates_in("au mois de juillet", doc), ["2023-07"]);
        assert_eq!(dates_in("en mars", doc), ["2024-03"]);
        assert_eq!(dates_in("en mars dernier", doc), ["2023-03"]);
        assert_eq!(dates_in("le 12 mars", doc), ["2023-03-12"]);
        assert_eq!(dates_in("on March 2", doc), ["2024-03-02"]);
        // Too coarse a document date for a weekday; a year for "l'an dernier" is enough.
        assert_eq!(dates_in("mardi", "2024-03"), ["?"]);
        assert_eq!(dates_in("l'an dernier", "2024"), ["2023"]);
    }

    #[test]
    fn words_that_only_look_like_dates() {
        let doc = "2024-03-07";
        assert!(dates_in("Investors may sue Acme, the march was long.", doc).is_empty());
        assert!(dates_in("Jan Koum left Facebook.", doc).is_empty());
        assert!(dates_in("an agreement", doc).is_empty());
        assert!(dates_in("a 1500 employees company", doc).is_empty());
        assert_eq!(dates_in("in May", doc), ["2023-05"]);
    }

    fn near(s: &str, trigger_word: &str) -> Option<String> {
        let tokens = tokenize(s, 0, s.len());
        let t = tokens
            .iter()
            .position(|k| k.low == trigger_word)
            .expect("trigger in sentence");
        // A stand-in for the rules' relative-clause marks: ", qui ... ,".
        let open = tokens.iter().position(|k| k.low == "qui");
        let close = open
            .and_then(|o| (o..tokens.len()).find(|&k| &s[tokens[k].start..tokens[k].end] == ","));
        let other = |k: usize| match (open, close) {
            (Some(o), Some(c)) => (o..c).contains(&k) && !(o..c).contains(&t),
            _ => false,
        };
        stated_near(s, &tokens, t, 0..tokens.len(), other)
            .and_then(|x| x.resolve(Some(d("2024-03-07"))))
            .map(|x| x.to_string())
    }

    #[test]
    fn the_nearest_date_of_the_trigger_s_own_clause() {
        let s = "Musk, qui a quitté OpenAI en 2018, a accusé la société dans le procès intenté vendredi.";
        assert_eq!(near(s, "quitte").as_deref(), Some("2018"));
        assert_eq!(near(s, "accuse").as_deref(), Some("2024-03-01"));
        assert_eq!(near("Acme a racheté Zenith.", "rachete"), None);
    }

    #[test]
    fn a_fronted_adverbial_dates_the_sentence() {
        let frame = |s: &str| {
            let t = tokenize(s, 0, s.len());
            sentence_frame(s, &t).and_then(|x| x.resolve(Some(d("2024-03-07"))))
        };
        assert_eq!(
            frame("L'année dernière, au milieu d'attaques, Altman a décrit Musk."),
            Some(d("2023"))
        );
        assert_eq!(
            frame("Mardi, des dirigeants ont publié des e-mails."),
            Some(d("2024-03-05"))
        );
        assert_eq!(frame("In 2019, Jane Porter founded Acme."), Some(d("2019")));
        assert_eq!(frame("Jane Porter founded Acme in 2019."), None);
    }

    #[test]
    fn document_dates_from_metadata_and_datelines() {
        let md = "---\ntitle: x\ndate: 2024-03-01T10:00:00Z\n---\nText.";
        assert_eq!(metadata_date(md), Some(d("2024-03-01")));
        let html = r#"<html><head><meta property="article:published_time" content="2023-11-18T09:30:00+01:00"></head><body><p>x</p></body></html>"#;
        assert_eq!(metadata_date(html), Some(d("2023-11-18")));
        let time = r#"<html><body><p>By X</p><time class="t" datetime='2022-08-31'>Aug 31</time></body></html>"#;
        assert_eq!(metadata_date(time), Some(d("2022-08-31")));
        let line = |t: &str, lang| document_date(t, t, lang).map(|(d, _)| d.to_string());
        assert_eq!(
            line("Titre\n\nPublié le 1er mars 2024 à 10h\n\nTexte.", Lang::Fr).as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(
            line(
                "Headline\nBy Thomson Reuters Aug 31, 2022 | 1:38 PM\nText.",
                Lang::En
            )
            .as_deref(),
            Some("2022-08-31")
        );
        assert_eq!(
            line("Friday, March 1, 2024\nMusk sued OpenAI.", Lang::En).as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(
            line(" date 2022-11 Au fil des mois, les inquiétudes grandissent autour du cloud et de la position dominante de certains acteurs.", Lang::Fr).as_deref(),
            Some("2022-11")
        );
        assert_eq!(
            line("Le 03/05/2023, à Paris\nTexte.", Lang::Fr).as_deref(),
            Some("2023-05-03")
        );
        // A date in running text is what the article reports, not when it was written.
        assert_eq!(
            line("Jane Porter, who founded Acme on March 1, 2015, said on Tuesday that she would leave the company she has led for nine years.", Lang::En),
            None
        );
        assert_eq!(line("Musk quit OpenAI in 2018\nText.", Lang::En), None);
    }
}
