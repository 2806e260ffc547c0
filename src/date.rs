//! Dates as news states them: a year ("en 2018"), a month ("March 2024") or a day ("1er mars
//! 2024"). A date stands for every day it covers, so comparisons respect its precision:
//! `2018` overlaps `2018-01-01 .. 2018-12-31`, and `2018-03` is neither before nor after
//! `2018-03-15`.
//!
//! ```
//! use relgraph::date::{Date, Precision};
//! let year: Date = "2018".parse().unwrap();
//! let day: Date = "2018-03-15".parse().unwrap();
//! assert_eq!(year.precision(), Precision::Year);
//! assert!(day.overlaps(Some(year), Some(year)));
//! assert!(year.overlaps(Some("2018-01-01".parse().unwrap()), Some("2018-12-31".parse().unwrap())));
//! assert_eq!(year.last_day().to_string(), "2018-12-31");
//! assert!("2018-13-01".parse::<Date>().is_err());
//! assert!("March 2018".parse::<Date>().is_err());
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};

/// A calendar date known to the year, the month or the day. Ordered by its first day, the
/// coarser date first when two start together (`2018` < `2018-01` < `2018-01-01`), which is
/// the order a timeline lists them in.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: u16,
    /// 1–12, or 0 when only the year is known.
    month: u8,
    /// 1–31, or 0 when only the month (or year) is known.
    day: u8,
}

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl Date {
    /// A year, 1–9999.
    pub fn from_year(year: i64) -> Result<Date> {
        if !(1..=9999).contains(&year) {
            return Err(Error::Invalid(format!(
                "year {year} is out of range (1 to 9999)"
            )));
        }
        Ok(Date {
            year: year as u16,
            month: 0,
            day: 0,
        })
    }

    /// A month of a year.
    pub fn from_month(year: i64, month: u32) -> Result<Date> {
        let mut d = Date::from_year(year)?;
        if !(1..=12).contains(&month) {
            return Err(Error::Invalid(format!(
                "month {month} does not exist (1 to 12)"
            )));
        }
        d.month = month as u8;
        Ok(d)
    }

    /// A day of a month.
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Result<Date> {
        let mut d = Date::from_month(year, month)?;
        let last = days_in_month(d.year as i64, month);
        if day == 0 || day > last {
            return Err(Error::Invalid(format!(
                "{year:04}-{month:02} has no day {day} (it has {last} days)"
            )));
        }
        d.day = day as u8;
        Ok(d)
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (0, _) => Precision::Year,
            (_, 0) => Precision::Month,
            _ => Precision::Day,
        }
    }

    pub fn year(&self) -> i64 {
        self.year as i64
    }

    pub fn month(&self) -> Option<u32> {
        (self.month != 0).then_some(self.month as u32)
    }

    pub fn day(&self) -> Option<u32> {
        (self.day != 0).then_some(self.day as u32)
    }

    /// The same date known only to `precision` (never finer than it is).
    pub fn truncate(self, precision: Precision) -> Date {
        match precision.min(self.precision()) {
            Precision::Year => Date {
                month: 0,
                day: 0,
                ..self
            },
            Precision::Month => Date { day: 0, ..self },
            Precision::Day => self,
        }
    }

    /// The first day the date covers.
    pub fn first_day(&self) -> Date {
        Date {
            year: self.year,
            month: self.month.max(1),
            day: self.day.max(1),
        }
    }

    /// The last day the date covers.
    pub fn last_day(&self) -> Date {
        let month = if self.month == 0 { 12 } else { self.month };
        let day = if self.day == 0 {
            days_in_month(self.year as i64, month as u32) as u8
        } else {
            self.day
        };
        Date {
            year: self.year,
            month,
            day,
        }
    }

    /// True when some day of this date falls between `since` and `until` (each inclusive,
    /// each at its own precision; an open end is unbounded).
    pub fn overlaps(&self, since: Option<Date>, until: Option<Date>) -> bool {
        since.is_none_or(|s| self.last_day() >= s.first_day())
            && until.is_none_or(|u| self.first_day() <= u.last_day())
    }

    /// True when every day of this date comes before every day of `other`.
    pub fn wholly_before(&self, other: &Date) -> bool {
        self.last_day() < other.first_day()
    }

    /// The one that starts first (the coarser on a tie); either when one is missing.
    pub fn earliest(a: Option<Date>, b: Option<Date>) -> Option<Date> {
        match (a, b) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// The one that ends last (`2018` ends after `2018-05`); either when one is missing.
    pub fn latest(a: Option<Date>, b: Option<Date>) -> Option<Date> {
        match (a, b) {
            (Some(a), Some(b)) if b.last_day() > a.last_day() => Some(b),
            (Some(a), _) => Some(a),
            (None, b) => b,
        }
    }

    /// Days since 1970-01-01 of the first day.
    pub fn day_number(&self) -> i64 {
        let d = self.first_day();
        days_from_civil(d.year as i64, d.month as u32, d.day as u32)
    }

    /// The day `n` days after this one (a day-precision date only).
    pub fn add_days(&self, n: i64) -> Option<Date> {
        if self.precision() != Precision::Day {
            return None;
        }
        let (y, m, d) = civil_from_days(self.day_number() + n);
        Date::from_ymd(y, m, d).ok()
    }

    /// The month `n` months after this one, at month precision (a month or day date only).
    pub fn add_months(&self, n: i64) -> Option<Date> {
        let m = self.month()? as i64 - 1 + n;
        Date::from_month(
            self.year as i64 + m.div_euclid(12),
            (m.rem_euclid(12) + 1) as u32,
        )
        .ok()
    }

    /// Day of the week, 0 = Monday … 6 = Sunday (a day-precision date only).
    pub fn weekday(&self) -> Option<u32> {
        (self.precision() == Precision::Day)
            // 1970-01-01 was a Thursday.
            .then(|| (self.day_number() + 3).rem_euclid(7) as u32)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month != 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day != 0 {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Date({self})")
    }
}

impl FromStr for Date {
    type Err = Error;
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (one- or two-digit month and day); nothing else.
    fn from_str(s: &str) -> Result<Date> {
        let t = s.trim();
        let bad = |why: &str| Error::BadDate {
            text: s.to_string(),
            detail: why.to_string(),
        };
        let parts: Vec<&str> = t.split('-').collect();
        let digits = |p: &str, min: usize, max: usize| {
            (min..=max).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
        };
        if parts.len() > 3 || !digits(parts[0], 4, 4) {
            return Err(bad(""));
        }
        if parts[1..].iter().any(|p| !digits(p, 1, 2)) {
            return Err(bad(""));
        }
        let num = |p: &str| p.parse::<u32>().unwrap_or(0);
        let year = num(parts[0]) as i64;
        let date = match parts.len() {
            1 => Date::from_year(year),
            2 => Date::from_month(year, num(parts[1])),
            _ => Date::from_ymd(year, num(parts[1]), num(parts[2])),
        };
        date.map_err(|e| match e {
            Error::Invalid(why) => bad(&format!(" ({why})")),
            other => other,
        })
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Date, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

pub fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

// Howard Hinnant's civil-calendar algorithms: exact for every proleptic Gregorian date.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn parses_the_three_precisions_and_nothing_else() {
        assert_eq!(d("2018").precision(), Precision::Year);
        assert_eq!(d("2018-03").precision(), Precision::Month);
        assert_eq!(d(" 2018-3-1 ").to_string(), "2018-03-01");
        for bad in [
            "18",
            "2018-13-01",
            "March 2018",
            "2023-02-29",
            "2018-00",
            "2018-03-01-02",
            "",
            "2018/03/01",
            "20180",
            "2018-",
        ] {
            let err = bad.parse::<Date>().unwrap_err().to_string();
            assert!(
                err.contains("is not a date") && err.contains("YYYY-MM-DD"),
                "{bad}: {err}"
            );
        }
        assert!("2018-13-01"
            .parse::<Date>()
            .unwrap_err()
            .to_string()
            .contains("month 13"));
        assert_eq!(d("2024-02-29").to_string(), "2024-02-29");
    }

    #[test]
    fn comparisons_respect_precision() {
        let y = d("2018");
        assert!(y.overlaps(Some(d("2018-01-01")), Some(d("2018-12-31"))));
        assert!(d("2018-06-30").overlaps(Some(y), Some(y)));
        assert!(!d("2017-12-31").overlaps(Some(y), None));
        assert!(!d("2019-01").overlaps(None, Some(y)));
        assert!(d("2018-03").overlaps(Some(d("2018-03-31")), None));
        assert!(!d("2018-03").wholly_before(&d("2018-03-15")));
        assert!(d("2018-02").wholly_before(&d("2018-03-01")));
        assert!(d("2018") < d("2018-01") && d("2018-01") < d("2018-01-01"));
        assert_eq!(d("2023-02").last_day(), d("2023-02-28"));
        assert_eq!(d("2023-06-06").truncate(Precision::Month), d("2023-06"));
        assert_eq!(
            Date::latest(Some(d("2018-05")), Some(d("2018"))),
            Some(d("2018"))
        );
        assert_eq!(
            Date::earliest(Some(d("2018-05")), Some(d("2018"))),
            Some(d("2018"))
        );
        assert_eq!(Date::latest(None, Some(d("2018"))), Some(d("2018")));
    }

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(d("2024-03-01").weekday(), Some(4)); // a Friday
        assert_eq!(d("1970-01-01").weekday(), Some(3)); // a Thursday
        assert_eq!(d("2024-03-01").add_days(-1), Some(d("2024-02-29")));
        assert_eq!(d("2023-12-31").add_days(1), Some(d("2024-01-01")));
        assert_eq!(d("2024-01-15").add_months(-1), Some(d("2023-12")));
        assert_eq!(d("2024").add_days(1), None);
        for n in [-800_000i64, -1, 0, 1, 19_000, 2_900_000] {
            let (y, m, dd) = civil_from_days(n);
            assert_eq!(days_from_civil(y, m, dd), n);
        }
    }

    #[test]
    fn serializes_as_its_text() {
        let v = serde_json::to_string(&d("2018-03")).unwrap();
        assert_eq!(v, "\"2018-03\"");
        assert_eq!(serde_json::from_str::<Date>(&v).unwrap(), d("2018-03"));
        assert!(serde_json::from_str::<Date>("\"2018-13\"").is_err());
        // The same bytes as the string it replaced in stored values.
        let as_date = crate::store::codec::encode(&Some(d("2018")));
        let as_text = crate::store::codec::encode(&Some("2018".to_string()));
        assert_eq!(as_date, as_text);
    }
}
