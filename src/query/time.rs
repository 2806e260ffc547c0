//! Time over the graph: when an edge was reported, the interval its sentences say it held
//! (`leads` / `member_of` from the date stated for taking the role, closed by a later
//! `left` between the same two entities), "as of" questions, and timelines.

use serde::Serialize;

use super::EvidenceFilter;
use crate::error::Result;
use crate::model::*;
use crate::store::Store;

/// When an edge was reported and when it held.
///
/// ```
/// use relgraph::query::Timing;
/// let d = |s: &str| Some(s.parse().unwrap());
/// // Took the role in March 2019, left in June 2023.
/// let t = Timing { held_from: d("2019-03"), held_until: d("2023-06"), ..Default::default() };
/// assert!(!t.holds_on("2018-12-31".parse().unwrap()));
/// assert!(t.holds_on("2021-01-01".parse().unwrap()));
/// assert!(!t.holds_on("2024-01-01".parse().unwrap()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Timing {
    /// The earliest and latest dates of the documents behind the edge.
    pub first_reported: Option<Date>,
    pub last_reported: Option<Date>,
    /// From when it held: the earliest date its sentences state, else the earliest
    /// document date.
    pub held_from: Option<Date>,
    /// Until when (`leads`, `member_of`): the date of a later `left` between the same two
    /// entities, stated or else reported.
    pub held_until: Option<Date>,
}

impl Timing {
    /// Whether the edge held on `day`: begun by then and not yet closed. An edge with no
    /// date at all holds on no date.
    pub fn holds_on(&self, day: Date) -> bool {
        let Some(from) = self.held_from else {
            return false;
        };
        from.first_day() <= day.last_day()
            && self
                .held_until
                .is_none_or(|u| u.first_day() > day.first_day())
    }

    /// The span of dates the edge answers `--since` / `--until` with: stated dates, else
    /// reported ones.
    pub fn span(&self, data: &EdgeData) -> (Option<Date>, Option<Date>) {
        if data.first_date.is_some() || data.last_date.is_some() {
            (data.first_date, data.last_date)
        } else {
            (self.first_reported, self.last_reported)
        }
    }
}

/// One dated sentence about an entity, as `timeline` lists them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    pub date: Date,
    /// `stated` (the sentence gives the date) or `reported` (the document's date).
    pub dated_by: &'static str,
    pub relation: RelationKind,
    /// "->" from the entity, "<-" to it, "--" symmetric.
    pub direction: &'static str,
    pub other: String,
    /// `affirmed`, or `denied` for counter-evidence.
    pub polarity: Polarity,
    pub sentence: String,
    pub document: String,
    pub title: String,
}

/// Whether a relation is a state that a later `left` ends.
fn ends_with_leaving(r: RelationKind) -> bool {
    matches!(r, RelationKind::Leads | RelationKind::MemberOf)
}

impl Store {
    /// The timing of an edge from its evidence (`evidence`, as [`Store::evidence_of`] gives
    /// it), and for a role, from the `left` edge between the same two entities.
    pub fn timing_of(&self, key: &EdgeKey, evidence: &[Evidence]) -> Result<Timing> {
        let mut t = Timing::default();
        let mut stated: Option<Date> = None;
        for e in evidence {
            t.first_reported = Date::earliest(t.first_reported, e.reported);
            t.last_reported = Date::latest(t.last_reported, e.reported);
            stated = Date::earliest(stated, e.date);
        }
        t.held_from = stated.or(t.first_reported);
        if ends_with_leaving(key.relation) {
            let left = EdgeKey::new(key.source, RelationKind::Left, key.target);
            for e in self.evidence_of(&left)? {
                let Some(at) = e.date.or(e.reported) else {
                    continue;
                };
                let later = t.held_from.is_none_or(|f| at.first_day() > f.first_day());
                if later {
                    t.held_until = Date::earliest(t.held_until, Some(at));
                }
            }
        }
        Ok(t)
    }

    /// [`Store::timing_of`], reading the edge's evidence.
    pub fn timing(&self, key: &EdgeKey) -> Result<Timing> {
        let key = EdgeKey::new(key.source, key.relation, key.target);
        let evidence = self.evidence_of(&key)?;
        self.timing_of(&key, &evidence)
    }

    /// The dated evidence involving `id` in date order (the date a sentence states, else its
    /// document's date; undated sentences are left out), optionally only with `with` at the
    /// other end, or of one relation. Denials are listed too, with their polarity.
    pub fn timeline(
        &self,
        id: EntityId,
        with: Option<EntityId>,
        relation: Option<RelationKind>,
    ) -> Result<Vec<TimelineEntry>> {
        let name = self.entity(id)?.map(|e| e.name).unwrap_or_default();
        let rows = self.evidence(&EvidenceFilter {
            entity: Some(id),
            relations: relation.into_iter().collect(),
            other: with,
            ..Default::default()
        })?;
        let mut out: Vec<TimelineEntry> = rows
            .into_iter()
            .filter_map(|r| {
                let (date, dated_by) = match (r.date, r.reported) {
                    (Some(d), _) => (d, "stated"),
                    (None, Some(d)) => (d, "reported"),
                    (None, None) => return None,
                };
                let outgoing = r.source == name;
                let direction = if r.relation.is_symmetric() {
                    "--"
                } else if outgoing {
                    "->"
                } else {
                    "<-"
                };
                Some(TimelineEntry {
                    date,
                    dated_by,
                    relation: r.relation,
                    direction,
                    other: if outgoing { r.target } else { r.source },
                    polarity: r.polarity,
                    sentence: r.sentence,
                    document: r.document,
                    title: r.title,
                })
            })
            .collect();
        // Stable: sentences of one date keep the order of their edges and documents.
        out.sort_by_key(|e| e.date);
        Ok(out)
    }
}
